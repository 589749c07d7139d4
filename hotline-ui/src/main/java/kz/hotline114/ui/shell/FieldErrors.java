package kz.hotline114.ui.shell;

import java.util.ArrayList;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/**
 * A service's refusal (field → problem code) shown as the forms show it: each problem translated
 * ({@code <prefix><code>}) next to its field, the problems of fields the form does not have in one error
 * notification.
 */
public final class FieldErrors {

    private FieldErrors() {
    }

    public static void show(Component view, String keyPrefix, Map<String, String> errors,
                     Function<String, ? extends @Nullable HasValidation> fieldOf) {
        var elsewhere = new ArrayList<String>();
        errors.forEach((field, code) -> {
            String message = view.getTranslation(keyPrefix + code);
            HasValidation f = fieldOf.apply(field);
            if (f == null) {
                elsewhere.add(message);
            } else {
                f.setErrorMessage(message);
                f.setInvalid(true);
            }
        });
        if (!elsewhere.isEmpty()) {
            Notification.show(String.join("; ", elsewhere)).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }
}
