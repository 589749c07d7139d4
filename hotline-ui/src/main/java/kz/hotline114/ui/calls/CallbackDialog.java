package kz.hotline114.ui.calls;

import java.time.Clock;
import java.time.LocalDateTime;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;

import kz.hotline114.routing.Callbacks;
import kz.hotline114.shared.HotlineProperties;
import kz.hotline114.calls.CallKey;
import kz.hotline114.ui.shell.DateTimeField;

/** Schedules a callback to the caller of a call: when, and what about (from the desk or the call log). */
public class CallbackDialog extends Dialog {

    public CallbackDialog(Callbacks callbacks, HotlineProperties props, Clock clock, CallKey call, Runnable onSaved) {
        setHeaderTitle(getTranslation("desk.callback.title"));
        var when = new DateTimeField(getTranslation("desk.callback.due"));
        when.setId("desk-callback-due");
        // in the hotline's zone, as the field shows it and schedule() reads it
        when.setValue(LocalDateTime.now(clock.withZone(props.zone())).plusMinutes(30).withSecond(0).withNano(0));
        var text = new TextArea(getTranslation("desk.callback.note"));
        text.setId("desk-callback-note");
        text.setWidthFull();
        text.setMaxLength(2000);
        var save = new Button(getTranslation("desk.callback.save"), e -> {
            if (when.getValue() == null) {
                when.setErrorMessage(getTranslation("desk.callback.dueRequired"));
                when.setInvalid(true);
                return;
            }
            try {
                callbacks.schedule(call, when.getValue().atZone(props.zone()).toInstant(), text.getValue(), null);
                close();
                Notification.show(getTranslation("desk.callback.saved")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                onSaved.run();
            } catch (IllegalArgumentException ex) {
                when.setErrorMessage(getTranslation("desk.callback.impossible"));
                when.setInvalid(true);
            }
        });
        save.setId("desk-callback-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new VerticalLayout(when, text));
        getFooter().add(new Button(getTranslation("desk.callback.cancel"), e -> close()), save);
    }
}
