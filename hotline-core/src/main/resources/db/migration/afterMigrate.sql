-- Runs after every migration (a Flyway callback). Least privilege where the deployment made the roles
-- (EmbeddedDatabaseConfiguration, deploy/postgres/init): the application's runtime role reads and writes the
-- tables but may only add to the audit log, never change, delete or truncate it; Asterisk's role may only add
-- CDR and CEL rows. Where those roles do not exist (a test database) nothing happens.
do $$
begin
    if exists (select from pg_roles where rolname = 'hotline_app') then
        grant usage on schema public to hotline_app;
        grant select, insert, update, delete on all tables in schema public to hotline_app;
        grant usage, select, update on all sequences in schema public to hotline_app;
        revoke update, delete, truncate on audit_log from hotline_app;
        revoke insert, update, delete, truncate on flyway_schema_history from hotline_app;
    end if;
    if exists (select from pg_roles where rolname = 'hotline_asterisk') then
        grant usage on schema public to hotline_asterisk;
        grant insert on cdr, cel to hotline_asterisk;
        grant usage on sequence cdr_id_seq, cel_id_seq to hotline_asterisk;
    end if;
end $$;
