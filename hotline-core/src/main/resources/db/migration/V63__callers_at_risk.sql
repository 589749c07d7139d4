-- A caller at risk (issue 19): the administrators' risk categories (kk/ru, each with the protocol the specialist works
-- through and how soon the caller must be called back), the flags put on calls, and the follow-up of each flag until
-- it is closed with an outcome.
create table risk_category (
    code                  text    primary key check (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
    name_kk               text    not null check (length(name_kk) between 1 and 200),
    name_ru               text    not null check (length(name_ru) between 1 and 200),
    -- the protocol's steps: [{"kk": "...", "ru": "..."}]
    protocol              jsonb   not null default '[]'::jsonb,
    follow_up_hours       integer not null default 48 check (follow_up_hours between 1 and 720),
    follow_up_hours_urgent integer not null default 24 check (follow_up_hours_urgent between 1 and 720),
    active                boolean not null default true,
    sort_order            integer not null default 0
);
insert into risk_category (code, name_kk, name_ru, protocol, follow_up_hours, follow_up_hours_urgent, sort_order) values
    ('SUICIDE_SELF_HARM', 'Өз-өзіне қол жұмсау, өзіне зиян келтіру', 'Суицид, самоповреждение',
     '[{"kk": "Өз-өзіне қол жұмсау ойы бар ма екенін тікелей сұрау", "ru": "Прямо спросить о мыслях о самоубийстве"},
       {"kk": "Қазір қауіпсіз бе, жанында кім бар екенін анықтау", "ru": "Выяснить, в безопасности ли человек сейчас и кто рядом"},
       {"kk": "Дағдарыс желісінің нөмірін беру (150, 111)", "ru": "Дать номер кризисной линии (150, 111)"},
       {"kk": "Кері қоңырау уақытын келісу", "ru": "Договориться о времени обратного звонка"}]'::jsonb, 24, 4, 10),
    ('VIOLENCE_ABUSE', 'Отбасындағы зорлық-зомбылық', 'Насилие, жестокое обращение',
     '[{"kk": "Қазір қауіп бар ма екенін сұрау", "ru": "Спросить, есть ли опасность прямо сейчас"},
       {"kk": "Полиция (102) мен сенім телефонының (150) нөмірін беру", "ru": "Дать номера полиции (102) и телефона доверия (150)"},
       {"kk": "Дағдарыс орталығына жолдау ұсыну", "ru": "Предложить направление в кризисный центр"},
       {"kk": "Кері қоңырау уақытын келісу", "ru": "Договориться о времени обратного звонка"}]'::jsonb, 24, 8, 20),
    ('RECRUITMENT', 'Деструктивті топқа тарту, соғыс аймағына кету', 'Вербовка, выезд в зону конфликта',
     '[{"kk": "Кім, қашан, қайда кетпек екенін анықтау", "ru": "Выяснить, кто, когда и куда собирается выехать"},
       {"kk": "Отбасына теологпен кездесуді ұсыну", "ru": "Предложить семье встречу с теологом"},
       {"kk": "Супервайзерге бірден хабарлау", "ru": "Сразу сообщить супервайзеру"},
       {"kk": "Кері қоңырау уақытын келісу", "ru": "Договориться о времени обратного звонка"}]'::jsonb, 48, 12, 30),
    ('THREAT_TO_OTHERS', 'Басқаларға қауіп төндіру', 'Угроза другим',
     '[{"kk": "Қауіптің нақты екенін, кімге бағытталғанын анықтау", "ru": "Выяснить, насколько угроза реальна и против кого"},
       {"kk": "Супервайзерге бірден хабарлау", "ru": "Сразу сообщить супервайзеру"},
       {"kk": "Қажет болса 102 нөміріне хабарлау", "ru": "При необходимости сообщить в 102"}]'::jsonb, 24, 4, 40),
    ('OTHER', 'Басқа қауіп', 'Другой риск',
     '[{"kk": "Қауіптің не екенін жазу", "ru": "Записать, в чём риск"},
       {"kk": "Кері қоңырау уақытын келісу", "ru": "Договориться о времени обратного звонка"}]'::jsonb, 72, 24, 50);

create table risk_flag (
    id               bigserial   primary key,
    pbx_id           text        not null,
    linkedid         text        not null,
    category         text        not null references risk_category (code),
    level            text        not null check (level in ('CONCERN', 'URGENT')),
    flagged_by       text        not null,
    flagged_at       timestamptz not null,
    specialist       text,                    -- the specialist on the call when it was flagged, as the queues name them
    queue            text,
    talking_since    timestamptz,             -- when the specialist answered (the alert's talk time)
    acknowledged_by  text,
    acknowledged_at  timestamptz,
    escalations      integer     not null default 0,  -- on-call contacts called so far
    escalated_at     timestamptz,
    protocol_done    jsonb       not null default '[]'::jsonb,  -- the protocol steps done: [0, 2]
    follow_up_due    timestamptz not null,
    follow_up_owner  text        not null,
    attempts         integer     not null default 0,
    overdue_alerted_at timestamptz,         -- when supervisors were told the follow-up is overdue
    closed_at        timestamptz,
    closed_by        text,
    outcome          text        check (outcome in ('REACHED', 'REFERRED', 'NOT_REACHABLE')),
    referral_partner text,
    outcome_note     text        check (length(outcome_note) <= 2000),
    check ((closed_at is null) = (outcome is null))
);
create index risk_flag_call on risk_flag (pbx_id, linkedid);
create index risk_flag_at on risk_flag (flagged_at);
create index risk_flag_open on risk_flag (follow_up_due) where closed_at is null;

-- each try to call the caller back, with what happened
create table risk_attempt (
    id       bigserial   primary key,
    flag_id  bigint      not null references risk_flag (id),
    at       timestamptz not null,
    by_user  text        not null,
    note     text        check (length(note) <= 1000)
);
create index risk_attempt_flag on risk_attempt (flag_id);
