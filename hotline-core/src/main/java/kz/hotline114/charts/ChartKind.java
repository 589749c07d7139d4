package kz.hotline114.charts;

/** How the values are drawn. */
public enum ChartKind {
    /** Vertical bars, series side by side: counts per category (calls by region, by category). */
    BAR,
    /** Horizontal bars: long category labels (region names, case categories). */
    HORIZONTAL_BAR,
    /** Lines through the categories: counts over time (calls by month, by day). */
    LINE
}
