package kz.hotline114.ui.desk;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

import kz.hotline114.routing.Desk;
import kz.hotline114.routing.Specialist;

/**
 * The screen-pop's hand-over to a named colleague: pick them by name, then hand the caller over at once (their phone
 * rings; unanswered, the caller goes back into the queue) or consult first — the caller hears hold music while I
 * talk with the colleague, then "hand over" (I leave, they stay together) or "back to the caller".
 */
class ColleagueTransfer extends HorizontalLayout {

    private final Desk desk;
    private final Runnable onChange;
    final ComboBox<Specialist> colleague = new ComboBox<>();
    final Button blind = new Button();
    final Button consult = new Button();
    final Button complete = new Button();
    final Button cancel = new Button();
    private final Span consulting = new Span();
    private @Nullable Specialist consultingWith;

    ColleagueTransfer(Desk desk, Runnable onChange) {
        this.desk = desk;
        this.onChange = onChange;
        setId("desk-colleague");
        setWrap(true);
        setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        colleague.setId("desk-colleague-pick");
        colleague.setPlaceholder(getTranslation("desk.colleague.pick"));
        colleague.setItemLabelGenerator(s -> getTranslation("desk.colleague.item", s.displayName(),
                s.iface().substring(s.iface().indexOf('/') + 1)));
        colleague.setClearButtonVisible(true);
        colleague.setWidth("18em");
        blind.setText(getTranslation("desk.colleague.blind"));
        blind.setId("desk-colleague-blind");
        blind.addClickListener(e -> handOver(false));
        consult.setText(getTranslation("desk.colleague.consult"));
        consult.setId("desk-colleague-consult");
        consult.addClickListener(e -> handOver(true));
        consulting.setId("desk-colleague-consulting");
        consulting.getStyle().set("font-weight", "600");
        complete.setText(getTranslation("desk.colleague.complete"));
        complete.setId("desk-colleague-complete");
        complete.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        complete.addClickListener(e -> act(desk::completeConsult, "desk.colleague.completed"));
        cancel.setText(getTranslation("desk.colleague.cancel"));
        cancel.setId("desk-colleague-cancel");
        cancel.addClickListener(e -> act(desk::cancelConsult, "desk.colleague.cancelled"));
        add(colleague, blind, consult, consulting, complete, cancel);
        consulting(null);
    }

    /** The call on my phone: answered or not (null = none); a new call starts with no consultation. */
    void callAnswered(boolean answered, boolean fresh) {
        if (fresh) {
            consulting(null);
            colleague.setInvalid(false);
            colleague.clear();
            colleague.setItems(desk.colleagues());
        }
        colleague.setEnabled(answered);
        blind.setEnabled(answered);
        consult.setEnabled(answered);
        complete.setEnabled(answered);
        cancel.setEnabled(answered);
    }

    private void handOver(boolean first) {
        var to = colleague.getValue();
        if (to == null) {
            colleague.setErrorMessage(getTranslation("desk.colleague.required"));
            colleague.setInvalid(true);
            return;
        }
        colleague.setInvalid(false);
        try {
            desk.transferToColleague(to.id(), first);
            if (first) {
                consulting(to);
            } else {
                Notification.show(getTranslation("desk.colleague.handedOver", to.displayName()));
            }
            onChange.run();
        } catch (RuntimeException e) {
            Notification.show(getTranslation("desk.pbxError", e.getMessage())).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private void act(Runnable action, String done) {
        var with = consultingWith;
        try {
            action.run();
            consulting(null);
            Notification.show(getTranslation(done, with == null ? "" : with.displayName()));
            onChange.run();
        } catch (RuntimeException e) {
            Notification.show(getTranslation("desk.pbxError", e.getMessage())).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    /** While I consult a colleague: who, and the two ways on; otherwise the pick and the two ways to hand over. */
    private void consulting(@Nullable Specialist with) {
        consultingWith = with;
        boolean on = with != null;
        consulting.setText(on ? getTranslation("desk.colleague.consulting", with.displayName()) : "");
        consulting.setVisible(on);
        complete.setVisible(on);
        cancel.setVisible(on);
        colleague.setVisible(!on);
        blind.setVisible(!on);
        consult.setVisible(!on);
    }
}
