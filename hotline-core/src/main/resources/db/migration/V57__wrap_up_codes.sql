-- How a call ended, as the specialist files it when the call is over (issue 16, the desk's wrap-up): an
-- administrator's list of codes in Kazakh and Russian, and the code each specialist gave each call.
create table wrap_up_code (
    code       text primary key check (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
    name_kk    text    not null,
    name_ru    text    not null,
    active     boolean not null default true,
    sort_order integer not null default 0
);
insert into wrap_up_code (code, name_kk, name_ru, sort_order) values
    ('CONSULTED', 'Кеңес берілді', 'Консультация дана', 10),
    ('REFERRED_TO_CENTRE', 'Орталыққа жолданды', 'Направлен в центр', 20),
    ('CALLBACK_NEEDED', 'Кері қоңырау керек', 'Нужен обратный звонок', 30),
    ('WRONG_NUMBER', 'Қате нөмір', 'Ошибочный звонок', 40),
    ('SILENT_OR_PRANK', 'Үнсіз не бұзақылық қоңырау', 'Молчание или хулиганский звонок', 50),
    ('OTHER', 'Басқа', 'Другое', 90);

create table call_wrap_up (
    pbx_id   text        not null,
    linkedid text        not null,
    username text        not null,
    code     text        not null references wrap_up_code (code),
    at       timestamptz not null,
    primary key (pbx_id, linkedid, username)
);
