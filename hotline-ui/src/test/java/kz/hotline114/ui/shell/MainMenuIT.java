package kz.hotline114.ui.shell;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import com.vaadin.flow.spring.security.AuthenticationContext;

import kz.hotline114.ui.KaribuIT;
import kz.hotline114.ui.centre.ExpertPoolView;

/**
 * The side menu comes from the views' own {@code @Menu} and {@code @RolesAllowed}: each role sees exactly the
 * screens it may open, in the order the views declare (the same menu the layout used to list by hand).
 */
class MainMenuIT extends KaribuIT {

    static List<Arguments> roles() {
        var centreStaff = List.of("nav.centre.week", "nav.centre.day", "nav.centre.schedule");
        var centreAll = List.of("nav.centre.experts", "nav.centre.events", "nav.centre.figures");
        return List.of(
                Arguments.of("OPERATOR", join(List.of("nav.calls", "unreturned.title", "nav.cases"), centreStaff, centreAll)),
                Arguments.of("SPECIALIST", join(List.of("desk.title", "nav.calls", "nav.cases"), centreStaff, centreAll,
                        List.of("quality.menu"))),
                Arguments.of("SUPERVISOR", join(List.of("desk.title", "nav.dashboard", "risk.menu", "nav.calls", "unreturned.title",
                        "misdialers.title", "nav.cases",
                        "specialists.title"), centreStaff, centreAll, List.of("quality.menu", "nav.reports", "budget.menu"))),
                Arguments.of("REPORTER", join(centreAll, List.of("nav.reports", "budget.menu"))),
                Arguments.of("ADMIN", join(List.of("desk.title", "nav.dashboard", "risk.menu", "nav.calls", "unreturned.title",
                        "misdialers.title", "nav.cases",
                        "specialists.title"), centreStaff, centreAll, List.of("quality.menu", "nav.reports", "budget.menu",
                        "nav.admin", "nav.users"))),
                Arguments.of("EVALUATOR", List.of("quality.menu")));
    }

    @SafeVarargs
    private static List<String> join(List<String>... parts) {
        return java.util.Arrays.stream(parts).flatMap(List::stream).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("roles")
    void each_role_sees_the_screens_it_may_open_in_the_declared_order(String role, List<String> keys) {
        signIn("menu-" + role.toLowerCase(java.util.Locale.ROOT), role);
        // every role but the outside evaluator may open the expert pool; the evaluator, its own screen
        if (role.equals("EVALUATOR")) {
            UI.getCurrent().navigate(kz.hotline114.ui.quality.EvaluationsView.class);
        } else {
            UI.getCurrent().navigate(ExpertPoolView.class);
        }
        // the layout as the app builds it around every view (Karibu's routes do not apply @Layout)
        var layout = new MainLayout(link, ctx.getBean(AuthenticationContext.class),
                ctx.getBean(AccessAnnotationChecker.class), List.copyOf(ctx.getBeansOfType(FrameExtension.class).values()));
        UI.getCurrent().add(layout);

        var i18n = new HotlineI18n();
        var kazakh = keys.stream().map(k -> i18n.getTranslation(k, HotlineI18n.KAZAKH)).toList();
        var items = _find(layout, SideNavItem.class);
        assertThat(items).extracting(SideNavItem::getLabel).containsExactlyElementsOf(kazakh);
        assertThat(items).allSatisfy(item -> assertThat(item.getPrefixComponent()).isNotNull());
    }
}
