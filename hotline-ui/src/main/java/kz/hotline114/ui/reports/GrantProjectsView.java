package kz.hotline114.ui.reports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.ClickEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.binder.Validator;
import com.vaadin.flow.data.provider.hierarchy.TreeData;
import com.vaadin.flow.data.provider.hierarchy.TreeDataProvider;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import kz.hotline114.reports.GrantProject;
import kz.hotline114.reports.GrantProjectRules;
import kz.hotline114.reports.GrantProjects;
import kz.hotline114.reports.InvalidReport;
import kz.hotline114.reports.Statistic;
import kz.hotline114.security.CurrentUser;
import kz.hotline114.security.Role;
import kz.hotline114.security.Roles;
import kz.hotline114.ui.shell.DateField;
import kz.hotline114.ui.shell.NumberFields;

/**
 * Grant projects (reporters and admins edit, supervisors read): the agreement (grantee, number, date, sum,
 * period), its reporting periods, and the tree of tasks (міндет) → activities (іс-шара) → indicators, each
 * indicator with its planned target and where its actual value comes from (a named figure, or by hand with
 * evidence). Edits stay on the screen until «save», which stores the whole project at once; the interim
 * reports refer to activities and indicators by their numbers, so renumbering is the user's choice.
 */
@Route("reports/projects")
@RolesAllowed({Roles.REPORTER, Roles.SUPERVISOR, Roles.ADMIN})
public class GrantProjectsView extends VerticalLayout implements HasDynamicTitle {

    private final GrantProjects projects;
    private final boolean writes;
    final Select<GrantProject> choose = new Select<>();
    final Button create = new Button();
    final TextField name = new TextField();
    final TextField grantee = new TextField();
    final TextField agreementNo = new TextField();
    final DatePicker agreementDate = new DateField();
    final BigDecimalField grantSum = new BigDecimalField();
    final BigDecimalField communicationBudget = new BigDecimalField();
    final DatePicker periodFrom = new DateField();
    final DatePicker periodTo = new DateField();
    final VerticalLayout periodRows = new VerticalLayout();
    final List<PeriodRow> periods = new ArrayList<>();
    final TreeGrid<Node> tree = new TreeGrid<>();
    final List<Node> tasks = new ArrayList<>();
    final Button addTask = new Button();
    final Button addActivity = new Button();
    final Button addIndicator = new Button();
    final Button edit = new Button();
    final Button remove = new Button();
    final Button save = new Button();
    final Span problems = new Span();
    private final Binder<Agreement> agreement = new Binder<>();
    private long projectId;

    GrantProjectsView(GrantProjects projects) {
        this.projects = projects;
        this.writes = CurrentUser.has(Role.REPORTER) || CurrentUser.has(Role.ADMIN);
        setMaxWidth("80em");
        buildHeader();
        buildAgreementForm();
        buildPeriods();
        buildTaskTree();
        buildSaveBar();

        var all = projects.list();
        choose.setItems(all);
        if (all.isEmpty()) {
            show(null);
        } else {
            choose.setValue(all.getFirst());
        }
    }

    /** The way back to the reports, the title, and the project chooser with «new project». */
    private void buildHeader() {
        var back = new Button(getTranslation("projects.back"), VaadinIcon.ARROW_LEFT.create(),
                e -> getUI().ifPresent(ui -> ui.navigate(ReportsView.class)));
        back.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        add(back, new H2(getTranslation("projects.title")));

        choose.setLabel(getTranslation("reports.project"));
        choose.setId("projects-choose");
        choose.setItemLabelGenerator(GrantProject::name);
        choose.setWidth("40em");
        choose.addValueChangeListener(e -> {
            if (e.isFromClient() || e.getValue() != null) {
                show(e.getValue());
            }
        });
        create.setText(getTranslation("projects.new"));
        create.setIcon(VaadinIcon.PLUS.create());
        create.setId("projects-new");
        create.setVisible(writes);
        create.addClickListener(e -> {
            choose.clear();
            show(null);
            name.focus();
        });
        var top = new HorizontalLayout(choose, create);
        top.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(top);
    }

    /** The agreement's form: name, grantee, number, date, sum and period. */
    private void buildAgreementForm() {
        label(name, "projects.name", "project-name");
        name.setRequiredIndicatorVisible(true);
        label(grantee, "projects.grantee", "project-grantee");
        grantee.setRequiredIndicatorVisible(true);
        label(agreementNo, "projects.agreementNo", "project-agreement-no");
        agreementDate.setLabel(getTranslation("projects.agreementDate"));
        agreementDate.setId("project-agreement-date");
        grantSum.setLabel(getTranslation("projects.grantSum"));
        grantSum.setId("project-grant-sum");
        communicationBudget.setLabel(getTranslation("projects.communicationBudget"));
        communicationBudget.setHelperText(getTranslation("projects.communicationBudget.help"));
        communicationBudget.setId("project-communication-budget");
        periodFrom.setLabel(getTranslation("projects.periodFrom"));
        periodFrom.setId("project-from");
        periodFrom.setRequiredIndicatorVisible(true);
        periodTo.setLabel(getTranslation("projects.periodTo"));
        periodTo.setId("project-to");
        periodTo.setRequiredIndicatorVisible(true);
        bindAgreement();
        var form = new FormLayout(name, grantee, agreementNo, agreementDate, grantSum, communicationBudget, periodFrom,
                periodTo);
        form.setColspan(name, 2);
        form.setColspan(grantee, 2);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        add(form);
    }

    /** The agreement's fields, each checked as it is typed by the rule {@link GrantProjects#save} applies. */
    private void bindAgreement() {
        agreement.forField(name).withValidator(rule(GrantProjectRules::required)).bind(a -> a.name, (a, v) -> a.name = v);
        agreement.forField(grantee).withValidator(rule(GrantProjectRules::required))
                .bind(a -> a.grantee, (a, v) -> a.grantee = v);
        agreement.forField(agreementNo).bind(a -> a.agreementNo, (a, v) -> a.agreementNo = v);
        agreement.forField(agreementDate).bind(a -> a.agreementDate, (a, v) -> a.agreementDate = v);
        agreement.forField(grantSum).withValidator(rule(GrantProjectRules::notNegative))
                .bind(a -> a.grantSum, (a, v) -> a.grantSum = v);
        agreement.forField(communicationBudget).withValidator(rule(v -> GrantProjectRules.communicationBudget(v,
                        grantSum.getValue())))
                .bind(a -> a.communicationBudget, (a, v) -> a.communicationBudget = v);
        var from = agreement.forField(periodFrom)
                .withValidator(rule(v -> GrantProjectRules.period(v, periodTo.getValue())))
                .bind(a -> a.periodFrom, (a, v) -> a.periodFrom = v);
        var to = agreement.forField(periodTo)
                .withValidator(rule(v -> GrantProjectRules.period(periodFrom.getValue(), v)))
                .bind(a -> a.periodTo, (a, v) -> a.periodTo = v);
        periodFrom.addValueChangeListener(e -> to.validate());
        periodTo.addValueChangeListener(e -> from.validate());
    }

    /** A field's check by one of {@link GrantProjectRules}: its problem code, translated, next to the field. */
    private <V> Validator<V> rule(Function<V, @Nullable String> rule) {
        return (value, context) -> {
            String problem = rule.apply(value);
            return problem == null ? ValidationResult.ok() : ValidationResult.error(getTranslation("projects.error." + problem));
        };
    }

    /** The reporting periods' rows and «add period». */
    private void buildPeriods() {
        add(new H3(getTranslation("projects.periods")));
        periodRows.setPadding(false);
        periodRows.setSpacing(false);
        periodRows.setId("project-periods");
        var addPeriod = new Button(getTranslation("projects.period.add"), VaadinIcon.PLUS.create(),
                e -> addPeriod(new GrantProject.ReportingPeriod("", periodFrom.getValue(), periodTo.getValue())));
        addPeriod.setId("project-period-add");
        addPeriod.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        addPeriod.setVisible(writes);
        add(periodRows, addPeriod);
    }

    /** The tree of tasks, activities and indicators, with the buttons that edit it. */
    private void buildTaskTree() {
        add(new H3(getTranslation("projects.tasks")));
        tree.setId("project-tree");
        tree.addHierarchyColumn(Node::key).setHeader("№").setAutoWidth(true).setFlexGrow(0);
        tree.addColumn(Node::text).setHeader(getTranslation("projects.column.text")).setFlexGrow(1)
                .setTooltipGenerator(Node::text);
        tree.addColumn(n -> n.kind == Kind.INDICATOR ? plain(n.planned) + " " + n.unit : "")
                .setHeader(getTranslation("report.indicator.planned")).setAutoWidth(true).setFlexGrow(0);
        tree.addColumn(this::source).setHeader(getTranslation("report.indicator.source")).setAutoWidth(true)
                .setFlexGrow(0);
        tree.setAllRowsVisible(true);
        tree.asSingleSelect().addValueChangeListener(e -> buttons());
        tree.addItemDoubleClickListener(e -> {
            if (writes) {
                open(e.getItem(), false);
            }
        });
        button(addTask, "projects.addTask", VaadinIcon.PLUS, "project-add-task", e -> {
            var task = new Node(Kind.TASK, null);
            task.number = next(tasks);
            open(task, true);
        });
        button(addActivity, "projects.addActivity", VaadinIcon.PLUS, "project-add-activity", e -> {
            var task = selected(Kind.TASK);
            var activity = new Node(Kind.ACTIVITY, task);
            activity.number = next(task.children);
            open(activity, true);
        });
        button(addIndicator, "projects.addIndicator", VaadinIcon.PLUS, "project-add-indicator", e -> {
            var indicator = new Node(Kind.INDICATOR, selected(Kind.ACTIVITY));
            indicator.planned = BigDecimal.ZERO;
            open(indicator, true);
        });
        button(edit, "projects.edit", VaadinIcon.EDIT, "project-edit", e -> open(tree.asSingleSelect().getValue(), false));
        button(remove, "projects.remove", VaadinIcon.TRASH, "project-remove", e -> {
            var node = tree.asSingleSelect().getValue();
            (node.parent == null ? tasks : node.parent.children).remove(node);
            refresh();
        });
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
        var treeButtons = new HorizontalLayout(addTask, addActivity, addIndicator, edit, remove);
        treeButtons.setWrap(true);
        treeButtons.setVisible(writes);
        add(treeButtons, tree);
    }

    /** The problems the tree had on saving, and «save». */
    private void buildSaveBar() {
        problems.setId("project-problems");
        problems.getStyle().set("color", "var(--lumo-error-text-color)");
        save.setText(getTranslation("projects.save"));
        save.setId("project-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setVisible(writes);
        save.addClickListener(e -> save());
        add(problems, save);
    }

    /** Fills the screen with a stored project, or empties it for a new one. */
    void show(@Nullable GrantProject p) {
        projectId = p == null ? 0 : p.id();
        clearErrors();
        agreement.readBean(Agreement.of(p));
        periodRows.removeAll();
        periods.clear();
        if (p != null) {
            p.periods().forEach(this::addPeriod);
        }
        tasks.clear();
        if (p != null) {
            for (var t : p.tasks()) {
                var task = new Node(Kind.TASK, null);
                task.number = t.number();
                task.title = t.title();
                task.titleRu = t.titleRu() == null ? "" : t.titleRu();
                tasks.add(task);
                for (var a : t.activities()) {
                    var activity = new Node(Kind.ACTIVITY, task);
                    activity.number = a.number();
                    activity.title = a.title();
                    activity.titleRu = a.titleRu() == null ? "" : a.titleRu();
                    task.children.add(activity);
                    for (var i : a.indicators()) {
                        var indicator = new Node(Kind.INDICATOR, activity);
                        indicator.title = i.name();
                        indicator.unit = i.unit();
                        indicator.titleRu = i.nameRu() == null ? "" : i.nameRu();
                        indicator.unitRu = i.unitRu() == null ? "" : i.unitRu();
                        indicator.planned = i.planned();
                        indicator.metric = i.metric();
                        indicator.manualActual = i.manualActual();
                        indicator.evidence = i.evidence() == null ? "" : i.evidence();
                        activity.children.add(indicator);
                    }
                }
            }
        }
        agreement.setReadOnly(!writes);
        refresh();
    }

    /** The project as the screen shows it, its agreement as the binder wrote it. */
    GrantProject project(Agreement form) {
        var taskList = tasks.stream().map(t -> new GrantProject.Task(0, t.number, t.title, orNull(t.titleRu),
                t.children.stream().map(a -> new GrantProject.Activity(0, a.number, a.title, orNull(a.titleRu),
                        a.children.stream().map(i -> new GrantProject.Indicator(0, i.title, i.unit, i.planned, i.metric,
                                i.metric == null ? i.manualActual : null, orNull(i.evidence), orNull(i.titleRu),
                                orNull(i.unitRu))).toList()))
                .toList())).toList();
        var periodList = periods.stream().map(r -> new GrantProject.ReportingPeriod(r.label.getValue().strip(),
                r.from.getValue(), r.to.getValue())).toList();
        return new GrantProject(projectId, form.name, form.grantee,
                form.agreementNo.isBlank() ? null : form.agreementNo.strip(),
                form.agreementDate, form.grantSum, form.periodFrom, form.periodTo, taskList, periodList,
                form.communicationBudget);
    }

    void save() {
        clearErrors();
        var draft = new Agreement();
        if (!agreement.writeBeanIfValid(draft)) {
            Notification.show(getTranslation("projects.invalid")).addThemeVariants(NotificationVariant.LUMO_ERROR);
            return;
        }
        try {
            var stored = projects.save(project(draft));
            var all = projects.list();
            choose.setItems(all);
            choose.setValue(all.stream().filter(p -> p.id() == stored.id()).findFirst().orElse(stored));
            Notification.show(getTranslation("projects.saved", stored.name()))
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (InvalidReport e) {
            showErrors(e.errors());
        }
    }

    /**
     * What the server still refused (the form and the dialogs check the same rules first, so seldom anything): each
     * problem next to its field, those of the tree listed above «save».
     */
    private void showErrors(Map<String, String> errors) {
        var rest = new ArrayList<String>();
        errors.forEach((field, code) -> {
            String message = getTranslation("projects.error." + code);
            switch (field) {
                case "name" -> invalid(name, message);
                case "grantee" -> invalid(grantee, message);
                case "grantSum" -> invalid(grantSum, message);
                case "communicationBudget" -> invalid(communicationBudget, message);
                case "period" -> {
                    invalid(periodFrom, message);
                    invalid(periodTo, message);
                }
                case "periods" -> periods.stream().filter(r -> !r.valid()).forEach(r -> invalid(r.label, message));
                default -> rest.add(field.replaceFirst("^task\\.", "") + ": " + message);
            }
        });
        problems.setText(String.join("; ", rest));
        Notification.show(getTranslation("projects.invalid")).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    private static void invalid(HasValidation field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
    }

    private void clearErrors() {
        problems.setText("");
        for (HasValidation f : List.of(name, grantee, grantSum, communicationBudget, periodFrom, periodTo)) {
            f.setInvalid(false);
        }
        periods.forEach(r -> r.label.setInvalid(false));
    }

    private void addPeriod(GrantProject.ReportingPeriod period) {
        var row = new PeriodRow(period);
        periods.add(row);
        periodRows.add(row);
    }

    /** A reporting period: label and dates, removable. */
    final class PeriodRow extends HorizontalLayout {
        final TextField label = new TextField();
        final DatePicker from = new DateField();
        final DatePicker to = new DateField();

        PeriodRow(GrantProject.ReportingPeriod p) {
            int n = periods.size() + 1;
            label.setLabel(getTranslation("projects.period.label"));
            label.setPlaceholder(getTranslation("projects.period.placeholder", n));
            label.setValue(p.label());
            label.setId("project-period-label-" + n);
            label.setWidth("20em");
            from.setLabel(getTranslation("reports.from"));
            from.setValue(p.from());
            to.setLabel(getTranslation("reports.to"));
            to.setValue(p.to());
            var drop = new Button(VaadinIcon.TRASH.create(), e -> {
                periods.remove(this);
                periodRows.remove(this);
            });
            drop.addThemeVariants(ButtonVariant.LUMO_ICON, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            drop.setAriaLabel(getTranslation("projects.remove"));
            drop.setTooltipText(getTranslation("projects.remove"));
            drop.setVisible(writes);
            label.setReadOnly(!writes);
            from.setReadOnly(!writes);
            to.setReadOnly(!writes);
            add(label, from, to, drop);
            setAlignItems(FlexComponent.Alignment.BASELINE);
        }

        boolean valid() {
            return GrantProjectRules.reportingPeriod(
                    new GrantProject.ReportingPeriod(label.getValue(), from.getValue(), to.getValue())) == null;
        }
    }

    /** The dialog of a task, activity or indicator; «ready» checks it and puts it in the tree. */
    void open(Node node, boolean isNew) {
        var dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("projects.kind." + node.kind.name()) + (isNew ? "" : " " + node.key()));
        dialog.setWidth("40em");
        var f = nodeFields(node.kind);
        var binder = nodeBinder(node, f);
        binder.readBean(node);
        f.manual().setVisible(node.metric == null);
        f.evidence().setVisible(node.metric == null);
        var layout = new VerticalLayout();
        layout.setPadding(false);
        if (node.kind == Kind.INDICATOR) {
            layout.add(f.title(), f.titleRu(), new HorizontalLayout(f.planned(), f.unit(), f.unitRu()), f.metric(),
                    f.manual(), f.evidence());
        } else {
            layout.add(f.number(), f.title(), f.titleRu());
        }
        dialog.add(layout);
        var ok = new Button(getTranslation("projects.ready"), e -> ready(dialog, node, isNew, binder));
        ok.setId("node-ready");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var cancel = new Button(getTranslation("day.cancel"), e -> dialog.close());
        dialog.getFooter().add(cancel, ok);
        dialog.open();
        f.title().focus();
    }

    /** The fields of a node's dialog. */
    private record NodeFields(IntegerField number, TextArea title, TextArea titleRu, TextField unit, TextField unitRu,
            BigDecimalField planned, Select<Statistic> metric, BigDecimalField manual, TextArea evidence) {
    }

    /** The empty fields of the dialog of a node of that kind; manual value and evidence only without a metric. */
    private NodeFields nodeFields(Kind kind) {
        var number = new IntegerField(getTranslation("projects.number"));
        number.setId("node-number");
        NumberFields.bounded(number, 1, null);
        number.setStepButtonsVisible(true);
        var title = new TextArea(getTranslation(kind == Kind.INDICATOR ? "report.indicator.name" : "projects.column.text"));
        title.setId("node-title");
        title.setWidthFull();
        var titleRu = new TextArea(getTranslation(kind == Kind.INDICATOR ? "projects.nameRu" : "projects.titleRu"));
        titleRu.setId("node-title-ru");
        titleRu.setWidthFull();
        titleRu.setHelperText(getTranslation("projects.ru.help"));
        var unit = new TextField(getTranslation("report.indicator.unit"));
        unit.setId("node-unit");
        var unitRu = new TextField(getTranslation("projects.unitRu"));
        unitRu.setId("node-unit-ru");
        var planned = new BigDecimalField(getTranslation("report.indicator.planned"));
        planned.setId("node-planned");
        var metric = new Select<Statistic>();
        metric.setId("node-metric");
        metric.setLabel(getTranslation("projects.metric"));
        metric.setItems(Arrays.stream(Statistic.values()).filter(Statistic::indicatorMetric).toList());
        metric.setEmptySelectionAllowed(true);
        metric.setEmptySelectionCaption(getTranslation("projects.metric.manual"));
        metric.setItemLabelGenerator(s -> s == null ? getTranslation("projects.metric.manual")
                : getTranslation("statistic." + s.name()));
        metric.setWidthFull();
        var manual = new BigDecimalField(getTranslation("projects.manualActual"));
        manual.setId("node-manual");
        var evidence = new TextArea(getTranslation("projects.evidence"));
        evidence.setId("node-evidence");
        evidence.setWidthFull();
        metric.addValueChangeListener(e -> {
            manual.setVisible(e.getValue() == null);
            evidence.setVisible(e.getValue() == null);
            metric.setHelperText(e.getValue() == null ? null : getTranslation("statistic." + e.getValue().name() + ".definition"));
        });
        return new NodeFields(number, title, titleRu, unit, unitRu, planned, metric, manual, evidence);
    }

    /** The dialog's fields bound to the node, each with the rule {@link GrantProjects#save} applies to it. */
    private Binder<Node> nodeBinder(Node node, NodeFields f) {
        var binder = new Binder<Node>();
        binder.forField(f.title()).withValidator(rule(GrantProjectRules::required))
                .bind(n -> n.title, (n, v) -> n.title = v.strip());
        binder.forField(f.titleRu()).bind(n -> n.titleRu, (n, v) -> n.titleRu = v.strip());
        if (node.kind != Kind.INDICATOR) {
            var siblings = node.parent == null ? tasks : node.parent.children;
            binder.forField(f.number())
                    .withValidator(rule(v -> GrantProjectRules.number(v,
                            siblings.stream().filter(s -> s != node).map(s -> s.number).toList())))
                    .bind(n -> n.number, (n, v) -> n.number = v);
            return binder;
        }
        binder.forField(f.unit()).withValidator(rule(GrantProjectRules::required))
                .bind(n -> n.unit, (n, v) -> n.unit = v.strip());
        binder.forField(f.unitRu()).bind(n -> n.unitRu, (n, v) -> n.unitRu = v.strip());
        binder.forField(f.planned()).withValidator(rule(GrantProjectRules::planned))
                .bind(n -> n.planned, (n, v) -> n.planned = v);
        binder.forField(f.metric()).withValidator(rule(GrantProjectRules::metric))
                .bind(n -> n.metric, (n, v) -> n.metric = v);
        binder.forField(f.manual())
                .withValidator(rule(v -> f.metric().getValue() == null ? GrantProjectRules.notNegative(v) : null))
                .bind(n -> n.manualActual, (n, v) -> n.manualActual = v);
        binder.forField(f.evidence()).bind(n -> n.evidence, (n, v) -> n.evidence = v.strip());
        return binder;
    }

    /** «Ready»: when the dialog's values are good, puts them in the node (and a new node in the tree). */
    private void ready(Dialog dialog, Node node, boolean isNew, Binder<Node> binder) {
        if (!binder.writeBeanIfValid(node)) {
            return;
        }
        if (node.metric != null) { // the actual value comes from the figure: nothing by hand
            node.manualActual = null;
            node.evidence = "";
        }
        if (isNew) {
            (node.parent == null ? tasks : node.parent.children).add(node);
        }
        dialog.close();
        refresh();
        tree.select(node);
    }

    private void refresh() {
        tasks.sort((a, b) -> Integer.compare(a.number, b.number));
        tasks.forEach(t -> t.children.sort((a, b) -> Integer.compare(a.number, b.number)));
        var data = new TreeData<Node>();
        data.addItems(tasks, n -> n.children);
        tree.setDataProvider(new TreeDataProvider<>(data));
        tree.expandRecursively(tasks, 2);
        buttons();
    }

    private void buttons() {
        var node = tree.asSingleSelect().getValue();
        addActivity.setEnabled(node != null);
        addIndicator.setEnabled(node != null && node.kind != Kind.TASK);
        edit.setEnabled(node != null);
        remove.setEnabled(node != null);
    }

    /** The selected node, or its ancestor of that kind. */
    private Node selected(Kind kind) {
        var node = tree.asSingleSelect().getValue();
        while (node.kind != kind) {
            node = node.parent;
        }
        return node;
    }

    private static int next(List<Node> siblings) {
        return siblings.stream().mapToInt(n -> n.number).max().orElse(0) + 1;
    }

    private String source(Node n) {
        if (n.kind != Kind.INDICATOR) {
            return "";
        }
        if (n.metric != null) {
            return getTranslation("statistic." + n.metric.name());
        }
        return getTranslation("report.indicator.manual") + (n.manualActual == null ? "" : ": " + plain(n.manualActual));
    }

    private static @Nullable String orNull(String s) {
        return s.isBlank() ? null : s.strip();
    }

    private static String plain(@Nullable BigDecimal d) {
        return d == null ? "" : d.stripTrailingZeros().toPlainString();
    }

    private void label(TextField field, String key, String id) {
        field.setLabel(getTranslation(key));
        field.setId(id);
        field.setWidthFull();
    }

    private void button(Button b, String key, VaadinIcon icon, String id,
                        ComponentEventListener<ClickEvent<Button>> l) {
        b.setText(getTranslation(key));
        b.setIcon(icon.create());
        b.setId(id);
        b.addClickListener(l);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("projects.title") + " · " + getTranslation("app.title");
    }

    enum Kind { TASK, ACTIVITY, INDICATOR }

    /** The agreement's part of the screen, as its binder reads and writes it. */
    static final class Agreement {
        String name = "";
        String grantee = "";
        String agreementNo = "";
        @Nullable LocalDate agreementDate;
        @Nullable BigDecimal grantSum;
        @Nullable BigDecimal communicationBudget;
        @Nullable LocalDate periodFrom;
        @Nullable LocalDate periodTo;

        static Agreement of(@Nullable GrantProject p) {
            var a = new Agreement();
            if (p != null) {
                a.name = p.name();
                a.grantee = p.grantee();
                a.agreementNo = p.agreementNo() == null ? "" : p.agreementNo();
                a.agreementDate = p.agreementDate();
                a.grantSum = p.grantSum();
                a.communicationBudget = p.communicationBudget();
                a.periodFrom = p.periodFrom();
                a.periodTo = p.periodTo();
            }
            return a;
        }
    }

    /** A task, activity or indicator as edited on the screen. */
    static final class Node {
        final Kind kind;
        final @Nullable Node parent;
        final List<Node> children = new ArrayList<>();
        int number;
        String title = "";
        /** the title (an indicator's name) in the Russian report; blank = the Kazakh one */
        String titleRu = "";
        String unit = "";
        String unitRu = "";
        @Nullable BigDecimal planned;
        @Nullable Statistic metric;
        @Nullable BigDecimal manualActual;
        String evidence = "";

        Node(Kind kind, @Nullable Node parent) {
            this.kind = kind;
            this.parent = parent;
        }

        String key() {
            return switch (kind) {
                case TASK -> String.valueOf(number);
                case ACTIVITY -> parent.number + "." + number;
                case INDICATOR -> parent.key() + "." + (parent.children.indexOf(this) + 1);
            };
        }

        String text() {
            return title;
        }

        @Override
        public String toString() {
            return kind + " " + key() + " " + title;
        }
    }
}
