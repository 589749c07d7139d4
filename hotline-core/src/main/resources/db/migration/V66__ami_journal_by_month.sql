-- Issue 21: the raw journal is kept by month. ami_journal becomes a table partitioned by received_at (UTC months,
-- ami_journal_yYYYYmMM); a month is dropped (archived first when asked) once it is older than the retention and the
-- calls it explains are final (JournalRetention). The journal before this migration stays as one partition,
-- ami_journal_legacy, covering everything up to the end of this month, dropped whole when its last month goes.
--
-- Indexes per partition: the call's events (pbx, linkedid, id) as before, and a BRIN on received_at instead of the
-- B-tree on (pbx, received_at) and the primary key on id (ids come from a sequence; the journal is read by call or by
-- time): two B-trees fewer to maintain for every event was a third of the database's work per journaled event.

alter table ami_journal rename to ami_journal_legacy;
alter index ami_journal_call rename to ami_journal_legacy_call;
drop index ami_journal_received;
alter table ami_journal_legacy drop constraint ami_journal_pkey;
drop trigger ami_journal_append_only on ami_journal_legacy;

create table ami_journal (
    id          bigint      not null,
    pbx_id      text        not null,
    received_at timestamptz not null,
    event_ts    timestamptz,
    event       text        not null,
    linkedid    text,
    uniqueid    text,
    raw         text        not null
) partition by range (received_at);
create index ami_journal_call on ami_journal (pbx_id, linkedid, id) where linkedid is not null;
create index ami_journal_received on ami_journal using brin (received_at);
create trigger ami_journal_append_only before update or delete on ami_journal
    for each row execute function ami_journal_is_append_only();

-- The partition of the month that holds `at` (UTC), made when no partition covers it yet. Runs as the schema's owner
-- (the application's role may not create tables); called ahead of each month and when an insert found none.
create function ami_journal_ensure_month(at timestamptz) returns text
    language plpgsql security definer set search_path = public as $$
declare
    month_start timestamptz := date_trunc('month', at at time zone 'UTC') at time zone 'UTC';
    name text := 'ami_journal_y' || to_char(month_start at time zone 'UTC', 'YYYY"m"MM');
begin
    if exists (select from pg_class where relname = name) then
        return name;
    end if;
    execute format('create table %I partition of ami_journal for values from (%L) to (%L)',
                   name, month_start, month_start + interval '1 month');
    return name;
exception
    when invalid_object_definition then
        return null; -- an older partition (the legacy one) covers that month already
    when duplicate_table then
        return name; -- made by another node at the same moment
end $$;

-- Detaches and drops one partition of the journal (JournalRetention decides which, and archives it first).
create function ami_journal_drop_partition(partition_name text) returns void
    language plpgsql security definer set search_path = public as $$
begin
    if not exists (select from pg_inherits i join pg_class c on c.oid = i.inhrelid
                    where i.inhparent = 'ami_journal'::regclass and c.relname = partition_name) then
        raise exception '% is not a partition of ami_journal', partition_name;
    end if;
    execute format('alter table ami_journal detach partition %I', partition_name);
    execute format('drop table %I', partition_name);
end $$;

do $$
declare
    next_month timestamptz := date_trunc('month', now() at time zone 'UTC') at time zone 'UTC' + interval '1 month';
begin
    if exists (select from ami_journal_legacy) then
        execute format('alter table ami_journal attach partition ami_journal_legacy for values from (minvalue) to (%L)',
                       next_month);
    else
        drop table ami_journal_legacy;
        perform ami_journal_ensure_month(now());
    end if;
    perform ami_journal_ensure_month(next_month);
end $$;

-- The application's role may ask for a month's partition and drop an expired one, nothing else of the kind.
do $$
begin
    if exists (select from pg_roles where rolname = 'hotline_app') then
        grant execute on function ami_journal_ensure_month(timestamptz) to hotline_app;
        grant execute on function ami_journal_drop_partition(text) to hotline_app;
    end if;
end $$;
revoke execute on function ami_journal_ensure_month(timestamptz) from public;
revoke execute on function ami_journal_drop_partition(text) from public;
