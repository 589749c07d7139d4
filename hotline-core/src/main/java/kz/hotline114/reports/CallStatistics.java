package kz.hotline114.reports;

import java.time.LocalDate;

/**
 * The statistics engine: call figures from the daily rollup ({@code call_daily}, kept up to date by a
 * trigger on every insert, update and delete of a call row), so a period of tens of millions of calls
 * is read in milliseconds. No personal data: reporters may read it; the dashboard reuses it.
 */
public interface CallStatistics {

    /** The figures of {@code from}..{@code to}, both inclusive, days in the hotline zone. */
    CallFigures figures(LocalDate from, LocalDate to);

    /** Recomputes the rollup from the call table (after a bulk load or a change of zone). */
    void rebuildRollup();
}
