package kz.hotline114.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import kz.hotline114.security.AuditLog;
import kz.hotline114.support.TelephonyIT;
import java.time.temporal.ChronoUnit;
import org.assertj.core.api.Assertions;

/**
 * The rules of a known misdialer at their edges (issue 17 item 1): K−1 and K wrong-number calls, the D-day window,
 * every "never" case, the supervisors' marks, the list and its masking.
 */
class MisdialersIT extends TelephonyIT {

    @Autowired
    Misdialers misdialers;
    @Autowired
    Clock clock;
    @Autowired
    AuditLog audit;

    /** A number no other test uses. */
    private static String number() {
        return "+7701" + (1_000_000 + ThreadLocalRandom.current().nextInt(9_000_000));
    }

    private Instant daysAgo(double days) {
        return clock.instant().minus(Duration.ofMinutes((long) (days * 24 * 60)));
    }

    private String call(String number, Instant at, CallOutcome outcome) {
        var linkedid = "misdial-" + ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
        jdbc.update("""
                insert into calls (pbx_id, linkedid, started_at, ended_at, caller_number, caller_withheld, queues,
                    answered_by, transfers, outcome, wrong_number_reason, repeat_caller, updated_at)
                values (?, ?, ?, ?, ?, false, '{}', '{}', '[]'::jsonb, ?, ?, false, ?)""", PBX_ID, linkedid,
                Timestamp.from(at), Timestamp.from(at.plusSeconds(8)), number, outcome.name(),
                outcome == CallOutcome.WRONG_NUMBER ? "DECLARED" : null, Timestamp.from(at));
        return linkedid;
    }

    private void wrong(String number, double... daysAgo) {
        for (var d : daysAgo) {
            call(number, daysAgo(d), CallOutcome.WRONG_NUMBER);
        }
    }

    @Test
    void k_wrong_number_calls_within_d_days_make_a_misdialer_and_k_minus_one_or_an_older_one_do_not() {
        var one = number();
        wrong(one, 3);
        assertThat(misdialers.isMisdialer(one)).as("K-1 = 1 call").isFalse();
        wrong(one, 1);
        assertThat(misdialers.isMisdialer(one)).as("K = 2 calls").isTrue();
        assertThat(misdialers.isMisdialer("8" + one.substring(2))).as("the same number dialled as 8 7…").isTrue();

        var old = number();
        wrong(old, 91, 2);
        assertThat(misdialers.isMisdialer(old)).as("one of the two is past D = 90 days").isFalse();
        var edge = number();
        wrong(edge, 89.9, 2);
        assertThat(misdialers.isMisdialer(edge)).as("both inside the window").isTrue();

        var quiet = number();
        wrong(quiet, 95, 93, 91);
        assertThat(misdialers.isMisdialer(quiet)).as("D quiet days: no longer one").isFalse();
        assertThat(misdialers.isMisdialer(null)).isFalse();
        assertThat(misdialers.isMisdialer("anonymous")).isFalse();
    }

    @Test
    void never_a_number_that_was_answered_called_back_has_a_case_or_an_appointment() {
        var answered = number();
        wrong(answered, 1, 2);
        call(answered, daysAgo(30), CallOutcome.ANSWERED);
        assertThat(misdialers.isMisdialer(answered)).as("an answered call in the last D days").isFalse();
        var answeredLongAgo = number();
        wrong(answeredLongAgo, 1, 2);
        call(answeredLongAgo, daysAgo(120), CallOutcome.ANSWERED);
        assertThat(misdialers.isMisdialer(answeredLongAgo)).as("answered before the window").isTrue();

        var calledBack = number();
        var original = call(calledBack, daysAgo(5), CallOutcome.WRONG_NUMBER);
        wrong(calledBack, 1);
        jdbc.update("insert into callback (pbx_id, for_linkedid, number, due_at, status) values (?, ?, ?, ?, 'SCHEDULED')",
                PBX_ID, original, calledBack, Timestamp.from(daysAgo(4)));
        assertThat(misdialers.isMisdialer(calledBack)).as("a callback").isFalse();

        var withCase = number();
        var consulted = call(withCase, daysAgo(200), CallOutcome.WRONG_NUMBER);
        wrong(withCase, 1, 2);
        var caseId = jdbc.queryForObject("""
                insert into consultation_case (number, opened_at, opened_by, category, question, language, status)
                values (?, ?, 'it', 'OTHER', 'сұрақ', 'kk', 'OPEN') returning id""", Long.class,
                "114-IT-" + ThreadLocalRandom.current().nextInt(1_000_000_000), Timestamp.from(daysAgo(200)));
        jdbc.update("insert into case_call (case_id, pbx_id, linkedid) values (?, ?, ?)", caseId, PBX_ID, consulted);
        assertThat(misdialers.isMisdialer(withCase)).as("an open case, even one opened long ago").isFalse();

        var booked = number();
        wrong(booked, 1, 2);
        var start = daysAgo(ThreadLocalRandom.current().nextDouble(10, 60));
        jdbc.update("""
                insert into appointment (expert_id, centre_id, type, starts_at, ends_at, client_contact, created_by)
                values ((select min(id) from expert), (select min(id) from centre), 'MOBILE_RECEPTION', ?, ?, ?, 'it')""",
                Timestamp.from(start), Timestamp.from(start.plusSeconds(60)), booked);
        assertThat(misdialers.isMisdialer(booked)).as("an appointment").isFalse();
    }

    @Test
    void supervisors_mark_numbers_by_hand_audited_and_others_see_the_list_masked() {
        var automatic = number();
        wrong(automatic, 10, 4, 1);
        var manual = number();
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("it-super", "n/a",
                "ROLE_SUPERVISOR"));
        misdialers.mark(manual, Misdialers.Mark.Kind.FILTER, "calls every day for e-Gov");
        assertThat(misdialers.isMisdialer(manual)).as("by hand, whatever the rules").isTrue();
        misdialers.mark(automatic, Misdialers.Mark.Kind.NEVER, "a parishioner who misdials, then calls properly");
        assertThat(misdialers.isMisdialer(automatic)).as("never filtered").isFalse();
        assertThatThrownBy(() -> misdialers.mark(manual, Misdialers.Mark.Kind.FILTER, " "))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> misdialers.mark("12", Misdialers.Mark.Kind.FILTER, "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(audit.count(new AuditLog.Query("it-super", "MISDIALER_NEVER_FILTER", null, null, automatic)))
                .isEqualTo(1);

        var listed = misdialers.list(0, 10_000).items();
        assertThat(listed).anySatisfy(m -> {
            assertThat(m.number()).isEqualTo(manual);
            assertThat(m.source()).isEqualTo(Misdialers.Source.MANUAL);
        }).noneMatch(m -> m.number().equals(automatic));
        assertThat(misdialers.unmark(automatic, "asked by the centre")).isTrue();
        assertThat(misdialers.isMisdialer(automatic)).as("back to the rules").isTrue();
        listed = misdialers.list(0, 10_000).items();
        assertThat(listed).anySatisfy(m -> {
            assertThat(m.number()).isEqualTo(automatic);
            assertThat(m.source()).isEqualTo(Misdialers.Source.AUTOMATIC);
            assertThat(m.wrongNumberCalls()).isEqualTo(3);
            assertThat(m.since()).as("the K-th call made it one").isCloseTo(daysAgo(4), Assertions
                    .within(1, ChronoUnit.SECONDS));
        });

        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("it-op", "n/a",
                "ROLE_OPERATOR"));
        assertThat(misdialers.list(0, 10_000).items()).extracting(Misdialers.Misdialer::number)
                .doesNotContain(automatic, manual).contains(PhoneNumbers.mask(automatic));
        assertThatThrownBy(() -> misdialers.mark(number(), Misdialers.Mark.Kind.FILTER, "x"))
                .isInstanceOf(AccessDeniedException.class);
    }
}
