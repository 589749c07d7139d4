/**
 * The supervisor's dashboard and the wall-board: today's figures (each with one written definition,
 * {@link kz.hotline114.dashboard.Figure}), the live board per queue with alerts, published as
 * {@link kz.hotline114.dashboard.BoardChanged} on every change, the wall-board's read-only token, and
 * the Prometheus metrics of calls, queues and specialists.
 */
@org.jspecify.annotations.NullMarked
package kz.hotline114.dashboard;
