-- The leases of the cluster's nodes (issue 20): Spring Integration's JDBC lock table (its schema-postgresql.sql),
-- one row per held lock, renewed by its holder; a row past expired_after is free for another node.
create table int_lock (
    lock_key      char(36)     not null,
    region        varchar(100) not null,
    client_id     char(36),
    created_date  timestamp    not null,
    expired_after timestamp    not null,
    constraint int_lock_pk primary key (lock_key, region)
);
