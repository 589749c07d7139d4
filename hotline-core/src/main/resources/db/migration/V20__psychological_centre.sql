-- The psychological-help centre (issue 5): centres and their rooms, the expert pool, the reception
-- schedule, appointments and the events register. Times are instants (timestamptz); days and hours
-- of the schedule are wall-clock in the hotline zone (hotline.zone).

-- btree_gist lets an exclusion constraint mix "=" on a bigint with "&&" on a range.
create extension if not exists btree_gist;

create table centre (
    id        bigserial primary key,
    name      text not null,
    address   text not null,
    city      text not null,
    region    text not null,            -- kz.hotline114.shared.Region
    opened_on date
);

create table centre_room (
    id        bigserial primary key,
    centre_id bigint not null references centre (id),
    name      text   not null,
    unique (centre_id, name)
);

-- Hotline specialists and external experts (professors, theologians, psychologists, imams, priests).
create table expert (
    id            bigserial primary key,
    full_name     text    not null,
    kind          text    not null,      -- ExpertKind
    title         text    not null,      -- role/title as the organisation states it
    organisation  text,
    languages     text[]  not null default '{kk,ru}',
    contact       text,                  -- staff only; never shown to REPORTER
    hotline_staff boolean not null default false,
    active        boolean not null default true
);

-- Recurring weekly reception hours of an expert at a centre.
create table reception_hours (
    id             bigserial primary key,
    expert_id      bigint   not null references expert (id),
    centre_id      bigint   not null references centre (id),
    weekday        smallint not null check (weekday between 1 and 7),   -- ISO: 1 = Monday
    starts         time     not null,
    length_minutes int      not null check (length_minutes > 0 and length_minutes <= 24 * 60),
    slot_minutes   int      not null check (slot_minutes > 0),
    valid_from     date     not null,
    valid_to       date,
    check (valid_to is null or valid_to >= valid_from)
);

-- One-off reception days: a public reception at the centre, or a mobile reception at an outside
-- place (a college: name and address), with the experts who receive.
create table reception_day (
    id             bigserial primary key,
    centre_id      bigint   not null references centre (id),   -- the organising centre
    kind           text     not null check (kind in ('PUBLIC_RECEPTION', 'MOBILE_RECEPTION')),
    day            date     not null,
    starts         time     not null,
    length_minutes int      not null check (length_minutes > 0 and length_minutes <= 24 * 60),
    slot_minutes   int      not null check (slot_minutes > 0),
    place_name     text,                -- mobile: the college
    place_address  text,
    note           text
);
create table reception_day_expert (
    reception_day_id bigint not null references reception_day (id) on delete cascade,
    expert_id        bigint not null references expert (id),
    primary key (reception_day_id, expert_id)
);

-- Holidays and cancellations: no reception that day (for one centre and/or one expert, or everywhere).
create table reception_closure (
    id        bigserial primary key,
    day       date   not null,
    centre_id bigint references centre (id),
    expert_id bigint references expert (id),
    reason    text   not null
);
create index reception_closure_day on reception_closure (day);

create table appointment (
    id               bigserial primary key,
    expert_id        bigint      not null references expert (id),
    centre_id        bigint      not null references centre (id),
    room_id          bigint      references centre_room (id),     -- null at a mobile reception (outside place)
    reception_day_id bigint      references reception_day (id) on delete set null,
    type             text        not null check (type in ('IN_PERSON', 'PUBLIC_RECEPTION', 'MOBILE_RECEPTION')),
    starts_at        timestamptz not null,
    ends_at          timestamptz not null,
    status           text        not null default 'BOOKED'
                     check (status in ('BOOKED', 'ATTENDED', 'NO_SHOW', 'CANCELLED')),
    -- The consultation case this appointment serves, by its number (e.g. 114-2026-00001). The cases
    -- feature does not exist yet, so there is no foreign key; null = a walk-in.
    case_number      text,
    client_label     text,                 -- how staff recognise the client (no full personal data)
    callback_consent boolean     not null default false,
    client_contact   text,                 -- only with callback consent, for reminders
    cancel_reason    text,
    created_by       text        not null,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    check (ends_at > starts_at),
    check (status <> 'CANCELLED' or cancel_reason is not null),
    -- No double booking, whatever the screens do: an expert and a room hold one live appointment at a time.
    constraint appointment_expert_not_double_booked exclude using gist
        (expert_id with =, tstzrange(starts_at, ends_at) with &&) where (status <> 'CANCELLED'),
    constraint appointment_room_not_double_booked exclude using gist
        (room_id with =, tstzrange(starts_at, ends_at) with &&) where (status <> 'CANCELLED' and room_id is not null)
);
create index appointment_starts on appointment (starts_at);
create index appointment_case on appointment (case_number) where case_number is not null;

-- The events register: the interim report's events table (seed 004) with seed 001's participant breakdown.
create table centre_event (
    id                     bigserial primary key,
    centre_id              bigint references centre (id),
    name                   text not null,
    held_on                date not null,
    city                   text not null,
    address                text,
    room                   text,
    participants           int  not null check (participants >= 0),
    participant_categories text,
    experts                text,            -- experts involved, as the report lists them (name – title)
    completeness           text,            -- completeness of the planned activity
    documents              text,            -- supporting documents: titles / attachment numbers
    activity_label         text,            -- grant-project activity, free text until the reports feature defines projects
    created_by             text not null,
    created_at             timestamptz not null default now()
);
create index centre_event_held_on on centre_event (held_on);

-- Participants by gender / age bracket / social status (kz.hotline114.shared enums); each dimension
-- sums to at most the event's participants.
create table centre_event_participants (
    event_id  bigint not null references centre_event (id) on delete cascade,
    dimension text   not null check (dimension in ('GENDER', 'AGE', 'SOCIAL')),
    bucket    text   not null,
    count     int    not null check (count >= 0),
    primary key (event_id, dimension, bucket)
);
