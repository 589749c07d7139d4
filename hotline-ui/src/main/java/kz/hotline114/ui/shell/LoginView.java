package kz.hotline114.ui.shell;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import kz.hotline114.pbx.PbxLink;

/** The console's door. */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final LoginForm form = new LoginForm();
    private final LoginI18n i18n = LoginI18n.createDefault();

    LoginView(PbxLink link) {
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        var title = new H1(getTranslation("app.title"));
        title.addClassName("hotline-brand");
        var subtitle = new Span(getTranslation("app.subtitle"));
        subtitle.addClassName("hotline-subtitle");
        var f = new LoginI18n.Form();
        f.setTitle(getTranslation("login.title"));
        f.setUsername(getTranslation("login.username"));
        f.setPassword(getTranslation("login.password"));
        f.setSubmit(getTranslation("login.submit"));
        f.setForgotPassword(getTranslation("login.forgot"));
        i18n.setForm(f);
        var err = new LoginI18n.ErrorMessage();
        err.setTitle(getTranslation("login.error.title"));
        err.setMessage(getTranslation("login.error.message"));
        i18n.setErrorMessage(err);
        form.setI18n(i18n);
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        add(title, subtitle, form);
        if (link.status().demo()) {
            var demo = new Span(getTranslation("pbx.demo"));
            demo.addClassName("demo-badge");
            demo.setTitle(getTranslation("pbx.demo.tooltip"));
            add(new Div(demo));
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters();
        var wait = parameters.getSingleParameter("wait").filter(w -> w.matches("\\d{1,5}"));
        if (wait.isPresent()) {
            var err = new LoginI18n.ErrorMessage();
            err.setTitle(getTranslation("login.error.wait.title"));
            err.setMessage(getTranslation("login.error.wait", (Integer.parseInt(wait.get()) + 59) / 60));
            i18n.setErrorMessage(err);
            form.setI18n(i18n);
        }
        form.setError(parameters.getParameters().containsKey("error"));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.title");
    }
}
