-- Issue 17, item 4: a grant project's budget for communication services (KZT, as in seed 003's budget form):
-- the free line's minutes are paid from it, and the budget forecast says when, at the current rate, it runs out.
alter table grant_project add column communication_budget numeric(15, 2) check (communication_budget >= 0);
