-- Call recordings (issue 18): one per call (the dialplan records a call once, transfers included), encrypted in the
-- store under store_key; size, duration and SHA-256 are the plain WAV's. Deleted (the file; the row keeps the facts
-- and who deleted it) retention-days after the call unless a hold is active.
create table call_recording (
    pbx_id          text        not null,
    linkedid        text        not null,
    store_key       text        not null unique,
    size_bytes      bigint      not null check (size_bytes >= 0),
    duration_ms     bigint      not null check (duration_ms >= 0),
    sha256          text        not null check (sha256 ~ '^[0-9a-f]{64}$'),
    key_id          text        not null,
    call_started_at timestamptz not null,
    taken_at        timestamptz not null,
    deleted_at      timestamptz,
    deleted_by      text,
    primary key (pbx_id, linkedid)
);
create index call_recording_expiry on call_recording (call_started_at) where deleted_at is null;

-- Why a recording is kept past the retention period: a case asks for it, an evaluation uses it, a supervisor holds it.
create table recording_hold (
    id             bigserial   primary key,
    pbx_id         text        not null,
    linkedid       text        not null,
    kind           text        not null check (kind in ('CASE', 'EVALUATION', 'SUPERVISOR')),
    reason         text        not null check (length(reason) between 1 and 500),
    held_by        text        not null,
    held_at        timestamptz not null,
    released_at    timestamptz,
    released_by    text,
    release_reason text,
    foreign key (pbx_id, linkedid) references call_recording (pbx_id, linkedid)
);
create index recording_hold_active on recording_hold (pbx_id, linkedid) where released_at is null;
