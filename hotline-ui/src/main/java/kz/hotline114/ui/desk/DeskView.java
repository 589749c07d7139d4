package kz.hotline114.ui.desk;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.shared.Registration;

import jakarta.annotation.security.RolesAllowed;

import kz.hotline114.calls.CallLog;
import kz.hotline114.calls.IvrMenu;
import kz.hotline114.calls.WrapUp;
import kz.hotline114.cases.Cases;
import kz.hotline114.live.LiveModel;
import kz.hotline114.live.LiveSnapshot;
import kz.hotline114.pbx.PbxCommandFailed;
import kz.hotline114.pbx.PbxLink;
import kz.hotline114.risk.RiskFlags;
import kz.hotline114.routing.Callback;
import kz.hotline114.routing.Callbacks;
import kz.hotline114.routing.Desk;
import kz.hotline114.routing.Specialist;
import kz.hotline114.routing.SpecialistDirectory;
import kz.hotline114.security.CurrentUser;
import kz.hotline114.security.Role;
import kz.hotline114.security.Roles;
import kz.hotline114.shared.HotlineProperties;
import kz.hotline114.ui.dashboard.LiveUpdates;
import kz.hotline114.ui.shell.Formats;
import kz.hotline114.ui.shell.HotlineI18n;

/**
 * The specialist's desk: my phone's state in each of my queues, as the PBX reports it;
 * available / paused with a reason (sent as QueuePause for my phone); the screen-pop of the queue
 * call on my phone; my open callbacks.
 */
@Route("desk")
@Menu(title = "desk.title", order = 10, icon = "vaadin:headset")
@RolesAllowed({Roles.SPECIALIST, Roles.SUPERVISOR, Roles.ADMIN})
public class DeskView extends VerticalLayout implements HasDynamicTitle {

    private static final DateTimeFormatter TIME = Formats.DATE_TIME;

    private final LiveModel live;
    private final LiveUpdates updates;
    private final @Nullable Specialist me;
    private final VerticalLayout state = new VerticalLayout();
    private final Callbacks callbacks;
    private final HotlineProperties props;
    private final Grid<Callback> open = new Grid<>();
    private @Nullable ScreenPop pop;
    private @Nullable DeskCasePanel casePanel;
    private List<Callback> shownCallbacks = List.of();
    private @Nullable Registration registration;

    private final Clock clock;

    DeskView(SpecialistDirectory directory, Desk desk, LiveModel live, LiveUpdates updates, CallLog callLog,
             Callbacks callbacks, PbxLink link, HotlineProperties props, HotlineI18n i18n, Clock clock,
             IvrMenu menu, Cases cases, WrapUp wrapUp, RiskFlags risk) {
        this.clock = clock;
        this.live = live;
        this.updates = updates;
        this.callbacks = callbacks;
        this.props = props;
        this.me = directory.ofUser(CurrentUser.name()).orElse(null);
        add(new H2(getTranslation("desk.title")));
        if (me == null) {
            var none = new Span(getTranslation("desk.noPhone"));
            none.setId("desk-no-phone");
            add(none);
            if (CurrentUser.has(Role.SUPERVISOR) || CurrentUser.has(Role.ADMIN)) {
                // the one who would be asked can do it: the phone is linked to a user on the specialists screen
                var specialists = new RouterLink(getTranslation("desk.linkPhone"), SpecialistsView.class);
                specialists.setId("desk-link-phone");
                add(specialists);
            }
            return;
        }
        // a desk phone by its extension (PJSIP/201 → 201), another kind of member (a mobile on the rota) as it is
        add(new Span(getTranslation("desk.phone", me.displayName(), me.iface().replaceFirst("^PJSIP/(\\d+)$", "$1"))));
        var buttons = new HorizontalLayout();
        buttons.setWrap(true); // a phone's width: the pause reasons go on the next line, not off-screen
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
        casePanel = new DeskCasePanel(cases, callLog, props, me);
        // the PBX the specialist's phone is on (several PBXs); the first PBX's until the live state has seen the phone
        var pbxId = live.pbxOf(me.iface()).orElse(link.status().pbxId());
        pop = new ScreenPop(callLog, desk, callbacks, props, i18n, pbxId, this::refreshCallbacks,
                clock, menu.queues(), casePanel::open, wrapUp, risk);
        var work = new VerticalLayout(buttons, state, pop);
        work.setPadding(false);
        var columns = new HorizontalLayout(work, casePanel);
        columns.setWidthFull();
        columns.setFlexGrow(1, work);
        columns.setWrap(true);
        add(columns);

        var title = new H3(getTranslation("desk.callbacks"));
        configureCallbacks();
        add(title, open);
        show(live.snapshot());
        refreshCallbacks();
    }

    /** My callbacks: when, whom, why, how it went (a failure in words, the PBX's own in the tooltip), dial/cancel. */
    private void configureCallbacks() {
        open.setId("desk-callbacks");
        open.addColumn(c -> TIME.format(c.dueAt().atZone(props.zone()))).setHeader(getTranslation("desk.callback.due"));
        open.addColumn(c -> c.maskedNumber() == null ? "" : c.maskedNumber()).setHeader(getTranslation("calls.col.caller"));
        open.addColumn(c -> c.note() == null ? "" : c.note()).setHeader(getTranslation("desk.callback.note")).setFlexGrow(3);
        open.addComponentColumn(c -> {
            var status = new Span(getTranslation("callback." + c.status().name()) + (c.failure() == null ? ""
                    : " · " + getTranslation(c.status() == Callback.Status.FAILED ? "desk.callback.failedWhy"
                    : "desk.callback.notReachedWhy")));
            if (c.failure() != null) {
                status.setTitle(c.failure()); // the PBX's own words, for whoever asks the administrator
            }
            return status;
        }).setKey("status").setHeader(getTranslation("calls.col.outcome")).setAutoWidth(true);
        open.addComponentColumn(c -> {
            var row = new HorizontalLayout();
            if (c.status() != Callback.Status.DIALLING) {
                var dial = new Button(getTranslation("desk.callback.dial"), e -> dial(c));
                dial.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
                dial.setId("desk-callback-dial-" + c.id());
                row.add(dial);
            }
            if (c.status() != Callback.Status.DIALLING) {
                var cancel = new Button(getTranslation("desk.callback.cancelIt"), e -> {
                    callbacks.cancel(c.id());
                    refreshCallbacks();
                });
                cancel.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                row.add(cancel);
            }
            return row;
        }).setKey("actions").setAutoWidth(true);
        open.setAllRowsVisible(true);
        open.setEmptyStateText(getTranslation("desk.callbacks.empty"));
    }

    private void dial(Callback c) {
        try {
            callbacks.dialNow(c.id());
            Notification.show(getTranslation("desk.callback.dialling"));
        } catch (RuntimeException e) {
            Notification.show(getTranslation("desk.pbxError", e.getMessage())).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        refreshCallbacks();
    }

    private void refreshCallbacks() {
        shownCallbacks = callbacks.open();
        open.setItems(shownCallbacks);
    }

    /** The callback my phone is making now, if the list shows one being dialled (then it is read afresh). */
    private @Nullable Callback diallingNow() {
        if (me == null || shownCallbacks.stream().noneMatch(c -> c.status() == Callback.Status.DIALLING)) {
            return null;
        }
        refreshCallbacks();
        return shownCallbacks.stream().filter(c -> c.status() == Callback.Status.DIALLING
                && me.iface().equals(c.assignee())).findFirst().orElse(null);
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
        if (pop != null) {
            var before = pop.linkedid();
            var onPhone = snapshot.callOn(me.iface()).orElse(null);
            var call = onPhone == null ? null
                    : snapshot.calls().stream().filter(c -> c.linkedid().equals(onPhone.linkedid())).findFirst().orElse(null);
            var callback = onPhone == null ? diallingNow() : null;
            if (callback != null) {
                pop.showCallback(callback);
            } else {
                pop.show(onPhone, call);
            }
            if (before != null && !before.equals(pop.linkedid()) || onPhone == null && before != null) {
                refreshCallbacks();
            }
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
