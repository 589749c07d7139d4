package kz.hotline114.ui.reports;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import jakarta.annotation.security.RolesAllowed;

import kz.hotline114.reports.CallExports;
import kz.hotline114.reports.GrantProject;
import kz.hotline114.reports.GrantProjects;
import kz.hotline114.reports.InterimReport;
import kz.hotline114.reports.InterimReports;
import kz.hotline114.reports.MonitoringReports;
import kz.hotline114.reports.InvalidReport;
import kz.hotline114.reports.ReportContent;
import kz.hotline114.reports.ReportDocuments;
import kz.hotline114.security.CurrentUser;
import kz.hotline114.security.Role;
import kz.hotline114.security.Roles;
import kz.hotline114.shared.HotlineProperties;
import kz.hotline114.ui.shell.DateField;
import kz.hotline114.ui.shell.FieldErrors;
import kz.hotline114.ui.shell.Formats;
import kz.hotline114.ui.shell.HotlineI18n;
import java.util.Locale;

/**
 * The interim report: pick a grant project and a period, write the narrative per activity, the deviation
 * justifications and the risks, save versions, preview, download DOCX / PDF in Kazakh or Russian, finalise.
 */
@Route("reports")
@Menu(title = "nav.reports", order = 120, icon = "vaadin:file-text")
@RolesAllowed({Roles.REPORTER, Roles.SUPERVISOR, Roles.ADMIN})
public class ReportsView extends VerticalLayout implements HasDynamicTitle {

    private final InterimReports reports;
    private final ReportDocuments documents;
    private final HotlineI18n i18n;
    private final CallExports exports;
    private final ZoneId zone;
    private static final DateTimeFormatter DAY = Formats.DATE;
    final Select<GrantProject> project = new Select<>();
    final Select<GrantProject.ReportingPeriod> period = new Select<>();
    final DatePicker from = new DateField();
    final DatePicker to = new DateField();
    final Span status = new Span();
    final Div editor = new Div();
    final Div preview = new Div();
    final Button save = new Button();
    final Button finalise = new Button();
    final Button show = new Button();
    final Map<String, TextArea> narratives = new LinkedHashMap<>();
    final Map<String, TextArea> justifications = new LinkedHashMap<>();
    /** One row of the risks table: what could go wrong, how it is handled, and whether it is the wrong-number risk. */
    private record RiskRow(TextArea risk, TextArea mitigation, boolean wrongNumber) {
    }

    private final MonitoringReports monitoring;
    final List<RiskRow> risks = new ArrayList<>();
    final TextField leader = new TextField();
    final TextField position = new TextField();
    private List<ReportContent.Attachment> attachments = List.of();

    ReportsView(InterimReports reports, ReportDocuments documents, GrantProjects projects, HotlineI18n i18n,
                CallExports exports, HotlineProperties props, MonitoringReports monitoring) {
        this.reports = reports;
        this.monitoring = monitoring;
        this.exports = exports;
        this.zone = props.zone();
        this.documents = documents;
        this.i18n = i18n;
        boolean writes = CurrentUser.has(Role.REPORTER) || CurrentUser.has(Role.ADMIN);
        var all = buildPickers(projects);
        var toolbar = buildToolbar(writes);
        var downloads = new HorizontalLayout(download("docx", "kk"), download("pdf", "kk"), download("docx", "ru"),
                download("pdf", "ru"), export("xlsx"), export("csv"), monitoring("docx"), monitoring("pdf"));
        downloads.setWrap(true);
        configureOutput();
        add(toolbar, status, downloads, editor, preview);
        if (all.isEmpty()) {
            status.setText(getTranslation("reports.noProject"));
        } else {
            project.setValue(all.getFirst());
        }
    }

    /** The project, period preset and date pickers, filled with the projects; returns those projects. */
    private List<GrantProject> buildPickers(GrantProjects projects) {
        project.setLabel(getTranslation("reports.project"));
        project.setId("report-project");
        project.setItemLabelGenerator(GrantProject::name);
        project.setWidth("32em");
        var all = projects.list();
        project.setItems(all);
        from.setLabel(getTranslation("reports.from"));
        from.setId("report-from");
        to.setLabel(getTranslation("reports.to"));
        to.setId("report-to");
        period.setLabel(getTranslation("reports.periodPreset"));
        period.setId("report-period");
        period.setItemLabelGenerator(p -> p.label() + " (" + DAY.format(p.from()) + " – " + DAY.format(p.to()) + ")");
        period.setWidth("22em");
        period.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                from.setValue(e.getValue().from());
                to.setValue(e.getValue().to());
            }
        });
        project.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                var periods = e.getValue().periods();
                period.setItems(periods);
                period.setVisible(!periods.isEmpty());
                var first = periods.isEmpty() ? null : periods.getFirst();
                period.setValue(first);
                from.setValue(first == null ? e.getValue().periodFrom() : first.from());
                to.setValue(first == null ? e.getValue().periodTo() : first.to());
            }
        });
        from.addValueChangeListener(e -> load());
        to.addValueChangeListener(e -> load());
        return all;
    }

    /** The toolbar: the pickers, preview, save, finalise (after a confirmation) and the way to the projects. */
    private HorizontalLayout buildToolbar(boolean writes) {
        show.setText(getTranslation("reports.preview"));
        show.setId("report-preview-button");
        show.addClickListener(e -> preview());
        save.setText(getTranslation("reports.save"));
        save.setId("report-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        save.setVisible(writes);
        finalise.setText(getTranslation("reports.finalise"));
        finalise.setId("report-finalise");
        finalise.setVisible(writes);
        finalise.addClickListener(e -> {
            var dialog = new ConfirmDialog();
            dialog.setText(getTranslation("reports.finalise.confirm"));
            dialog.setCancelable(true);
            dialog.setCancelText(getTranslation("day.cancel"));
            dialog.setConfirmText(getTranslation("reports.finalise"));
            dialog.addConfirmListener(c -> {
                reports.finalise(project.getValue().id(), from.getValue(), to.getValue());
                Notification.show(getTranslation("reports.finalised"));
                load();
                preview();
            });
            dialog.open();
        });
        var projectsButton = new Button(getTranslation("reports.projects"), VaadinIcon.FOLDER_OPEN.create(),
                e -> getUI().ifPresent(ui -> ui.navigate(GrantProjectsView.class)));
        projectsButton.setId("report-projects");
        projectsButton.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        var mailButton = new Button(getTranslation("mail.open"), VaadinIcon.ENVELOPE_O.create(),
                e -> getUI().ifPresent(ui -> ui.navigate(ReportMailView.class)));
        mailButton.setId("report-mail");
        mailButton.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        var toolbar = new HorizontalLayout(project, period, from, to, show, save, finalise, projectsButton, mailButton);
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        toolbar.setWrap(true);
        return toolbar;
    }

    /** The status line, the editor and the preview. */
    private void configureOutput() {
        status.setId("report-status");
        editor.setId("report-editor");
        editor.setWidthFull();
        preview.setId("report-preview");
        preview.setWidthFull();
        preview.getStyle().set("border", "1px solid var(--lumo-contrast-20pct)").set("padding", "1em")
                .set("background", "white").set("max-width", "60em");
    }

    private boolean valid() {
        if (project.getValue() == null || from.getValue() == null || to.getValue() == null) {
            return false;
        }
        if (to.getValue().isBefore(from.getValue())) {
            status.setText(getTranslation("reports.invalid"));
            return false;
        }
        to.setInvalid(false);
        return true;
    }

    /** Loads the draft's latest content (or the final report's) into the editor. */
    void load() {
        editor.removeAll();
        preview.removeAll();
        narratives.clear();
        justifications.clear();
        risks.clear();
        if (!valid()) {
            return;
        }
        InterimReport report;
        ReportContent content;
        try {
            report = reports.report(project.getValue().id(), from.getValue(), to.getValue());
            content = reports.content(project.getValue().id(), from.getValue(), to.getValue());
        } catch (InvalidReport e) {
            showErrors(e);
            return;
        }
        boolean editable = report.status() == InterimReport.Status.DRAFT && save.isVisible();
        status.setText(report.status() == InterimReport.Status.FINAL
                ? getTranslation("reports.status.FINAL", day(report.finalisedAt()))
                : report.version() == 0 ? getTranslation("reports.status.NEW")
                : getTranslation("reports.status.DRAFT", report.version()));
        save.setEnabled(editable);
        finalise.setEnabled(editable);
        attachments = content.attachments();
        for (var task : report.tasks()) {
            for (var a : task.activities()) {
                var area = new TextArea(getTranslation("reports.narrative", a.key() + " " + a.title(getLocale())));
                area.setWidthFull();
                area.setValue(content.narratives().getOrDefault(a.key(), ""));
                area.setReadOnly(!editable);
                area.setId("narrative-" + a.key().replace('.', '-'));
                narratives.put(a.key(), area);
                editor.add(area);
                for (var i : a.indicators()) {
                    if (i.belowPlan() || !i.justification().isBlank()) {
                        var j = new TextArea(getTranslation("reports.justification", i.key() + " " + i.name(getLocale()) + " ("
                                + i.actual().toPlainString() + " / " + i.planned().toPlainString() + ")"));
                        j.setWidthFull();
                        j.setValue(content.justifications().getOrDefault(i.key(), ""));
                        j.setReadOnly(!editable);
                        justifications.put(i.key(), j);
                        editor.add(j);
                    }
                }
            }
        }
        editor.add(new H3(getTranslation("reports.risks")));
        for (var risk : content.risks()) {
            addRisk(report, risk, editable);
        }
        var addRisk = new Button(getTranslation("reports.risk.add"), e -> addRisk(report,
                new ReportContent.Risk("", "", false), true));
        addRisk.setVisible(editable);
        editor.add(addRisk);
        leader.setLabel(getTranslation("reports.leader"));
        leader.setValue(content.leader() == null ? "" : content.leader());
        leader.setReadOnly(!editable);
        position.setLabel(getTranslation("reports.position"));
        position.setValue(content.leaderPosition() == null ? "" : content.leaderPosition());
        position.setReadOnly(!editable);
        editor.add(new HorizontalLayout(leader, position));
    }

    private void addRisk(InterimReport report, ReportContent.Risk risk, boolean editable) {
        var texts = BundleReportTexts.of(i18n, getLocale().getLanguage());
        var filled = documents.resolved(report, risk, texts);
        var r = new TextArea(getTranslation("report.risk"));
        var m = new TextArea(getTranslation("report.risk.mitigation"));
        // the pre-filled wrong-number risk keeps following the figures until someone writes over it
        r.setValue(risk.risk() == null ? "" : risk.risk());
        r.setPlaceholder(filled.risk());
        m.setValue(risk.mitigation() == null ? "" : risk.mitigation());
        m.setPlaceholder(filled.mitigation());
        r.setReadOnly(!editable);
        m.setReadOnly(!editable);
        r.setWidth("50%");
        m.setWidth("50%");
        risks.add(new RiskRow(r, m, risk.wrongNumber()));
        var row = new HorizontalLayout(r, m);
        row.setWidthFull();
        editor.add(row);
    }

    ReportContent content() {
        var n = new LinkedHashMap<String, String>();
        narratives.forEach((k, v) -> {
            if (!v.getValue().isBlank()) {
                n.put(k, v.getValue().strip());
            }
        });
        var j = new LinkedHashMap<String, String>();
        justifications.forEach((k, v) -> {
            if (!v.getValue().isBlank()) {
                j.put(k, v.getValue().strip());
            }
        });
        var list = new ArrayList<ReportContent.Risk>();
        for (var row : risks) {
            var r = row.risk().getValue().strip();
            var m = row.mitigation().getValue().strip();
            boolean wrong = row.wrongNumber();
            if (wrong || !r.isEmpty()) {
                list.add(new ReportContent.Risk(r.isEmpty() ? null : r, m.isEmpty() ? (wrong ? null : "") : m, wrong));
            }
        }
        return new ReportContent(n, j, list, attachments, leader.getValue().isBlank() ? null : leader.getValue().strip(),
                position.getValue().isBlank() ? null : position.getValue().strip());
    }

    void save() {
        if (!valid()) {
            return;
        }
        try {
            int version = reports.saveDraft(project.getValue().id(), from.getValue(), to.getValue(), content());
            Notification.show(getTranslation("reports.saved", version));
            status.setText(getTranslation("reports.status.DRAFT", version));
        } catch (InvalidReport e) {
            showErrors(e);
        }
    }

    /** A refused period or draft: each problem next to its field where there is one, the rest in a notification. */
    private void showErrors(InvalidReport e) {
        FieldErrors.show(this, "reports.error.", e.errors(), field ->
                field.startsWith("narratives.") ? narratives.get(field.substring("narratives.".length()))
                        : field.startsWith("justifications.") ? justifications.get(field.substring("justifications.".length()))
                        : field.equals("to") ? to : null);
        if (to.isInvalid()) {
            status.setText(to.getErrorMessage());
        }
    }

    void preview() {
        preview.removeAll();
        if (!valid()) {
            return;
        }
        var report = reports.report(project.getValue().id(), from.getValue(), to.getValue());
        var html = documents.html(report, BundleReportTexts.of(i18n, getLocale().getLanguage()));
        preview.add(new Html(html));
    }

    private Anchor download(String format, String lang) {
        var anchor = new Anchor(DownloadHandler.fromInputStream(event -> {
            var report = reports.report(project.getValue().id(), from.getValue(), to.getValue());
            var texts = BundleReportTexts.of(i18n, lang);
            byte[] bytes = format.equals("pdf") ? documents.pdf(report, texts) : documents.docx(report, texts);
            return new DownloadResponse(new ByteArrayInputStream(bytes), "interim-report-" + from.getValue() + "-"
                    + to.getValue() + "-" + lang + "." + format, format.equals("pdf") ? "application/pdf"
                    : "application/vnd.openxmlformats-officedocument.wordprocessingml.document", bytes.length);
        }), getTranslation("reports." + format) + " (" + getTranslation("lang." + lang) + ")");
        anchor.setId("report-" + format + "-" + lang);
        return anchor;
    }

    /** The quality monitoring's report of the same period (seed 004's task 3), in the screen's language. */
    private Anchor monitoring(String format) {
        var anchor = new Anchor(DownloadHandler.fromInputStream(event -> {
            var lang = getLocale().getLanguage();
            var texts = BundleReportTexts.of(i18n, lang);
            byte[] bytes = format.equals("pdf") ? monitoring.pdf(from.getValue(), to.getValue(), texts)
                    : monitoring.docx(from.getValue(), to.getValue(), texts);
            return new DownloadResponse(new ByteArrayInputStream(bytes), "monitoring-" + from.getValue() + "-"
                    + to.getValue() + "-" + lang + "." + format, format.equals("pdf") ? "application/pdf"
                    : "application/vnd.openxmlformats-officedocument.wordprocessingml.document", bytes.length);
        }), getTranslation("reports.monitoring") + " (" + getTranslation("reports." + format) + ")");
        anchor.setId("report-monitoring-" + format);
        return anchor;
    }

    /** Attachment 2: the period's calls with their cases' questions and answers (numbers masked by role, audited). */
    private Anchor export(String format) {
        var anchor = new Anchor(DownloadHandler.fromInputStream(event -> {
            var file = exports.export(from.getValue(), to.getValue(),
                    CallExports.Format.valueOf(format.toUpperCase(Locale.ROOT)),
                    BundleReportTexts.of(i18n, getLocale().getLanguage()));
            return new DownloadResponse(file.content(), file.fileName(), file.contentType(), file.size());
        }), getTranslation("reports." + format));
        anchor.setId("report-export-" + format);
        return anchor;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.reports") + " · " + getTranslation("app.title");
    }

    private String day(Instant at) {
        return at == null ? "" : Formats.DATE.format(at.atZone(zone));
    }
}
