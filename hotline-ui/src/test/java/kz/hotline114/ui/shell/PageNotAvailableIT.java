package kz.hotline114.ui.shell;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;

import kz.hotline114.security.Roles;
import kz.hotline114.ui.KaribuIT;
import kz.hotline114.ui.calls.CallLogView;
import kz.hotline114.ui.reports.ReportsView;

/**
 * A reporter used to land after sign-in on a blank page reading "Could not navigate to ''", without the menu; any
 * page not for one's role showed the same English text. Now the start page opens the role's first page and a page
 * not for the role says so in the user's language, in the layout, with the way back.
 */
class PageNotAvailableIT extends KaribuIT {

    @Test
    void a_reporter_signing_in_lands_on_the_first_page_of_their_menu_not_a_blank_one() {
        signIn("pna-reporter", Roles.REPORTER);
        UI.getCurrent().navigate("");
        var first = MainLayout.menuViews(ctx.getBean(AccessAnnotationChecker.class))
                .getFirst();
        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain().getFirst()).isInstanceOf(first);
    }

    @Test
    void an_operator_still_starts_at_the_call_log() {
        signIn("pna-operator", Roles.OPERATOR);
        UI.getCurrent().navigate("");
        _get(CallLogView.class);
    }

    @Test
    void a_page_not_for_the_role_says_so_in_kazakh_inside_the_layout_with_the_way_home() {
        signIn("pna-operator", Roles.OPERATOR);
        UI.getCurrent().navigate(ReportsView.class);
        var page = _get(PageNotAvailable.class);
        assertThat(page.getElement().getText()).doesNotContain("Could not navigate");
        assertThat(_get(H2.class, s -> s.withText("Бұл бет жоқ немесе сізге ашық емес")).isVisible()).isTrue();
        assertThat(_get(RouterLink.class, s -> s.withId("page-not-available-home")).getText()).isEqualTo("Басты бетке оралу");
        _get(MainLayout.class);

        UI.getCurrent().navigate("no/such/page");
        _get(PageNotAvailable.class);
    }
}
