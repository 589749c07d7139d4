package kz.hotline114.ui.shell;

import java.time.format.DateTimeFormatter;

import com.vaadin.flow.component.Component;

import kz.hotline114.calls.Call;

/**
 * The one definition of how the console writes dates and times (the form every table shows and every date field
 * takes): {@code 31.12.2026}, {@code 31.12.2026 23:59}. Views format instants in the hotline's zone
 * ({@code hotline.zone}) with these.
 */
public final class Formats {

    /** 31.12.2026 */
    /** The pattern of {@link #DATE}, which date fields also read. */
    public static final String DATE_PATTERN = "dd.MM.yyyy";

    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern(DATE_PATTERN);
    /** 31.12.2026 23:59 */
    public static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
    /** 31.12.2026 23:59:30 — where seconds matter (the call log, the audit log) */
    public static final DateTimeFormatter DATE_TIME_SECONDS = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss");
    /** 31.12 — a day in a week's view */
    public static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("dd.MM");
    /** 31.12 23:59 */
    public static final DateTimeFormatter DAY_MONTH_TIME = DateTimeFormatter.ofPattern("dd.MM HH:mm");
    /** 23:59 */
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    /** 23:59:30.123 — a call's timeline */
    public static final DateTimeFormatter TIME_MILLIS = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private Formats() {
    }

    /** A call's caller as the console writes it: the number (masked where the role must not see it), or "withheld". */
    public static String caller(Component view, Call c) {
        if (c.callerWithheld()) {
            return view.getTranslation("calls.withheld");
        }
        var n = c.callerNumber() != null ? c.callerNumber() : c.callerRaw() != null ? c.callerRaw() : "";
        return c.repeatCaller() ? n + " (" + view.getTranslation("calls.repeat") + ")" : n;
    }
}
