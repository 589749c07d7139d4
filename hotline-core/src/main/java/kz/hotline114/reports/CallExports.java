package kz.hotline114.reports;

import java.io.OutputStream;

import kz.hotline114.calls.CallFilter;

/**
 * The call log of a period as a file: "attachment 2" of the interim report — every call with the numbers,
 * categories, questions and answers of its cases (phone numbers and e-mails struck out of the texts).
 * Caller numbers are masked unless the user may see them (supervisors, admins); every export is written
 * to the audit log, saying whether it held full numbers. Reporters, supervisors and admins may export.
 * At most {@code hotline.reports.export-max-rows} rows; more throws {@link InvalidReport}.
 */
public interface CallExports {

    /** CSV, UTF-8 with a byte-order mark (so Excel reads the Cyrillic), comma-separated, RFC 4180 quoting. */
    void csv(CallFilter filter, ReportTexts texts, OutputStream out);

    /** XLSX written as it is read (streaming, a window of 100 rows in memory): fit for a million rows. */
    void xlsx(CallFilter filter, ReportTexts texts, OutputStream out);
}
