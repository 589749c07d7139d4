/**
 * Charts drawn on the server (JFreeChart): SVG for screens, PNG for DOCX and PDF documents. One
 * renderer for the dashboard, the report preview and the report files, with a font that has the
 * Kazakh letters.
 */
@org.jspecify.annotations.NullMarked
package kz.hotline114.charts;
