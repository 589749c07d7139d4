package kz.hotline114.ui;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;

/** Browserless UI tests (Karibu-Testing) on the real application context: sign in as a role, open views. */
public abstract class KaribuIT extends UiIT {

    /** Every route of the console, found where the features keep them (as the app's own route scan does). */
    private static final Routes DISCOVERED = new Routes().autoDiscoverViews("kz.hotline114.ui");
    /** The app's own error views, none of Karibu's: a refused or unknown route renders as in the app. */
    private static final Routes ROUTES = new Routes(DISCOVERED.getRoutes(), new java.util.HashSet<>(
            DISCOVERED.getErrorRoutes().stream().filter(r -> r.getName().startsWith("kz.hotline114.")).toList()), true);

    @Autowired
    protected ApplicationContext ctx;

    protected void signIn(String user, String... roles) {
        var authorities = java.util.Arrays.stream(roles).map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList();
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(user, "n/a", authorities));
        mockSpringSecurity();
        MockVaadin.setup(UI::new, new MockSpringServlet(ROUTES, ctx, UI::new));
    }

    /**
     * What Spring Security's servlet filter does for a real request (and Karibu 2.7.2's MockSpringSecurity,
     * not available here): the faked request's user and roles come from the SecurityContextHolder, so
     * Vaadin's route access control sees the signed-in user.
     */
    private static void mockSpringSecurity() {
        MockVaadin.setMockRequestFactory(session -> {
            var request = new FakeRequest(session);
            var auth = SecurityContextHolder.getContext().getAuthentication();
            request.setUserPrincipalInt(auth);
            request.setUserInRole((principal, role) -> auth != null && auth.getAuthorities().stream()
                    .anyMatch(a -> a.getAuthority().equals("ROLE_" + role)));
            return request;
        });
    }

    @AfterEach
    protected void tearDown() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }

    @BeforeEach
    protected void noUser() {
        SecurityContextHolder.clearContext();
    }
}
