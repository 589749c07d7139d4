-- Users of the console and the API. Roles: OPERATOR, SPECIALIST, SUPERVISOR, REPORTER, ADMIN.
create table app_user (
    id            bigserial primary key,
    username      text        not null unique,
    password_hash text        not null,
    display_name  text        not null,
    roles         text[]      not null,
    enabled       boolean     not null default true,
    locale        text        not null default 'kk',
    created_at    timestamptz not null default now()
);

-- Who saw or changed personal data, when: append-only, readable by admins, editable by nobody.
create table audit_log (
    id         bigserial primary key,
    at         timestamptz not null default now(),
    username   text        not null,
    action     text        not null,   -- e.g. CALLS_VIEWED_UNMASKED, CALL_TIMELINE_VIEWED, USER_CREATED
    subject    text,                   -- what was touched (a call's linkedid, a filter, a user)
    detail     text
);
create index audit_log_at on audit_log (at desc);

create function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only (% refused)', tg_op;
end $$;
create trigger audit_log_append_only before update or delete on audit_log
    for each row execute function audit_log_is_append_only();
