package kz.hotline114.ui.shell;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;

import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What a signed-in user sees for an address that does not exist or is not for their role (Vaadin shows both as
 * "not found", so as not to tell which pages exist): the layout with their own menu, a message in their language,
 * and the way to their first page. The start page ({@code /}) of a role that has no call log (a reporter) is not an
 * error at all: it opens the first page of that role's menu.
 */
@ParentLayout(MainLayout.class)
@PermitAll
public class PageNotAvailable extends VerticalLayout implements HasErrorParameter<NotFoundException>, HasDynamicTitle {

    private final AccessAnnotationChecker access;

    PageNotAvailable(AccessAnnotationChecker access) {
        this.access = access;
        setId("page-not-available");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        var views = MainLayout.menuViews(access);
        if (event.getLocation().getPath().isEmpty() && !views.isEmpty()) {
            event.forwardTo(views.getFirst());
            return HttpServletResponse.SC_OK;
        }
        removeAll();
        var icon = VaadinIcon.SIGN_IN_ALT.create();
        icon.setSize("3em");
        icon.addClassName("muted");
        add(icon, new H2(getTranslation("error.notAvailable.title")),
                new Paragraph(getTranslation("error.notAvailable.text")));
        if (!views.isEmpty()) {
            var home = new RouterLink(getTranslation("error.notAvailable.home"), views.getFirst());
            home.setId("page-not-available-home");
            add(home);
        }
        setAlignItems(Alignment.CENTER);
        return HttpServletResponse.SC_NOT_FOUND;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("error.notAvailable.title") + " · " + getTranslation("app.title");
    }
}
