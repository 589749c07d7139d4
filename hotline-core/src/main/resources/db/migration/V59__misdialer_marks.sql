-- Known misdialers (issue 17): the automatic ones are computed from the calls (K wrong-number calls in D days, none
-- of the "never" cases); a supervisor's hand-made marks are kept here: FILTER adds a number, NEVER keeps it out.
create table misdialer_mark (
    number    text        primary key,      -- E.164, as calls.caller_number
    kind      text        not null check (kind in ('FILTER', 'NEVER')),
    reason    text        not null check (length(reason) between 1 and 500),
    marked_by text        not null,
    marked_at timestamptz not null
);

-- the rules read a number's wrong-number calls of the last D days: the calls_caller index serves them
create index if not exists callback_number on callback (number) where number is not null;
create index if not exists appointment_client_contact on appointment (client_contact) where client_contact is not null;
