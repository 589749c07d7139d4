package kz.hotline114.ui.shell;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteData;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import com.vaadin.flow.spring.security.AuthenticationContext;

import jakarta.annotation.security.PermitAll;

import kz.hotline114.pbx.PbxLink;

/** The frame around every view: brand, PBX link state (and the demo PBX label), language, navigation, sign-out. */
@Layout
@PermitAll
class MainLayout extends AppLayout {

    private final PbxLink link;
    private final Span pbxState = new Span();
    private Thread poller;

    /** The routes with {@code @Menu} the current user may open, in their declared order. */
    static List<Class<? extends Component>> menuViews(AccessAnnotationChecker access) {
        return RouteConfiguration.forApplicationScope().getAvailableRoutes().stream()
                .<Class<? extends Component>>map(RouteData::getNavigationTarget)
                .filter(view -> view.isAnnotationPresent(Menu.class) && access.hasAccess(view))
                .distinct()
                .sorted(Comparator.comparingDouble(view -> view.getAnnotation(Menu.class).order()))
                .toList();
    }

    MainLayout(PbxLink link, AuthenticationContext auth, AccessAnnotationChecker access,
               List<FrameExtension> extensions) {
        this.link = link;
        var brand = new Span(getTranslation("app.title"));
        brand.addClassName("hotline-brand");

        var header = new HorizontalLayout(new DrawerToggle(), brand);
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.addClassName("hotline-header");
        header.setWidthFull();
        header.setPadding(true);
        if (link.status().demo()) {
            var demo = new Span(getTranslation("pbx.demo"));
            demo.addClassName("demo-badge");
            demo.setTitle(getTranslation("pbx.demo.tooltip"));
            demo.setId("demo-pbx-badge");
            header.add(demo);
        }
        pbxState.addClassName("pbx-state");
        pbxState.setId("pbx-state");
        header.add(pbxState);
        var spacer = new Div();
        header.add(spacer);
        header.setFlexGrow(1, spacer);

        var language = new Select<Locale>();
        language.setItems(HotlineI18n.KAZAKH, HotlineI18n.RUSSIAN);
        language.setItemLabelGenerator(l -> getTranslation("lang." + l.getLanguage()));
        language.setValue(HotlineI18n.RUSSIAN.getLanguage().equals(getLocale().getLanguage())
                ? HotlineI18n.RUSSIAN : HotlineI18n.KAZAKH);
        language.setAriaLabel(getTranslation("lang"));
        language.addClassName("header-language");
        language.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                LanguageSelection.remember(e.getValue());
                UI.getCurrent().getSession().setLocale(e.getValue());
                UI.getCurrent().getPage().reload();
            }
        });
        var user = new Span(auth.getPrincipalName().orElse(""));
        user.addClassNames("muted", "header-user");
        var logout = new Button(getTranslation("logout"), VaadinIcon.SIGN_OUT.create(), e -> auth.logout());
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        logout.setId("logout");
        logout.addClassName("header-logout");
        logout.setTooltipText(getTranslation("logout"));
        for (var extension : extensions) {
            var part = extension.create();
            if (part != null) {
                header.add(part);
            }
        }
        header.add(language, user, logout);
        addToNavbar(header);

        // the views declare their place in the menu (@Menu) and who may open them (@RolesAllowed): the menu lists
        // the routes with @Menu the signed-in user may open, in their declared order, so it cannot disagree with access
        var nav = new SideNav();
        for (var view : menuViews(access)) {
            var menu = view.getAnnotation(Menu.class);
            var item = new SideNavItem(getTranslation(menu.title()), view);
            if (menu.icon().contains(":")) {
                var icon = menu.icon().split(":", 2);
                item.setPrefixComponent(new Icon(icon[0], icon[1]));
            }
            nav.addItem(item);
        }
        addToDrawer(nav);
        refreshState();
    }

    private void refreshState() {
        var s = link.status();
        pbxState.setText(getTranslation("pbx." + s.state().name()));
        pbxState.setClassName("pbx-state " + (s.state().name().equals("CONNECTED") ? "up" : "down"));
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        var ui = event.getUI();
        poller = Thread.ofVirtual().start(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(3_000);
                    ui.access(this::refreshState);
                }
            } catch (InterruptedException | UIDetachedException e) {
                // view closed
            }
        });
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (poller != null) {
            poller.interrupt();
        }
        super.onDetach(event);
    }
}
