package kz.hotline114.ui;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;

import jakarta.annotation.security.RolesAllowed;
import kz.hotline114.live.LiveModel;
import kz.hotline114.live.LiveSnapshot;
import kz.hotline114.pbx.PbxCommandFailed;
import kz.hotline114.routing.Desk;
import kz.hotline114.routing.Specialist;
import kz.hotline114.routing.SpecialistDirectory;
import kz.hotline114.security.CurrentUser;

/**
 * The specialist's desk: my phone's state in each of my queues, as the PBX reports it, and
 * available / paused with a reason (sent as QueuePause for my phone).
 */
@Route("desk")
@RolesAllowed({"SPECIALIST", "SUPERVISOR", "ADMIN"})
class DeskView extends VerticalLayout implements HasDynamicTitle {

    private final LiveModel live;
    private final LiveUpdates updates;
    private final @Nullable Specialist me;
    private final VerticalLayout state = new VerticalLayout();
    private @Nullable Registration registration;

    DeskView(SpecialistDirectory directory, Desk desk, LiveModel live, LiveUpdates updates) {
        this.live = live;
        this.updates = updates;
        this.me = directory.ofUser(CurrentUser.name()).orElse(null);
        add(new H2(getTranslation("desk.title")));
        if (me == null) {
            var none = new Span(getTranslation("desk.noPhone"));
            none.setId("desk-no-phone");
            add(none);
            return;
        }
        add(new Span(getTranslation("desk.phone", me.displayName(), me.iface())));
        var buttons = new HorizontalLayout();
        var available = new Button(getTranslation("desk.available"), e -> send(desk, null));
        available.addThemeVariants(ButtonVariant.LUMO_SUCCESS, ButtonVariant.LUMO_PRIMARY);
        available.setId("desk-available");
        buttons.add(available);
        for (var reason : Desk.PauseReason.values()) {
            var b = new Button(getTranslation("desk.pause." + reason.name()), e -> send(desk, reason));
            b.setId("desk-pause-" + reason.name().toLowerCase());
            buttons.add(b);
        }
        state.setPadding(false);
        state.setId("desk-state");
        add(buttons, state);
        show(live.snapshot());
    }

    private void send(Desk desk, Desk.@Nullable PauseReason reason) {
        try {
            desk.pause(reason);
        } catch (PbxCommandFailed e) {
            Notification.show(getTranslation("desk.pbxError", e.getMessage()))
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private void show(LiveSnapshot snapshot) {
        state.removeAll();
        if (me == null) {
            return;
        }
        for (var q : snapshot.queues()) {
            q.members().stream().filter(m -> m.iface().equals(me.iface())).findFirst().ifPresent(m -> {
                var text = getTranslation("queue." + q.name()) + ": " + getTranslation("member." + m.status().name())
                        + (m.paused() ? " · " + getTranslation("desk.paused") + (m.pausedReason() == null ? ""
                        : " (" + m.pausedReason() + ")") : "");
                state.add(new Span(text));
            });
        }
        if (state.getComponentCount() == 0) {
            state.add(new Span(getTranslation("desk.notInQueues")));
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        var ui = event.getUI();
        registration = updates.register(snapshot -> ui.access(() -> show(snapshot)));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (registration != null) {
            registration.remove();
        }
        super.onDetach(event);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("desk.title") + " · " + getTranslation("app.title");
    }
}
