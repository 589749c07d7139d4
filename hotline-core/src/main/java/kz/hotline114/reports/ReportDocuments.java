package kz.hotline114.reports;

/**
 * Renders an {@link InterimReport} in seed 004's structure: DOCX (Word, LibreOffice), PDF, and HTML for
 * the on-screen preview, with the charts (calls by month, by region, cases by category) drawn on the server.
 */
public interface ReportDocuments {

    byte[] docx(InterimReport report, ReportTexts texts);

    byte[] pdf(InterimReport report, ReportTexts texts);

    /** The risk with the pre-filled wording (the wrong-number risk with the period's figures) where it has no text. */
    ReportContent.Risk resolved(InterimReport report, ReportContent.Risk risk, ReportTexts texts);

    /** One {@code <div>} element (no page scaffolding), charts inline: for the preview. */
    String html(InterimReport report, ReportTexts texts);
}
