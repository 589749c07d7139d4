-- Filters a user saved on a screen (the call log, the cases), to choose again with one click (issue 16).
create table saved_filter (
    id       bigserial primary key,
    username text not null,
    screen   text not null,
    name     text not null,
    query    text not null,
    unique (username, screen, name)
);
