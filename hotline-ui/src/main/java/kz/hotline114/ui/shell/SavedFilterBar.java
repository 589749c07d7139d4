package kz.hotline114.ui.shell;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;

import kz.hotline114.preferences.SavedFilters;
import kz.hotline114.preferences.SavedFilters.SavedFilter;

/**
 * A screen's saved filters: pick one to apply it, save the filter shown under a name, remove one. The screen says
 * what its filter is ({@code current}, as {@code key=value} pairs) and how to apply one ({@code apply}); pairs are
 * kept as an URL query string.
 */
public final class SavedFilterBar extends HorizontalLayout {

    private final SavedFilters filters;
    private final String screen;
    private final Supplier<Map<String, String>> current;
    private final Consumer<Map<String, String>> apply;
    final ComboBox<SavedFilter> chosen = new ComboBox<>();
    final Button save = new Button();
    final Button remove = new Button();

    public SavedFilterBar(SavedFilters filters, String screen, Supplier<Map<String, String>> current,
                          Consumer<Map<String, String>> apply) {
        this.filters = filters;
        this.screen = screen;
        this.current = current;
        this.apply = apply;
        setAlignItems(FlexComponent.Alignment.BASELINE);
        setSpacing(false);
        chosen.setLabel(getTranslation("savedFilters.label"));
        chosen.setPlaceholder(getTranslation("savedFilters.placeholder"));
        chosen.setItemLabelGenerator(SavedFilter::name);
        chosen.setClearButtonVisible(true);
        chosen.setId("saved-filter-" + screen);
        chosen.addValueChangeListener(e -> {
            remove.setEnabled(e.getValue() != null);
            if (e.getValue() != null && e.isFromClient()) {
                apply.accept(parse(e.getValue().query()));
            }
        });
        save.setIcon(VaadinIcon.BOOKMARK.create());
        save.setTooltipText(getTranslation("savedFilters.save"));
        save.setAriaLabel(getTranslation("savedFilters.save"));
        save.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        save.setId("saved-filter-save-" + screen);
        save.addClickListener(e -> askName());
        remove.setIcon(VaadinIcon.TRASH.create());
        remove.setTooltipText(getTranslation("savedFilters.remove"));
        remove.setAriaLabel(getTranslation("savedFilters.remove"));
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        remove.setEnabled(false);
        remove.setId("saved-filter-remove-" + screen);
        remove.addClickListener(e -> {
            if (chosen.getValue() != null) {
                filters.remove(chosen.getValue().id());
                chosen.clear();
                reload();
            }
        });
        add(chosen, save, remove);
        reload();
    }

    /** Applies a saved filter as if the user had picked it (the same as picking it in the list). */
    public void choose(String name) {
        filters.mine(screen).stream().filter(f -> f.name().equals(name)).findFirst().ifPresent(f -> {
            chosen.setValue(f);
            apply.accept(parse(f.query()));
        });
    }

    private void reload() {
        chosen.setItems(filters.mine(screen));
    }

    private void askName() {
        var dialog = new Dialog(getTranslation("savedFilters.save"));
        var name = new TextField(getTranslation("savedFilters.name"));
        name.setId("saved-filter-name");
        name.setMaxLength(60);
        name.setHelperText(getTranslation("savedFilters.name.help"));
        if (chosen.getValue() != null) {
            name.setValue(chosen.getValue().name());
        }
        var ok = new Button(getTranslation("savedFilters.save"), e -> {
            try {
                var saved = filters.save(screen, name.getValue(), format(current.get()));
                reload();
                chosen.setValue(saved);
                dialog.close();
                Notification.show(getTranslation("savedFilters.saved", saved.name()))
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (IllegalArgumentException ex) {
                var code = String.valueOf(ex.getMessage()).replaceAll("^\\w+: ", "");
                name.setErrorMessage(getTranslation("savedFilters.error." + code));
                name.setInvalid(true);
            }
        });
        ok.setId("saved-filter-ok");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(name);
        dialog.getFooter().add(new Button(getTranslation("detail.close"), e -> dialog.close()), ok);
        dialog.open();
        name.focus();
    }

    static String format(Map<String, String> pairs) {
        var sb = new StringBuilder();
        pairs.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                sb.append(sb.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        });
        return sb.toString();
    }

    static Map<String, String> parse(String query) {
        var pairs = new LinkedHashMap<String, String>();
        for (var pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                pairs.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return pairs;
    }
}
