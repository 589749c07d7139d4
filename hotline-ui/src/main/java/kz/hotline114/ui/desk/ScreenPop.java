package kz.hotline114.ui.desk;

import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.BiConsumer;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;

import kz.hotline114.calls.Call;
import kz.hotline114.calls.CallKey;
import kz.hotline114.calls.CallLog;
import kz.hotline114.calls.WrapUp;
import kz.hotline114.live.AgentCall;
import kz.hotline114.live.LiveCall;
import kz.hotline114.risk.RiskFlags;
import kz.hotline114.routing.Callback;
import kz.hotline114.routing.Callbacks;
import kz.hotline114.routing.Desk;
import kz.hotline114.security.CurrentUser;
import kz.hotline114.shared.HotlineProperties;
import kz.hotline114.ui.calls.CallbackDialog;
import kz.hotline114.ui.shell.Formats;
import kz.hotline114.ui.shell.HotlineI18n;

/**
 * The screen-pop: the queue call on my phone — who (masked by role), from where, what they chose,
 * which queue and how long they waited, their earlier calls — and what I do with it: a note saved
 * on the call, a case, a transfer to another kind of specialist, a callback. It stays after the
 * call ends (after-call work) until dismissed or the next call rings.
 */
class ScreenPop extends VerticalLayout {

    private static final DateTimeFormatter TIME = Formats.DATE_TIME;
    private static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("HH:mm:ss");
    /** Hold is the phone's own key (AMI has no hold action): the pop says so and shows the hold the PBX reports. */
    private final Span holdHint = new Span();
    private final List<String> queues;

    private final CallLog callLog;
    private final Desk desk;
    private final Callbacks callbacks;
    private final HotlineProperties props;
    private final HotlineI18n i18n;
    private final String pbxId;
    private final Runnable onChange;
    private final H3 heading = new H3();
    private final Div facts = new Div();
    private final Grid<Call> earlier = new Grid<>();
    private final TextArea note = new TextArea();
    private final Select<String> transferTo = new Select<>();
    private final Button transfer = new Button();
    private final Button dismiss = new Button();
    private final Button hangUp = new Button();
    private @Nullable String linkedid;

    private final Clock clock;

    private final BiConsumer<CallKey, String> onOpenCase;
    private final WrapUp wrapUp;
    final Select<WrapUp.Code> wrapUpCode = new Select<>();
    final Button wrapUpSave = new Button();
    private final HorizontalLayout wrapUpRow;
    final ColleagueTransfer colleagues;
    final RiskFlagPanel riskPanel;
    /** That a supervisor listens, whispers or has joined (the specialist must know). */
    final Span supervised = new Span();

    ScreenPop(CallLog callLog, Desk desk, Callbacks callbacks, HotlineProperties props, HotlineI18n i18n, String pbxId,
              Runnable onChange, Clock clock, List<String> queues, BiConsumer<CallKey, String> onOpenCase,
              WrapUp wrapUp, RiskFlags risk) {
        this.riskPanel = new RiskFlagPanel(risk, pbxId);
        this.clock = clock;
        this.wrapUp = wrapUp;
        this.onOpenCase = onOpenCase;
        this.queues = queues;
        this.callLog = callLog;
        this.desk = desk;
        this.callbacks = callbacks;
        this.props = props;
        this.i18n = i18n;
        this.pbxId = pbxId;
        this.onChange = onChange;
        setId("desk-pop");
        addClassName("screen-pop");
        getStyle().set("border", "2px solid var(--lumo-primary-color)").set("border-radius", "var(--lumo-border-radius-l)");
        setVisible(false);
        heading.setId("desk-pop-heading");
        facts.setId("desk-pop-facts");

        configureEarlier();

        note.setId("desk-note");
        note.setLabel(getTranslation("desk.pop.note"));
        note.setWidthFull();
        note.setMaxLength(4000);
        var saveNote = new Button(getTranslation("desk.pop.saveNote"), e -> saveNote());
        saveNote.setId("desk-note-save");

        var openCase = new Button(getTranslation("desk.pop.openCase"), e -> openCase());
        openCase.setId("desk-open-case");
        openCase.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        transferTo.setId("desk-transfer-to");
        transferTo.setPlaceholder(getTranslation("desk.pop.transferTo"));
        transferTo.setWidth("15em");
        transferTo.setItemLabelGenerator(q -> i18n.getOr("queue." + q, getLocale(), q));
        transfer.setText(getTranslation("desk.pop.transfer"));
        transfer.setId("desk-transfer");
        transfer.addClickListener(e -> transfer());

        hangUp.setText(getTranslation("desk.pop.hangUp"));
        hangUp.setIcon(VaadinIcon.PHONE.create());
        hangUp.setId("desk-hang-up");
        hangUp.addThemeVariants(ButtonVariant.LUMO_ERROR);
        hangUp.addClickListener(e -> hangUp());

        var callback = new Button(getTranslation("desk.pop.callback"), e -> scheduleCallback());
        callback.setId("desk-callback");

        dismiss.setText(getTranslation("desk.pop.dismiss"));
        dismiss.setId("desk-pop-dismiss");
        dismiss.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        dismiss.addClickListener(e -> {
            setVisible(false);
            linkedid = null;
            riskPanel.call(null);
        });

        wrapUpRow = wrapUpRow();
        colleagues = new ColleagueTransfer(desk, onChange);

        var actions = new HorizontalLayout(openCase, transferTo, transfer, hangUp, callback, dismiss);
        actions.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        actions.setWrap(true);
        var earlierTitle = new Span(getTranslation("desk.pop.earlier"));
        earlierTitle.getStyle().set("font-weight", "600");
        holdHint.setId("desk-hold-hint");
        holdHint.setText(getTranslation("desk.pop.holdHint"));
        holdHint.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        holdHint.setVisible(false);
        supervised.setId("desk-supervised");
        supervised.getStyle().set("color", "var(--lumo-primary-text-color)").set("font-weight", "600");
        supervised.setVisible(false);
        add(heading, supervised, facts, riskPanel, wrapUpRow, actions, colleagues, holdHint, note, saveNote, earlierTitle, earlier);
    }

    /** The caller's earlier calls: when, how they ended, where they went, how long they talked. */
    private void configureEarlier() {
        earlier.setId("desk-pop-earlier");
        earlier.addColumn(c -> TIME.format(c.startedAt().atZone(props.zone()))).setHeader(getTranslation("calls.col.started"));
        earlier.addColumn(c -> getTranslation("outcome." + c.outcome().name())).setHeader(getTranslation("calls.col.outcome"));
        earlier.addColumn(c -> String.join(", ", c.queues().stream().map(q -> i18n.getOr("queue." + q, getLocale(), q)).toList()))
                .setHeader(getTranslation("calls.col.route"));
        earlier.addColumn(c -> c.talkSeconds() == null ? "" : c.talkSeconds().toString()).setHeader(getTranslation("calls.col.talk"));
        earlier.setAllRowsVisible(true);
        earlier.setEmptyStateText(getTranslation("desk.pop.noEarlier"));
    }

    /** The call on my phone now (null = none): a new one pops, the same one refreshes, none leaves the last one shown. */
    void show(@Nullable AgentCall onPhone, @Nullable LiveCall live) {
        if (onPhone == null) {
            if (linkedid != null) {
                heading.setText(getTranslation("desk.pop.ended"));
                transfer.setEnabled(false);
                transferTo.setEnabled(false);
                colleagues.callAnswered(false, false);
                holdHint.setVisible(false);
                supervised.setVisible(false);
                hangUp.setEnabled(false);
                dismiss.setVisible(true);
                askWrapUp();
            }
            return;
        }
        boolean fresh = !onPhone.linkedid().equals(linkedid);
        linkedid = onPhone.linkedid();
        if (fresh) {
            clearErrors();
            wrapUpRow.setVisible(false);
            dismiss.setEnabled(true);
            riskPanel.call(linkedid);
        }
        setVisible(true);
        dismiss.setVisible(false);
        var queueName = i18n.getOr("queue." + onPhone.queue(), getLocale(), onPhone.queue());
        heading.setText(onPhone.heldSince() != null
                ? getTranslation("desk.pop.onHold", queueName, TIME_OF_DAY.format(onPhone.heldSince().atZone(props.zone())))
                : getTranslation(onPhone.answered() ? "desk.pop.talking" : "desk.pop.ringing", queueName));
        holdHint.setVisible(onPhone.answered());
        var mode = onPhone.supervisor() == null ? "" : onPhone.supervisor();
        supervised.setVisible(List.of("listen", "whisper", "barge").contains(mode));
        supervised.setText(supervised.isVisible() ? getTranslation("desk.pop.supervised." + mode) : "");
        transfer.setEnabled(onPhone.answered());
        transferTo.setEnabled(onPhone.answered());
        colleagues.callAnswered(onPhone.answered(), fresh);
        hangUp.setEnabled(onPhone.channel() != null);
        transferTo.setItems(queues.stream().filter(q -> !q.equals(onPhone.queue())).toList());
        var call = callLog.get(new CallKey(pbxId, onPhone.linkedid())).orElse(null);
        facts.removeAll();
        facts.add(fact("desk.pop.caller", call == null ? "…" : Formats.caller(this, call)));
        if (call != null) {
            facts.add(fact("desk.pop.origin", origin(call)));
            facts.add(fact("desk.pop.choice", call.ivrChoice() == null ? "—" : call.ivrChoice()));
        }
        // from joining the queue to my phone ringing (or answering), both in the PBX's own clock
        var waited = live != null && live.queuedAt() != null ? Duration.between(live.queuedAt(), onPhone.since()).toSeconds()
                : call != null && call.waitSeconds() != null ? call.waitSeconds() : 0;
        facts.add(fact("desk.pop.wait", getTranslation("desk.pop.seconds", Math.max(0, waited))));
        if (fresh) {
            note.clear();
            callLog.notes(new CallKey(pbxId, onPhone.linkedid())).stream().filter(n -> n.author().equals(CurrentUser.name()))
                    .findFirst().ifPresent(n -> note.setValue(n.text()));
            earlier.setItems(callLog.earlier(new CallKey(pbxId, onPhone.linkedid()), 10));
        }
    }

    /**
     * A callback I am making (my phone rings first, then the caller's): not a queue call, so the live model has no
     * call on my phone for it — it pops as the original call it answers, with the reason it was scheduled for, so
     * the note, the case and the caller's history are at hand as for any call.
     */
    void showCallback(Callback callback) {
        boolean fresh = !callback.forLinkedid().equals(linkedid);
        linkedid = callback.forLinkedid();
        if (fresh) {
            clearErrors();
            riskPanel.call(linkedid);
        }
        setVisible(true);
        dismiss.setVisible(false);
        var key = new CallKey(pbxId, callback.forLinkedid());
        var call = callLog.get(key).orElse(null);
        var who = call == null ? (callback.maskedNumber() == null ? "…" : callback.maskedNumber()) : Formats.caller(this, call);
        heading.setText(getTranslation("desk.pop.callbackRinging", who));
        transfer.setEnabled(false);
        transferTo.setEnabled(false);
        colleagues.callAnswered(false, fresh);
        hangUp.setEnabled(false); // a callback is ended at the phone
        facts.removeAll();
        facts.add(fact("desk.pop.caller", who));
        if (callback.note() != null && !callback.note().isBlank()) {
            facts.add(fact("desk.pop.callbackNote", callback.note()));
        }
        if (fresh) {
            note.clear();
            callLog.notes(key).stream().filter(n -> n.author().equals(CurrentUser.name())).findFirst()
                    .ifPresent(n -> note.setValue(n.text()));
            earlier.setItems(callLog.earlier(key, 10));
        }
    }

    /** After the call: how it ended, from the administrators' list — the pop cannot be closed without it. */
    private HorizontalLayout wrapUpRow() {
        wrapUpCode.setId("desk-wrap-up-code");
        wrapUpCode.setLabel(getTranslation("desk.wrapUp.code"));
        wrapUpCode.setItemLabelGenerator(c -> c == null ? "" : c.name(getLocale()));
        wrapUpCode.setRequiredIndicatorVisible(true);
        wrapUpSave.setText(getTranslation("desk.wrapUp.save"));
        wrapUpSave.setId("desk-wrap-up-save");
        wrapUpSave.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        wrapUpSave.addClickListener(e -> fileWrapUp());
        var row = new HorizontalLayout(wrapUpCode, wrapUpSave);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        row.setVisible(false);
        return row;
    }

    /** The call has ended: ask how, unless I said it already; the pop stays until I do. */
    private void askWrapUp() {
        if (linkedid == null || wrapUpRow.isVisible()) {
            return;
        }
        var filed = wrapUp.filed(new CallKey(pbxId, linkedid));
        if (filed.isPresent()) {
            dismiss.setEnabled(true);
            return;
        }
        var codes = wrapUp.codes();
        wrapUpCode.setItems(codes);
        wrapUpCode.clear();
        wrapUpCode.setInvalid(false);
        wrapUpRow.setVisible(!codes.isEmpty());
        dismiss.setEnabled(codes.isEmpty());
    }

    private void fileWrapUp() {
        if (linkedid == null) {
            return;
        }
        if (wrapUpCode.getValue() == null) {
            wrapUpCode.setErrorMessage(getTranslation("desk.wrapUp.required"));
            wrapUpCode.setInvalid(true);
            return;
        }
        wrapUp.file(new CallKey(pbxId, linkedid), wrapUpCode.getValue().code());
        wrapUpRow.setVisible(false);
        dismiss.setEnabled(true);
        Notification.show(getTranslation("desk.wrapUp.saved", wrapUpCode.getValue().name(getLocale())))
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    /** A new call starts clean: an error said about the last one is not this one's. */
    private void clearErrors() {
        note.setInvalid(false);
        transferTo.setInvalid(false);
        transferTo.clear();
    }

    @Nullable String linkedid() {
        return linkedid;
    }

    private Div fact(String key, String value) {
        var label = new Span(getTranslation(key) + ": ");
        label.getStyle().set("color", "var(--lumo-secondary-text-color)");
        var v = new Span(value);
        v.setId(key.replace('.', '-'));
        v.getStyle().set("font-weight", "600");
        return new Div(label, v);
    }

    private String origin(Call c) {
        var region = c.region() == null ? null : i18n.getOr("region." + c.region(), getLocale(), c.region());
        if (c.operator() != null && region != null) {
            return c.operator() + " · " + region;
        }
        return c.operator() != null ? c.operator() : region == null ? "—" : region;
    }

    private void saveNote() {
        if (linkedid == null) {
            return;
        }
        try {
            callLog.saveNote(new CallKey(pbxId, linkedid), note.getValue());
            note.setInvalid(false);
            Notification.show(getTranslation("desk.pop.noteSaved")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (IllegalArgumentException e) {
            note.setErrorMessage(getTranslation("desk.pop.noteError"));
            note.setInvalid(true);
        }
    }

    private void openCase() {
        if (linkedid == null) {
            return;
        }
        onOpenCase.accept(new CallKey(pbxId, linkedid), note.getValue());
    }

    private void transfer() {
        var to = transferTo.getValue();
        if (to == null) {
            transferTo.setErrorMessage(getTranslation("desk.pop.transferPick"));
            transferTo.setInvalid(true);
            return;
        }
        transferTo.setInvalid(false);
        try {
            desk.transfer(to);
            Notification.show(getTranslation("desk.pop.transferred", i18n.getOr("queue." + to, getLocale(), to)));
            onChange.run();
        } catch (RuntimeException e) {
            Notification.show(getTranslation("desk.pbxError", e.getMessage())).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private void hangUp() {
        try {
            desk.hangUp();
            Notification.show(getTranslation("desk.pop.hungUp"));
        } catch (RuntimeException e) {
            Notification.show(getTranslation("desk.pbxError", e.getMessage())).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private void scheduleCallback() {
        if (linkedid != null) {
            new CallbackDialog(callbacks, props, clock, new CallKey(pbxId, linkedid), onChange).open();
        }
    }
}
