package kz.hotline114.ui.admin;

import java.time.LocalDate;
import java.time.ZoneId;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.CallbackDataProvider;

import kz.hotline114.security.AuditLog;
import kz.hotline114.ui.shell.DateField;
import kz.hotline114.ui.shell.Formats;

/**
 * The audit log for an administrator: who did what to which subject, when — filtered by user, action, period and a
 * word of the subject or detail, in the reader's language (actions by name, details through {@link AuditTexts}).
 */
final class AuditPanel extends VerticalLayout {

    private final AuditLog audit;
    private final ZoneId zone;
    final ComboBox<String> user = new ComboBox<>();
    final ComboBox<String> action = new ComboBox<>();
    final DateField from = new DateField();
    final DateField to = new DateField();
    final TextField text = new TextField();
    final Span total = new Span();
    final Grid<AuditLog.Entry> log = new Grid<>();

    AuditPanel(AuditLog audit, ZoneId zone) {
        this.audit = audit;
        this.zone = zone;
        var texts = new AuditTexts(this::getTranslation);
        setPadding(false);
        setSizeFull();
        user.setLabel(getTranslation("admin.audit.filter.user"));
        user.setItems(audit.usernames());
        user.setClearButtonVisible(true);
        action.setLabel(getTranslation("admin.audit.filter.action"));
        action.setItems(audit.actions());
        action.setItemLabelGenerator(texts::action);
        action.setClearButtonVisible(true);
        action.setWidth("22em");
        from.setLabel(getTranslation("admin.audit.filter.from"));
        to.setLabel(getTranslation("admin.audit.filter.to"));
        text.setLabel(getTranslation("admin.audit.filter.text"));
        text.setHelperText(getTranslation("admin.audit.filter.text.helper"));
        text.setClearButtonVisible(true);
        var apply = new Button(getTranslation("admin.audit.filter.apply"), e -> refresh());
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var clear = new Button(getTranslation("admin.audit.filter.clear"), e -> {
            user.clear();
            action.clear();
            from.clear();
            to.clear();
            text.clear();
            refresh();
        });
        user.addValueChangeListener(e -> refresh());
        action.addValueChangeListener(e -> refresh());
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());
        text.addKeyPressListener(Key.ENTER, e -> refresh());
        var filters = new HorizontalLayout(user, action, from, to, text, apply, clear);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);

        var time = Formats.DATE_TIME_SECONDS;
        log.addColumn(en -> time.format(en.at().atZone(zone))).setHeader(getTranslation("admin.audit.at"))
                .setAutoWidth(true).setFlexGrow(0);
        log.addColumn(AuditLog.Entry::username).setHeader(getTranslation("admin.audit.user")).setAutoWidth(true)
                .setFlexGrow(0);
        log.addColumn(en -> texts.action(en.action())).setHeader(getTranslation("admin.audit.action"))
                .setAutoWidth(true).setFlexGrow(0);
        log.addColumn(en -> texts.text(en.subject())).setHeader(getTranslation("admin.audit.subject")).setFlexGrow(1);
        log.addColumn(en -> texts.text(en.detail())).setHeader(getTranslation("admin.audit.detail")).setFlexGrow(1);
        log.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        log.setItems(new CallbackDataProvider<AuditLog.Entry, Void>(
                q -> {
                    return audit.search(query(), q.getOffset(), q.getLimit()).items().stream();
                }, q -> countOf(query()), AuditLog.Entry::id));
        log.setSizeFull();
        add(filters, total, log);
    }

    private int countOf(AuditLog.Query query) {
        var n = (int) Math.min(audit.count(query), Integer.MAX_VALUE);
        total.setText(getTranslation("admin.audit.total", n));
        return n;
    }

    AuditLog.Query query() {
        LocalDate f = from.getValue();
        LocalDate t = to.getValue();
        var q = text.getValue();
        return new AuditLog.Query(user.getValue(), action.getValue(), f == null ? null : f.atStartOfDay(zone).toInstant(),
                t == null ? null : t.plusDays(1).atStartOfDay(zone).toInstant(), q == null || q.isBlank() ? null : q.strip());
    }

    void refresh() {
        log.getDataProvider().refreshAll();
    }
}
