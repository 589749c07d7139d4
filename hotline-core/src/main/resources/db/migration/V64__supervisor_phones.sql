-- The desk phone a supervisor listens in from (issue 19): linked by the supervisor on the callers-at-risk screen
-- (or by an admin); the AMI Originate into [hotline-spy] rings it.
create table supervisor_phone (
    username  text primary key,
    interface text not null unique check (interface ~ '^[A-Za-z]+/[A-Za-z0-9_.@+-]{1,60}(/n)?$'),
    linked_at timestamptz not null
);
-- how many on-call contacts an urgent flag has rung, and when the last one was rung
alter table risk_flag add column escalated_to text;
