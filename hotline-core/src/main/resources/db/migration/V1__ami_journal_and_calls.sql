-- The raw AMI journal: every event packet as the PBX sent it, append-only.
-- Ids come from a sequence stepping by 1000: one nextval reserves the ids of a whole batch.
create sequence ami_journal_id_seq increment by 1000;

create table ami_journal (
    id          bigint primary key,
    pbx_id      text        not null,
    received_at timestamptz not null,
    event_ts    timestamptz,            -- the packet's own Timestamp header, when present
    event       text        not null,   -- the Event header
    linkedid    text,                   -- Linkedid / LinkedID header, when present
    uniqueid    text,
    raw         text        not null    -- the packet's lines, "Key: Value" joined by \n
);
create index ami_journal_call on ami_journal (pbx_id, linkedid, id) where linkedid is not null;
create index ami_journal_received on ami_journal (pbx_id, received_at);

create function ami_journal_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'ami_journal is append-only (% refused)', tg_op;
end $$;
create trigger ami_journal_append_only before update or delete on ami_journal
    for each row execute function ami_journal_is_append_only();

-- One row per logical call, keyed by (PBX, Linkedid).
create table calls (
    pbx_id              text        not null,
    linkedid            text        not null,
    started_at          timestamptz not null,
    ivr_answered_at     timestamptz,
    ended_at            timestamptz,
    caller_number       text,                -- E.164, null when withheld or unreadable
    caller_withheld     boolean     not null,
    caller_raw          text,
    caller_name         text,
    operator            text,
    region              text,
    dialled_number      text,
    ivr_choice          text,
    queues              text[]      not null,
    wait_seconds        integer,
    answered_by         text[]      not null,
    talk_seconds        integer,
    transfers           jsonb       not null,
    hangup_by           text,
    outcome             text        not null,
    wrong_number_reason text,
    repeat_caller       boolean     not null,
    recovered           boolean     not null default false,
    updated_at          timestamptz not null,
    primary key (pbx_id, linkedid)
);
create index calls_started on calls (started_at desc);
create index calls_caller on calls (caller_number, started_at) where caller_number is not null;
create index calls_outcome on calls (outcome, started_at);
