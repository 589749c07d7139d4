-- An event of the register can name the grant-project activity it carries out (issue 5, item 4: "events
-- can be linked to grant-project activities"). The project is a foreign key; the activity is its key in
-- the project ("1.2" = task 1, activity 2), not grant_activity.id: saving a project replaces its whole tree
-- (new activity ids), and the interim reports refer to activities by key too. The free activity_label stays
-- as the fallback for events of no project (and for the events registered before projects existed).
--
-- Numbered 41.1, not 26 as first planned: grant_project is created by V41, and a fresh database applies
-- migrations in version order, so a V26 foreign key to it would fail. 41.1 sorts right after V41 and
-- below V42+ (reserved for the reports work); databases already past V50 run it out of order
-- (spring.flyway.out-of-order).
alter table centre_event
    add column grant_project_id bigint references grant_project (id),
    add column grant_activity   text check (grant_activity ~ '^[1-9][0-9]*\.[1-9][0-9]*$'),
    add constraint centre_event_activity_of_a_project check (grant_activity is null or grant_project_id is not null);
create index centre_event_grant_project on centre_event (grant_project_id) where grant_project_id is not null;
