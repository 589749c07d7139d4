-- The duty rota of the 24/7 line: shifts per specialist. At a shift's start the app adds the
-- specialist's phone to its queues over AMI (QueueAdd), at its end removes it (QueueRemove);
-- joined_at / left_at record that it was done (a refused action is retried at the next tick).
create table shift (
    id            bigserial primary key,
    specialist_id bigint      not null references specialist (id) on delete cascade,
    starts_at     timestamptz not null,
    ends_at       timestamptz not null,
    note          text,
    created_by    text        not null,
    joined_at     timestamptz,
    left_at       timestamptz,
    failure       text,
    check (ends_at > starts_at),
    check (ends_at - starts_at <= interval '24 hours'),
    -- one specialist cannot be on two overlapping shifts
    constraint shift_not_overlapping exclude using gist
        (specialist_id with =, tstzrange(starts_at, ends_at) with &&)
);
create index shift_open on shift (starts_at, ends_at) where left_at is null;
