package kz.hotline114.ui.admin;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;

import kz.hotline114.security.LoginThrottle;
import kz.hotline114.security.Role;
import kz.hotline114.security.Roles;
import kz.hotline114.security.UserAccount;
import kz.hotline114.security.UserAccounts;
import kz.hotline114.ui.KaribuIT;

/**
 * The users list as an administrator uses it on day one: a user held back by wrong passwords shows as such, with
 * the way to let them in now; a login already taken says so (it used to repeat the format rule); the built-in
 * administrator is named in Kazakh.
 */
class UsersViewIT extends KaribuIT {

    @Autowired
    UserAccounts users;
    @Autowired
    LoginThrottle throttle;

    private int rowOf(UsersView view, String username) {
        for (int i = 0; i < GridKt._size(view.grid); i++) {
            if (GridKt._get(view.grid, i).username().equals(username)) {
                return i;
            }
        }
        throw new AssertionError(username + " not listed");
    }

    @Test
    void a_user_held_back_by_wrong_passwords_is_shown_and_an_administrator_lets_them_in() {
        if (users.find("uv-held").isEmpty()) {
            signIn("admin", Roles.ADMIN);
            users.create("uv-held", "Дана Сәкенқызы", "Strong-pass-2026", EnumSet.of(Role.OPERATOR));
        }
        for (int i = 0; i < 6; i++) {
            throttle.failed("uv-held", "203.0.113.44");
        }
        signIn("admin", Roles.ADMIN);
        UI.getCurrent().navigate(UsersView.class);
        var view = _get(UsersView.class);
        int row = rowOf(view, "uv-held");
        assertThat(GridKt._getFormattedRow(view.grid, row)).anySatisfy(c -> assertThat(c).contains("дейін тоқтатылған"));

        GridKt._clickItem(view.grid, row);
        assertThat(_find(Span.class)).anySatisfy(span -> assertThat(span.getText()).contains("кіруі")
                .contains("дейін тоқтатылған"));
        _click(_get(Button.class, s -> s.withId("user-release")));
        assertThat(throttle.wait("uv-held", "203.0.113.44")).isEmpty();
        assertThat(GridKt._getFormattedRow(view.grid, rowOf(view, "uv-held")))
                .noneSatisfy(c -> assertThat(c).contains("тоқтатылған"));
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'USER_SIGN_IN_RELEASED'"
                + " and subject = 'uv-held'", Long.class)).isPositive();
    }

    @Test
    void a_login_already_taken_says_so_and_the_built_in_administrator_is_named_in_kazakh() {
        signIn("admin", Roles.ADMIN);
        UI.getCurrent().navigate(UsersView.class);
        var view = _get(UsersView.class);
        assertThat(users.find("admin").map(UserAccount::displayName)).contains("Әкімші");

        _click(_get(Button.class, s -> s.withId("user-new")));
        _get(TextField.class, s -> s.withLabel("Логин")).setValue("admin");
        _get(PasswordField.class).setValue("Strong-pass-2026");
        @SuppressWarnings("unchecked")
        CheckboxGroup<Role> roles = _get(CheckboxGroup.class);
        roles.setValue(java.util.Set.of(Role.OPERATOR));
        _click(_find(Button.class, s -> s.withText("Сақтау")).getLast());
        var login = _get(TextField.class, s -> s.withLabel("Логин"));
        assertThat(login.isInvalid()).isTrue();
        assertThat(login.getErrorMessage()).isEqualTo("Бұл логин бос емес: басқа логин таңдаңыз");
        assertThat(view.grid).isNotNull();
    }
}
