-- An appointment's case must exist (issue 5: "the case links to the appointment"). V20 kept the number as
-- plain text because the cases feature did not exist yet; consultation_case (V10) has it now, with
-- "number text not null unique", so the number can be a foreign key.
--
-- Rows booked before this migration may name a case that was never opened (a typo, a number from paper).
-- They are NOT rewritten: nulling case_number would turn them into walk-ins and change the counts of
-- past periods (the report counts attended walk-ins), and it would throw away what staff typed. So the
-- constraint is added NOT VALID (enforced for every new or changed case_number at once, no full-table
-- check under lock), and validated right here when no such row exists, which is the case in every
-- fresh installation and in tests. Where old rows remain, the migration says how many; after staff
-- have opened or corrected those cases, run:
--     alter table appointment validate constraint appointment_case_fk;
alter table appointment
    add constraint appointment_case_fk foreign key (case_number) references consultation_case (number) not valid;

do $$
declare
    orphans bigint;
begin
    select count(*) into orphans from appointment a
     where a.case_number is not null
       and not exists (select 1 from consultation_case c where c.number = a.case_number);
    if orphans = 0 then
        alter table appointment validate constraint appointment_case_fk;
    else
        raise notice 'appointment_case_fk left NOT VALID: % appointments name a case that does not exist', orphans;
    end if;
end $$;

comment on column appointment.case_number is
    'The consultation case this appointment serves (consultation_case.number); null = a walk-in.';
