package kz.hotline114.cases;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** Which cases to list: a full-text query over question and answer, category, status, opened in [from, to). */
public record CaseFilter(@Nullable String q, @Nullable String category, @Nullable CaseStatus status,
                         @Nullable Instant from, @Nullable Instant to) {
}
