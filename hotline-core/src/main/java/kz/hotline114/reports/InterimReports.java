package kz.hotline114.reports;

import java.time.LocalDate;
import java.util.List;

/**
 * Interim programme reports of a grant project for a period (any dates; usually a reporting period of
 * the project). Reading: reporters, supervisors, admins; writing and finalising: reporters and admins.
 * A report is a draft until finalised; each save of its content is a new version; finalising stores the
 * whole report as an immutable snapshot that later data changes do not alter. Invalid input throws
 * {@link InvalidReport}.
 */
public interface InterimReports {

    /** The final report of the period when there is one, else the draft built now from the data. */
    InterimReport report(long projectId, LocalDate from, LocalDate to);

    /** The latest saved content of the draft, or the pre-filled content when nothing was saved yet. */
    ReportContent content(long projectId, LocalDate from, LocalDate to);

    /** Saves the content as a new version of the draft; returns the version number. */
    int saveDraft(long projectId, LocalDate from, LocalDate to, ReportContent content);

    List<ReportVersion> versions(long projectId, LocalDate from, LocalDate to);

    /** Builds the report from the latest content and the data, and stores it as the final snapshot. */
    InterimReport finalise(long projectId, LocalDate from, LocalDate to);
}
