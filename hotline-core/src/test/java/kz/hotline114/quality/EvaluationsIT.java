package kz.hotline114.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import kz.hotline114.cases.CallerProfile;
import kz.hotline114.cases.CaseDraft;
import kz.hotline114.cases.Cases;
import kz.hotline114.recordings.Recordings;
import kz.hotline114.support.TelephonyIT;

/**
 * The monthly sample on a known month (March 1991, calls of no other test): 3 specialists × 2 queues, 5 recorded
 * calls each plus unrecorded and unanswered ones; 2 per stratum, a quarter to two evaluators; the same seed draws the
 * same calls; an evaluator scores only their own, and hears only their own calls.
 */
class EvaluationsIT extends TelephonyIT {

    static final LocalDate FROM = LocalDate.of(1991, 3, 1), TO = LocalDate.of(1991, 3, 31);

    @Autowired
    Evaluations evaluations;
    @Autowired
    Recordings recordings;
    @Autowired
    Cases cases;

    final String run = Long.toString(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE), 36);
    List<String> evaluators;

    private static void as(String user, String role) {
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(user, "n/a", "ROLE_" + role));
    }

    private void call(String id, int day, String specialist, String queue, String outcome, boolean recorded) {
        var at = LocalDate.of(1991, 3, day).atTime(10, 0).atZone(ZoneId.of("Asia/Almaty")).toInstant();
        jdbc.update("""
                insert into calls (pbx_id, linkedid, started_at, ended_at, caller_withheld, queues, answered_by, transfers,
                    outcome, repeat_caller, updated_at)
                values (?, ?, ?, ?, true, ?, ?, '[]'::jsonb, ?, false, ?)""", PBX_ID, id, Timestamp.from(at),
                Timestamp.from(at.plusSeconds(120)), new String[] {queue},
                outcome.equals("ANSWERED") ? new String[] {specialist} : new String[0], outcome, Timestamp.from(at));
        if (recorded) {
            jdbc.update("""
                    insert into call_recording (pbx_id, linkedid, store_key, size_bytes, duration_ms, sha256, key_id,
                        call_started_at, taken_at) values (?, ?, ?, 1000, 60000, ?, 'k', ?, ?)""", PBX_ID, id,
                    "it/" + id, "0".repeat(64), Timestamp.from(at), Timestamp.from(at));
        }
    }

    @BeforeEach
    void month() {
        jdbc.update("delete from evaluation where pbx_id = ? and linkedid like 'q91-%'", PBX_ID);
        jdbc.update("delete from case_call where pbx_id = ? and linkedid like 'q91-%'", PBX_ID);
        jdbc.update("delete from call_recording where pbx_id = ? and linkedid like 'q91-%'", PBX_ID);
        jdbc.update("delete from calls where pbx_id = ? and linkedid like 'q91-%'", PBX_ID);
        int n = 0;
        for (var specialist : List.of("Aigerim", "Yerlan", "Nurlan")) {
            for (var queue : List.of("psychologists", "theologians")) {
                for (int i = 0; i < 5; i++) {
                    call("q91-" + n++, 1 + n % 28, specialist, queue, "ANSWERED", true);
                }
            }
        }
        call("q91-unrecorded", 3, "Aigerim", "psychologists", "ANSWERED", false);
        call("q91-abandoned", 4, "", "theologians", "ABANDONED", true);
        call("q91-april", 1, "Aigerim", "psychologists", "ANSWERED", true);
        jdbc.update("update calls set started_at = '1991-04-01 10:00+06' where linkedid = 'q91-april'");
        for (var e : List.of("ev-a-" + run, "ev-b-" + run, "ev-c-" + run)) {
            jdbc.update("insert into app_user (username, password_hash, display_name, roles) values (?, 'x', ?,"
                    + " '{EVALUATOR}')", e, e);
        }
        as("q-super", "SUPERVISOR");
        evaluators = evaluations.evaluators();
    }

    private static Set<String> calls(Evaluations.Sample s) {
        return s.evaluations().stream().map(e -> e.call().linkedid()).collect(Collectors.toSet());
    }

    @Test
    void the_sample_is_stratified_reproducible_from_its_seed_and_evenly_assigned() {
        var sample = evaluations.sample(FROM, TO, 2, 0.25, 42L);
        assertThat(sample.seed()).isEqualTo(42);
        assertThat(sample.calls()).as("2 of each of 6 strata").isEqualTo(12);
        var byStratum = sample.evaluations().stream().filter(e -> !e.calibration())
                .collect(Collectors.groupingBy(e -> e.specialist() + "/" + e.queue(), Collectors.counting()));
        assertThat(byStratum).hasSize(6).allSatisfy((k, v) -> assertThat(v).as(k).isEqualTo(2));
        assertThat(calls(sample)).doesNotContain("q91-unrecorded", "q91-abandoned", "q91-april");
        var calibration = sample.evaluations().stream().filter(Evaluations.Evaluation::calibration).toList();
        assertThat(calibration).as("a quarter of 12").hasSize(3);
        for (var c : calibration) {
            assertThat(sample.evaluations().stream().filter(e -> e.call().equals(c.call()))
                    .map(Evaluations.Evaluation::evaluator).distinct()).as("two evaluators on %s", c.call()).hasSize(2);
        }
        var load = sample.evaluations().stream().filter(e -> !e.calibration())
                .collect(Collectors.groupingBy(Evaluations.Evaluation::evaluator, Collectors.counting()));
        assertThat(load.values().stream().mapToLong(Long::longValue).max().orElseThrow()
                - load.values().stream().mapToLong(Long::longValue).min().orElseThrow()).as("even: %s", load)
                .isLessThanOrEqualTo(1);

        var first = calls(sample);
        jdbc.update("delete from evaluation where sample_id = ?", sample.id());
        assertThat(calls(evaluations.sample(FROM, TO, 2, 0.25, 42L))).as("the same seed").isEqualTo(first);
        jdbc.update("delete from evaluation where pbx_id = ? and linkedid like 'q91-%'", PBX_ID);
        var other = evaluations.sample(FROM, TO, 2, 0.25, 43L);
        assertThat(calls(other)).as("another seed").isNotEqualTo(first).hasSize(12);
        assertThat(evaluations.sample(FROM, TO, 2, 0, null).seed()).as("a new seed, recorded").isNotZero();
    }

    @Test
    void an_evaluator_scores_and_hears_only_their_own_calls() {
        var sample = evaluations.sample(FROM, TO, 1, 0, 7L);
        String mine = evaluators.getFirst();
        var own = sample.evaluations().stream().filter(e -> e.evaluator().equals(mine)).findFirst().orElseThrow();
        var others = sample.evaluations().stream().filter(e -> !e.evaluator().equals(mine)).findFirst().orElseThrow();

        as(mine, "EVALUATOR");
        assertThat(evaluations.list(FROM, TO)).isNotEmpty().allSatisfy(e -> assertThat(e.evaluator()).isEqualTo(mine));
        assertThat(recordings.mayListen(own.call())).isTrue();
        assertThat(recordings.mayListen(others.call())).isFalse();
        assertThatThrownBy(() -> evaluations.get(others.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> evaluations.sample(FROM, TO, 1, 0, 1L)).isInstanceOf(AccessDeniedException.class);

        var points = new HashMap<String, Integer>(Map.of("GREETING", 2, "LANGUAGE", 2, "LISTENING", 3));
        var draft = evaluations.save(own.id(), points, Map.of("LISTENING", "бір рет бөлді"), null, false);
        assertThat(draft.status()).isEqualTo(Evaluations.Status.DRAFT);
        assertThat(draft.scores()).containsEntry("LISTENING", 3);
        assertThatThrownBy(() -> evaluations.save(own.id(), points, Map.of(), null, true))
                .isInstanceOfSatisfying(InvalidEvaluation.class, e -> assertThat(e.errors()).containsKey("EMPATHY"));
        points.putAll(Map.of("EMPATHY", 2, "CORRECTNESS", 4, "NO_HARM", 1, "REFERRAL", 2, "DATA_PROTECTION", 1,
                "CLOSING", 2));
        var done = evaluations.save(own.id(), points, Map.of(), "Жақсы кеңес", true);
        // non-critical weights 1+1+2+1+3+2+1 = 11; points lost: LISTENING 1/4 of weight 2 → (11 - 0.5) / 11
        assertThat(done.total()).isEqualTo(95.5);
        assertThat(done.criticalFailed()).isFalse();
        assertThat(done.status()).isEqualTo(Evaluations.Status.SUBMITTED);
        assertThatThrownBy(() -> evaluations.save(own.id(), points, Map.of(), null, true))
                .isInstanceOf(InvalidEvaluation.class);
        var form = evaluations.currentForm();
        assertThat(form.criteria()).hasSize(9).filteredOn(EvaluationForm.Criterion::critical)
                .extracting(EvaluationForm.Criterion::code).containsExactly("NO_HARM", "DATA_PROTECTION");

        as("q-operator", "OPERATOR");
        assertThatThrownBy(() -> evaluations.list(FROM, TO)).isInstanceOf(AccessDeniedException.class);
        assertThat(new HashSet<>(evaluators)).contains("ev-a-" + run, "ev-b-" + run, "ev-c-" + run);
    }

    @Test
    void an_evaluator_reads_the_question_and_answer_of_their_calls_case_and_no_case_list() {
        var sample = evaluations.sample(FROM, TO, 1, 0, 11L);
        String mine = evaluators.getFirst();
        var own = sample.evaluations().stream().filter(e -> e.evaluator().equals(mine)).findFirst().orElseThrow();
        var others = sample.evaluations().stream().filter(e -> !e.evaluator().equals(mine)).findFirst().orElseThrow();
        as("q-specialist-" + run, "SPECIALIST");
        kz.hotline114.support.TestClock.pin("1991-03-20T12:00:00"); // opened in the call's month, not in other tests' now
        cases.open(new CaseDraft(own.call().pbxId(), own.call().linkedid(), "RELIGION_QUESTION", null,
                "Ораза кезінде дәрі ішуге бола ма?", "Дәрігердің кеңесімен болады", "kk", CallerProfile.UNKNOWN, null,
                false, null, null));
        kz.hotline114.support.TestClock.reset();

        as(mine, "EVALUATOR");
        assertThat(cases.ofEvaluatedCall(own.call())).singleElement().satisfies(c -> {
            assertThat(c.question()).isEqualTo("Ораза кезінде дәрі ішуге бола ма?");
            assertThat(c.answer()).isEqualTo("Дәрігердің кеңесімен болады");
        });
        assertThatThrownBy(() -> cases.ofEvaluatedCall(others.call())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> cases.ofCall(own.call())).as("no case list").isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'CASES_OF_EVALUATED_CALL_READ'"
                + " and username = ? and subject = ?", Long.class, mine, own.call().toString())).isEqualTo(1);
        as("q-super", "SUPERVISOR");
        assertThat(cases.ofEvaluatedCall(own.call())).hasSize(1);
        assertThat(cases.ofEvaluatedCall(others.call())).as("no case opened").isEmpty();
    }
}
