package kz.hotline114.appointments;

import java.time.LocalDate;

/**
 * The counts the grant report needs from the centre, from one place: appointments by type, status and
 * expert kind, events and their participants with the seed-001 breakdowns. No personal data: reporters may
 * read it.
 */
public interface AppointmentStatistics {

    /** Figures for {@code from}..{@code to}, both inclusive, days in the hotline zone. */
    CentreCounts counts(LocalDate from, LocalDate to);
}
