-- The specialist directory: who answers which queue on which phone (issue "Routing to specialists").
create table specialist (
    id           bigserial primary key,
    display_name text    not null,
    kind         text    not null check (kind in ('PSYCHOLOGIST', 'THEOLOGIAN', 'RELIGIOUS_SCHOLAR')),
    languages    text[]  not null default '{kk,ru}',
    interface    text    not null unique,          -- the phone as Asterisk knows it, e.g. PJSIP/201
    queues       text[]  not null,                 -- queues the specialist serves
    active       boolean not null default true,
    username     text    unique                    -- the console user who works at this phone
);
