/** Consultation cases: list, detail, and {@code /api/cases}. */
@org.jspecify.annotations.NullMarked
package kz.hotline114.ui.cases;
