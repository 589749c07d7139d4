package kz.hotline114.cases;

import java.util.List;

public record CasePage(long total, List<CaseSummary> items) {
}
