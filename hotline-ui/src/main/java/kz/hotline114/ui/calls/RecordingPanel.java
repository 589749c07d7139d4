package kz.hotline114.ui.calls;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.dom.Element;

import kz.hotline114.calls.CallKey;
import kz.hotline114.recordings.Recordings;
import kz.hotline114.ui.shell.Formats;

/**
 * A call's recording in its detail, for those who may listen: the browser's own player (it fetches the audio with
 * ranges from {@code /api/calls/…/recording}, each playback audited there), its length, the day it goes, the holds, a
 * download, and "keep" with a reason.
 */
final class RecordingPanel extends Div {

    final Button keep = new Button();
    final TextField reason = new TextField();

    private RecordingPanel(Recordings recordings, Recordings.Recording r, ZoneId zone) {
        setId("call-recording");
        var title = new Span(getTranslation("recording.title"));
        title.getStyle().set("font-weight", "600");
        add(title);
        if (!r.available()) {
            add(new Div(new Span(getTranslation("recording.deleted",
                    Formats.DATE.format(r.deletedAt().atZone(zone))))));
            return;
        }
        String url = RecordingsApi.consoleUrl(r.call());
        var audio = new Element("audio");
        audio.setAttribute("controls", true);
        audio.setAttribute("preload", "none");
        audio.setAttribute("src", url);
        audio.setAttribute("id", "call-recording-audio");
        audio.getStyle().set("width", "100%");
        var player = new Div();
        player.getElement().appendChild(audio);
        var download = new Anchor(url + "?download=true", getTranslation("recording.download"));
        download.getElement().setAttribute("download", true);
        download.setId("call-recording-download");
        long seconds = Math.round(r.durationMillis() / 1000.0);
        var facts = new Span(getTranslation("recording.facts", String.format(Locale.ROOT, "%d:%02d", seconds / 60,
                seconds % 60), Formats.DATE.format(r.deleteAfter().atZone(zone))));
        facts.setId("call-recording-facts");
        add(player, new HorizontalLayout(facts, download));
        r.holds().forEach(h -> add(new Div(new Span(getTranslation("recording.held", h.heldBy(),
                Formats.DATE.format(h.heldAt().atZone(zone)), h.reason())))));
        reason.setPlaceholder(getTranslation("recording.reason"));
        reason.setId("call-recording-reason");
        reason.setWidth("22em");
        keep.setText(getTranslation("recording.keep"));
        keep.setId("call-recording-keep");
        keep.addThemeVariants(ButtonVariant.LUMO_SMALL);
        keep.addClickListener(e -> keep(recordings, r.call()));
        var holdRow = new HorizontalLayout(reason, keep);
        holdRow.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(holdRow);
    }

    private void keep(Recordings recordings, CallKey call) {
        reason.setInvalid(false);
        try {
            recordings.hold(call, Recordings.HoldKind.SUPERVISOR, reason.getValue());
            Notification.show(getTranslation("recording.kept")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            keep.setEnabled(false);
        } catch (IllegalArgumentException e) {
            reason.setErrorMessage(getTranslation("recording.reasonRequired"));
            reason.setInvalid(true);
        }
    }

    /** The panel, when the call was recorded and the user may listen. */
    static Optional<RecordingPanel> of(Recordings recordings, CallKey call, ZoneId zone) {
        return recordings.of(call).map(r -> new RecordingPanel(recordings, r, zone));
    }
}
