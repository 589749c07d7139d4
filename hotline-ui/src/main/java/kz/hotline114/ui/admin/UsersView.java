package kz.hotline114.ui.admin;

import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import kz.hotline114.security.AuditLog;
import kz.hotline114.security.LoginThrottle;
import kz.hotline114.security.Role;
import kz.hotline114.security.Roles;
import kz.hotline114.security.UserAccount;
import kz.hotline114.security.UserAccounts;
import kz.hotline114.shared.HotlineProperties;
import kz.hotline114.ui.shell.Formats;

/** Users and their roles (admins only). */
@Route("admin/users")
@Menu(title = "nav.users", order = 140, icon = "vaadin:users")
@RolesAllowed(Roles.ADMIN)
public class UsersView extends VerticalLayout implements HasDynamicTitle {

    private final UserAccounts users;
    private final LoginThrottle throttle;
    private final AuditLog audit;
    private final ZoneId zone;
    final Grid<UserAccount> grid = new Grid<>();

    UsersView(UserAccounts users, LoginThrottle throttle, AuditLog audit, HotlineProperties props) {
        this.users = users;
        this.throttle = throttle;
        this.audit = audit;
        this.zone = props.zone();
        setSizeFull();
        var add = new Button(getTranslation("users.new"), VaadinIcon.PLUS.create(), e -> edit(null));
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setId("user-new");
        grid.addColumn(UserAccount::username).setHeader(getTranslation("users.username")).setAutoWidth(true);
        grid.addColumn(UserAccount::displayName).setHeader(getTranslation("users.displayName")).setFlexGrow(1);
        grid.addColumn(u -> u.roles().stream().sorted().map(r -> getTranslation("role." + r.name()))
                .reduce((a, b) -> a + ", " + b).orElse("")).setHeader(getTranslation("users.roles")).setFlexGrow(1);
        grid.addColumn(u -> u.enabled() ? "" : getTranslation("users.disabled")).setHeader(getTranslation("users.enabled"))
                .setAutoWidth(true);
        grid.addColumn(u -> heldUntil(u).map(until -> getTranslation("users.held", Formats.TIME.format(until.atZone(zone))))
                .orElse("")).setHeader(getTranslation("users.signIn")).setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addItemClickListener(e -> edit(e.getItem()));
        grid.setItems(users.all());
        add(add, grid);
    }

    private void edit(UserAccount existing) {
        var dialog = new Dialog(getTranslation(existing == null ? "users.new" : "users.edit"));
        var username = new TextField(getTranslation("users.username"));
        var name = new TextField(getTranslation("users.displayName"));
        var roles = new CheckboxGroup<Role>(getTranslation("users.roles"));
        roles.setItems(Role.values());
        roles.setItemLabelGenerator(r -> getTranslation("role." + r.name()));
        var enabled = new Checkbox(getTranslation("users.enabled"), true);
        var password = new PasswordField(getTranslation(existing == null ? "users.password" : "users.newPassword"));
        if (existing != null) {
            username.setValue(existing.username());
            username.setReadOnly(true);
            name.setValue(existing.displayName());
            roles.setValue(existing.roles());
            enabled.setValue(existing.enabled());
        }
        var form = new FormLayout(username, name, roles, enabled, password);
        if (existing != null) {
            heldUntil(existing).ifPresent(until -> form.add(heldNotice(existing, until)));
        }
        var save = new Button(getTranslation("case.save"), e -> {
            try {
                var chosen = roles.getValue().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles.getValue());
                if (existing == null) {
                    users.create(username.getValue().strip(), name.getValue().strip(), password.getValue(), chosen);
                } else {
                    users.update(existing.username(), name.getValue().strip(), chosen, enabled.getValue());
                    if (!password.getValue().isEmpty()) {
                        users.resetPassword(existing.username(), password.getValue());
                    }
                }
                grid.setItems(users.all());
                dialog.close();
                Notification.show(getTranslation("admin.taxonomy.saved"));
            } catch (IllegalArgumentException ex) {
                // "field: message" from the service
                var field = String.valueOf(ex.getMessage()).split(":")[0];
                var key = "username".equals(field) && String.valueOf(ex.getMessage()).contains("already taken")
                        ? "username.taken" : field;
                var target = switch (field) {
                    case "username" -> (HasValidation) username;
                    case "password" -> password;
                    default -> roles;
                };
                target.setErrorMessage(getTranslation("users.error." + key));
                target.setInvalid(true);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(form);
        dialog.getFooter().add(new Button(getTranslation("detail.close"), e -> dialog.close()), save);
        dialog.open();
    }

    private Optional<Instant> heldUntil(UserAccount u) {
        return Optional.ofNullable(throttle.held().get(u.username().toLowerCase(Locale.ROOT)));
    }

    /** A user held back by wrong passwords: how long, and the way to let them try again now. */
    private Div heldNotice(UserAccount u, Instant until) {
        var text = new Span(getTranslation("users.held.detail", Formats.TIME.format(until.atZone(zone))));
        var release = new Button(getTranslation("users.release"), VaadinIcon.UNLOCK.create());
        release.setId("user-release");
        var notice = new Div(text, release);
        notice.addClassName("held-notice");
        release.addClickListener(e -> {
            throttle.release(u.username());
            audit.record("USER_SIGN_IN_RELEASED", u.username(), null);
            notice.setVisible(false);
            grid.getDataProvider().refreshAll();
            Notification.show(getTranslation("users.released", u.username()));
        });
        return notice;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.users") + " · " + getTranslation("app.title");
    }
}
