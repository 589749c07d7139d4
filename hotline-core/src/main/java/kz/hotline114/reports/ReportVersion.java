package kz.hotline114.reports;

import java.time.Instant;

/** A saved version of a draft's content. */
public record ReportVersion(int version, String savedBy, Instant savedAt) {
}
