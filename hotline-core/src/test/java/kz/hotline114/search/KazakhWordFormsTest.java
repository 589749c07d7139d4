package kz.hotline114.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Kazakh word forms meet at their stems: the dictionary's roots, or endings taken off until it knows the rest. */
class KazakhWordFormsTest {

    private final KazakhWordForms forms = new KazakhWordForms();

    @Test
    void forms_the_dictionary_analyses_meet_at_their_root() {
        assertThat(forms.stems("мешітте")).contains("мешіт");
        assertThat(forms.stems("Мешітке")).contains("мешіт");
        assertThat(forms.stems("намаздың")).contains("намаз");
        assertThat(forms.stems("мұсылмандар")).contains("мұсылман");
    }

    @Test
    void a_form_the_dictionary_does_not_analyse_loses_its_endings_until_it_does() {
        assertThat(forms.stems("намазына")).as("possessive + dative").contains("намаз");
        assertThat(forms.stems("оразасында")).contains("ораза");
    }

    @Test
    void a_word_nothing_is_known_of_is_its_own_stem() {
        assertThat(forms.stems("пост")).containsExactly("пост");
        assertThat(forms.stems("Сейітқызы")).containsExactly("сейітқызы");
        assertThat(forms.stems("  ")).isEmpty();
        assertThat(forms.stemsOf("Жұма намазына, мешітке!")).contains("намаз", "мешіт").doesNotHaveDuplicates();
    }
}
