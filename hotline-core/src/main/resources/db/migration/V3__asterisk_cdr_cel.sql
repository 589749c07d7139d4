-- The tables Asterisk writes its CDR and CEL records into (pbx-config: cdr_pgsql.conf, cel_pgsql.conf).
-- cdr_pgsql and cel_pgsql read the column list at start and fill every column whose name is a CDR/CEL
-- field; a column they cannot fill takes its default. Found missing when the configuration was first
-- loaded into a real Asterisk 22: without these tables Asterisk logged an error at every call and kept no
-- copy of the calls of its own. They are the PBX's account of the calls, kept beside the AMI journal for
-- reconciliation; the call log is built from the journal, never from here.
-- Times are written as UTC (timezone = UTC in both .conf files) into columns without a zone.

create table cdr (
    id             bigserial primary key,
    start          timestamp,       -- UTC
    answer         timestamp,       -- UTC
    "end"          timestamp,       -- UTC
    clid           text,
    src            text,
    dst            text,
    dcontext       text,
    channel        text,
    dstchannel     text,
    lastapp        text,
    lastdata       text,
    duration       integer,
    billsec        integer,
    disposition    text,
    amaflags       text,
    accountcode    text,
    uniqueid       text,
    userfield      text,
    peeraccount    text,
    linkedid       text,
    sequence       integer,
    hotline_choice text,            -- the CDR variable of the same name (the caller's menu key)
    received_at    timestamptz not null default now()
);
create index cdr_linkedid on cdr (linkedid);
create index cdr_start on cdr (start);

create table cel (
    id          bigserial primary key,
    eventtype   text,
    eventtime   timestamp,          -- UTC
    userdeftype text,
    cid_name    text,
    cid_num     text,
    cid_ani     text,
    cid_rdnis   text,
    cid_dnid    text,
    exten       text,
    context     text,
    channame    text,
    appname     text,
    appdata     text,
    amaflags    integer,
    accountcode text,
    peeraccount text,
    uniqueid    text,
    linkedid    text,
    userfield   text,
    peer        text,
    extra       text,
    received_at timestamptz not null default now()
);
create index cel_linkedid on cel (linkedid);
create index cel_eventtime on cel (eventtime);
