package kz.hotline114.cases;

import java.util.Map;

/**
 * Cases opened in a period, counted for reports. Every map is code → number of cases; a case
 * without a profile value counts under {@code UNKNOWN}.
 */
public record CaseCounts(long total, Map<String, Long> byCategory, Map<String, Long> byMonth, Map<String, Long> byGender,
                         Map<String, Long> byAgeBracket, Map<String, Long> bySocialStatus, Map<String, Long> byRegion,
                         Map<String, Long> byStatus) {
}
