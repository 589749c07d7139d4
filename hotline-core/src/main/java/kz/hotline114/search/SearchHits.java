package kz.hotline114.search;

import java.util.List;
import java.util.Map;

/** Matching document ids, best first, the total, and counts by the requested fields. */
public record SearchHits(long total, List<String> ids, Map<String, Map<String, Long>> aggregations) {
}
