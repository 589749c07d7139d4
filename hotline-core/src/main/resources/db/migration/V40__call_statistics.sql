-- Statistics engine (issue 7, item 6): daily rollups of the call table, kept up to date by a trigger,
-- so a report over tens of millions of calls reads a few thousand rows. The definitions of the figures
-- are in kz.hotline114.reports.Statistic.

-- The zone whose calendar days the rollup counts in; the application keeps it equal to hotline.zone
-- (and rebuilds the rollup when it changes).
create table call_stats_zone (
    id   boolean primary key default true check (id),
    zone text    not null
);
insert into call_stats_zone values (true, 'Asia/Almaty');

-- One row per day and combination of the dimensions the reports break calls down by. A null dimension
-- is stored as '' so that it takes part in the key. Calls still in progress are not counted.
create table call_daily (
    day              date   not null,
    outcome          text   not null,
    region           text   not null,   -- landline region by area code ('' for mobiles and unknown)
    operator         text   not null,   -- mobile operator by prefix ('' for landlines and unknown)
    ivr_choice       text   not null,   -- key pressed in the menu ('' when none)
    queue            text   not null,   -- first queue entered ('' when none)
    calls            bigint not null,
    duration_seconds bigint not null,   -- start to end, summed
    billed_minutes   bigint not null,   -- duration rounded up to whole minutes per call, summed
    talk_seconds     bigint not null,
    wait_seconds     bigint not null,
    waits            bigint not null,   -- calls that have a wait_seconds (the denominator of the mean wait)
    primary key (day, outcome, region, operator, ivr_choice, queue)
);

create function call_daily_add(c calls, sign integer) returns void language plpgsql as $$
declare
    z text;
    d bigint;
begin
    if c.outcome = 'IN_PROGRESS' then
        return;
    end if;
    select zone into z from call_stats_zone;
    d := greatest(coalesce(round(extract(epoch from (c.ended_at - c.started_at)))::bigint, 0), 0);
    insert into call_daily as t values ((c.started_at at time zone z)::date, c.outcome, coalesce(c.region, ''),
            coalesce(c.operator, ''), coalesce(c.ivr_choice, ''), coalesce(c.queues[1], ''), sign, sign * d,
            sign * ceil(d / 60.0)::bigint, sign * coalesce(c.talk_seconds, 0), sign * coalesce(c.wait_seconds, 0),
            sign * (c.wait_seconds is not null)::integer)
    on conflict (day, outcome, region, operator, ivr_choice, queue) do update set
        calls = t.calls + excluded.calls,
        duration_seconds = t.duration_seconds + excluded.duration_seconds,
        billed_minutes = t.billed_minutes + excluded.billed_minutes,
        talk_seconds = t.talk_seconds + excluded.talk_seconds,
        wait_seconds = t.wait_seconds + excluded.wait_seconds,
        waits = t.waits + excluded.waits;
end $$;

-- Every change of a call row moves its contribution: the old row's is taken away, the new row's added.
create function calls_to_daily() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and old.outcome = 'IN_PROGRESS' and new.outcome = 'IN_PROGRESS' then
        return null;
    end if;
    if tg_op in ('UPDATE', 'DELETE') then
        perform call_daily_add(old, -1);
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        perform call_daily_add(new, 1);
    end if;
    return null;
end $$;

create trigger calls_daily after insert or update or delete on calls
    for each row execute function calls_to_daily();

-- Recomputes the whole rollup from the call table (zone change, bulk loads with the trigger disabled).
create function call_daily_rebuild() returns void language plpgsql as $$
declare
    z text;
begin
    lock table call_daily in exclusive mode;
    select zone into z from call_stats_zone;
    delete from call_daily;
    insert into call_daily
    select (started_at at time zone z)::date, outcome, coalesce(region, ''), coalesce(operator, ''),
           coalesce(ivr_choice, ''), coalesce(queues[1], ''), count(*),
           sum(greatest(coalesce(round(extract(epoch from (ended_at - started_at)))::bigint, 0), 0)),
           sum(ceil(greatest(coalesce(round(extract(epoch from (ended_at - started_at)))::bigint, 0), 0) / 60.0)::bigint),
           sum(coalesce(talk_seconds, 0)), sum(coalesce(wait_seconds, 0)), count(wait_seconds)
    from calls
    where outcome <> 'IN_PROGRESS'
    group by 1, 2, 3, 4, 5, 6;
end $$;

select call_daily_rebuild();
