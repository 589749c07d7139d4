package kz.hotline114.calls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {

    @ParameterizedTest
    @CsvSource({
            "+77011110001, +77011110001",
            "87172554433, +77172554433",
            "8 727 333 44 06, +77273334406",
            "77011110001, +77011110001",
            "+7 (701) 111-00-01, +77011110001"})
    void kazakh_numbers_are_normalised_to_e164(String raw, String e164) {
        assertThat(PhoneNumbers.describe(raw).e164()).isEqualTo(e164);
    }

    @ParameterizedTest
    @CsvSource({
            "+77001234501, Altel", "+77081234501, Altel",
            "+77011110001, Kcell", "+77021110001, Kcell", "+77751234507, Kcell", "+77781230004, Kcell",
            "+77051110001, Beeline", "+77711234503, Beeline", "+77771110001, Beeline",
            "+77071110001, Tele2", "+77475550003, Tele2"})
    void mobile_operators_are_read_off_the_prefix(String number, String operator) {
        var info = PhoneNumbers.describe(number);
        assertThat(info.operator()).isEqualTo(operator);
        assertThat(info.region()).isNull();
    }

    @ParameterizedTest
    @CsvSource({
            "87172554433, Astana", "87273334406, Almaty", "87282301502, Taldykorgan", "87292501506, Aktau",
            "87212000000, Karaganda", "87252000000, Shymkent"})
    void landline_regions_are_read_off_the_area_code(String number, String region) {
        var info = PhoneNumbers.describe(number);
        assertThat(info.region()).isEqualTo(region);
        assertThat(info.operator()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"anonymous", "Anonymous", "", "<unknown>", "restricted"})
    void withheld_callers_stay_withheld(String raw) {
        var info = PhoneNumbers.describe(raw);
        assertThat(info.withheld()).isTrue();
        assertThat(info.e164()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-number", "12", "+", "9999999999999999999999999999999999999999"})
    void garbage_is_no_number_and_not_withheld(String raw) {
        var info = PhoneNumbers.describe(raw);
        assertThat(info.e164()).isNull();
        assertThat(info.withheld()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"+77011110001, +7 701 *** ** 01", "+77172554433, +7 717 *** ** 33"})
    void masked_numbers_keep_the_prefix_and_the_last_two_digits(String e164, String masked) {
        assertThat(PhoneNumbers.mask(e164)).isEqualTo(masked);
    }
}
