package kz.hotline114.ui.shell;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.textfield.IntegerField;

/**
 * Whole-number fields with bounds that say what is wrong: a number under the minimum used to turn the field red with
 * no message (the field's own check ran first, with no text of its own, before the form's).
 */
public final class NumberFields {

    private NumberFields() {
    }

    /** Sets the bounds (null = none) and the messages of the field, in the user's language. */
    public static IntegerField bounded(IntegerField field, @Nullable Integer min, @Nullable Integer max) {
        if (min != null) {
            field.setMin(min);
        }
        if (max != null) {
            field.setMax(max);
        }
        field.setI18n(new IntegerField.IntegerFieldI18n()
                .setBadInputErrorMessage(field.getTranslation("number.badInput"))
                .setRequiredErrorMessage(field.getTranslation("number.required"))
                .setMinErrorMessage(min == null ? "" : field.getTranslation("number.min", min))
                .setMaxErrorMessage(max == null ? "" : field.getTranslation("number.max", max)));
        return field;
    }
}
