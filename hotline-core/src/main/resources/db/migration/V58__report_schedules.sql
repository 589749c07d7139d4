-- Reports sent by e-mail on a schedule (issue 16): the call-log export or the interim report of the last full
-- week or month, to a list of addresses, in Kazakh or Russian; the owner is the reporter who set it up.
create table report_schedule (
    id           bigserial primary key,
    owner        text        not null,
    kind         text        not null check (kind in ('CALL_LOG', 'INTERIM_REPORT')),
    frequency    text        not null check (frequency in ('WEEKLY', 'MONTHLY')),
    recipients   text[]      not null check (cardinality(recipients) between 1 and 20),
    language     text        not null check (language in ('kk', 'ru')),
    project_id   bigint      references grant_project (id) on delete cascade,
    next_run_at  timestamptz not null,
    last_sent_at timestamptz,
    last_error   text,
    created_at   timestamptz not null,
    check (kind <> 'INTERIM_REPORT' or project_id is not null)
);

create index report_schedule_due on report_schedule (next_run_at);
