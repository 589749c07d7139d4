-- A specialist's consultation note on a call (kept apart from "calls", whose rows are rebuilt
-- from the journal). One note per author and call; cases attach to calls separately.
create table call_note (
    pbx_id     text        not null,
    linkedid   text        not null,
    author     text        not null,
    text       text        not null check (length(text) <= 4000),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    primary key (pbx_id, linkedid, author)
);

-- Callbacks: scheduled by a specialist or operator for an earlier call, originated from a
-- specialist's phone through hotline-callback; the outbound call is linked by its own Linkedid.
create table callback (
    id                bigserial primary key,
    pbx_id            text        not null,
    for_linkedid      text        not null,          -- the original (inbound) call
    number            text,                          -- E.164 to dial (personal data: never listed unmasked)
    requested_by      text,                          -- console user; null when the PBX did it alone
    assignee          text,                          -- the specialist's phone interface that calls back
    due_at            timestamptz not null,
    note              text,
    status            text        not null check (status in ('SCHEDULED', 'DIALLING', 'ANSWERED', 'NOT_ANSWERED',
                                                              'FAILED', 'CANCELLED')),
    action_id         text,
    outbound_linkedid text,
    dialled_at        timestamptz,
    answered_at       timestamptz,
    ended_at          timestamptz,
    talk_seconds      integer,
    failure           text,
    created_at        timestamptz not null default now(),
    unique (pbx_id, outbound_linkedid)
);
create index callback_due on callback (due_at) where status = 'SCHEDULED';
create index callback_for on callback (pbx_id, for_linkedid);
