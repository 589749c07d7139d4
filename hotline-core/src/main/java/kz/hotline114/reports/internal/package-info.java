/** SQL, renderers and exports behind the reports API. */
@org.jspecify.annotations.NullMarked
package kz.hotline114.reports.internal;
