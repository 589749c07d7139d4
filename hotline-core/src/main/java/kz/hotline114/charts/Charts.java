package kz.hotline114.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.awt.Paint;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;

/**
 * Draws {@link ChartData} as SVG (for screens) or PNG (for DOCX and PDF). Stateless and
 * thread-safe; every call builds its own chart.
 *
 * <p>Text is set in DejaVu Sans when the machine has it (Debian's {@code fonts-dejavu-core}, also
 * what the PDF embeds): it has every Kazakh letter (ә ғ қ ң ө ұ ү һ і). Without it the JDK's logical
 * {@code SansSerif} is used, which on a machine with no Cyrillic font draws boxes — {@link
 * #fontCoversKazakh()} tells which case applies.
 */
public final class Charts {

    /** The letters of the Kazakh alphabet that Russian Cyrillic lacks. */
    public static final String KAZAKH_LETTERS = "ӘәҒғҚқҢңӨөҰұҮүҺһІі";

    private static final List<Path> FONT_FILES = List.of(
            Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
            Path.of("/usr/share/fonts/dejavu/DejaVuSans.ttf"),
            Path.of("/usr/share/fonts/TTF/DejaVuSans.ttf"));

    /** Calm, print-friendly colours that stay apart in greyscale. */
    private static final Color[] PALETTE = {
            new Color(0x1f, 0x5f, 0x99), new Color(0xd9, 0x8c, 0x1f), new Color(0x3a, 0x8f, 0x4b),
            new Color(0xa8, 0x32, 0x3e), new Color(0x6b, 0x4c, 0x9a), new Color(0x55, 0x55, 0x55)};

    private static final Font BASE_FONT = loadFont();

    private Charts() {
    }

    /** The chart as an SVG document ({@code <svg …>…</svg>}), {@code width}×{@code height} user units. */
    public static String svg(ChartKind kind, ChartData data, int width, int height) {
        checkSize(width, height);
        JFreeChart chart = build(kind, data);
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        chart.draw(g, new Rectangle(0, 0, width, height));
        return g.getSVGElement();
    }

    /** The chart as PNG bytes, {@code width}×{@code height} pixels. */
    public static byte[] png(ChartKind kind, ChartData data, int width, int height) {
        checkSize(width, height);
        JFreeChart chart = build(kind, data);
        BufferedImage image = chart.createBufferedImage(width, height, BufferedImage.TYPE_INT_RGB, null);
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Vertical bars as SVG. */
    public static String barSvg(ChartData data, int width, int height) {
        return svg(ChartKind.BAR, data, width, height);
    }

    /** Lines as SVG. */
    public static String lineSvg(ChartData data, int width, int height) {
        return svg(ChartKind.LINE, data, width, height);
    }

    /** The font family the charts use (e.g. {@code DejaVu Sans}). */
    public static String fontFamily() {
        return BASE_FONT.getFamily(Locale.ROOT);
    }

    /** Whether the chart font has every Kazakh letter; false means labels may show boxes. */
    public static boolean fontCoversKazakh() {
        return BASE_FONT.canDisplayUpTo(KAZAKH_LETTERS) == -1;
    }

    private static JFreeChart build(ChartKind kind, ChartData data) {
        var dataset = new DefaultCategoryDataset();
        for (ChartData.Series s : data.series()) {
            for (int i = 0; i < data.categories().size(); i++) {
                Number v = s.values().get(i);
                dataset.addValue(v, s.name(), uniqueCategory(data.categories(), i));
            }
        }
        String title = blankToNull(data.title());
        String xLabel = blankToNull(data.categoryAxis());
        String yLabel = blankToNull(data.valueAxis());
        boolean legend = data.series().size() > 1;
        JFreeChart chart = switch (kind) {
            case BAR -> ChartFactory.createBarChart(title, xLabel, yLabel, dataset, PlotOrientation.VERTICAL, legend, false, false);
            case HORIZONTAL_BAR -> ChartFactory.createBarChart(title, xLabel, yLabel, dataset, PlotOrientation.HORIZONTAL, legend, false, false);
            case LINE -> ChartFactory.createLineChart(title, xLabel, yLabel, dataset, PlotOrientation.VERTICAL, legend, false, false);
        };
        theme().apply(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xcc, 0xcc, 0xcc));
        plot.setOutlineVisible(false);
        NumberAxis range = (NumberAxis) plot.getRangeAxis();
        range.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        range.setAutoRangeIncludesZero(true);
        CategoryAxis domain = plot.getDomainAxis();
        domain.setMaximumCategoryLabelLines(2);
        if (kind == ChartKind.HORIZONTAL_BAR) {
            plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        } else if (data.categories().size() > 8) {
            domain.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        if (plot.getRenderer() instanceof BarRenderer bars) {
            bars.setBarPainter(new StandardBarPainter());
            bars.setShadowVisible(false);
            bars.setItemMargin(0.05);
            bars.setMaximumBarWidth(0.12);
        }
        if (plot.getRenderer() instanceof LineAndShapeRenderer lines) {
            lines.setDefaultShapesVisible(true);
        }
        for (int i = 0; i < data.series().size(); i++) {
            Paint p = PALETTE[i % PALETTE.length];
            plot.getRenderer().setSeriesPaint(i, p);
            plot.getRenderer().setSeriesStroke(i, new BasicStroke(2f));
        }
        return chart;
    }

    /** JFreeChart keys categories by equality; two equal labels would merge, so make repeats distinct. */
    private static String uniqueCategory(List<String> categories, int index) {
        String label = categories.get(index);
        int repeats = 0;
        for (int j = 0; j < index; j++) {
            if (categories.get(j).equals(label)) {
                repeats++;
            }
        }
        return repeats == 0 ? label : label + "\u200b".repeat(repeats);
    }

    private static StandardChartTheme theme() {
        var theme = new StandardChartTheme("hotline114");
        theme.setExtraLargeFont(BASE_FONT.deriveFont(Font.BOLD, 16f));
        theme.setLargeFont(BASE_FONT.deriveFont(Font.BOLD, 13f));
        theme.setRegularFont(BASE_FONT.deriveFont(Font.PLAIN, 11f));
        theme.setSmallFont(BASE_FONT.deriveFont(Font.PLAIN, 9f));
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        return theme;
    }

    private static void checkSize(int width, int height) {
        if (width < 50 || height < 50 || width > 5000 || height > 5000) {
            throw new IllegalArgumentException("chart size out of range (50..5000): " + width + "x" + height);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static Font loadFont() {
        for (Path file : FONT_FILES) {
            if (Files.isReadable(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    Font font = Font.createFont(Font.TRUETYPE_FONT, in);
                    GraphicsEnvironment.getLocalGraphicsEnvironment().registerFont(font);
                    return font.deriveFont(Font.PLAIN, 11f);
                } catch (IOException | FontFormatException e) {
                    // try the next place; the logical font is the last resort
                }
            }
        }
        return new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    }
}
