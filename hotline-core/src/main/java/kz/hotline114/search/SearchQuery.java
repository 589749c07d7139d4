package kz.hotline114.search;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A full-text query over one document type.
 *
 * @param text          words to find in {@code textFields} (standard analyzer: works for Kazakh and Russian)
 * @param filters       keyword field → exact value
 * @param visibleTo     when not null: only documents where one of {@code visibilityFields} equals this user
 * @param dateField     the field {@code from}/{@code to} restrict
 * @param aggregations  keyword fields to count the matches by
 */
public record SearchQuery(@Nullable String text, List<String> textFields, Map<String, String> filters,
                          @Nullable String visibleTo, List<String> visibilityFields, String dateField,
                          @Nullable Instant from, @Nullable Instant to, int offset, int size, List<String> aggregations) {
}
