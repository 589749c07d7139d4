/**
 * Grant reporting: the statistics engine over the call table and its daily rollup (every figure
 * defined once, in {@link kz.hotline114.reports.Statistic}), grant projects with tasks, activities
 * and indicators, the interim programme report (seed 004) with versioned drafts and immutable final
 * snapshots, its DOCX / PDF / HTML renderings, and the call-log exports (XLSX, CSV).
 */
@org.jspecify.annotations.NullMarked
package kz.hotline114.reports;
