package kz.hotline114.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import kz.hotline114.amisim.AmiPacket;
import kz.hotline114.support.Recordings;
import kz.hotline114.support.TelephonyIT;

/**
 * Today's figures against recorded traffic whose outcomes the fixtures' README states. The
 * recordings are moved to a day of their own (no other test plays calls on it) and to chosen hours.
 */
class DashboardIT extends TelephonyIT {

    static final ZoneId ZONE = ZoneId.of("Asia/Almaty");
    /** A Wednesday no other test plays calls on; the week before holds the comparison calls. */
    static final LocalDate DAY = LocalDate.of(2025, 3, 12);
    static boolean played;

    @Autowired
    DailyFigures figures;

    /** The recording, copy {@code copy}, moved so that its earliest event happens at {@code at} on {@code day}. */
    static List<AmiPacket> at(String name, int copy, LocalDate day, LocalTime at) {
        return Recordings.startingAt(name, copy, day.atTime(at).atZone(ZONE).toInstant());
    }

    synchronized void playTheDay() {
        if (played) {
            return;
        }
        var packets = new ArrayList<AmiPacket>();
        // 09:00-09:59: three answered calls (wait 2 s each), one abandoned after 10 s, one abandoned while ringing after 4 s
        packets.addAll(at("answered-psychologist", 150, DAY, LocalTime.of(9, 0)));
        packets.addAll(at("answered-theologian", 150, DAY, LocalTime.of(9, 5)));
        packets.addAll(at("answered-scholar", 150, DAY, LocalTime.of(9, 10)));
        packets.addAll(at("abandoned-in-queue", 150, DAY, LocalTime.of(9, 20)));
        packets.addAll(at("sip-phones/abandon-while-ringing", 150, DAY, LocalTime.of(9, 30)));
        // 14:00-14:59: wrong numbers (declared, short), no input, nobody logged in (unanswered after 20 s)
        packets.addAll(at("wrong-number-declared", 150, DAY, LocalTime.of(14, 0)));
        packets.addAll(at("wrong-number-short", 150, DAY, LocalTime.of(14, 5)));
        packets.addAll(at("no-input-timeout", 150, DAY, LocalTime.of(14, 10)));
        packets.addAll(at("sip-phones/no-agents-logged-in", 150, DAY, LocalTime.of(14, 20)));
        // the same weekday a week before: two calls at 10:00-10:59
        packets.addAll(at("answered-psychologist", 151, DAY.minusWeeks(1), LocalTime.of(10, 0)));
        packets.addAll(at("wrong-number-short", 151, DAY.minusWeeks(1), LocalTime.of(10, 30)));
        play(packets);
        played = true;
    }

    @Test
    void the_days_counts_follow_the_outcomes_the_recordings_are_known_to_have() {
        playTheDay();
        var f = figures.of(DAY);
        assertThat(f.offered()).isEqualTo(9);
        assertThat(f.answered()).isEqualTo(3);
        assertThat(f.abandoned()).as("abandoned after 5 s or more").isEqualTo(1);
        assertThat(f.abandonedShort()).as("abandoned within 5 s (while the phone rang, 4 s)").isEqualTo(1);
        assertThat(f.unanswered()).isEqualTo(1);
        assertThat(f.wrongNumber()).isEqualTo(2);
        assertThat(f.wrongNumberDeclared()).isEqualTo(1);
        assertThat(f.wrongNumberShort()).isEqualTo(1);
        assertThat(f.noInput()).isEqualTo(1);
    }

    @Test
    void service_level_is_answered_within_t_over_answered_plus_abandoned_after_five_seconds() {
        playTheDay();
        var f = figures.of(DAY);
        assertThat(f.serviceLevelSeconds()).isEqualTo(20);
        assertThat(f.answeredWithinServiceLevel()).isEqualTo(3);
        // 3 answered within 20 s / (3 answered + 1 abandoned after 10 s); the 4 s abandon and the timeout stay out
        assertThat(f.serviceLevel()).isCloseTo(0.75, within(1e-9));
    }

    @Test
    void average_wait_covers_every_queued_call_and_average_talk_the_answered_ones() {
        playTheDay();
        var f = figures.of(DAY);
        // waits: 2, 2, 2 (answered), 10 (abandoned), 4 (abandoned while ringing), 20 (queue timeout)
        assertThat(f.averageWaitSeconds()).isCloseTo((2 + 2 + 2 + 10 + 4 + 20) / 6.0, within(0.5));
        // talk: 5 + 6 + 6 s (README)
        assertThat(f.averageTalkSeconds()).isCloseTo((5 + 6 + 6) / 3.0, within(0.5));
    }

    @Test
    void calls_per_hour_compare_with_the_same_weekday_a_week_before_and_give_the_busiest_hour() {
        playTheDay();
        var f = figures.of(DAY);
        assertThat(f.callsPerHour().get(9)).as("per hour %s", f.callsPerHour()).isEqualTo(5);
        assertThat(f.callsPerHour().get(14)).isEqualTo(4);
        assertThat(f.callsPerHour().stream().mapToLong(Long::longValue).sum()).isEqualTo(9);
        assertThat(f.callsPerHourWeekAgo().get(10)).isEqualTo(2);
        assertThat(f.callsPerHourWeekAgo().stream().mapToLong(Long::longValue).sum()).isEqualTo(2);
        assertThat(f.busiestHour()).hasValue(9);
    }

    @Test
    void a_day_without_calls_has_no_service_level_and_no_busiest_hour() {
        var f = figures.of(LocalDate.of(2024, 2, 29));
        assertThat(f.offered()).isZero();
        assertThat(f.serviceLevel()).isNull();
        assertThat(f.averageWaitSeconds()).isNull();
        assertThat(f.busiestHour()).isEmpty();
    }
}
