package kz.hotline114.ui.risk;

import java.util.HashMap;
import java.util.Map;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.shared.Registration;

import kz.hotline114.risk.RiskAcknowledged;
import kz.hotline114.risk.RiskFlagged;
import kz.hotline114.risk.RiskFlags;
import kz.hotline114.risk.RiskOverdue;
import kz.hotline114.ui.shell.HotlineI18n;

/**
 * A supervisor's alerts of callers at risk, on every screen: a flag pops up at once (who, which queue, what risk, how
 * urgent, how long they have been talking) with a sound — three beeps for an urgent one — and stays until a
 * supervisor acknowledges it (then it goes from every supervisor's screen); an overdue follow-up pops up too. The bell
 * counts the flags not yet acknowledged and opens the callers-at-risk list. A supervisor who signs in later sees the
 * ones still waiting.
 */
class RiskAlertBell extends Button {

    /** Beeps through the browser's Web Audio (no file to fetch); counts them in {@code window.hotlineRiskBeeps}. */
    private static final String BEEP = """
            window.hotlineRiskBeeps = (window.hotlineRiskBeeps || 0) + 1;
            try {
              const ctx = new (window.AudioContext || window.webkitAudioContext)();
              for (let i = 0; i < $0; i++) {
                const o = ctx.createOscillator(), g = ctx.createGain(), t = ctx.currentTime + i * 0.35;
                o.frequency.value = 880; o.connect(g); g.connect(ctx.destination);
                g.gain.setValueAtTime(0.25, t); g.gain.setValueAtTime(0, t + 0.2); o.start(t); o.stop(t + 0.25);
              }
            } catch (e) { /* no audio device: the pop-up still shows */ }""";

    private final RiskFlags risk;
    private final RiskAlerts alerts;
    private final HotlineI18n i18n;
    /** At most this many pop-ups at once (the newest): more would cover the screen; the bell counts them all. */
    static final int MAX_CARDS = 3;

    /** Every flag not acknowledged yet, oldest first. */
    final java.util.LinkedHashMap<Long, RiskFlags.Flag> waiting = new java.util.LinkedHashMap<>();
    /** The pop-ups open now, by flag. */
    final Map<Long, Notification> shown = new HashMap<>();
    private Registration registration;

    RiskAlertBell(RiskFlags risk, RiskAlerts alerts, HotlineI18n i18n) {
        this.risk = risk;
        this.alerts = alerts;
        this.i18n = i18n;
        setId("risk-bell");
        setIcon(VaadinIcon.BELL.create());
        addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        setTooltipText(getTranslation("risk.bell"));
        setAriaLabel(getTranslation("risk.bell"));
        addClickListener(e -> getUI().ifPresent(ui -> ui.navigate(RiskView.class)));
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        UI ui = event.getUI();
        registration = alerts.register(e -> ui.access(() -> take(e)));
        risk.unacknowledged().forEach(f -> alert(f, false));
        if (!waiting.isEmpty()) {
            beep(1);
        }
        count();
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (registration != null) {
            registration.remove();
        }
        shown.values().forEach(Notification::close);
        shown.clear();
        waiting.clear();
        super.onDetach(event);
    }

    void take(Object event) {
        switch (event) {
            case RiskFlagged f -> alert(f.flag(), true);
            case RiskAcknowledged a -> {
                waiting.remove(a.flag().id());
                var n = shown.remove(a.flag().id());
                if (n != null) {
                    n.close();
                }
                // the next one waiting without a pop-up gets one (newest first)
                new java.util.ArrayList<>(waiting.values()).reversed().stream()
                        .filter(f -> !shown.containsKey(f.id())).findFirst()
                        .filter(f -> shown.size() < MAX_CARDS).ifPresent(f -> card(f));
            }
            case RiskOverdue o -> overdue(o.flag());
            default -> {
                return;
            }
        }
        count();
    }

    private void count() {
        setText(waiting.isEmpty() ? "" : String.valueOf(waiting.size()));
        if (waiting.isEmpty()) {
            removeThemeVariants(ButtonVariant.LUMO_ERROR);
        } else {
            addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
    }

    private String describe(RiskFlags.Flag f) {
        var category = risk.categories().stream().filter(c -> c.code().equals(f.category())).findFirst()
                .map(c -> c.name(getLocale())).orElse(f.category());
        var talk = f.talkTime(f.flaggedAt());
        return getTranslation("risk.alert", category, getTranslation("risk.level." + f.level().name()),
                f.specialist() == null ? "—" : f.specialist(), f.queue() == null ? "—"
                        : i18n.getOr("queue." + f.queue(), getLocale(), f.queue()),
                String.format("%d:%02d", talk.toMinutes(), talk.toSecondsPart()));
    }

    /** Pops a flag up until it is acknowledged (by me or another supervisor); the oldest pop-up gives way to it. */
    void alert(RiskFlags.Flag f, boolean sound) {
        if (waiting.containsKey(f.id())) {
            return;
        }
        waiting.put(f.id(), f);
        if (shown.size() >= MAX_CARDS) {
            var oldest = waiting.keySet().stream().filter(shown::containsKey).findFirst().orElseThrow();
            shown.remove(oldest).close(); // still waiting: the bell counts it, the list shows it
        }
        card(f);
        if (sound) {
            beep(f.level() == RiskFlags.Level.URGENT ? 3 : 1);
        }
    }

    private void card(RiskFlags.Flag f) {
        var text = new Span(describe(f));
        text.setId("risk-alert-" + f.id());
        var ack = new Button(getTranslation("risk.acknowledge"), e -> {
            var done = risk.acknowledge(f.id());
            take(new RiskAcknowledged(done)); // at once here; the event closes it on the other screens
        });
        ack.setId("risk-ack-" + f.id());
        ack.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        var open = new Button(getTranslation("risk.open"), e -> openList(f.id()));
        open.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY_INLINE);
        var row = new HorizontalLayout(VaadinIcon.WARNING.create(), text, ack, open);
        row.setAlignItems(FlexComponent.Alignment.CENTER);
        var n = new Notification(row);
        n.setDuration(0);
        n.setPosition(Notification.Position.TOP_END);
        n.addThemeVariants(f.level() == RiskFlags.Level.URGENT ? NotificationVariant.LUMO_ERROR
                : NotificationVariant.LUMO_WARNING);
        n.open();
        shown.put(f.id(), n);
    }

    private void overdue(RiskFlags.Flag f) {
        var text = new Span(getTranslation("risk.overdueAlert", describe(f), f.followUpOwner()));
        var open = new Button(getTranslation("risk.open"), e -> openList(f.id()));
        open.addThemeVariants(ButtonVariant.LUMO_SMALL);
        var n = new Notification(new HorizontalLayout(VaadinIcon.CLOCK.create(), text, open));
        n.setDuration(0);
        n.setPosition(Notification.Position.TOP_END);
        n.addThemeVariants(NotificationVariant.LUMO_WARNING);
        var close = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> n.close());
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        close.setAriaLabel(getTranslation("risk.dismiss"));
        ((HorizontalLayout) n.getChildren().findFirst().orElseThrow()).add(close);
        n.open();
        beep(1);
    }

    private void openList(long id) {
        getUI().ifPresent(ui -> ui.navigate(RiskView.class, new RouteParameters("id", String.valueOf(id))));
    }

    private void beep(int times) {
        getUI().ifPresent(ui -> ui.getPage().executeJs(BEEP, times));
    }
}
