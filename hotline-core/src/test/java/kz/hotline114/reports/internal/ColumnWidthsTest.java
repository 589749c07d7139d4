package kz.hotline114.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A table header is never narrower than its longest unbreakable word: the Russian PDF printed "Единиц а измер ения". */
class ColumnWidthsTest {

    /** The events table's Russian header as the bundle has it: long words with soft hyphens. */
    private static final List<String> EVENTS_RU = List.of("№", "Название меро\u00ADприятия", "Дата прове\u00ADдения",
            "Место прове\u00ADдения (город/село, адрес)", "Число участ\u00ADников", "Катего\u00ADрии участ\u00ADников",
            "Привле\u00ADчённые эксперты", "Полнота выпол\u00ADнения заплани\u00ADрованных меро\u00ADприятий",
            "Подтверж\u00ADдающие доку\u00ADменты (прило\u00ADжение №)");

    private static double least(int letters) {
        return 100 * (letters * 7.5 * 0.7) / ((210 - 35) / 25.4 * 72);
    }

    @Test
    void the_events_columns_widen_to_their_longest_unbreakable_part_and_still_fill_the_page() {
        var table = new Block.Table(EVENTS_RU, List.of(), List.of(4, 16, 9, 13, 8, 13, 14, 12, 11));
        var widths = HtmlWriter.columnWidths(table, true);
        assertThat(Arrays.stream(widths).sum()).isCloseTo(100, within(0.001));
        assertThat(widths[6]).as("«эксперты»/«Привле-»").isGreaterThan(least(8));
        assertThat(widths[3]).as("«(город/село,»").isGreaterThan(least(13));
        assertThat(widths[7]).as("«рованных»").isGreaterThan(least(8));
        assertThat(widths[1]).as("the name keeps more than its least").isGreaterThan(12);
    }

    @Test
    void a_table_whose_headers_fit_keeps_the_layouts_widths() {
        var table = new Block.Table(List.of("Риск", "Меры"), List.of(), List.of(50, 50));
        assertThat(HtmlWriter.columnWidths(table, false)).containsExactly(50.0, 50.0);
    }
}
