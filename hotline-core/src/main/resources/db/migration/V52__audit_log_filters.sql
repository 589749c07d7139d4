-- The audit log is filtered by user and by action (issue 16): each with its own index, newest first.
create index audit_log_username_at on audit_log (username, at desc);
create index audit_log_action_at on audit_log (action, at desc);
