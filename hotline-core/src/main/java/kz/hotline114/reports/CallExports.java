package kz.hotline114.reports;

import java.io.OutputStream;

import kz.hotline114.calls.CallFilter;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;

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

    /** The file formats of an export. */
    enum Format {
        CSV("csv", "text/csv;charset=UTF-8"),
        XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        private final String extension;
        private final String contentType;

        Format(String extension, String contentType) {
            this.extension = extension;
            this.contentType = contentType;
        }

        public String extension() {
            return extension;
        }

        public String contentType() {
            return contentType;
        }
    }

    /**
     * An export ready to send: its name, type and size, and its content, read once (closing it deletes the
     * temporary file it was written to).
     */
    record ExportFile(String fileName, String contentType, long size, InputStream content) {
    }

    /**
     * The calls of the days {@code from} to {@code to} (inclusive, in the hotline's zone) as a file: written to a
     * temporary file first, so that a million rows take no memory and the size is known before sending.
     */
    ExportFile export(LocalDate from, LocalDate to, Format format, ReportTexts texts)
            throws IOException;
}
