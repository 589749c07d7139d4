-- TRUNCATE skips row triggers: the append-only audit log refuses it with a statement trigger too.
create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_is_append_only();
