package kz.hotline114.dashboard;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** Today's figures from the call log (SQL over the calls of a day in {@code hotline.zone}). */
public interface DailyFigures {

    /** The figures of the day in {@code hotline.zone} that contains now. */
    DayFigures today();

    /** The figures of {@code day} in {@code hotline.zone}. */
    default DayFigures of(LocalDate day) {
        return of(day, null);
    }

    /** The figures of {@code day} of one PBX's calls (several PBXs); null = all PBXs. */
    DayFigures of(LocalDate day, @org.jspecify.annotations.Nullable String pbxId);

    /**
     * Today's service level per queue (by the queue a caller first waited in), each against its own T and target:
     * answered within T over answered plus abandoned after {@link DashboardProperties#SHORT_ABANDON_SECONDS}.
     */
    List<QueueLevel> queuesToday();

    /** One queue's service level today; {@code level} is a fraction 0..1, null when nobody was answered or gave up. */
    record QueueLevel(String queue, long answered, long abandoned, long answeredWithin, @Nullable Double level,
                      int serviceLevelSeconds, int targetPercent) {

        /** At or above its target (true while there is nothing to judge). */
        public boolean onTarget() {
            return level == null || level * 100 >= targetPercent;
        }
    }
}
