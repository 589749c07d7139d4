/** Grant projects, interim reports and exports, and {@code /api/reports}. */
@org.jspecify.annotations.NullMarked
package kz.hotline114.ui.reports;
