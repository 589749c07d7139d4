/** The live dashboard, the wall-board socket and {@code /api/live}. */
@org.jspecify.annotations.NullMarked
package kz.hotline114.ui.dashboard;
