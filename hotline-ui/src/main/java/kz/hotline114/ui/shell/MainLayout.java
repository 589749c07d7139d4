package kz.hotline114.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.spring.security.AuthenticationContext;

import jakarta.annotation.security.PermitAll;
import kz.hotline114.pbx.PbxLink;

import java.util.Locale;

/** The frame around every view: brand, PBX link state (and the demo PBX label), language, navigation, sign-out. */
@Layout
@PermitAll
class MainLayout extends AppLayout {

    private final PbxLink link;
    private final Span pbxState = new Span();
    private Thread poller;

    MainLayout(PbxLink link, AuthenticationContext auth) {
        this.link = link;
        var brand = new Span(getTranslation("app.title"));
        brand.addClassName("hotline-brand");

        var header = new HorizontalLayout(new DrawerToggle(), brand);
        header.setAlignItems(FlexComponent.Alignment.CENTER);
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
        language.setWidth("9em");
        language.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                LanguageSelection.remember(e.getValue());
                UI.getCurrent().getSession().setLocale(e.getValue());
                UI.getCurrent().getPage().reload();
            }
        });
        var user = new Span(auth.getPrincipalName().orElse(""));
        user.addClassName("muted");
        var logout = new Button(getTranslation("logout"), VaadinIcon.SIGN_OUT.create(), e -> auth.logout());
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        logout.setId("logout");
        header.add(language, user, logout);
        addToNavbar(header);

        var nav = new SideNav();
        if (auth.hasAnyRole("SPECIALIST", "SUPERVISOR", "ADMIN")) {
            nav.addItem(new SideNavItem(getTranslation("desk.title"), DeskView.class, VaadinIcon.HEADSET.create()));
        }
        if (auth.hasAnyRole("SUPERVISOR", "ADMIN")) {
            nav.addItem(new SideNavItem(getTranslation("nav.dashboard"), DashboardView.class, VaadinIcon.DASHBOARD.create()));
        }
        if (auth.hasAnyRole("OPERATOR", "SPECIALIST", "SUPERVISOR", "ADMIN")) {
            nav.addItem(new SideNavItem(getTranslation("nav.calls"), CallLogView.class, VaadinIcon.PHONE.create()));
            nav.addItem(new SideNavItem(getTranslation("nav.cases"), CasesView.class, VaadinIcon.FOLDER_OPEN.create()));
        }
        if (auth.hasAnyRole("SUPERVISOR", "ADMIN")) {
            nav.addItem(new SideNavItem(getTranslation("specialists.title"), SpecialistsView.class,
                    VaadinIcon.USER_CLOCK.create()));
        }
        // the psychological-help centre: booking screens for staff, events and figures for reporters too
        if (auth.hasAnyRole("OPERATOR", "SPECIALIST", "SUPERVISOR", "ADMIN")) {
            nav.addItem(new SideNavItem(getTranslation("nav.centre.week"), CentreWeekView.class,
                    VaadinIcon.CALENDAR.create()));
            nav.addItem(new SideNavItem(getTranslation("nav.centre.day"), ReceptionDayView.class,
                    VaadinIcon.CLIPBOARD_USER.create()));
            nav.addItem(new SideNavItem(getTranslation("nav.centre.schedule"), CentreScheduleView.class,
                    VaadinIcon.CALENDAR_CLOCK.create()));
        }
        nav.addItem(new SideNavItem(getTranslation("nav.centre.experts"), ExpertPoolView.class,
                VaadinIcon.ACADEMY_CAP.create()));
        nav.addItem(new SideNavItem(getTranslation("nav.centre.events"), CentreEventsView.class,
                VaadinIcon.GROUP.create()));
        nav.addItem(new SideNavItem(getTranslation("nav.centre.figures"), CentreFiguresView.class,
                VaadinIcon.BAR_CHART.create()));
        if (auth.hasAnyRole("REPORTER", "SUPERVISOR", "ADMIN")) {
            nav.addItem(new SideNavItem(getTranslation("nav.reports"), ReportsView.class, VaadinIcon.FILE_TEXT.create()));
        }
        if (auth.hasRole("ADMIN")) {
            nav.addItem(new SideNavItem(getTranslation("nav.admin"), AdminView.class, VaadinIcon.COG.create()));
            nav.addItem(new SideNavItem(getTranslation("nav.users"), UsersView.class, VaadinIcon.USERS.create()));
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
            } catch (InterruptedException | com.vaadin.flow.component.UIDetachedException e) {
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
