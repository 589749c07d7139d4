#!/bin/bash
# Runs once, when the PostgreSQL container initialises an empty data volume (docker-entrypoint-initdb.d).
# Makes the hotline's least-privileged roles; the grants on the tables follow every migration
# (hotline-core's db/migration/afterMigrate.sql):
#   hotline_owner     owns the database's schema and runs the migrations (SPRING_FLYWAY_USER); no superuser
#   hotline_app       the application at run time: reads and writes tables, only adds to the audit log
#   hotline_asterisk  Asterisk's cdr_pgsql/cel_pgsql: only adds CDR and CEL rows
# POSTGRES_USER stays the superuser, for the operator only; no program uses it.
set -euo pipefail

for name in HOTLINE_DB_OWNER_PASSWORD HOTLINE_DB_APP_PASSWORD HOTLINE_DB_ASTERISK_PASSWORD; do
    value="${!name:-}"
    if [ "${#value}" -lt 16 ] || [[ "$value" == change-me* ]]; then
        echo "hotline-postgres: $name must be set to a random value of 16 characters or more" >&2
        exit 64
    fi
done

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
     -v owner_pw="$HOTLINE_DB_OWNER_PASSWORD" -v app_pw="$HOTLINE_DB_APP_PASSWORD" \
     -v asterisk_pw="$HOTLINE_DB_ASTERISK_PASSWORD" <<'SQL'
create role hotline_owner login nosuperuser nocreatedb nocreaterole password :'owner_pw';
create role hotline_app login nosuperuser nocreatedb nocreaterole password :'app_pw';
create role hotline_asterisk login nosuperuser nocreatedb nocreaterole password :'asterisk_pw';
select format('alter database %I owner to hotline_owner', current_database()) \gexec
alter schema public owner to hotline_owner;
revoke create on schema public from public;
SQL
