package kz.hotline114.reports.internal;

import java.util.Base64;
import java.util.List;

/**
 * Writes the blocks as one XHTML {@code <div>}: the on-screen preview, and the body the PDF is laid out
 * from (with {@link #page}). Charts are inline PNG data URIs; every text is escaped.
 */
final class HtmlWriter {

    static final String CSS = """
            .report { font-family: 'DejaVu Sans', sans-serif; font-size: 10pt; line-height: 1.35; color: #000; }
            .report h1.title { text-align: center; font-size: 14pt; margin: 0 0 12pt; }
            .report h2 { font-size: 12pt; margin: 14pt 0 6pt; }
            .report h3 { font-size: 11pt; margin: 10pt 0 4pt; }
            .report h4 { font-size: 10pt; margin: 8pt 0 4pt; }
            .report p { margin: 0 0 6pt; text-align: justify; }
            .report table { border-collapse: collapse; width: 100%; margin: 4pt 0 8pt; table-layout: fixed; }
            .report th, .report td { border: 0.75pt solid #000; padding: 2pt 4pt; vertical-align: top; font-size: 8.5pt;
                                     word-wrap: break-word; }
            .report th { font-weight: bold; background: #f0f0f0; }
            .report table.wide th, .report table.wide td { font-family: 'DejaVu Sans Condensed', 'DejaVu Sans', sans-serif;
                                     font-size: 7.5pt; padding: 2pt 2pt; }
            .report figure { margin: 6pt 0; text-align: center; }
            .report figure img { width: 100%; max-width: 900px; }
            """;

    private HtmlWriter() {
    }

    static String body(List<Block> blocks) {
        var h = new StringBuilder("<div class=\"report\">");
        for (Block b : blocks) {
            switch (b) {
                case Block.Title t -> h.append("<h1 class=\"title\">").append(esc(t.text())).append("</h1>");
                case Block.Heading x -> h.append("<h").append(x.level() + 1).append('>').append(esc(x.text()))
                        .append("</h").append(x.level() + 1).append('>');
                case Block.Para p -> {
                    h.append("<p>");
                    if (!p.label().isEmpty()) {
                        h.append("<b>").append(esc(p.label())).append("</b> ");
                    }
                    h.append(esc(p.text()).replace("\n", "<br/>")).append("</p>");
                }
                case Block.Table t -> {
                    // many columns on a portrait page (the events table): condensed type keeps words whole
                    boolean wide = t.header().size() >= 7;
                    h.append(wide ? "<table class=\"wide\"><colgroup>" : "<table><colgroup>");
                    for (double w : columnWidths(t, wide)) {
                        h.append("<col style=\"width:").append(w).append("%\"/>");
                    }
                    h.append("</colgroup><thead><tr>");
                    t.header().forEach(c -> h.append("<th>").append(esc(c)).append("</th>"));
                    h.append("</tr></thead><tbody>");
                    for (var row : t.rows()) {
                        h.append("<tr>");
                        row.forEach(c -> h.append("<td>").append(esc(c).replace("\n", "<br/>")).append("</td>"));
                        h.append("</tr>");
                    }
                    h.append("</tbody></table>");
                }
                case Block.Image i -> h.append("<figure><img alt=\"").append(esc(i.caption()))
                        .append("\" src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(i.png()))
                        .append("\"/></figure>");
            }
        }
        return h.append("</div>").toString();
    }

    /** Width of the text column of an A4 page with the margins of {@link #page}, in points. */
    private static final double PAGE_TEXT_WIDTH_PT = (210 - 20 - 15) / 25.4 * 72;

    /**
     * The columns' widths in percent: as the layout asks, but never narrower than the longest word of the column's
     * header (a header is not hyphenated: "Единица измерения" in a narrow column printed as "Единиц а измер ения").
     * Bold header type: about 0.7 em a letter (DejaVu Sans Bold, Cyrillic). Long header words carry soft hyphens in the
     * bundles ("заплани\u00ADрованных"): a break there is a hyphenated one.
     */
    static double[] columnWidths(Block.Table t, boolean wide) {
        int n = t.widths().size();
        double total = t.widths().stream().mapToInt(Integer::intValue).sum();
        double letterPt = wide ? 7.5 * 0.7 : 8.5 * 0.7;
        double paddingPt = wide ? 6 : 10;
        var widths = new double[n];
        var least = new double[n];
        double leastSum = 0;
        for (int i = 0; i < n; i++) {
            widths[i] = 100.0 * t.widths().get(i) / total;
            int longest = 0;
            for (var word : t.header().get(i).split("[\\s\u00AD-]+")) { // words break only at spaces and (soft) hyphens
                longest = Math.max(longest, word.length());
            }
            least[i] = 100.0 * (longest * letterPt + paddingPt) / PAGE_TEXT_WIDTH_PT;
            leastSum += least[i];
        }
        if (leastSum >= 100) {
            return widths; // nothing fits whole: keep the layout's proportions
        }
        // columns below their least take it; the others share what is left in their proportions, until none is below
        var fixed = new boolean[n];
        for (boolean changed = true; changed; ) {
            changed = false;
            double fixedSum = 0;
            double freeSum = 0;
            for (int i = 0; i < n; i++) {
                if (fixed[i]) {
                    fixedSum += least[i];
                } else {
                    freeSum += widths[i];
                }
            }
            for (int i = 0; i < n; i++) {
                if (fixed[i]) {
                    widths[i] = least[i];
                } else {
                    widths[i] = widths[i] * (100 - fixedSum) / freeSum;
                }
            }
            for (int i = 0; i < n; i++) {
                if (!fixed[i] && widths[i] < least[i]) {
                    fixed[i] = true;
                    changed = true;
                }
            }
        }
        return widths;
    }

    /** A whole XHTML page for the PDF: A4 with margins, page numbers at the foot. */
    static String page(String body, String lang) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <html xmlns="http://www.w3.org/1999/xhtml" lang="%s"><head><meta charset="UTF-8"/><style>
                @page { size: A4; margin: 18mm 15mm 18mm 20mm;
                        @bottom-center { content: counter(page) " / " counter(pages); font-family: 'DejaVu Sans'; font-size: 8pt; } }
                %s
                </style></head><body>%s</body></html>""".formatted(lang, CSS, body);
    }

    static String esc(String s) {
        var out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
