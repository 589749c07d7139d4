package kz.hotline114.reports.internal;

import java.util.List;

/**
 * The report as a sequence of blocks, laid out once ({@link ReportLayout}) and written by each format
 * ({@link DocxWriter}, {@link HtmlWriter}): the DOCX, the PDF and the preview cannot drift apart.
 */
sealed interface Block {

    /** The document title, centred, bold. */
    record Title(String text) implements Block {
    }

    /** A heading; level 1 = a numbered section, 2 = a task, 3 = an activity. */
    record Heading(int level, String text) implements Block {
    }

    /** A paragraph; {@code label} is printed bold before the text. */
    record Para(String label, String text) implements Block {
    }

    /** A bordered table with a bold header row; {@code widths} are relative column widths. */
    record Table(List<String> header, List<List<String>> rows, List<Integer> widths) implements Block {
    }

    /** A chart as PNG, {@code width}×{@code height} pixels, with its caption. */
    record Image(byte[] png, int width, int height, String caption) implements Block {
    }
}
