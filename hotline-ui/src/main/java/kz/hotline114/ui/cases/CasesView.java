package kz.hotline114.ui.cases;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import jakarta.annotation.security.RolesAllowed;

import kz.hotline114.cases.CaseFilter;
import kz.hotline114.cases.CaseStatus;
import kz.hotline114.cases.CaseSummary;
import kz.hotline114.cases.Cases;
import kz.hotline114.cases.QaCollection;
import kz.hotline114.cases.Taxonomy;
import kz.hotline114.preferences.SavedFilters;
import kz.hotline114.security.CurrentUser;
import kz.hotline114.security.Role;
import kz.hotline114.security.Roles;
import kz.hotline114.shared.HotlineProperties;
import kz.hotline114.ui.shell.DateField;
import kz.hotline114.ui.shell.Formats;
import kz.hotline114.ui.shell.SavedFilterBar;

/** The cases the user may see, searched by the words of their question and answer. */
@Route("cases")
@Menu(title = "nav.cases", order = 40, icon = "vaadin:folder-open")
@RolesAllowed({Roles.OPERATOR, Roles.SPECIALIST, Roles.SUPERVISOR, Roles.ADMIN})
public class CasesView extends VerticalLayout implements HasDynamicTitle {

    private static final DateTimeFormatter TIME = Formats.DATE_TIME;

    private final Cases cases;
    private final TextField q = new TextField();
    private final ComboBox<Taxonomy.Term> category = new ComboBox<>();
    private final ComboBox<CaseStatus> status = new ComboBox<>();
    private final Grid<CaseSummary> grid = new Grid<>();
    private final Span total = new Span();

    private final QaCollection qa;

    private final Clock clock;

    SavedFilterBar saved;

    CasesView(Cases cases, QaCollection qa, HotlineProperties props, Clock clock, SavedFilters savedFilters) {
        this.clock = clock;
        this.cases = cases;
        this.qa = qa;
        setSizeFull();
        var taxonomy = cases.taxonomy();
        q.setPlaceholder(getTranslation("cases.search"));
        q.setPrefixComponent(VaadinIcon.SEARCH.create());
        q.setValueChangeMode(ValueChangeMode.LAZY);
        q.setWidth("28em");
        q.setClearButtonVisible(true);
        q.setId("cases-q");
        category.setLabel(getTranslation("cases.col.category"));
        category.setItems(taxonomy.categories());
        category.setItemLabelGenerator(t -> CaseView.termName(t, getLocale()));
        category.setClearButtonVisible(true);
        status.setLabel(getTranslation("cases.col.status"));
        status.setItems(CaseStatus.values());
        status.setItemLabelGenerator(s -> getTranslation("status." + s.name()));
        status.setClearButtonVisible(true);
        q.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        category.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        status.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        var newCase = new Button(getTranslation("cases.new"), VaadinIcon.PLUS.create(),
                e -> getUI().ifPresent(ui -> ui.navigate(CaseView.class)));
        newCase.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        saved = savedFilterBar(savedFilters);
        var bar = new HorizontalLayout(q, category, status, saved, newCase);
        if (CurrentUser.has(Role.SUPERVISOR)
                || CurrentUser.has(Role.ADMIN)) {
            var today = LocalDate.now(clock);
            var from = new DateField(getTranslation("cases.export.from"),
                    today.withDayOfYear(1));
            var to = new DateField(getTranslation("cases.export.to"), today);
            var export = new Anchor(
                    DownloadHandler.fromInputStream(event -> {
                        var bytes = qa.docx(from.getValue(), to.getValue(), getLocale().getLanguage());
                        return new DownloadResponse(
                                new ByteArrayInputStream(bytes), "hotline114-qa-" + from.getValue() + "-"
                                + to.getValue() + ".docx",
                                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", bytes.length);
                    }), getTranslation("cases.export.qa"));
            export.setId("qa-export");
            bar.add(from, to, export);
        }
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.setWrap(true);

        grid.setId("cases-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(CaseSummary::number).setHeader(getTranslation("cases.col.number")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(c -> TIME.format(c.openedAt().atZone(props.zone()))).setHeader(getTranslation("cases.col.opened"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(c -> taxonomy.categories().stream().filter(t -> t.code().equals(c.category())).findFirst()
                .map(t -> CaseView.termName(t, getLocale())).orElse(c.category()))
                .setHeader(getTranslation("cases.col.category")).setAutoWidth(true);
        grid.addColumn(CaseSummary::question).setHeader(getTranslation("cases.col.question")).setFlexGrow(1);
        grid.addColumn(c -> getTranslation("status." + c.status().name())).setHeader(getTranslation("cases.col.status"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(c -> c.specialist() == null ? "" : c.specialist()).setHeader(getTranslation("cases.col.specialist"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.setItems(new CallbackDataProvider<CaseSummary, Void>(
                query -> cases.find(filter(), query.getPage(), query.getPageSize()).items().stream(),
                query -> {
                    var n = cases.count(filter());
                    total.setText(getTranslation("cases.total", n));
                    return (int) Math.min(n, Integer.MAX_VALUE);
                }, CaseSummary::number));
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(CaseView.class,
                new RouteParameters("number", e.getItem().number()))));
        grid.setSizeFull();
        total.setId("cases-total");
        add(bar, grid, total);
        setFlexGrow(1, grid);
    }

    private CaseFilter filter() {
        return new CaseFilter(q.getValue(), category.getValue() == null ? null : category.getValue().code(),
                status.getValue(), null, null);
    }

    /** Saved filters keep the category and the status; the search words are not kept (they may name a person). */
    private SavedFilterBar savedFilterBar(SavedFilters savedFilters) {
        return new SavedFilterBar(savedFilters, "cases", () -> {
            var m = new LinkedHashMap<String, String>();
            m.put("category", category.getValue() == null ? null : category.getValue().code());
            m.put("status", status.getValue() == null ? null : status.getValue().name());
            return m;
        }, m -> {
            category.setValue(category.getListDataView().getItems().filter(t -> t.code().equals(m.get("category")))
                    .findFirst().orElse(null));
            status.setValue(Arrays.stream(CaseStatus.values()).filter(x -> x.name().equals(m.get("status")))
                    .findFirst().orElse(null));
        });
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.cases") + " · " + getTranslation("app.title");
    }
}
