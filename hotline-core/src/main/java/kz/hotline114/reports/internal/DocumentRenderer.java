package kz.hotline114.reports.internal;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.springframework.stereotype.Service;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import kz.hotline114.reports.InterimReport;
import kz.hotline114.reports.ReportContent;
import kz.hotline114.reports.ReportDocuments;
import kz.hotline114.reports.ReportTexts;

/** DOCX with POI, PDF with openhtmltopdf (DejaVu Sans embedded, so Kazakh letters print), HTML for the preview. */
@Service
class DocumentRenderer implements ReportDocuments {

    private static final List<String> FONT_DIRS = List.of("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu",
            "/usr/share/fonts/TTF");

    @Override
    public byte[] docx(InterimReport report, ReportTexts texts) {
        return DocxWriter.write(ReportLayout.blocks(report, texts));
    }

    @Override
    public ReportContent.Risk resolved(InterimReport report, ReportContent.Risk risk, ReportTexts texts) {
        return ReportLayout.resolved(report, risk, texts);
    }

    @Override
    public String html(InterimReport report, ReportTexts texts) {
        return HtmlWriter.body(ReportLayout.blocks(report, texts));
    }

    @Override
    public byte[] pdf(InterimReport report, ReportTexts texts) {
        return pdf(ReportLayout.blocks(report, texts), texts);
    }

    /** Any report's blocks as a PDF (A4, DejaVu Sans embedded). */
    static byte[] pdf(List<Block> blocks, ReportTexts texts) {
        var page = HtmlWriter.page(HtmlWriter.body(blocks), texts.locale().getLanguage());
        try (var out = new ByteArrayOutputStream()) {
            var builder = new PdfRendererBuilder();
            builder.useFastMode();
            for (String dir : FONT_DIRS) {
                var regular = new File(dir, "DejaVuSans.ttf");
                var bold = new File(dir, "DejaVuSans-Bold.ttf");
                if (regular.canRead()) {
                    builder.useFont(regular, "DejaVu Sans", 400, PdfRendererBuilder.FontStyle.NORMAL, true);
                    if (bold.canRead()) {
                        builder.useFont(bold, "DejaVu Sans", 700, PdfRendererBuilder.FontStyle.NORMAL, true);
                    }
                    var condensed = new File(dir, "DejaVuSansCondensed.ttf");
                    var condensedBold = new File(dir, "DejaVuSansCondensed-Bold.ttf");
                    if (condensed.canRead()) {
                        builder.useFont(condensed, "DejaVu Sans Condensed", 400, PdfRendererBuilder.FontStyle.NORMAL,
                                true);
                    }
                    if (condensedBold.canRead()) {
                        builder.useFont(condensedBold, "DejaVu Sans Condensed", 700,
                                PdfRendererBuilder.FontStyle.NORMAL, true);
                    }
                    break;
                }
            }
            builder.withHtmlContent(page, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
