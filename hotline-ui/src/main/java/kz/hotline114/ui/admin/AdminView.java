package kz.hotline114.ui.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import kz.hotline114.calls.WrapUp;
import kz.hotline114.cases.Cases;
import kz.hotline114.cases.InvalidCase;
import kz.hotline114.cases.Taxonomy;
import kz.hotline114.cases.TaxonomyAdmin;
import kz.hotline114.recordings.Recordings;
import kz.hotline114.risk.RiskFlags;
import kz.hotline114.security.AuditLog;
import kz.hotline114.security.Roles;
import kz.hotline114.shared.HotlineProperties;

/** Administration: the case taxonomy (categories, movements, partners) and the read-only audit log. */
@Route("admin")
@Menu(title = "nav.admin", order = 130, icon = "vaadin:cog")
@RolesAllowed(Roles.ADMIN)
public class AdminView extends VerticalLayout implements HasDynamicTitle {

    private final Cases cases;
    private final TaxonomyAdmin admin;
    private final Select<TaxonomyAdmin.Kind> kind = new Select<>();
    private final Grid<Taxonomy.Term> terms = new Grid<>();
    private final TextField code = new TextField();
    private final TextField nameKk = new TextField();
    private final TextField nameRu = new TextField();
    private final Checkbox active = new Checkbox();

    AdminView(Cases cases, TaxonomyAdmin admin, AuditLog audit, HotlineProperties props, WrapUp wrapUp,
              Recordings recordings, RiskFlags risk) {
        this.cases = cases;
        this.admin = admin;
        setSizeFull();
        kind.setLabel(getTranslation("admin.taxonomy.kind"));
        kind.setItems(TaxonomyAdmin.Kind.values());
        kind.setItemLabelGenerator(k -> k == null ? "" : getTranslation("admin.taxonomy." + k.name()));
        kind.setValue(TaxonomyAdmin.Kind.CATEGORY);
        kind.addValueChangeListener(e -> refresh());
        terms.addColumn(Taxonomy.Term::code).setHeader(getTranslation("admin.taxonomy.code")).setAutoWidth(true);
        terms.addColumn(Taxonomy.Term::nameKk).setHeader(getTranslation("admin.taxonomy.nameKk")).setFlexGrow(1);
        terms.addColumn(Taxonomy.Term::nameRu).setHeader(getTranslation("admin.taxonomy.nameRu")).setFlexGrow(1);
        terms.addThemeVariants(GridVariant.LUMO_COMPACT);
        terms.setHeight("20em");
        terms.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() != null) {
                code.setValue(e.getValue().code());
                nameKk.setValue(e.getValue().nameKk());
                nameRu.setValue(e.getValue().nameRu());
                active.setValue(true);
            }
        });
        code.setLabel(getTranslation("admin.taxonomy.code"));
        code.setHelperText("HATE_SPEECH");
        nameKk.setLabel(getTranslation("admin.taxonomy.nameKk"));
        nameRu.setLabel(getTranslation("admin.taxonomy.nameRu"));
        active.setLabel(getTranslation("admin.taxonomy.active"));
        active.setValue(true);
        var save = new Button(getTranslation("case.save"), e -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var form = new HorizontalLayout(code, nameKk, nameRu, active, save);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        var taxonomyTab = new VerticalLayout(kind, terms, form);
        taxonomyTab.setPadding(false);

        var tabs = new TabSheet();
        tabs.add(getTranslation("admin.taxonomy"), taxonomyTab);
        tabs.add(getTranslation("admin.audit"), new AuditPanel(audit, props.zone()));
        tabs.add(getTranslation("admin.wrapUp"), new WrapUpCodesPanel(wrapUp));
        tabs.add(getTranslation("admin.recordings"), new RecordingsStoragePanel(recordings, props.zone()));
        tabs.add(getTranslation("admin.risk"), new RiskCategoriesPanel(risk));
        tabs.setSizeFull();
        add(tabs);
        refresh();
    }

    private void refresh() {
        var t = cases.taxonomy();
        terms.setItems(switch (kind.getValue()) {
            case CATEGORY -> t.categories();
            case MOVEMENT -> t.movements();
            case PARTNER -> t.partners();
        });
    }

    private void save() {
        code.setInvalid(false);
        nameKk.setInvalid(false);
        nameRu.setInvalid(false);
        try {
            admin.save(kind.getValue(), code.getValue().strip(), nameKk.getValue(), nameRu.getValue(), active.getValue());
            Notification.show(getTranslation("admin.taxonomy.saved"));
            refresh();
        } catch (InvalidCase e) {
            e.fieldErrors().forEach((field, error) -> {
                var f = switch (field) {
                    case "code" -> code;
                    case "nameKk" -> nameKk;
                    default -> nameRu;
                };
                f.setErrorMessage(getTranslation("admin.taxonomy.error." + error));
                f.setInvalid(true);
            });
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.admin") + " · " + getTranslation("app.title");
    }
}
