package kz.hotline114.reports;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * The carrier claim (issue 17 item 3): the wrong-number calls of a period as Kazakhtelecom needs them to recalculate
 * the charges — each call's start, billed minutes (each call's duration rounded up to whole minutes, as the tariff and
 * the interim report count them), the caller's operator and number (masked unless the user may see numbers; a full
 * register is audited) — with the totals of calls, minutes and cost per operator at
 * {@code hotline.reports.tariff-per-minute}. Reporters, supervisors and admins.
 */
public interface WrongNumberClaims {

    /** The key of landline (and unknown-operator) callers in {@link Summary#byOperator()}. */
    String LANDLINE = "LANDLINE";

    record Totals(long calls, long minutes, BigDecimal cost) {
    }

    /**
     * The period's figures: wrong-number calls, their billed minutes and cost; {@code filtered} of them ended in the
     * 1414 message for known misdialers, and {@code minutesSaved} is what those numbers' earlier wrong-number calls
     * took on average per call, less what the filtered ones took, summed.
     */
    record Summary(LocalDate from, LocalDate to, long calls, long minutes, BigDecimal cost, long filtered,
                   long minutesSaved, Map<String, Totals> byOperator) {
        public Summary {
            byOperator = Map.copyOf(byOperator);
        }
    }

    /** The days {@code from} to {@code to} (inclusive, in the hotline's zone). */
    Summary summary(LocalDate from, LocalDate to);

    /**
     * The covering letter to the carrier (DOCX, in the texts' language): the period, the totals of calls, minutes and
     * cost, the table per operator, the request to recalculate, the register named as the attachment.
     */
    byte[] letter(LocalDate from, LocalDate to, ReportTexts texts);

    /** The register (one row per call) and the totals per operator as XLSX. */
    void xlsx(LocalDate from, LocalDate to, ReportTexts texts, OutputStream out);
}
