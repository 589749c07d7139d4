-- Consultation cases: the record of every substantive contact (issue "Consultation cases").

-- Admin-managed taxonomy; codes are stable (API, reports), names are shown in Kazakh and Russian.
create table case_category (
    code       text primary key,
    name_kk    text    not null,
    name_ru    text    not null,
    active     boolean not null default true,
    sort_order integer not null default 100
);
insert into case_category (code, name_kk, name_ru, sort_order) values
    ('RELIGION_QUESTION', 'Дін туралы сұрақ', 'Вопрос о религии', 10),
    ('PSYCHOLOGICAL_SUPPORT', 'Психологиялық қолдау', 'Психологическая поддержка', 20),
    ('HARMED_BY_DESTRUCTIVE_MOVEMENT', 'Деструктивті діни ағымнан зардап шеккен', 'Пострадавший от деструктивного течения', 30),
    ('RELATIVES_CONCERN', 'Туыстарының алаңдаушылығы', 'Обращение родственников', 40),
    ('INFORMATION_REQUEST', 'Ақпарат сұрау', 'Запрос информации', 50),
    ('COMPLAINT', 'Шағым', 'Жалоба', 60),
    ('OTHER', 'Басқа', 'Другое', 90);

-- Movements involved. The source documents name no movement, only "destructive religious movements"
-- in general, so the list starts with that one entry; administrators add names as cases need them.
create table movement (
    code       text primary key,
    name_kk    text    not null,
    name_ru    text    not null,
    active     boolean not null default true
);
insert into movement (code, name_kk, name_ru) values
    ('UNSPECIFIED_DESTRUCTIVE', 'Деструктивті діни ағым (атауы көрсетілмеген)', 'Деструктивное религиозное течение (не указано)');

-- Partner organisations a case can be referred to: the memoranda partners of seed 004.
create table partner_organisation (
    code    text primary key,
    name_kk text    not null,
    city    text,
    active  boolean not null default true
);
insert into partner_organisation (code, name_kk, city) values
    ('ALMATY_REGION_ANALYSIS_CENTRE', 'Алматы облысының ішкі саясат басқармасы «Талдау және болжау орталығы»', 'Талдықорған'),
    ('ALMATY_REHABILITATION_CENTRE', 'Алматы қаласы қоғамдық даму басқармасы жанындағы кеңес беру және оңалту орталығы (Жеке қор «SAYONE»)', 'Алматы'),
    ('ALMATY_MONITORING_CENTRE', 'Алматы қаласы қоғамдық даму басқармасы «Талдау және мониторинг орталығы»', 'Алматы');

-- Gapless case numbers per year: 114-YYYY-NNNNN.
create table case_number_counter (
    year integer primary key,
    last integer not null
);

create table consultation_case (
    id                  bigserial primary key,
    number              text        not null unique,
    opened_at           timestamptz not null default now(),
    opened_by           text        not null,
    category            text        not null references case_category (code),
    movement            text        references movement (code),
    question            text        not null,
    answer              text,
    specialist          text,                       -- username of the specialist the case is assigned to
    language            text        not null check (language in ('kk', 'ru')),
    status              text        not null check (status in ('OPEN', 'IN_PROGRESS', 'REFERRED', 'CLOSED')),
    gender              text,
    age_bracket         text,
    social_status       text,
    region              text,
    callback_consent    boolean     not null default false,
    referral_partner    text        references partner_organisation (code),
    referral_note       text,
    updated_at          timestamptz not null default now()
);
create index consultation_case_opened on consultation_case (opened_at desc);
create index consultation_case_specialist on consultation_case (specialist);
create index consultation_case_opened_by on consultation_case (opened_by);

-- The calls of a case (a case may span several calls: follow-ups). The phone number stays on the call.
create table case_call (
    case_id  bigint not null references consultation_case (id),
    pbx_id   text   not null,
    linkedid text   not null,
    added_at timestamptz not null default now(),
    primary key (case_id, pbx_id, linkedid)
);
create index case_call_call on case_call (pbx_id, linkedid);

create table case_status_change (
    id        bigserial primary key,
    case_id   bigint      not null references consultation_case (id),
    at        timestamptz not null default now(),
    by_user   text        not null,
    from_status text,
    to_status text        not null,
    note      text
);

create table case_follow_up (
    id        bigserial primary key,
    case_id   bigint      not null references consultation_case (id),
    due_on    date        not null,
    what      text        not null,
    done      boolean     not null default false,
    done_at   timestamptz
);

-- Transactional outbox of the search index: written in the same transaction as the change,
-- drained into Elasticsearch by the search feature (nothing lost while it is down).
create table search_outbox (
    id          bigserial primary key,
    doc_type    text        not null,
    doc_id      text        not null,
    created_at  timestamptz not null default now()
);
