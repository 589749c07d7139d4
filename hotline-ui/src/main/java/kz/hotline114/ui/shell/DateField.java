package kz.hotline114.ui.shell;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.datepicker.DatePicker;

/**
 * A date field that takes dates as every table of the console shows them ({@code 31.12.2026}; also {@code 31.12.26},
 * {@code 1.2.2026} and ISO {@code 2026-12-31}), with month and weekday names in the user's language, weeks from
 * Monday, and its own message for a date it cannot read ("not a date", not "must be filled" while text is there).
 */
public class DateField extends DatePicker {

    public DateField() {
        localize(this);
    }

    public DateField(String label) {
        super(label);
        localize(this);
    }

    public DateField(String label, LocalDate value) {
        super(label, value);
        localize(this);
    }

    /** The console's date i18n, in the language of {@code owner}'s UI. */
    static DatePickerI18n i18n(Component owner) {
        return new DatePickerI18n()
                .setDateFormats(Formats.DATE_PATTERN, "d.M.yyyy", "dd.MM.yy", "d.M.yy", "yyyy-MM-dd")
                .setMonthNames(list(owner, "datepicker.months"))
                .setWeekdays(list(owner, "datepicker.weekdays"))
                .setWeekdaysShort(list(owner, "datepicker.weekdaysShort"))
                .setFirstDayOfWeek(1)
                .setToday(owner.getTranslation("datepicker.today"))
                .setCancel(owner.getTranslation("datepicker.cancel"))
                .setBadInputErrorMessage(owner.getTranslation("datepicker.badInput"))
                .setRequiredErrorMessage(owner.getTranslation("datepicker.required"))
                .setMinErrorMessage(owner.getTranslation("datepicker.tooEarly"))
                .setMaxErrorMessage(owner.getTranslation("datepicker.tooLate"));
    }

    private static void localize(DateField field) {
        field.setI18n(i18n(field));
    }

    private static List<String> list(Component owner, String key) {
        return Arrays.stream(owner.getTranslation(key).split(",")).map(String::strip).toList();
    }
}
