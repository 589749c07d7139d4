package kz.hotline114.ui.admin;

import java.time.ZoneId;
import java.util.Locale;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import kz.hotline114.recordings.Recordings;
import kz.hotline114.ui.shell.Formats;

/** What the call recordings take (admins): how many are kept, their size, the oldest, the held and the deleted ones. */
final class RecordingsStoragePanel extends VerticalLayout {

    final Span summary = new Span();

    RecordingsStoragePanel(Recordings recordings, ZoneId zone) {
        setPadding(false);
        var s = recordings.storage();
        summary.setId("recordings-storage");
        summary.setText(getTranslation("admin.recordings.summary", s.recordings(),
                String.format(Locale.ROOT, "%.1f", s.bytes() / 1_048_576.0),
                s.oldest() == null ? "—" : Formats.DATE.format(s.oldest().atZone(zone)), s.held(), s.deleted()));
        add(summary, new Paragraph(getTranslation("admin.recordings.retention", s.retentionDays())));
    }
}
