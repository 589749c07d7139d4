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
import com.vaadin.flow.component.textfield.TextField;

import kz.hotline114.calls.WrapUp;

/** The administrators' list of wrap-up codes (how a call ended), in Kazakh and Russian: add, rename, (de)activate. */
final class WrapUpCodesPanel extends VerticalLayout {

    private final WrapUp wrapUp;
    final Grid<WrapUp.Code> codes = new Grid<>();
    final TextField code = new TextField();
    final TextField nameKk = new TextField();
    final TextField nameRu = new TextField();
    final Checkbox active = new Checkbox();
    final Button save = new Button();

    WrapUpCodesPanel(WrapUp wrapUp) {
        this.wrapUp = wrapUp;
        setPadding(false);
        codes.addColumn(WrapUp.Code::code).setHeader(getTranslation("admin.taxonomy.code")).setAutoWidth(true);
        codes.addColumn(WrapUp.Code::nameKk).setHeader(getTranslation("admin.taxonomy.nameKk")).setFlexGrow(1);
        codes.addColumn(WrapUp.Code::nameRu).setHeader(getTranslation("admin.taxonomy.nameRu")).setFlexGrow(1);
        codes.addColumn(c -> getTranslation(c.active() ? "specialists.active.yes" : "specialists.active.no"))
                .setHeader(getTranslation("admin.taxonomy.active")).setAutoWidth(true);
        codes.addThemeVariants(GridVariant.LUMO_COMPACT);
        codes.setHeight("18em");
        codes.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() != null) {
                code.setValue(e.getValue().code());
                nameKk.setValue(e.getValue().nameKk());
                nameRu.setValue(e.getValue().nameRu());
                active.setValue(e.getValue().active());
            }
        });
        code.setLabel(getTranslation("admin.taxonomy.code"));
        code.setHelperText("CONSULTED");
        code.setId("wrap-up-code");
        nameKk.setLabel(getTranslation("admin.taxonomy.nameKk"));
        nameKk.setId("wrap-up-name-kk");
        nameRu.setLabel(getTranslation("admin.taxonomy.nameRu"));
        nameRu.setId("wrap-up-name-ru");
        active.setLabel(getTranslation("admin.taxonomy.active"));
        active.setValue(true);
        save.setText(getTranslation("case.save"));
        save.setId("wrap-up-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        var form = new HorizontalLayout(code, nameKk, nameRu, active, save);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        add(codes, form);
        codes.setItems(wrapUp.allCodes());
    }

    private void save() {
        code.setInvalid(false);
        nameKk.setInvalid(false);
        nameRu.setInvalid(false);
        try {
            wrapUp.saveCode(code.getValue().strip(), nameKk.getValue(), nameRu.getValue(), active.getValue());
            Notification.show(getTranslation("admin.taxonomy.saved"));
            codes.setItems(wrapUp.allCodes());
        } catch (IllegalArgumentException e) {
            var field = String.valueOf(e.getMessage()).split(":")[0];
            var target = switch (field) {
                case "code" -> code;
                case "nameKk" -> nameKk;
                default -> nameRu;
            };
            target.setErrorMessage(getTranslation(field.equals("code") ? "admin.taxonomy.error.format"
                    : "admin.taxonomy.error.required"));
            target.setInvalid(true);
        }
    }
}
