package kz.hotline114.cases;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** One line of a case list. */
public record CaseSummary(String number, String category, String question, @Nullable String answer, CaseStatus status,
                          Instant openedAt, @Nullable String specialist) {
}
