-- How far the PBX's own CEL records have been read for calls the AMI link missed (PbxRecordsReconciler):
-- the id of the last LINKEDID_END row considered, per PBX. The cel/cdr tables are shared by one PBX (V3).
create table pbx_records_reconciliation (
    pbx_id      text        primary key,
    last_cel_id bigint      not null,
    updated_at  timestamptz not null default now()
);
-- finding a call's records by linkedid is indexed (V3); finding the ends since the mark:
create index cel_linkedid_end on cel (id) where eventtype = 'LINKEDID_END';
