package kz.hotline114.appointments;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The reception schedule: weekly hours, public and mobile reception days, holidays and cancellations,
 * expanded into bookable slots in the hotline zone ({@code hotline.zone}). Refused changes throw
 * {@link InvalidSchedule} with a code per field.
 */
public interface ReceptionSchedule {

    WeeklyHours addWeeklyHours(WeeklyHours hours);

    void removeWeeklyHours(long id);

    ReceptionDay addReceptionDay(ReceptionDay day);

    void removeReceptionDay(long id);

    Closure close(Closure closure);

    void removeClosure(long id);

    List<WeeklyHours> weeklyHours(@Nullable Long centreId);

    List<ReceptionDay> receptionDays(LocalDate from, LocalDate to);

    List<Closure> closures(LocalDate from, LocalDate to);

    /**
     * Every slot from {@code from} to {@code to} (both inclusive) of one centre and/or one expert (null = all),
     * by start, skipping closed days, each marked with the live appointment that holds it, if any.
     */
    List<Slot> slots(LocalDate from, LocalDate to, @Nullable Long centreId, @Nullable Long expertId);
}
