package kz.hotline114.dashboard;

import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;

import org.jspecify.annotations.Nullable;

/**
 * The figures of one day; each is defined in {@link Figure}.
 *
 * @param serviceLevel        fraction 0..1, null when nobody was answered and nobody abandoned after 5 s
 * @param serviceLevelSeconds the T of the service level
 * @param averageWaitSeconds  null when no call queued
 * @param averageTalkSeconds  null when no call was answered
 * @param callsPerHour        24 counts, hour 0 first, in {@code hotline.zone}
 * @param callsPerHourWeekAgo the same for the same weekday a week before
 */
public record DayFigures(LocalDate day, long offered, long answered, long abandoned, long abandonedShort,
                         long unanswered, long wrongNumber, long wrongNumberDeclared, long wrongNumberShort,
                         long noInput, long answeredWithinServiceLevel, @Nullable Double serviceLevel,
                         int serviceLevelSeconds, @Nullable Double averageWaitSeconds,
                         @Nullable Double averageTalkSeconds, List<Long> callsPerHour, List<Long> callsPerHourWeekAgo) {

    public DayFigures {
        callsPerHour = List.copyOf(callsPerHour);
        callsPerHourWeekAgo = List.copyOf(callsPerHourWeekAgo);
        if (callsPerHour.size() != 24 || callsPerHourWeekAgo.size() != 24) {
            throw new IllegalArgumentException("24 hours expected");
        }
    }

    /** {@link Figure#BUSIEST_HOUR}: the hour with most calls offered, the earliest on a tie; empty on a day without calls. */
    public OptionalInt busiestHour() {
        int best = -1;
        for (int h = 0; h < 24; h++) {
            if (callsPerHour.get(h) > 0 && (best < 0 || callsPerHour.get(h) > callsPerHour.get(best))) {
                best = h;
            }
        }
        return best < 0 ? OptionalInt.empty() : OptionalInt.of(best);
    }
}
