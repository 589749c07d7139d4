package kz.hotline114.quality.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

import kz.hotline114.support.TelephonyIT;
import kz.hotline114.support.TestClock;

/**
 * The month's sample draws itself: on the 1st of June 1989 (a month of no other test) the sample of May is drawn as
 * "system" with the configured rules (2 per specialist and queue), once; a month already sampled by hand is left alone.
 */
class MonthlySampleIT extends TelephonyIT {

    @Autowired
    MonthlySample monthly;

    @AfterEach
    void time() {
        TestClock.reset();
    }

    private void call(String id, int day, String specialist) {
        var at = LocalDate.of(1989, 5, day).atTime(11, 0).atZone(ZoneId.of("Asia/Almaty")).toInstant();
        jdbc.update("""
                insert into calls (pbx_id, linkedid, started_at, ended_at, caller_withheld, queues, answered_by, transfers,
                    outcome, repeat_caller, updated_at)
                values (?, ?, ?, ?, true, '{psychologists}', ?, '[]'::jsonb, 'ANSWERED', false, ?)""", PBX_ID, id,
                Timestamp.from(at), Timestamp.from(at.plusSeconds(90)), new String[] {specialist}, Timestamp.from(at));
        jdbc.update("""
                insert into call_recording (pbx_id, linkedid, store_key, size_bytes, duration_ms, sha256, key_id,
                    call_started_at, taken_at) values (?, ?, ?, 1000, 60000, ?, 'k', ?, ?)""", PBX_ID, id, "it/" + id,
                "0".repeat(64), Timestamp.from(at), Timestamp.from(at));
    }

    @Test
    void the_previous_months_sample_is_drawn_once_by_itself() {
        jdbc.update("delete from evaluation where pbx_id = ? and linkedid like 'm89-%'", PBX_ID);
        jdbc.update("delete from evaluation where sample_id in (select id from evaluation_sample"
                + " where period_from = '1989-05-01')");
        jdbc.update("delete from evaluation_sample where period_from in ('1989-05-01', '1989-06-01')");
        jdbc.update("delete from call_recording where pbx_id = ? and linkedid like 'm89-%'", PBX_ID);
        jdbc.update("delete from calls where pbx_id = ? and linkedid like 'm89-%'", PBX_ID);
        for (int i = 0; i < 5; i++) {
            call("m89-a" + i, 2 + i, "Aigerim");
            call("m89-y" + i, 10 + i, "Yerlan");
        }
        String evaluator = "m89-ev-" + Long.toString(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE), 36);
        jdbc.update("insert into app_user (username, password_hash, display_name, roles) values (?, 'x', ?,"
                + " '{EVALUATOR}')", evaluator, evaluator);

        TestClock.pin("1989-05-31T23:00:00");
        var drawn = monthly.drawIfDue(); // the month is not over: April's (no calls of this test) may be drawn, not May's
        drawn.ifPresent(s -> assertThat(s.from()).isEqualTo(LocalDate.of(1989, 4, 1)));

        TestClock.pin("1989-06-01T06:00:00");
        var before = SecurityContextHolder.getContext().getAuthentication();
        var may = monthly.drawIfDue().orElseThrow();
        assertThat(may.from()).isEqualTo(LocalDate.of(1989, 5, 1));
        assertThat(may.to()).isEqualTo(LocalDate.of(1989, 5, 31));
        assertThat(may.calls()).as("2 of each of 2 strata (the configured default)").isEqualTo(4);
        assertThat(may.evaluations()).extracting(e -> e.call().linkedid()).allMatch(id -> id.startsWith("m89-"));
        assertThat(jdbc.queryForObject("select created_by from evaluation_sample where id = ?", String.class, may.id()))
                .isEqualTo("system");
        assertThat(SecurityContextHolder.getContext().getAuthentication()).as("the system's rights end with it")
                .isSameAs(before);

        TestClock.pin("1989-06-02T06:00:00");
        assertThat(monthly.drawIfDue()).as("drawn once").isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from evaluation_sample where period_from = '1989-05-01'",
                Long.class)).isEqualTo(1);
    }
}
