package kz.hotline114.ui.desk;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import kz.hotline114.calls.CallKey;
import kz.hotline114.risk.RiskFlags;

/**
 * A caller at risk, flagged from the screen-pop while talking (issue 19): one click on the risk's category flags the
 * call ("urgent" ticked first makes it urgent) and every supervisor is alerted; then the category's protocol is here
 * to work through, each step ticked as it is done.
 */
class RiskFlagPanel extends VerticalLayout {

    private final RiskFlags risk;
    private final String pbxId;
    final Checkbox urgent = new Checkbox();
    final Map<String, Button> categories = new LinkedHashMap<>();
    final Div flagged = new Div();
    private @Nullable String linkedid;

    RiskFlagPanel(RiskFlags risk, String pbxId) {
        this.risk = risk;
        this.pbxId = pbxId;
        setId("desk-risk");
        setPadding(false);
        setSpacing(false);
        var title = new Span(getTranslation("desk.risk.title"));
        title.getStyle().set("font-weight", "600").set("color", "var(--lumo-error-text-color)");
        urgent.setLabel(getTranslation("desk.risk.urgent"));
        urgent.setId("desk-risk-urgent");
        var row = new HorizontalLayout(VaadinIcon.WARNING.create(), title, urgent);
        row.setAlignItems(FlexComponent.Alignment.CENTER);
        row.setWrap(true);
        for (var c : risk.categories()) {
            var button = new Button(c.name(getLocale()), e -> flag(c.code()));
            button.setId("desk-risk-" + c.code());
            button.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
            categories.put(c.code(), button);
            row.add(button);
        }
        flagged.setId("desk-risk-flagged");
        add(row, flagged);
    }

    /** The call the pop shows now (null = none); a new call starts without a flag unless it already has mine. */
    void call(@Nullable String call) {
        if (call != null && call.equals(linkedid)) {
            return;
        }
        linkedid = call;
        urgent.setValue(false);
        flagged.removeAll();
        categories.values().forEach(b -> b.setEnabled(call != null));
        if (call != null) {
            risk.ofCall(new CallKey(pbxId, call)).forEach(this::showFlag);
        }
    }

    void flag(String category) {
        if (linkedid == null) {
            return;
        }
        try {
            var f = risk.flag(new CallKey(pbxId, linkedid), category, urgent.getValue() ? RiskFlags.Level.URGENT
                    : RiskFlags.Level.CONCERN);
            showFlag(f);
            Notification.show(getTranslation("desk.risk.sent")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (RuntimeException e) {
            Notification.show(getTranslation("desk.risk.failed")).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    /** A flag of this call: what and how urgent, whether a supervisor has seen it, and its protocol to tick off. */
    private void showFlag(RiskFlags.Flag f) {
        var category = risk.categories().stream().filter(c -> c.code().equals(f.category())).findFirst().orElse(null);
        var said = new Span(getTranslation("desk.risk.flagged", category == null ? f.category() : category.name(getLocale()),
                getTranslation("risk.level." + f.level().name())));
        said.setId("desk-risk-flag-" + f.id());
        said.getStyle().set("font-weight", "600");
        flagged.add(new Div(said));
        List<RiskFlags.Step> steps = category == null ? List.of() : category.protocol();
        for (int i = 0; i < steps.size(); i++) {
            int step = i;
            var box = new Checkbox(steps.get(i).text(getLocale()), f.protocolDone().contains(i));
            box.setId("desk-risk-step-" + f.id() + "-" + i);
            box.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    risk.protocolStep(f.id(), step, e.getValue());
                }
            });
            flagged.add(new Div(box));
        }
    }
}
