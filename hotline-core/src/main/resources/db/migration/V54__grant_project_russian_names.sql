-- The Russian report names tasks, activities and indicators in Russian (issue 16): their Russian names and units,
-- optional (the Kazakh ones are printed where a Russian one is missing).
alter table grant_task add column title_ru text;
alter table grant_activity add column title_ru text;
alter table grant_indicator add column name_ru text;
alter table grant_indicator add column unit_ru text;
