package kz.hotline114.ui.centre;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;

import jakarta.annotation.security.RolesAllowed;

import kz.hotline114.appointments.Expert;
import kz.hotline114.appointments.ExpertKind;
import kz.hotline114.appointments.ExpertPool;
import kz.hotline114.appointments.NewExpert;
import kz.hotline114.security.Roles;

/** The expert pool: who receives at the centre, with contacts for staff; supervisors and admins add experts. */
@Route("centre/experts")
@Menu(title = "nav.centre.experts", order = 90, icon = "vaadin:academy-cap")
@RolesAllowed({Roles.OPERATOR, Roles.SPECIALIST, Roles.SUPERVISOR, Roles.REPORTER, Roles.ADMIN})
public class ExpertPoolView extends VerticalLayout implements HasDynamicTitle {

    private final ExpertPool pool;
    final Grid<Expert> grid = new Grid<>();

    ExpertPoolView(ExpertPool pool, AuthenticationContext auth) {
        this.pool = pool;
        setSizeFull();
        grid.setId("experts");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(Expert::fullName).setHeader(getTranslation("experts.name")).setAutoWidth(true);
        grid.addColumn(e -> getTranslation("expertKind." + e.kind().name())).setHeader(getTranslation("experts.kind"))
                .setAutoWidth(true);
        grid.addColumn(Expert::title).setHeader(getTranslation("experts.title")).setFlexGrow(2)
                .setTooltipGenerator(Expert::title);
        grid.addColumn(e -> e.organisation() == null ? "" : e.organisation()).setHeader(getTranslation("experts.organisation"))
                .setFlexGrow(2).setTooltipGenerator(e -> e.organisation() == null ? "" : e.organisation());
        grid.addColumn(e -> String.join(", ", e.languages().stream().map(this::languageName).toList())).setHeader(getTranslation("experts.languages"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> e.contact() == null ? "" : e.contact()).setHeader(getTranslation("experts.contact"))
                .setAutoWidth(true);
        grid.setSizeFull();
        if (auth.hasAnyRole("SUPERVISOR", "ADMIN")) {
            var add = new Button(getTranslation("experts.add"), VaadinIcon.PLUS.create(), e -> add());
            add.setId("expert-add");
            add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(add);
        }
        add(grid);
        setFlexGrow(1, grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(pool.experts());
    }

    /** The new expert's form. */
    static final class Form {
        String name = "";
        @Nullable ExpertKind kind = ExpertKind.PSYCHOLOGIST;
        String title = "";
        String organisation = "";
        Set<String> languages = new HashSet<>(List.of("kk", "ru"));
        String contact = "";
        boolean staff;
    }

    private void add() {
        var dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("experts.add"));
        var name = new TextField(getTranslation("experts.name"));
        var kind = new Select<ExpertKind>();
        kind.setLabel(getTranslation("experts.kind"));
        kind.setItems(ExpertKind.values());
        kind.setItemLabelGenerator(k -> getTranslation("expertKind." + k.name()));
        var title = new TextField(getTranslation("experts.title"));
        var organisation = new TextField(getTranslation("experts.organisation"));
        var languages = new MultiSelectComboBox<String>(getTranslation("experts.languages"));
        languages.setItems("kk", "ru", "en");
        languages.setItemLabelGenerator(this::languageName);
        var contact = new TextField(getTranslation("experts.contact"));
        contact.setHelperText(getTranslation("experts.contact.help"));
        var staff = new Checkbox(getTranslation("experts.staff"));
        var binder = new Binder<Form>();
        binder.forField(name).asRequired(getTranslation("experts.error.name")).bind(f -> f.name, (f, v) -> f.name = v);
        binder.forField(kind).asRequired(getTranslation("experts.error.kind")).bind(f -> f.kind, (f, v) -> f.kind = v);
        binder.forField(title).asRequired(getTranslation("experts.error.title")).bind(f -> f.title, (f, v) -> f.title = v);
        binder.forField(organisation).bind(f -> f.organisation, (f, v) -> f.organisation = v);
        binder.forField(languages).bind(f -> f.languages, (f, v) -> f.languages = v);
        binder.forField(contact).bind(f -> f.contact, (f, v) -> f.contact = v);
        binder.forField(staff).bind(f -> f.staff, (f, v) -> f.staff = v);
        var form = new Form();
        binder.readBean(form);
        dialog.add(new FormLayout(name, kind, title, organisation, languages, contact, staff));
        var save = new Button(getTranslation("booking.save"), e -> {
            if (binder.writeBeanIfValid(form)) {
                pool.addExpert(new NewExpert(form.name, form.kind, form.title, form.organisation,
                        form.languages.stream().sorted().toList(), form.contact, form.staff));
                Notification.show(getTranslation("events.saved")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                dialog.close();
                refresh();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("booking.close"), e -> dialog.close()), save);
        dialog.open();
    }

    /** A language's name in the user's language; a code the bundles do not name is shown as it is. */
    private String languageName(String code) {
        var key = "language." + code;
        var name = getTranslation(key);
        return name.isBlank() || name.contains(key) ? code : name;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.centre.experts") + " · " + getTranslation("app.title");
    }
}
