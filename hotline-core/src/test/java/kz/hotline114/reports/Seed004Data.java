package kz.hotline114.reports;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A dataset shaped like seed 004's period (31 May – 29 Aug 2019): 1 927 calls in June–August (580, 702,
 * 645), of which 28 reached a specialist, 1 650 wrong numbers; 27 religion questions and 1 psychological-
 * support request opened as cases in the period, 44 more religion questions in September (outside it).
 * Written straight into the tables (the call rows as the call feature stores them), so the rollup trigger
 * sees ordinary inserts.
 */
public final class Seed004Data {

    public static final String PBX = "seed-004";
    public static final long TOTAL = 1927, JUNE = 580, JULY = 702, AUGUST = 645;
    public static final long SUBSTANTIVE = 28, WRONG = 1650, ABANDONED = 60, UNANSWERED = 20, MENU = 169;
    public static final long RELIGION = 27, PSYCHOLOGICAL = 1;
    /** Wrong numbers last 8 s each (1 billed minute); 1 650 minutes at 15 KZT. */
    public static final long WRONG_MINUTES = 1650;

    private Seed004Data() {
    }

    public static void load(JdbcTemplate jdbc) {
        if (jdbc.queryForObject("select count(*) from calls where pbx_id = ?", Long.class, PBX) > 0) {
            return;
        }
        // n = 1..1927: day by month block, outcome by position in a fixed pattern
        jdbc.update("""
                insert into calls (pbx_id, linkedid, started_at, ended_at, caller_number, caller_withheld, operator, region,
                    ivr_choice, queues, wait_seconds, answered_by, talk_seconds, transfers, outcome, wrong_number_reason,
                    repeat_caller, updated_at)
                select ?, 'seed-' || n, ts, ts + make_interval(secs => case when o = 'WRONG_NUMBER' then 8 else 200 end),
                    '+7701' || lpad(n::text, 7, '0'), false,
                    case when n % 3 = 0 then null else (array['Kcell','Beeline','Tele2'])[1 + (n / 3) % 3] end,
                    case when n % 3 = 0 then (array['Taldykorgan','Almaty','Astana','Shymkent'])[1 + n % 4] end,
                    case o when 'WRONG_NUMBER' then '0' when 'ANSWERED' then (array['1','2','3'])[1 + n % 3]
                           when 'ABANDONED' then '2' when 'UNANSWERED' then '3' else null end,
                    case when o in ('ANSWERED','ABANDONED','UNANSWERED') then
                        array[case o when 'ANSWERED' then (array['psychologists','theologians','religious-scholars'])[1 + n % 3]
                              when 'ABANDONED' then 'theologians' else 'religious-scholars' end] else array[]::text[] end,
                    case when o in ('ANSWERED','ABANDONED','UNANSWERED') then 30 end,
                    case when o = 'ANSWERED' then array['PJSIP/201'] else array[]::text[] end,
                    case when o = 'ANSWERED' then 150 end, '[]'::jsonb, o,
                    case when o = 'WRONG_NUMBER' then 'DECLARED' end, false, now()
                from (select n,
                        case when n <= 580 then timestamptz '2019-06-01 09:00+06' + ((n - 1) % 30) * interval '1 day'
                             when n <= 1282 then timestamptz '2019-07-01 09:00+06' + ((n - 581) % 31) * interval '1 day'
                             else timestamptz '2019-08-01 09:00+06' + ((n - 1283) % 29) * interval '1 day' end
                             + (n % 480) * interval '1 minute' as ts,
                        -- a permutation of 0..1926 (7919 is coprime with 1927 = 41 x 47) spreads the outcomes
                        (n * 7919) % 1927 as r
                      from generate_series(1, 1927) n) g,
                lateral (select case
                        when r < 28 then 'ANSWERED' when r < 88 then 'ABANDONED' when r < 108 then 'UNANSWERED'
                        when r < 208 then 'IVR_ABANDONED' when r < 258 then 'NO_INPUT' when r < 277 then 'INVALID_CHOICE'
                        else 'WRONG_NUMBER' end as o) x""", PBX);
        // cases: 27 religion questions and 1 psychological-support request in the period, 44 in September
        jdbc.update("""
                insert into consultation_case (number, opened_at, opened_by, category, question, answer, language, status,
                    gender, age_bracket, social_status, region)
                select '114-2019-' || lpad(n::text, 5, '0'),
                    case when n <= 28 then timestamptz '2019-06-03 10:00+06' + (n * 2) * interval '1 day'
                         else timestamptz '2019-09-02 10:00+06' + (n - 28) * interval '10 hours' end,
                    'seed', case when n = 28 then 'PSYCHOLOGICAL_SUPPORT' else 'RELIGION_QUESTION' end,
                    'Сұрақ ' || n || ', тел. +7 701 123 45 67', 'Жауап ' || n, 'kk', 'CLOSED',
                    case when n % 2 = 0 then 'FEMALE' else 'MALE' end,
                    case when n % 3 = 0 then 'AGE_17_22' else 'AGE_33_45' end,
                    case when n % 3 = 0 then 'YOUTH' else null end, 'JETISU'
                from generate_series(1, 72) n""");
        jdbc.update("""
                insert into case_call (case_id, pbx_id, linkedid)
                select c.id, ?, 'seed-' || g.n
                from consultation_case c join (select n, (n * 7919) % 1927 as r from generate_series(1, 1927) n) g
                  on g.r = substring(c.number from 10)::int - 1
                where c.number like '114-2019-%' and substring(c.number from 10)::int <= 28""", PBX);
    }
}
