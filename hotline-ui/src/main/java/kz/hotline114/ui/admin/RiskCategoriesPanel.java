package kz.hotline114.ui.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import kz.hotline114.risk.InvalidRisk;
import kz.hotline114.risk.RiskFlags;
import kz.hotline114.ui.shell.FieldErrors;

/**
 * The administrators' risk categories (issue 19): names in Kazakh and Russian, how soon the caller is called back
 * (hours, for a concern and for an urgent flag), the protocol the specialist works through — one step a line,
 * «қазақша | по-русски» — and whether it is offered. What is wrong is said at its field.
 */
final class RiskCategoriesPanel extends VerticalLayout {

    private final RiskFlags risk;
    final Grid<RiskFlags.Category> categories = new Grid<>();
    final TextField code = new TextField();
    final TextField nameKk = new TextField();
    final TextField nameRu = new TextField();
    final IntegerField hours = new IntegerField();
    final IntegerField hoursUrgent = new IntegerField();
    final Checkbox active = new Checkbox();
    final TextArea protocol = new TextArea();
    final Button save = new Button();

    RiskCategoriesPanel(RiskFlags risk) {
        this.risk = risk;
        setPadding(false);
        categories.addColumn(RiskFlags.Category::code).setHeader(getTranslation("admin.taxonomy.code")).setAutoWidth(true);
        categories.addColumn(c -> c.name(getLocale())).setHeader(getTranslation("admin.risk.name")).setFlexGrow(1);
        categories.addColumn(c -> c.followUpHours() + " / " + c.followUpHoursUrgent())
                .setHeader(getTranslation("admin.risk.hoursBoth")).setAutoWidth(true);
        categories.addColumn(c -> c.protocol().size()).setHeader(getTranslation("admin.risk.steps")).setAutoWidth(true);
        categories.addColumn(c -> getTranslation(c.active() ? "specialists.active.yes" : "specialists.active.no"))
                .setHeader(getTranslation("admin.taxonomy.active")).setAutoWidth(true);
        categories.addThemeVariants(GridVariant.LUMO_COMPACT);
        categories.setHeight("16em");
        categories.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() != null) {
                show(e.getValue());
            }
        });
        code.setLabel(getTranslation("admin.taxonomy.code"));
        code.setHelperText("SUICIDE_SELF_HARM");
        code.setId("risk-category-code");
        nameKk.setLabel(getTranslation("admin.taxonomy.nameKk"));
        nameKk.setWidth("20em");
        nameRu.setLabel(getTranslation("admin.taxonomy.nameRu"));
        nameRu.setWidth("20em");
        hours.setLabel(getTranslation("admin.risk.hours"));
        hours.setValue(48);
        hoursUrgent.setLabel(getTranslation("admin.risk.hoursUrgent"));
        hoursUrgent.setValue(24);
        active.setLabel(getTranslation("admin.taxonomy.active"));
        active.setValue(true);
        protocol.setLabel(getTranslation("admin.risk.protocol"));
        protocol.setHelperText(getTranslation("admin.risk.protocolHelp"));
        protocol.setId("risk-category-protocol");
        protocol.setWidthFull();
        save.setText(getTranslation("case.save"));
        save.setId("risk-category-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        var names = new HorizontalLayout(code, nameKk, nameRu, hours, hoursUrgent, active);
        names.setAlignItems(FlexComponent.Alignment.BASELINE);
        names.setWrap(true);
        add(categories, names, protocol, save);
        categories.setItems(risk.allCategories());
    }

    private void show(RiskFlags.Category c) {
        code.setValue(c.code());
        nameKk.setValue(c.nameKk());
        nameRu.setValue(c.nameRu());
        hours.setValue(c.followUpHours());
        hoursUrgent.setValue(c.followUpHoursUrgent());
        active.setValue(c.active());
        protocol.setValue(String.join("\n", c.protocol().stream().map(s -> s.kk() + " | " + s.ru()).toList()));
    }

    /** One step a line: «қазақша | по-русски». */
    private List<RiskFlags.Step> steps() {
        var steps = new ArrayList<RiskFlags.Step>();
        for (var line : protocol.getValue().split("\n")) {
            if (!line.isBlank()) {
                var parts = line.split("\\|", 2);
                steps.add(new RiskFlags.Step(parts[0].strip(), parts.length > 1 ? parts[1].strip() : ""));
            }
        }
        return steps;
    }

    void save() {
        List<HasValidation> fields = List.of(code, nameKk, nameRu, hours, hoursUrgent, protocol);
        fields.forEach(f -> f.setInvalid(false));
        try {
            risk.saveCategory(new RiskFlags.Category(code.getValue().strip(), nameKk.getValue(), nameRu.getValue(),
                    steps(), hours.getValue() == null ? 0 : hours.getValue(),
                    hoursUrgent.getValue() == null ? 0 : hoursUrgent.getValue(), active.getValue()));
            Notification.show(getTranslation("admin.taxonomy.saved"));
            categories.setItems(risk.allCategories());
        } catch (InvalidRisk e) {
            var byField = Map.<String, HasValidation>of("code", code, "nameKk", nameKk, "nameRu", nameRu,
                    "followUpHours", hours, "followUpHoursUrgent", hoursUrgent, "protocol", protocol);
            FieldErrors.show(this, "risk.error.", e.errors(), byField::get);
        }
    }
}
