-- Grant projects and interim reports (issue 7, items 1 and 2).

create table grant_project (
    id             bigserial primary key,
    name           text    not null,
    grantee        text    not null,
    agreement_no   text,
    agreement_date date,
    grant_sum      numeric(15, 2) check (grant_sum >= 0),
    period_from    date    not null,
    period_to      date    not null,
    check (period_to >= period_from)
);

-- міндет
create table grant_task (
    id         bigserial primary key,
    project_id bigint  not null references grant_project (id) on delete cascade,
    number     integer not null check (number > 0),
    title      text    not null,
    unique (project_id, number)
);

-- іс-шара
create table grant_activity (
    id      bigserial primary key,
    task_id bigint  not null references grant_task (id) on delete cascade,
    number  integer not null check (number > 0),
    title   text    not null,
    unique (task_id, number)
);

-- нысаналы индикатор: planned target; the actual value is computed from a named metric, or entered by hand
create table grant_indicator (
    id            bigserial primary key,
    activity_id   bigint  not null references grant_activity (id) on delete cascade,
    name          text    not null,
    unit          text    not null,
    planned       numeric(15, 2) not null check (planned >= 0),
    metric        text,             -- kz.hotline114.reports.Metric, null = entered by hand
    manual_actual numeric(15, 2),
    evidence      text,
    sort_order    integer not null default 0,
    check (metric is null or manual_actual is null)
);

-- Reporting periods the agreement names (the interim report picks one, or any dates).
create table grant_reporting_period (
    id         bigserial primary key,
    project_id bigint not null references grant_project (id) on delete cascade,
    label      text   not null,
    period_from date  not null,
    period_to   date  not null,
    check (period_to >= period_from)
);

-- An interim report of a project for a period. Its editable content (narrative per activity, deviation
-- justifications, risks, attachments) is versioned: every save is a new version; the latest is the draft.
-- Finalising stores the whole report, figures included, as an immutable snapshot.
create table interim_report (
    id           bigserial primary key,
    project_id   bigint      not null references grant_project (id),
    period_from  date        not null,
    period_to    date        not null,
    status       text        not null default 'DRAFT' check (status in ('DRAFT', 'FINAL')),
    snapshot     json,              -- json, not jsonb: keeps the report exactly as rendered (key order too)
    finalised_at timestamptz,
    finalised_by text,
    created_at   timestamptz not null default now(),
    check (period_to >= period_from),
    check ((status = 'FINAL') = (snapshot is not null))
);
create unique index interim_report_one_draft on interim_report (project_id, period_from, period_to)
    where status = 'DRAFT';

create table interim_report_version (
    report_id bigint      not null references interim_report (id),
    version   integer     not null,
    content   jsonb       not null,
    saved_by  text        not null,
    saved_at  timestamptz not null default now(),
    primary key (report_id, version)
);

create function interim_report_final_is_immutable() returns trigger language plpgsql as $$
begin
    if old.status = 'FINAL' then
        raise exception 'interim report % is final and cannot change (% refused)', old.id, tg_op;
    end if;
    return case when tg_op = 'DELETE' then old else new end;
end $$;
create trigger interim_report_immutable before update or delete on interim_report
    for each row execute function interim_report_final_is_immutable();

create function interim_report_version_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'report versions are append-only (% refused)', tg_op;
end $$;
create trigger interim_report_version_append_only before update or delete on interim_report_version
    for each row execute function interim_report_version_append_only();

create function interim_report_version_of_draft() returns trigger language plpgsql as $$
begin
    if (select status from interim_report where id = new.report_id) = 'FINAL' then
        raise exception 'interim report % is final: no new version', new.report_id;
    end if;
    return new;
end $$;
create trigger interim_report_version_of_draft before insert on interim_report_version
    for each row execute function interim_report_version_of_draft();

-- The example project: seed 004's grant, its three tasks, their activities and indicators.
insert into grant_project (id, name, grantee, agreement_no, agreement_date, grant_sum, period_from, period_to)
values (1, 'Діни қатынастар саласында консультациялық және практикалық көмек көрсету бойынша «Қауырт желінің» жұмысын ұйымдастыру',
        '«Ізгілікті істер» қоғамдық қоры', '№ 114-2019', '2019-05-31', 15755000, '2019-05-31', '2019-11-30');
insert into grant_reporting_period (project_id, label, period_from, period_to) values
    (1, '1 аралық есеп', '2019-05-31', '2019-08-29'),
    (1, 'Қорытынды есеп', '2019-05-31', '2019-11-30');
insert into grant_task (id, project_id, number, title) values
    (1, 1, 1, 'Азаматтар мен ұйымдардың діни салаға қатысты барлық мәселелер бойынша ақпараттарға қол жеткізуді қамтамасыз ету, сондай-ақ бірыңғай республикалық «Қауырт желі» қызметі арқылы деструктивті діни қызметтен зардап шеккендерге консультациялық және психологиялық көмек көрсету.'),
    (2, 1, 2, 'Орталықтың қызметін ұйымдастыруда мемлекеттік органдармен және ұқсас орталықтармен өзара іс-қимыл бойынша деструктивті діни ағымдардан зардап шеккен адамдарға консультативтік көмек көрсету бойынша «колл-центр» қағидаты бойынша «Қауырт желіні» қолдау.'),
    (3, 1, 3, 'Қызметті тұрақты мониторингтеу және тиімділігін бағалау.');
insert into grant_activity (id, task_id, number, title) values
    (1, 1, 1, 'Діни салаға қатысты мәселелер бойынша ақпараттандыру жұмыстарын жүргізу.'),
    (2, 1, 2, 'Бірыңғай республикалық «Қауырт желі» қызметін ұйымдастыру арқылы деструктивті діни қызметтен зардап шеккендерге консультациялық және психологиялық көмек көрсету.'),
    (3, 1, 3, 'Деструктивті діни қызметтен зардап шеккендерге консультациялық және психологиялық көмек көрсету орталығын ашу және қызметін ұйымдастыру.'),
    (4, 2, 1, 'Мемлекеттік органдармен және ұқсас орталықтармен бірлесе жұмыс атқару мақсатында меморандум жасап, тәжірибе алмасу мақсатында отырыс өткізу.'),
    (5, 2, 2, '«Қауырт желі» және орталық қызметі туралы ақпараттық сүйемелдеу жұмыстарын жүргізу.'),
    (6, 3, 1, '«Қауырт желі» және орталық қызметін тұрақты мониторингтеу және тиімділігін бағалауды жүзеге асыру.');
insert into grant_indicator (activity_id, name, unit, planned, metric, manual_actual, evidence, sort_order) values
    (1, 'Анимациялық видеороликтер', 'дана', 10, null, 7, '№ 1 қосымша: дискідегі электрондық нұсқалар', 1),
    (2, 'Келіп түскен қоңыраулар', 'қоңырау', 1500, 'CALLS_TOTAL', null, null, 1),
    (2, 'Мәнді қоңыраулар (маманмен сөйлесу)', 'қоңырау', 100, 'SUBSTANTIVE_CALLS', null, null, 2),
    (2, 'Дін мәселесі бойынша сұрақтар', 'сұрақ', 100, 'RELIGION_QUESTIONS', null, null, 3),
    (2, 'Психологиялық қолдау туралы жүгінулер', 'жүгіну', 20, 'PSYCHOLOGICAL_SUPPORT_REQUESTS', null, null, 4),
    (3, 'Жеке консультациялар', 'консультация', 80, 'CONSULTATIONS', null, null, 1),
    (3, 'Көшпелі қабылдаудағы консультациялар', 'консультация', 50, 'MOBILE_RECEPTION_CONSULTATIONS', null, null, 2),
    (3, 'Өткізілген іс-шаралар', 'іс-шара', 3, 'EVENTS_HELD', null, null, 3),
    (3, 'Іс-шараларға қатысушылар', 'адам', 60, 'PARTICIPANTS', null, null, 4),
    (4, 'Меморандумдар', 'дана', 3, null, 3, 'Меморандумдар (№ 5 қосымша)', 1),
    (5, 'Телеарналардағы сюжеттер', 'сюжет', 4, null, 4, 'Эфирлік анықтамалар мен сюжет дискілері (№ 6 қосымша)', 1),
    (6, 'Мониторингке тартылған сарапшылар', 'адам', 3, null, 2, 'Сарапшылар тізімі', 1);
select setval('grant_project_id_seq', 1), setval('grant_task_id_seq', 3), setval('grant_activity_id_seq', 6);
