package kz.hotline114.reports.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import java.util.function.Consumer;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;

/**
 * Writes the blocks as a Word document: A4, Times New Roman 12 (the official form's font), headings bold,
 * tables with single borders on every cell, charts as PNG pictures 16 cm wide.
 */
final class DocxWriter {

    static final String FONT = "Times New Roman";
    /** A4 text width with 2 cm / 1.5 cm margins, in twentieths of a point. */
    static final int TEXT_WIDTH_TWIPS = 11906 - 1134 - 851;

    private DocxWriter() {
    }

    static byte[] write(List<Block> blocks) {
        try (var doc = new XWPFDocument(); var out = new ByteArrayOutputStream()) {
            page(doc);
            for (Block b : blocks) {
                switch (b) {
                    case Block.Title t -> {
                        var p = doc.createParagraph();
                        p.setAlignment(ParagraphAlignment.CENTER);
                        p.setSpacingAfter(240);
                        run(p, t.text(), true, 14);
                    }
                    case Block.Heading h -> {
                        var p = doc.createParagraph();
                        p.setSpacingBefore(h.level() == 1 ? 240 : 120);
                        p.setSpacingAfter(120);
                        p.setKeepNext(true);
                        p.setStyle("Heading" + h.level());
                        run(p, h.text(), true, h.level() == 1 ? 13 : 12);
                    }
                    case Block.Para para -> {
                        var p = doc.createParagraph();
                        p.setAlignment(ParagraphAlignment.BOTH);
                        p.setSpacingAfter(100);
                        if (!para.label().isEmpty()) {
                            run(p, para.label() + (para.text().isEmpty() ? "" : " "), true, 12);
                        }
                        if (!para.text().isEmpty()) {
                            run(p, para.text(), false, 12);
                        }
                    }
                    case Block.Table t -> table(doc, t);
                    case Block.Image i -> {
                        var p = doc.createParagraph();
                        p.setAlignment(ParagraphAlignment.CENTER);
                        int widthEmu = Units.toEMU(453);                 // 16 cm
                        int heightEmu = (int) ((long) widthEmu * i.height() / i.width());
                        p.createRun().addPicture(new ByteArrayInputStream(i.png()), Document.PICTURE_TYPE_PNG,
                                "chart.png", widthEmu, heightEmu);
                    }
                }
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException | InvalidFormatException e) {
            throw new UncheckedIOException(e instanceof IOException io ? io : new IOException(e));
        }
    }

    private static void page(XWPFDocument doc) {
        CTSectPr sect = doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.addNewPgSz();
        size.setW(BigInteger.valueOf(11906));
        size.setH(BigInteger.valueOf(16838));
        size.setOrient(STPageOrientation.PORTRAIT);
        CTPageMar mar = sect.addNewPgMar();
        mar.setTop(BigInteger.valueOf(1134));
        mar.setBottom(BigInteger.valueOf(1134));
        mar.setLeft(BigInteger.valueOf(1134));
        mar.setRight(BigInteger.valueOf(851));
    }

    private static void table(XWPFDocument doc, Block.Table t) {
        XWPFTable table = doc.createTable(t.rows().size() + 1, t.header().size());
        table.setWidth("100%");
        for (var border : List.<Consumer<XWPFTable>>of(
                x -> x.setTopBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, "000000"),
                x -> x.setBottomBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, "000000"),
                x -> x.setLeftBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, "000000"),
                x -> x.setRightBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, "000000"),
                x -> x.setInsideHBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, "000000"),
                x -> x.setInsideVBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, "000000"))) {
            border.accept(table);
        }
        int total = t.widths().stream().mapToInt(Integer::intValue).sum();
        for (int r = 0; r <= t.rows().size(); r++) {
            List<String> values = r == 0 ? t.header() : t.rows().get(r - 1);
            var row = table.getRow(r);
            if (r == 0) {
                row.setRepeatHeader(true);
            }
            for (int c = 0; c < t.header().size(); c++) {
                XWPFTableCell cell = row.getCell(c);
                var w = cell.getCTTc().addNewTcPr().addNewTcW();
                w.setType(STTblWidth.DXA);
                w.setW(BigInteger.valueOf((long) TEXT_WIDTH_TWIPS * t.widths().get(c) / total));
                var p = cell.getParagraphs().getFirst();
                p.setSpacingAfter(0);
                String text = c < values.size() ? values.get(c) : "";
                run(p, text, r == 0, r == 0 ? 10 : 10);
            }
        }
        doc.createParagraph().setSpacingAfter(0);
    }

    private static void run(XWPFParagraph p, String text, boolean bold, int size) {
        var lines = text.split("\n", -1);
        var run = p.createRun();
        run.setFontFamily(FONT);
        run.setFontSize(size);
        run.setBold(bold);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                run.addBreak();
            }
            run.setText(lines[i], i);
        }
    }
}
