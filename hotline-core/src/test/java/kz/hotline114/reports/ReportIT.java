package kz.hotline114.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import kz.hotline114.support.TelephonyIT;

/** The statistics engine and the interim report on the real PostgreSQL, over a dataset shaped like seed 004. */
class ReportIT extends TelephonyIT {

    static final LocalDate FROM = LocalDate.of(2019, 5, 31), TO = LocalDate.of(2019, 8, 29);

    @Autowired
    CallStatistics statistics;
    @Autowired
    InterimReports reports;
    @Autowired
    GrantProjects projects;

    @BeforeEach
    void data() {
        Seed004Data.load(jdbc);
    }

    static void as(String role) {
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("it-" + role.toLowerCase(),
                "n/a", "ROLE_" + role));
    }

    @Test
    void the_seed_004_period_yields_exactly_its_call_figures() {
        var f = statistics.figures(FROM, TO);
        assertThat(f.total()).isEqualTo(Seed004Data.TOTAL);
        assertThat(f.substantive()).isEqualTo(Seed004Data.SUBSTANTIVE);
        assertThat(f.wrongNumber()).isEqualTo(Seed004Data.WRONG);
        assertThat(f.abandoned()).isEqualTo(Seed004Data.ABANDONED);
        assertThat(f.unanswered()).isEqualTo(Seed004Data.UNANSWERED);
        assertThat(f.menuDropped()).isEqualTo(Seed004Data.MENU);
        assertThat(f.wrongNumberShare()).isEqualTo(0.8563);
        assertThat(f.byMonth()).containsExactly(Map.entry("2019-06", Seed004Data.JUNE),
                Map.entry("2019-07", Seed004Data.JULY), Map.entry("2019-08", Seed004Data.AUGUST));
        assertThat(f.byMonth().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(Seed004Data.TOTAL);
        assertThat(f.byRegion().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(Seed004Data.TOTAL);
        assertThat(f.byRegion()).containsKeys("MOBILE", "Taldykorgan", "Almaty");
        assertThat(f.byOperator()).containsKeys("Kcell", "Beeline", "LANDLINE");
        assertThat(f.byIvrChoice().get("0")).isEqualTo(Seed004Data.WRONG);
        assertThat(f.wrongNumberMinutes()).isEqualTo(Seed004Data.WRONG_MINUTES);
        assertThat(f.wrongNumberCost()).isEqualByComparingTo(new BigDecimal("24750"));
    }

    @Test
    void the_rollup_follows_a_call_row_that_changes_or_goes() {
        var day = LocalDate.of(2021, 2, 3);
        jdbc.update("""
                insert into calls (pbx_id, linkedid, started_at, ended_at, caller_withheld, queues, answered_by, transfers,
                    outcome, repeat_caller, updated_at)
                values ('rollup', 'r1', '2021-02-03 10:00+06', null, true, '{}', '{}', '[]', 'IN_PROGRESS', false, now())""");
        assertThat(statistics.figures(day, day).total()).isZero();
        jdbc.update("update calls set outcome = 'WRONG_NUMBER', ended_at = started_at + interval '61 seconds' where pbx_id = 'rollup'");
        assertThat(statistics.figures(day, day).wrongNumber()).isEqualTo(1);
        assertThat(statistics.figures(day, day).wrongNumberMinutes()).isEqualTo(2);
        jdbc.update("update calls set outcome = 'ANSWERED', started_at = '2021-02-04 10:00+06' where pbx_id = 'rollup'");
        assertThat(statistics.figures(day, day).total()).isZero();
        assertThat(statistics.figures(day.plusDays(1), day.plusDays(1)).substantive()).isEqualTo(1);
        jdbc.update("delete from calls where pbx_id = 'rollup'");
        assertThat(statistics.figures(day, day.plusDays(1)).total()).isZero();
    }

    @Test
    void a_rebuilt_rollup_gives_the_same_figures() {
        var before = statistics.figures(FROM, TO);
        statistics.rebuildRollup();
        assertThat(statistics.figures(FROM, TO)).usingRecursiveComparison().isEqualTo(before);
    }

    @Test
    void the_interim_report_carries_the_seed_figures_into_the_indicators() {
        as("REPORTER");
        var report = reports.report(1, FROM, TO);
        assertThat(report.status()).isEqualTo(InterimReport.Status.DRAFT);
        assertThat(report.grantee()).isEqualTo("«Ізгілікті істер» қоғамдық қоры");
        assertThat(report.grantSum()).isEqualByComparingTo("15755000");
        assertThat(report.calls().total()).isEqualTo(1927);
        assertThat(report.cases().religionQuestions()).isEqualTo(Seed004Data.RELIGION);
        assertThat(report.cases().psychologicalSupport()).isEqualTo(Seed004Data.PSYCHOLOGICAL);
        var indicators = report.tasks().getFirst().activities().get(1).indicators();
        assertThat(indicators).extracting(i -> i.actual().longValue()).containsExactly(1927L, 28L, 27L, 1L);
        assertThat(report.tasks()).hasSize(3);
        assertThat(report.risks()).singleElement().satisfies(r -> assertThat(r.wrongNumber()).isTrue());
        assertThat(report.attachments()).filteredOn(ReportContent.Attachment::callList).hasSize(1);
        assertThat(report.participants().fromCases()).isEqualTo(28);
        assertThat(report.participants().byGender().values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(report.participants().total());
        // September's 44 questions are outside the period; with them the line had 72 by the report's date
        var september = reports.report(1, FROM, LocalDate.of(2019, 9, 30));
        assertThat(september.cases().total()).isEqualTo(72);
        assertThat(september.cases().religionQuestions()).isEqualTo(71);
    }

    @Autowired
    kz.hotline114.appointments.ExpertPool pool;
    @Autowired
    kz.hotline114.appointments.Appointments appointments;
    @Autowired
    kz.hotline114.cases.Cases cases;
    @Autowired
    kz.hotline114.shared.HotlineProperties hotline;
    @Autowired
    kz.hotline114.appointments.EventsRegister events;

    @Test
    void the_report_takes_the_centres_figures_from_its_statistics_and_names_events_by_their_activity_key() {
        as("ADMIN");
        var centre = pool.addCentre("Report centre " + System.nanoTime(), "Абай 1", "Талдықорған",
                kz.hotline114.shared.Region.JETISU, null);
        pool.addRoom(centre.id(), "1");
        var expert = pool.addExpert(new kz.hotline114.appointments.NewExpert("Report expert " + System.nanoTime(),
                kz.hotline114.appointments.ExpertKind.PSYCHOLOGIST, "психолог", null, List.of("kk"), null, false));
        var caseNumber = cases.open(new kz.hotline114.cases.CaseDraft(null, null, "PSYCHOLOGICAL_SUPPORT", null, "Кеңес",
                null, "kk", new kz.hotline114.cases.CallerProfile(null, null, null, null), null, false, null, null));
        var day = LocalDate.of(2037, 2, 10);
        java.util.function.BiFunction<Integer, kz.hotline114.appointments.AppointmentType, Long> book = (hour, type) ->
                ((kz.hotline114.appointments.BookingResult.Booked) appointments.book(
                        kz.hotline114.appointments.BookingRequest.of(expert.id(), centre.id(),
                                day.atTime(hour, 0).atZone(hotline.zone()).toInstant(),
                                day.atTime(hour + 1, 0).atZone(hotline.zone()).toInstant(), type,
                                hour == 9 ? caseNumber : null))).appointment().id();
        appointments.markAttended(book.apply(9, kz.hotline114.appointments.AppointmentType.IN_PERSON));   // from the case
        appointments.markAttended(book.apply(10, kz.hotline114.appointments.AppointmentType.IN_PERSON));  // walk-in
        appointments.markAttended(book.apply(11, kz.hotline114.appointments.AppointmentType.MOBILE_RECEPTION));
        appointments.markAttended(book.apply(12, kz.hotline114.appointments.AppointmentType.MOBILE_RECEPTION));
        appointments.markNoShow(book.apply(13, kz.hotline114.appointments.AppointmentType.MOBILE_RECEPTION));
        appointments.cancel(book.apply(14, kz.hotline114.appointments.AppointmentType.IN_PERSON), "moved");

        events.register(new kz.hotline114.appointments.CentreEvent(0, null, "Ашық есік күні", day, "Талдықорған", null,
                null, 25, null, null, null, null, null, Map.of(), Map.of(), Map.of(), 1L, "1.3"));
        events.register(new kz.hotline114.appointments.CentreEvent(0, null, "Дөңгелек үстел", day.plusDays(1), "Талдықорған",
                null, null, 12, null, null, null, null, "1 міндет, 3 іс-шара", Map.of(), Map.of(), Map.of()));

        var report = reports.report(1, day.withDayOfMonth(1), day.withDayOfMonth(28));

        // the events table as before, an event of this project's activity named with its key
        assertThat(report.events()).extracting(InterimReport.EventRow::name)
                .containsExactly("1.3. Ашық есік күні", "Дөңгелек үстел");
        assertThat(report.centre().consultations()).isEqualTo(4);
        assertThat(report.centre().mobileReceptionConsultations()).isEqualTo(2);
        assertThat(report.participants().fromWalkIns()).isEqualTo(3);
    }

    @Test
    void drafts_are_versioned_and_a_final_report_does_not_change_with_the_data() {
        as("REPORTER");
        var from = LocalDate.of(2019, 6, 1);
        var to = LocalDate.of(2019, 6, 30);
        var content = reports.content(1, from, to);
        int v1 = reports.saveDraft(1, from, to, new ReportContent(Map.of("1.2", "Маусымда желі іске қосылды."),
                Map.of("1.2.1", "Жоспар жыл соңына"), content.risks(), content.attachments(), "Байденова Ж.К.", "Жетекші"));
        int v2 = reports.saveDraft(1, from, to, new ReportContent(Map.of("1.2", "Маусымда желі толық іске қосылды."),
                Map.of(), content.risks(), content.attachments(), "Байденова Ж.К.", "Жетекші"));
        assertThat(v2).isEqualTo(v1 + 1);
        assertThat(reports.versions(1, from, to)).extracting(ReportVersion::version).startsWith(v2, v1);
        assertThat(reports.report(1, from, to).tasks().getFirst().activities().get(1).narrative())
                .isEqualTo("Маусымда желі толық іске қосылды.");

        var fin = reports.finalise(1, from, to);
        assertThat(fin.status()).isEqualTo(InterimReport.Status.FINAL);
        long juneTotal = fin.calls().total();
        assertThat(juneTotal).isEqualTo(Seed004Data.JUNE);

        jdbc.update("""
                insert into calls (pbx_id, linkedid, started_at, ended_at, caller_withheld, queues, answered_by, transfers,
                    outcome, repeat_caller, updated_at)
                values ('late', 'l1', '2019-06-15 10:00+06', '2019-06-15 10:05+06', true, '{}', '{}', '[]', 'ANSWERED', false, now())""");
        try {
            assertThat(statistics.figures(from, to).total()).isEqualTo(juneTotal + 1);
            var again = reports.report(1, from, to);
            assertThat(again).usingRecursiveComparison().isEqualTo(fin);
            assertThatThrownBy(() -> reports.saveDraft(1, from, to, content)).isInstanceOf(InvalidReport.class);
            assertThatThrownBy(() -> jdbc.update("update interim_report set status = 'DRAFT' where status = 'FINAL'"))
                    .hasMessageContaining("is final");
        } finally {
            jdbc.update("delete from calls where pbx_id = 'late'");
        }
    }

    @Test
    void bad_periods_and_unknown_projects_are_refused_clearly() {
        as("REPORTER");
        assertThatThrownBy(() -> reports.report(1, TO, FROM)).isInstanceOf(InvalidReport.class)
                .satisfies(e -> assertThat(((InvalidReport) e).errors()).containsEntry("to", "before-from"));
        assertThatThrownBy(() -> reports.report(999, FROM, TO)).isInstanceOf(InvalidReport.class)
                .satisfies(e -> assertThat(((InvalidReport) e).errors()).containsEntry("project", "unknown"));
    }

    @Test
    void operators_read_no_report_and_supervisors_cannot_finalise() {
        as("OPERATOR");
        assertThatThrownBy(() -> reports.report(1, FROM, TO)).isInstanceOf(AccessDeniedException.class);
        as("SUPERVISOR");
        assertThatThrownBy(() -> reports.finalise(1, FROM, TO)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_project_is_stored_with_its_tree_and_validated() {
        as("ADMIN");
        var project = new GrantProject(0, "Сынақ жобасы", "Сынақ қоры", "№ 7", LocalDate.of(2026, 1, 10),
                new BigDecimal("1000000"), LocalDate.of(2026, 1, 10), LocalDate.of(2026, 12, 31),
                List.of(new GrantProject.Task(0, 1, "Міндет", List.of(new GrantProject.Activity(0, 1, "Іс-шара",
                        List.of(new GrantProject.Indicator(0, "Қоңыраулар", "қоңырау", new BigDecimal("100"),
                                Statistic.CALLS_TOTAL, null, null))))))
                , List.of(new GrantProject.ReportingPeriod("1 аралық есеп", LocalDate.of(2026, 1, 10), LocalDate.of(2026, 4, 30))));
        var stored = projects.save(project);
        assertThat(stored.id()).isPositive();
        assertThat(stored.activities()).singleElement().satisfies(a -> assertThat(a.indicators()).singleElement()
                .satisfies(i -> assertThat(i.metric()).isEqualTo(Statistic.CALLS_TOTAL)));
        assertThat(projects.list()).extracting(GrantProject::id).contains(1L, stored.id());
        assertThatThrownBy(() -> projects.save(new GrantProject(0, " ", "", null, null, new BigDecimal("-1"),
                LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 1), List.of(), List.of())))
                .isInstanceOf(InvalidReport.class)
                .satisfies(e -> assertThat(((InvalidReport) e).errors()).containsKeys("name", "grantee", "period", "grantSum"));
    }
}
