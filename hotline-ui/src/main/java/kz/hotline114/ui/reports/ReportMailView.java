package kz.hotline114.ui.reports;

import java.util.Arrays;
import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;
import kz.hotline114.reports.GrantProject;
import kz.hotline114.reports.GrantProjects;
import kz.hotline114.reports.InvalidReport;
import kz.hotline114.reports.ReportSchedules;
import kz.hotline114.reports.ReportSchedules.Frequency;
import kz.hotline114.reports.ReportSchedules.Kind;
import kz.hotline114.reports.ReportSchedules.Schedule;
import kz.hotline114.security.Roles;
import kz.hotline114.shared.HotlineProperties;
import kz.hotline114.ui.shell.Formats;

/**
 * Reports by e-mail: my schedules (what, how often, to whom, the next and the last sending and why it failed) and a
 * form for a new one; "send now" tries a schedule at once. Says so when no SMTP server is configured.
 */
@Route("reports/mail")
@RolesAllowed({Roles.REPORTER, Roles.SUPERVISOR, Roles.ADMIN})
public class ReportMailView extends VerticalLayout implements HasDynamicTitle {

    private final ReportSchedules schedules;
    private final HotlineProperties props;
    final Select<Kind> kind = new Select<>();
    final Select<Frequency> frequency = new Select<>();
    final TextField recipients = new TextField();
    final Select<String> language = new Select<>();
    final Select<GrantProject> project = new Select<>();
    final Button add = new Button();
    final Grid<Schedule> grid = new Grid<>();
    final Span notConfigured = new Span();

    ReportMailView(ReportSchedules schedules, GrantProjects projects, HotlineProperties props) {
        this.schedules = schedules;
        this.props = props;
        setMaxWidth("80em");
        add(new H2(getTranslation("mail.title")));
        notConfigured.setId("mail-not-configured");
        notConfigured.setText(getTranslation("mail.notConfigured"));
        notConfigured.getStyle().set("color", "var(--lumo-error-text-color)");
        notConfigured.setVisible(!schedules.mailConfigured());
        add(notConfigured, form(projects), grid());
        load();
    }

    private HorizontalLayout form(GrantProjects projects) {
        kind.setId("mail-kind");
        kind.setLabel(getTranslation("mail.kind"));
        kind.setItems(Kind.values());
        kind.setItemLabelGenerator(k -> getTranslation("mail.kind." + k.name()));
        kind.setValue(Kind.CALL_LOG);
        frequency.setId("mail-frequency");
        frequency.setLabel(getTranslation("mail.frequency"));
        frequency.setItems(Frequency.values());
        frequency.setItemLabelGenerator(f -> getTranslation("mail.report.frequency." + f.name()));
        frequency.setValue(Frequency.MONTHLY);
        recipients.setId("mail-recipients");
        recipients.setLabel(getTranslation("mail.recipients"));
        recipients.setWidth("22em");
        kind.setWidth("19em");
        kind.setHelperText(getTranslation("mail.masked"));
        recipients.setPlaceholder("grant@example.kz");
        language.setId("mail-language");
        language.setLabel(getTranslation("mail.language"));
        language.setItems("kk", "ru");
        language.setItemLabelGenerator(l -> getTranslation("lang." + l));
        language.setValue(getLocale().getLanguage().equals("ru") ? "ru" : "kk");
        project.setId("mail-project");
        project.setLabel(getTranslation("mail.project"));
        project.setItems(projects.list());
        project.setItemLabelGenerator(GrantProject::name);
        project.setVisible(false);
        kind.addValueChangeListener(e -> project.setVisible(e.getValue() == Kind.INTERIM_REPORT));
        add.setText(getTranslation("mail.add"));
        add.setId("mail-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClickListener(e -> create());
        var form = new HorizontalLayout(kind, frequency, recipients, language, project, add);
        form.setWrap(true);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        return form;
    }

    private Grid<Schedule> grid() {
        grid.setId("mail-schedules");
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("mail.none"));
        grid.addColumn(s -> getTranslation("mail.kind." + s.kind().name())).setHeader(getTranslation("mail.col.kind"))
                .setAutoWidth(true);
        grid.addColumn(s -> getTranslation("mail.report.frequency." + s.frequency().name()))
                .setHeader(getTranslation("mail.col.frequency")).setAutoWidth(true);
        grid.addColumn(s -> String.join(", ", s.recipients())).setHeader(getTranslation("mail.col.recipients"))
                .setFlexGrow(1);
        grid.addColumn(s -> Formats.DATE_TIME.format(s.nextRunAt().atZone(props.zone())))
                .setHeader(getTranslation("mail.col.next")).setAutoWidth(true);
        grid.addComponentColumn(this::lastSending).setKey("last").setHeader(getTranslation("mail.col.last"))
                .setFlexGrow(1);
        grid.addComponentColumn(s -> {
            var now = new Button(getTranslation("mail.sendNow"), e -> sendNow(s));
            now.addThemeVariants(ButtonVariant.LUMO_SMALL);
            var stop = new Button(getTranslation("mail.delete"), e -> {
                schedules.delete(s.id());
                Notification.show(getTranslation("mail.deleted"));
                load();
            });
            stop.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            return new HorizontalLayout(now, stop);
        }).setKey("actions").setAutoWidth(true);
        return grid;
    }

    private void create() {
        recipients.setInvalid(false);
        project.setInvalid(false);
        try {
            var created = schedules.create(kind.getValue(), frequency.getValue(),
                    Arrays.asList(recipients.getValue().split("[,;\\s]+")), language.getValue(),
                    project.getValue() == null ? null : project.getValue().id());
            recipients.clear();
            Notification.show(getTranslation("mail.added", Formats.DATE_TIME.format(created.nextRunAt()
                    .atZone(props.zone())))).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            load();
        } catch (InvalidReport e) {
            e.errors().forEach((field, code) -> {
                var message = getTranslation("mail.error." + field + "." + code);
                switch (field) {
                    case "recipients" -> {
                        recipients.setErrorMessage(message);
                        recipients.setInvalid(true);
                    }
                    case "project" -> {
                        project.setErrorMessage(message);
                        project.setInvalid(true);
                    }
                    default -> Notification.show(message).addThemeVariants(NotificationVariant.LUMO_ERROR);
                }
            });
        }
    }

    void sendNow(Schedule s) {
        var after = schedules.sendNow(s.id());
        if (after.lastError() == null) {
            Notification.show(getTranslation("mail.sent")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } else {
            Notification.show(getTranslation("mail.failed", failure(after.lastError())))
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        load();
    }

    /** The last sending: when, or why it failed in words (the mail server's own message in the tooltip). */
    private Span lastSending(Schedule s) {
        var span = new Span();
        if (s.lastError() != null) {
            span.setText(getTranslation("mail.failed", failure(s.lastError())));
            span.getStyle().set("color", "var(--lumo-error-text-color)");
            span.setTitle(s.lastError());
        } else {
            span.setText(s.lastSentAt() == null ? "—" : Formats.DATE_TIME.format(s.lastSentAt().atZone(props.zone())));
        }
        return span;
    }

    private String failure(String error) {
        return getTranslation("no-smtp".equals(error) ? "mail.error.noSmtp" : "mail.error.smtp");
    }

    private void load() {
        grid.setItems(schedules.mine());
    }

    List<Schedule> shown() {
        return grid.getListDataView().getItems().toList();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("mail.title") + " · " + getTranslation("app.title");
    }
}
