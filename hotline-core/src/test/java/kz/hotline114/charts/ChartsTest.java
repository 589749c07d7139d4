package kz.hotline114.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ChartsTest {

    static final ChartData BY_MONTH = ChartData.single("Қоңыраулар айлар бойынша", "Ай", "Қоңыраулар саны",
            "Барлығы", List.of("Маусым", "Шілде", "Тамыз"), List.of(512, 698, 717));

    @Test
    void a_bar_chart_is_an_svg_document_with_the_kazakh_labels_as_text() {
        String svg = Charts.barSvg(BY_MONTH, 600, 300);
        assertThat(svg).startsWith("<svg").endsWith("</svg>")
                .contains("Қоңыраулар айлар бойынша", "Маусым", "Тамыз");
    }

    @Test
    void a_line_chart_with_two_series_has_a_legend_with_both_names() {
        var data = new ChartData("", "", "", List.of("1", "2", "3"), List.of(
                new ChartData.Series("Мәнді", List.of(1, 2, 3)),
                new ChartData.Series("Қате нөмір", List.of(30, 20, 10))));
        assertThat(Charts.lineSvg(data, 400, 300)).contains("Мәнді", "Қате нөмір");
    }

    @Test
    void a_png_has_the_requested_size() throws Exception {
        byte[] png = Charts.png(ChartKind.HORIZONTAL_BAR, BY_MONTH, 640, 320);
        var image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(640);
        assertThat(image.getHeight()).isEqualTo(320);
    }

    @Test
    void the_font_has_every_kazakh_letter_where_dejavu_is_installed() {
        assumeTrue(Files.exists(Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")), "no DejaVu Sans here");
        assertThat(Charts.fontFamily()).isEqualTo("DejaVu Sans");
        assertThat(Charts.fontCoversKazakh()).isTrue();
    }

    @Test
    void equal_category_labels_stay_separate_bars() {
        var data = ChartData.single("", "", "", "n", List.of("Басқа", "Басқа"), List.of(1, 2));
        assertThat(Charts.barSvg(data, 300, 200)).isNotBlank();
    }

    @Test
    void a_series_with_the_wrong_number_of_values_is_refused() {
        assertThatThrownBy(() -> ChartData.single("", "", "", "n", List.of("a", "b"), List.of(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 values for 2 categories");
        assertThatThrownBy(() -> Charts.png(ChartKind.BAR, BY_MONTH, 10, 10))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
