-- Settings of the dashboard feature that all app nodes must share, e.g. the generated wall-board token
-- (used when hotline.wallboard.token is not configured).
create table dashboard_settings (
    name       text primary key,
    value      text        not null,
    created_at timestamptz not null default now()
);
