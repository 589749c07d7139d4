-- The dictionary forms of a case's words (kz.hotline114.search.KazakhWordForms), for the search without
-- Elasticsearch: «намаздың» finds «намазына» through their common stem «намаз» (issue 16). Filled by the app when a
-- case is saved, and for older cases in the background after start (null = not yet).
alter table consultation_case add column stems text[];
create index consultation_case_stems on consultation_case using gin (stems);
