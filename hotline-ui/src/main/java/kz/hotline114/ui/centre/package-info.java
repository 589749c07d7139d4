/** The psychological-help centre: week, reception day, schedule, experts, events, figures, and {@code /api/experts}, {@code /api/centres}, {@code /api/appointments}. */
@org.jspecify.annotations.NullMarked
package kz.hotline114.ui.centre;
