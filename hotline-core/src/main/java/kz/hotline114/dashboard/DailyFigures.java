package kz.hotline114.dashboard;

import java.time.LocalDate;

/** Today's figures from the call log (SQL over the calls of a day in {@code hotline.zone}). */
public interface DailyFigures {

    /** The figures of the day in {@code hotline.zone} that contains now. */
    DayFigures today();

    /** The figures of {@code day} in {@code hotline.zone}. */
    DayFigures of(LocalDate day);
}
