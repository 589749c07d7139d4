package kz.hotline114.ui.shell;

import com.vaadin.flow.component.datetimepicker.DateTimePicker;

/** A date-and-time field whose date part reads dates as the console shows them (see {@link DateField}). */
public class DateTimeField extends DateTimePicker {

    public DateTimeField() {
        localize();
    }

    public DateTimeField(String label) {
        super(label);
        localize();
    }

    private void localize() {
        setDatePickerI18n(DateField.i18n(this));
        setI18n(new DateTimePickerI18n()
                .setBadInputErrorMessage(getTranslation("datepicker.badInput"))
                .setIncompleteInputErrorMessage(getTranslation("datepicker.incomplete"))
                .setRequiredErrorMessage(getTranslation("datepicker.required"))
                .setMinErrorMessage(getTranslation("datepicker.tooEarly"))
                .setMaxErrorMessage(getTranslation("datepicker.tooLate")));
    }
}
