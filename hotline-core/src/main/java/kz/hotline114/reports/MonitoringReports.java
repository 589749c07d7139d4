package kz.hotline114.reports;

import java.time.LocalDate;

import kz.hotline114.quality.MonitoringFigures;

/**
 * The monitoring report (issue 18; the "monitoring results" attachment of seed 004's task 3): for a month or any
 * period, the coverage, the scores per specialist, queue and criterion with their trend and a chart, the critical
 * failures, the calibration agreement, the experts' conclusions and the centre's figures — DOCX and PDF, kk/ru.
 * Supervisors, reporters and admins.
 */
public interface MonitoringReports {

    MonitoringFigures figures(LocalDate from, LocalDate to);

    byte[] docx(LocalDate from, LocalDate to, ReportTexts texts);

    byte[] pdf(LocalDate from, LocalDate to, ReportTexts texts);
}
