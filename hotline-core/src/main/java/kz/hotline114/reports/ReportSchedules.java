package kz.hotline114.reports;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Reports sent by e-mail on a schedule: the call-log export (XLSX, caller numbers always masked: a mail leaves the
 * system) or the interim report (DOCX) of the last full week or month, to a few addresses, by the SMTP server of the
 * configuration ({@code spring.mail.*}). Reporters, supervisors and admins keep their own schedules; every change and
 * every sending is audited. Invalid input throws {@link InvalidReport}.
 */
public interface ReportSchedules {

    enum Kind { CALL_LOG, INTERIM_REPORT }

    enum Frequency { WEEKLY, MONTHLY }

    /**
     * A schedule as stored; {@code lastError} is why the last sending failed (null when it did not): {@code no-smtp}
     * when no SMTP server is configured, else the mail server's or the report's own message.
     */
    record Schedule(long id, String owner, Kind kind, Frequency frequency, List<String> recipients, String language,
                    @Nullable Long projectId, Instant nextRunAt, @Nullable Instant lastSentAt,
                    @Nullable String lastError) {
        public Schedule {
            recipients = List.copyOf(recipients);
        }
    }

    /** The days a sending at {@code at} covers: the last full week (Monday to Sunday) or month before it. */
    record Period(LocalDate from, LocalDate to) {
    }

    /** Whether an SMTP server is configured: without one, schedules are kept but nothing can be sent. */
    boolean mailConfigured();

    /** The signed-in user's schedules. */
    List<Schedule> mine();

    /** A new schedule of the signed-in user; the first sending is at the next start of a week or month. */
    Schedule create(Kind kind, Frequency frequency, List<String> recipients, String language, @Nullable Long projectId);

    /** Deletes one of the signed-in user's schedules. */
    void delete(long id);

    /** Sends a schedule's report now (its period as if it were due now), without moving its next run. */
    Schedule sendNow(long id);

    /** Sends every schedule due by now; returns how many were sent. Run by the scheduler every minute. */
    int sendDue();

    /** The period a sending at {@code day} covers. */
    static Period periodBefore(LocalDate day, Frequency frequency) {
        return switch (frequency) {
            case WEEKLY -> {
                var monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                yield new Period(monday.minusWeeks(1), monday.minusDays(1));
            }
            case MONTHLY -> {
                var first = day.withDayOfMonth(1);
                yield new Period(first.minusMonths(1), first.minusDays(1));
            }
        };
    }
}
