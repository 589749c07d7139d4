package kz.hotline114.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import kz.hotline114.search.SearchOutbox;
import kz.hotline114.shared.AgeBracket;
import kz.hotline114.shared.Gender;
import kz.hotline114.shared.Region;
import kz.hotline114.shared.SocialStatus;
import kz.hotline114.support.Recordings;
import kz.hotline114.support.TelephonyIT;
import kz.hotline114.support.TestClock;

/** Cases on the real PostgreSQL: lifecycle, numbering, permissions by role, audit, counts. */
class CasesIT extends TelephonyIT {

    @Autowired
    Cases cases;
    @Autowired
    SearchOutbox outbox;

    static void as(String user, String... roles) {
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(user, "n/a",
                Arrays.stream(roles).map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList()));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    static CaseDraft draft(String question) {
        return new CaseDraft(null, null, "RELIGION_QUESTION", null, question, "Жауап берілді", "kk",
                new CallerProfile(Gender.FEMALE, AgeBracket.AGE_17_22, SocialStatus.YOUTH, Region.JETISU), null, true,
                null, null);
    }

    private long outboxSequence() {
        return jdbc.queryForObject("select case when is_called then last_value else 0 end from search_outbox_id_seq", Long.class);
    }

    private long audits(String action, String subject) {
        return jdbc.queryForObject("select count(*) from audit_log where action = ? and subject = ?", Long.class, action,
                subject);
    }

    @Test
    void a_case_opened_from_a_call_is_numbered_linked_and_audited() {
        var packets = Recordings.packets("answered-theologian", 40);
        var call = play(packets).getFirst();
        as("aigerim", "SPECIALIST");
        long enqueued = outboxSequence();

        var number = cases.open(new CaseDraft(call.pbxId(), call.linkedid(), "RELIGION_QUESTION", null,
                "Намаз уақыттары туралы сұрақ", null, "kk", CallerProfile.UNKNOWN, null, false, null, null));

        assertThat(number).matches("114-\\d{4}-\\d{5}");
        var c = cases.get(number).orElseThrow();
        assertThat(c.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(c.openedBy()).isEqualTo("aigerim");
        assertThat(c.specialist()).isEqualTo("aigerim");
        assertThat(c.calls()).extracting(ConsultationCase.CallRef::linkedid).containsExactly(call.linkedid());
        assertThat(c.history()).extracting(ConsultationCase.StatusChange::to).containsExactly(CaseStatus.OPEN);
        assertThat(cases.ofCall(call.key())).extracting(CaseSummary::number).containsExactly(number);
        assertThat(audits("CASE_OPENED", number)).isEqualTo(1);
        assertThat(audits("CASE_VIEWED", number)).isEqualTo(1);
        // enqueued for the index (the relay may already have taken it: the sequence, not the table, says so)
        assertThat(outboxSequence()).isGreaterThan(enqueued);
        // the phone number stays on the call
        assertThat(jdbc.queryForObject("select count(*) from consultation_case where number = ? and question like '%+7%'",
                Long.class, number)).isZero();
    }

    @Test
    void the_status_moves_only_along_allowed_transitions_and_each_move_is_recorded() {
        as("daniyar", "SPECIALIST");
        var number = cases.open(draft("Отбасындағы дау"));

        cases.changeStatus(number, CaseStatus.IN_PROGRESS, "қоңырау шалынды");
        assertThatThrownBy(() -> cases.changeStatus(number, CaseStatus.OPEN, null)).isInstanceOf(InvalidCase.class);
        assertThatThrownBy(() -> cases.changeStatus(number, CaseStatus.REFERRED, null))
                .isInstanceOfSatisfying(InvalidCase.class, e -> assertThat(e.fieldErrors()).containsKey("referralPartner"));
        var closed = cases.changeStatus(number, CaseStatus.CLOSED, "кеңес берілді");

        assertThat(closed.history()).extracting(ConsultationCase.StatusChange::to)
                .containsExactly(CaseStatus.OPEN, CaseStatus.IN_PROGRESS, CaseStatus.CLOSED);
        assertThat(closed.history().get(2).from()).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(closed.history().get(2).by()).isEqualTo("daniyar");
        assertThat(audits("CASE_STATUS_CHANGED", number)).isEqualTo(2);
    }

    @Test
    void follow_ups_are_planned_and_done() {
        as("sup", "SUPERVISOR");
        var number = cases.open(draft("Ұлым жаман топқа кірді"));
        var c = cases.addFollowUp(number, LocalDate.now(TestClock.get()).plusDays(3), "Анасына қайта қоңырау шалу");
        var id = c.followUps().getFirst().id();
        c = cases.completeFollowUp(number, id);
        assertThat(c.followUps()).singleElement().satisfies(f -> {
            assertThat(f.done()).isTrue();
            assertThat(f.doneAt()).isNotNull();
        });
    }

    @Test
    void bad_drafts_say_which_field_is_wrong() {
        as("op1", "OPERATOR");
        assertThatThrownBy(() -> cases.open(new CaseDraft(null, null, "NO_SUCH", "NOPE", " ", null, "en",
                CallerProfile.UNKNOWN, null, false, "NOWHERE", null)))
                .isInstanceOfSatisfying(InvalidCase.class, e -> assertThat(e.fieldErrors())
                        .containsEntry("category", "unknown").containsEntry("movement", "unknown")
                        .containsEntry("question", "required").containsEntry("language", "unknown")
                        .containsEntry("referralPartner", "unknown"));
    }

    @Test
    void who_sees_what() {
        as("op1", "OPERATOR");
        var byOperator = cases.open(new CaseDraft(null, null, "INFORMATION_REQUEST", null, "Орталықтың мекенжайы қандай?",
                null, "kk", CallerProfile.UNKNOWN, "olga", false, null, null));
        as("aigerim", "SPECIALIST");
        var byAigerim = cases.open(draft("Аигерімнің ісі"));

        // the operator sees what she opened, cannot change it
        as("op1", "OPERATOR");
        assertThat(cases.get(byOperator)).isPresent();
        assertThatThrownBy(() -> cases.get(byAigerim)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> cases.changeStatus(byOperator, CaseStatus.CLOSED, null))
                .isInstanceOf(AccessDeniedException.class);
        // the assigned specialist sees and edits it; another specialist does not see it
        as("olga", "SPECIALIST");
        assertThat(cases.changeStatus(byOperator, CaseStatus.IN_PROGRESS, null).status()).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThatThrownBy(() -> cases.get(byAigerim)).isInstanceOf(AccessDeniedException.class);
        assertThat(cases.find(new CaseFilter(null, null, null, null, null), 0, 500).items())
                .extracting(CaseSummary::number).contains(byOperator).doesNotContain(byAigerim);
        // a supervisor sees all
        as("sup", "SUPERVISOR");
        assertThat(cases.find(new CaseFilter(null, null, null, null, null), 0, 500).items())
                .extracting(CaseSummary::number).contains(byOperator, byAigerim);
        // a reporter gets aggregates only
        as("rep", "REPORTER");
        assertThatThrownBy(() -> cases.get(byAigerim)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> cases.find(new CaseFilter(null, null, null, null, null), 0, 10))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(cases.counts(TestClock.now().minus(1, ChronoUnit.DAYS), TestClock.now().plusSeconds(60)).total())
                .isPositive();
        assertThat(audits("CASE_VIEW_REFUSED", byAigerim)).isGreaterThanOrEqualTo(2);
    }

    @Test
    @kz.hotline114.support.AwayFromMidnight // one year's numbers: not across 1 January
    void numbers_are_gapless_and_unique_under_concurrent_opening() throws Exception {
        var auth = new UsernamePasswordAuthenticationToken("sup", "n/a", List.of(new SimpleGrantedAuthority("ROLE_SUPERVISOR")));
        try (var pool = Executors.newFixedThreadPool(8)) {
            var futures = java.util.stream.IntStream.range(0, 24).mapToObj(i -> pool.submit(() -> {
                SecurityContextHolder.getContext().setAuthentication(auth);
                return cases.open(draft("Қатар ашылған іс " + i));
            })).toList();
            var numbers = new java.util.ArrayList<String>();
            for (var f : futures) {
                numbers.add(f.get());
            }
            var year = TestClock.now().atZone(TestClock.ALMATY).getYear();
            assertThat(numbers).allSatisfy(n -> assertThat(n).startsWith("114-" + year + "-"));
            var seq = numbers.stream().map(n -> Integer.parseInt(n.substring(9))).sorted().toList();
            assertThat(seq).doesNotHaveDuplicates();
            assertThat(seq.getLast() - seq.getFirst()).isEqualTo(23);
        }
    }

    @Test
    void a_case_is_numbered_in_the_year_it_is_opened_in_almaty_and_dated_by_the_clock() {
        as("sup", "SUPERVISOR");
        var year = TestClock.now().atZone(TestClock.ALMATY).getYear() + 3;
        try {
            // 31 December 23:59:59 in Almaty is 17:59:59 UTC: still the old year
            var lastSecond = java.time.LocalDateTime.of(year, 12, 31, 23, 59, 59).atZone(TestClock.ALMATY).toInstant();
            TestClock.pin(lastSecond);
            var old = cases.open(draft("Жыл соңындағы сұрақ"));
            TestClock.pin(lastSecond.plusSeconds(2));
            var first = cases.open(draft("Жаңа жылдағы сұрақ"));
            var second = cases.open(draft("Жаңа жылдағы екінші сұрақ"));

            assertThat(old).startsWith("114-" + year + "-");
            assertThat(first).isEqualTo("114-" + (year + 1) + "-00001");
            assertThat(second).isEqualTo("114-" + (year + 1) + "-00002");
            assertThat(cases.get(old).orElseThrow().openedAt()).isEqualTo(lastSecond);
            assertThat(cases.get(first).orElseThrow().openedAt()).isEqualTo(lastSecond.plusSeconds(2));
        } finally {
            TestClock.reset();
        }
    }

    @Test
    void counts_break_cases_down_by_the_report_categories() {
        as("sup", "SUPERVISOR");
        // other tests open cases too: count this test's two as the difference
        var from = TestClock.now().minus(1, ChronoUnit.DAYS);
        var to = TestClock.now().plus(1, ChronoUnit.DAYS);
        var before = cases.counts(from, to);
        cases.open(draft("Бірінші"));
        cases.open(new CaseDraft(null, null, "PSYCHOLOGICAL_SUPPORT", null, "Екінші", null, "ru",
                new CallerProfile(Gender.MALE, AgeBracket.AGE_59_PLUS, SocialStatus.AGED_50_PLUS, Region.ALMATY), null,
                false, null, null));
        var after = cases.counts(from, to);
        assertThat(after.total() - before.total()).isEqualTo(2);
        assertThat(delta(before.byCategory(), after.byCategory(), "RELIGION_QUESTION")).isEqualTo(1);
        assertThat(delta(before.byCategory(), after.byCategory(), "PSYCHOLOGICAL_SUPPORT")).isEqualTo(1);
        assertThat(delta(before.byGender(), after.byGender(), "FEMALE")).isEqualTo(1);
        assertThat(delta(before.byGender(), after.byGender(), "MALE")).isEqualTo(1);
        assertThat(delta(before.byAgeBracket(), after.byAgeBracket(), "AGE_59_PLUS")).isEqualTo(1);
        assertThat(delta(before.bySocialStatus(), after.bySocialStatus(), "AGED_50_PLUS")).isEqualTo(1);
        assertThat(delta(before.byRegion(), after.byRegion(), "ALMATY")).isEqualTo(1);
        assertThat(after.byMonth().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(after.total());
    }

    private static long delta(java.util.Map<String, Long> before, java.util.Map<String, Long> after, String key) {
        return after.getOrDefault(key, 0L) - before.getOrDefault(key, 0L);
    }

    @Test
    void full_text_finds_a_case_by_a_word_of_its_question_in_kazakh_or_russian() throws InterruptedException {
        as("sup", "SUPERVISOR");
        var kk = cases.open(draft("Хиджаб киюге бола ма мектепте?"));
        var ru = cases.open(new CaseDraft(null, null, "RELATIVES_CONCERN", null, "Сын перестал общаться с семьёй после лекций",
                "Посоветовали обратиться в центр", "ru", CallerProfile.UNKNOWN, null, false, null, null));
        // the index is fed through the outbox (within about a second): wait for it
        long deadline = System.currentTimeMillis() + 30_000;
        while (outbox.pending() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertThat(cases.find(new CaseFilter("хиджаб", null, null, null, null), 0, 50).items())
                .extracting(CaseSummary::number).contains(kk).doesNotContain(ru);
        assertThat(cases.find(new CaseFilter("центр", null, null, null, null), 0, 50).items())
                .extracting(CaseSummary::number).contains(ru).doesNotContain(kk);
        var filter = new CaseFilter("хиджаб", null, null, null, null);
        assertThat(cases.count(filter)).isEqualTo(cases.find(filter, 0, 50).total()).isPositive();
    }
}
