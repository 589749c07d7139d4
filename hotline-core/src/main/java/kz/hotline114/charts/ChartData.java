package kz.hotline114.charts;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a chart shows: categories along one axis, one or more series with one value per category.
 * The texts are already translated; the renderer does not look anything up.
 *
 * @param title         title above the plot; blank for none
 * @param categoryAxis  label of the category axis; blank for none
 * @param valueAxis     label of the value axis; blank for none
 * @param categories    category labels, in display order (month names, regions, …)
 * @param series        the series; each has exactly one value per category
 */
public record ChartData(String title, String categoryAxis, String valueAxis, List<String> categories,
                        List<Series> series) {

    /**
     * A named row of values, one per category, in the order of {@link ChartData#categories()}; a null value is no value
     * (a gap in a line: the spending so far and its forecast on one time axis).
     */
    public record Series(String name, List<? extends @Nullable Number> values) {
        public Series {
            values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
        }
    }

    public ChartData {
        categories = List.copyOf(categories);
        series = List.copyOf(series);
        if (series.isEmpty()) {
            throw new IllegalArgumentException("a chart needs at least one series");
        }
        for (Series s : series) {
            if (s.values().size() != categories.size()) {
                throw new IllegalArgumentException("series '" + s.name() + "' has " + s.values().size()
                        + " values for " + categories.size() + " categories");
            }
        }
    }

    /** One series: the usual case (calls by month, calls by region). */
    public static ChartData single(String title, String categoryAxis, String valueAxis, String seriesName,
                                   List<String> categories, List<? extends Number> values) {
        return new ChartData(title, categoryAxis, valueAxis, categories, List.of(new Series(seriesName, values)));
    }
}
