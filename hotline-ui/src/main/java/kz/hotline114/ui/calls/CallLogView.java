package kz.hotline114.ui.calls;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.shared.Registration;

import jakarta.annotation.security.RolesAllowed;

import kz.hotline114.calls.Call;
import kz.hotline114.calls.CallFilter;
import kz.hotline114.calls.CallLog;
import kz.hotline114.calls.CallOutcome;
import kz.hotline114.calls.CallStep;
import kz.hotline114.calls.IvrMenu;
import kz.hotline114.calls.WrapUp;
import kz.hotline114.preferences.SavedFilters;
import kz.hotline114.recordings.Recordings;
import kz.hotline114.routing.Callbacks;
import kz.hotline114.routing.SpecialistDirectory;
import kz.hotline114.security.CurrentUser;
import kz.hotline114.security.Role;
import kz.hotline114.security.Roles;
import kz.hotline114.shared.HotlineProperties;
import kz.hotline114.ui.cases.CaseView;
import kz.hotline114.ui.dashboard.LiveCalls;
import kz.hotline114.ui.shell.DateTimeField;
import kz.hotline114.ui.shell.Formats;
import kz.hotline114.ui.shell.HotlineI18n;
import kz.hotline114.ui.shell.SavedFilterBar;

/**
 * The call log: every call to 114, newest first, filtered by period, outcome, queue and number.
 * Numbers are masked for roles without the right to see them; new calls appear as they happen.
 */
@Route("")
@RouteAlias("calls")
@Menu(title = "nav.calls", order = 30, icon = "vaadin:phone")
@RolesAllowed({Roles.OPERATOR, Roles.SPECIALIST, Roles.SUPERVISOR, Roles.ADMIN})
public class CallLogView extends VerticalLayout implements HasDynamicTitle {

    private static final DateTimeFormatter TIME = Formats.DATE_TIME_SECONDS;
    private static final DateTimeFormatter CLOCK = Formats.TIME_MILLIS;

    private final CallLog calls;
    private final LiveCalls live;
    private final HotlineI18n i18n;
    private final SpecialistDirectory directory;
    private final HotlineProperties props;
    private final Callbacks callbacks;
    private final DateTimePicker from = new DateTimeField();
    private final DateTimePicker to = new DateTimeField();
    private final ComboBox<CallOutcome> outcome = new ComboBox<>();
    private final ComboBox<String> queue = new ComboBox<>();
    /** Which PBX's calls (shown only when the line has several PBXs); empty = all. */
    private final ComboBox<String> pbx = new ComboBox<>();
    private final TextField number = new TextField();
    private final Span total = new Span();
    private final Grid<Call> grid = new Grid<>();
    private @Nullable Registration liveRegistration;
    private final AtomicBoolean refreshPending = new AtomicBoolean();

    private final Clock clock;

    private final SavedFilters savedFilters;
    private final WrapUp wrapUp;

    private final Recordings recordings;

    CallLogView(CallLog calls, LiveCalls live, HotlineI18n i18n, HotlineProperties props, Callbacks callbacks, Clock clock,
                IvrMenu menu, SpecialistDirectory directory, SavedFilters savedFilters, WrapUp wrapUp,
                Recordings recordings, kz.hotline114.pbx.Pbxs pbxs) {
        pbx.setItems(pbxs.ids());
        pbx.setVisible(pbxs.ids().size() > 1);
        this.recordings = recordings;
        this.savedFilters = savedFilters;
        this.wrapUp = wrapUp;
        this.clock = clock;
        this.directory = directory;
        this.calls = calls;
        this.callbacks = callbacks;
        this.live = live;
        this.i18n = i18n;
        this.props = props;
        setSizeFull();

        var filters = buildFilters(menu);
        configureGrid();
        var footer = buildFooter();
        add(filters, grid, footer);
        setFlexGrow(1, grid);
    }

    /** The filters: period, outcome, queue and number; each change refreshes the grid. */
    private HorizontalLayout buildFilters(IvrMenu menu) {
        var now = LocalDateTime.now(clock);
        from.setLabel(getTranslation("calls.filter.from"));
        from.setWidth("17em");
        to.setWidth("17em");
        from.setValue(now.toLocalDate().minusDays(1).atStartOfDay());
        to.setLabel(getTranslation("calls.filter.to"));
        to.setValue(now.toLocalDate().plusDays(1).atStartOfDay());
        outcome.setLabel(getTranslation("calls.filter.outcome"));
        outcome.setItems(CallOutcome.values());
        outcome.setItemLabelGenerator(o -> getTranslation("outcome." + o.name()));
        outcome.setPlaceholder(getTranslation("calls.filter.any"));
        outcome.setClearButtonVisible(true);
        outcome.setId("filter-outcome");
        queue.setLabel(getTranslation("calls.filter.queue"));
        queue.setItems(menu.queues());
        queue.setItemLabelGenerator(q -> i18n.getOr("queue." + q, getLocale(), q));
        queue.setPlaceholder(getTranslation("calls.filter.any"));
        queue.setClearButtonVisible(true);
        number.setLabel(getTranslation("calls.filter.number"));
        number.setPlaceholder("+7 701 …");
        number.setTooltipText(getTranslation("calls.filter.number.help"));
        number.setWidth("11em");
        number.setValueChangeMode(ValueChangeMode.LAZY);
        number.setClearButtonVisible(true);
        number.setPattern("[0-9+ ]*");
        number.setId("filter-number");
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());
        outcome.addValueChangeListener(e -> refresh());
        queue.addValueChangeListener(e -> refresh());
        number.addValueChangeListener(e -> refresh());
        pbx.setLabel(getTranslation("calls.filter.pbx"));
        pbx.setPlaceholder(getTranslation("calls.filter.any"));
        pbx.setClearButtonVisible(true);
        pbx.setId("filter-pbx");
        pbx.addValueChangeListener(e -> refresh());

        // saved filters keep the period relative to today, outcome and queue — never a caller's number
        saved = new SavedFilterBar(savedFilters, "calls", this::savedFilter, this::applySavedFilter);
        var filters = new HorizontalLayout(from, to, pbx, outcome, queue, number, saved);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        return filters;
    }

    SavedFilterBar saved;

    private Map<String, String> savedFilter() {
        var today = LocalDateTime.now(clock).toLocalDate();
        var m = new LinkedHashMap<String, String>();
        if (from.getValue() != null) {
            m.put("fromDays", String.valueOf(ChronoUnit.DAYS.between(today, from.getValue().toLocalDate())));
            m.put("fromTime", from.getValue().toLocalTime().toString());
        }
        if (to.getValue() != null) {
            m.put("toDays", String.valueOf(ChronoUnit.DAYS.between(today, to.getValue().toLocalDate())));
            m.put("toTime", to.getValue().toLocalTime().toString());
        }
        m.put("outcome", outcome.getValue() == null ? null : outcome.getValue().name());
        m.put("queue", queue.getValue());
        return m;
    }

    private void applySavedFilter(Map<String, String> m) {
        var today = LocalDateTime.now(clock).toLocalDate();
        try {
            if (m.containsKey("fromDays")) {
                from.setValue(today.plusDays(Long.parseLong(m.get("fromDays"))).atTime(LocalTime.parse(
                        m.getOrDefault("fromTime", "00:00"))));
            }
            if (m.containsKey("toDays")) {
                to.setValue(today.plusDays(Long.parseLong(m.get("toDays"))).atTime(LocalTime.parse(
                        m.getOrDefault("toTime", "00:00"))));
            }
            outcome.setValue(m.containsKey("outcome") ? CallOutcome.valueOf(m.get("outcome")) : null);
        } catch (RuntimeException unreadable) {
            outcome.clear(); // a filter saved by an older version: what can be read is applied
        }
        queue.setValue(m.get("queue"));
        number.clear();
    }

    /** The calls' grid, its rows fetched page by page for the filters (the total set on counting). */
    private void configureGrid() {
        grid.setId("call-log");
        // every column in sight at 1440 px with the menu open (they were scrolled off to the right, issue 16): the
        // numbers keep their width, names, routes and the outcome wrap in columns that share the rest
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(c -> TIME.format(c.startedAt().atZone(props.zone())))
                .setHeader(getTranslation("calls.col.started")).setWidth("10em").setFlexGrow(0);
        grid.addColumn(this::caller).setHeader(getTranslation("calls.col.caller")).setWidth("9em").setFlexGrow(0);
        grid.addColumn(this::origin).setHeader(getTranslation("calls.col.origin")).setWidth("7em").setFlexGrow(1);
        grid.addColumn(this::route).setHeader(getTranslation("calls.col.route")).setWidth("8em").setFlexGrow(2);
        grid.addColumn(c -> c.waitSeconds() == null ? "" : c.waitSeconds().toString())
                .setHeader(getTranslation("calls.col.wait")).setWidth("4.5em").setFlexGrow(0);
        grid.addColumn(c -> String.join(", ", c.answeredBy())).setHeader(getTranslation("calls.col.answeredBy"))
                .setWidth("7em").setFlexGrow(1);
        grid.addColumn(c -> c.talkSeconds() == null ? "" : c.talkSeconds().toString())
                .setHeader(getTranslation("calls.col.talk")).setWidth("5.5em").setFlexGrow(0);
        grid.addComponentColumn(this::outcomeBadge).setKey("outcome").setHeader(getTranslation("calls.col.outcome"))
                .setWidth("10em").setFlexGrow(1);
        grid.addColumn(c -> c.durationSeconds() == null ? "" : c.durationSeconds().toString()).setKey("duration")
                .setHeader(getTranslation("calls.col.duration")).setWidth("6.5em").setFlexGrow(0);
        grid.setItems(new CallbackDataProvider<Call, Void>(
                q -> filter() == null ? Stream.empty()
                        : calls.find(filter(), q.getPage(), q.getPageSize()).items().stream(),
                q -> {
                    var f = filter();
                    long n = f == null ? 0 : calls.count(f);
                    total.setText(getTranslation("calls.total", n));
                    return (int) Math.min(n, Integer.MAX_VALUE);
                }, c -> c.pbxId() + "/" + c.linkedid()));
        grid.addItemClickListener(e -> showDetail(e.getItem()));
        grid.setSizeFull();
    }

    /** The total, and a note when the numbers are masked. */
    private HorizontalLayout buildFooter() {
        total.setId("calls-total");
        var footer = new HorizontalLayout(total);
        if (!CurrentUser.maySeeCallerNumbers()) {
            var note = new Span(getTranslation("calls.masked.note"));
            note.addClassName("muted");
            footer.add(note);
        }
        return footer;
    }

    private @Nullable CallFilter filter() {
        var f = from.getValue();
        var t = to.getValue();
        if (f == null || t == null || !f.isBefore(t)) {
            to.setInvalid(true);
            to.setErrorMessage(getTranslation("calls.filter.period.invalid"));
            return null;
        }
        to.setInvalid(false);
        return new CallFilter(f.atZone(props.zone()).toInstant(), t.atZone(props.zone()).toInstant(),
                outcome.getValue(), queue.getValue(), number.getValue()).withPbx(pbx.getValue());
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }

    /** The caller as a list shows it: the (masked) number, «withheld», and «repeat» when called within the window. */
    private String caller(Call c) {
        return Formats.caller(this, c);
    }

    /** The key pressed and the queues the caller went through: "1 · Психологтар → Теологтар". */
    private String route(Call c) {
        var queues = c.queues().stream().map(q -> i18n.getOr("queue." + q, getLocale(), q))
                .collect(Collectors.joining(" → "));
        var key = c.ivrChoice() == null ? "" : c.ivrChoice();
        return key.isEmpty() || queues.isEmpty() ? key + queues : key + " · " + queues;
    }

    private String origin(Call c) {
        if (c.operator() != null) {
            return c.operator();
        }
        return c.region() == null ? "" : i18n.getOr("region." + c.region(), getLocale(), c.region());
    }

    private Span outcomeBadge(Call c) {
        var text = getTranslation("outcome." + c.outcome().name());
        if (c.wrongNumberReason() != null) {
            text += " · " + getTranslation("reason." + c.wrongNumberReason().name());
        }
        var s = new Span(text);
        s.addClassNames("outcome", "outcome-" + c.outcome().name());
        if (c.recovered()) {
            // logged from the PBX's own records: the link was down during the call
            s.setText(text + " ↺");
            s.setTitle(getTranslation("calls.recovered"));
            s.addClassName("recovered");
        }
        return s;
    }

    private void showDetail(Call row) {
        var call = calls.get(row.key()).orElse(row);
        var dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("detail.title") + " · " + caller(call));
        dialog.setWidth("720px");
        var facts = new VerticalLayout();
        facts.setPadding(false);
        facts.setSpacing(false);
        facts.add(fact("detail.started", TIME.format(call.startedAt().atZone(props.zone()))));
        facts.add(fact("detail.ended", call.endedAt() == null ? getTranslation("outcome.IN_PROGRESS")
                : TIME.format(call.endedAt().atZone(props.zone()))));
        facts.add(fact("calls.col.outcome", outcomeBadge(call).getText()));
        facts.add(fact("detail.dialled", call.dialledNumber()));
        facts.add(fact("detail.hangupBy", call.hangupBy() == null ? null
                : getTranslation("hangup." + call.hangupBy().name())));
        facts.add(fact("detail.transfers", call.transfers().stream()
                .map(t -> transferParty(t.from()) + " → " + transferParty(t.to()))
                .collect(Collectors.joining(", "))));
        if (CurrentUser.has(Role.ADMIN)) { // the PBX's own id, for matching its logs: an administrator's business
            facts.add(fact("detail.linkedid", call.linkedid()));
        }
        if (call.recovered()) {
            facts.add(fact("detail.source", getTranslation("calls.recovered")));
        }
        wrapUpOf(call).ifPresent(facts::add);
        var timeline = new VerticalLayout();
        timeline.setPadding(false);
        timeline.setSpacing(false);
        timeline.setId("call-timeline");
        for (CallStep step : calls.timeline(call.key())) {
            var time = new Span(CLOCK.format(step.at().atZone(props.zone())));
            time.addClassName("timeline-time");
            var what = new Span(getTranslation("timeline." + step.kind().name())
                    + (step.detail().isBlank() ? "" : ": " + localise(step)));
            timeline.add(new HorizontalLayout(time, what));
        }
        var title = new Span(getTranslation("detail.timeline"));
        title.getStyle().set("font-weight", "600");
        dialog.add(facts);
        RecordingPanel.of(recordings, call.key(), props.zone()).ifPresent(dialog::add);
        dialog.add(title, timeline);
        var notes = calls.notes(call.key());
        if (!notes.isEmpty()) {
            var notesTitle = new Span(getTranslation("detail.notes"));
            notesTitle.getStyle().set("font-weight", "600");
            dialog.add(notesTitle);
            notes.forEach(n -> dialog.add(new Div(new Span(n.author() + " (" + TIME.format(n.updatedAt().atZone(props.zone()))
                    + "): "), new Span(n.text()))));
        }
        var backs = callbacks.ofCall(call.key());
        if (!backs.isEmpty()) {
            var backsTitle = new Span(getTranslation("detail.callbacks"));
            backsTitle.getStyle().set("font-weight", "600");
            var list = new VerticalLayout();
            list.setPadding(false);
            list.setSpacing(false);
            list.setId("call-callbacks");
            backs.forEach(b -> list.add(new Span(TIME.format(b.dueAt().atZone(props.zone())) + " · "
                    + getTranslation("callback." + b.status().name())
                    + (b.assignee() == null ? "" : " · " + b.assignee())
                    + (b.talkSeconds() == null ? "" : " · " + getTranslation("desk.pop.seconds", b.talkSeconds()))
                    + (b.note() == null ? "" : " · " + b.note()))));
            dialog.add(backsTitle, list);
        }
        var callback = new Button(getTranslation("desk.pop.callback"), e -> new CallbackDialog(callbacks, props, clock,
                call.key(), dialog::close).open());
        callback.setId("schedule-callback");
        callback.setEnabled(call.callerNumber() != null);
        var openCase = new Button(getTranslation("case.open"), e -> {
            dialog.close();
            getUI().ifPresent(ui -> ui.navigate(CaseView.class, RouteParameters.empty(),
                    QueryParameters.simple(Map.of("pbx", call.pbxId(),
                            "linkedid", call.linkedid()))));
        });
        openCase.setId("open-case");
        openCase.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(openCase, callback, new Button(getTranslation("detail.close"), e -> dialog.close()));
        dialog.open();
    }

    /** How the specialists filed the call (their wrap-up codes, by name), if they did. */
    private Optional<Div> wrapUpOf(Call call) {
        var filed = wrapUp.of(call.key());
        if (filed.isEmpty()) {
            return Optional.empty();
        }
        var names = wrapUp.allCodes();
        return Optional.of(fact("detail.wrapUp", filed.stream().map(code -> names.stream()
                .filter(n -> n.code().equals(code)).map(n -> n.name(getLocale())).findFirst().orElse(code))
                .collect(Collectors.joining(", "))));
    }

    private String localise(CallStep step) {
        return switch (step.kind()) {
            case QUEUE_JOINED, ABANDONED -> queueName(step.detail());
            case TRANSFER -> Arrays.stream(step.detail().split(" → ")).map(this::transferParty)
                    .collect(Collectors.joining(" → "));
            // the PBX's Q.850 text ("Normal Clearing") in the user's language when the bundle has it
            case ENDED -> i18n.getOr("cause." + step.detail().replaceAll("[^A-Za-z]", "").toLowerCase(
                    Locale.ROOT), getLocale(), step.detail());
            case RINGING, RING_NO_ANSWER, ANSWERED, HANGUP_REQUEST -> party(step.detail());
            default -> step.detail();
        };
    }

    private static final Pattern CHANNEL = Pattern.compile("^([A-Za-z0-9]+)/([^-;]+?)(?:@([^-;/]+))?(?:[-;/].*)?$");

    /**
     * Who a PBX channel is, in words: a specialist by their name (the directory knows their interface), an extension by
     * its number, the caller's line as "the caller" — never {@code PJSIP/carrier-00000012} or
     * {@code Local/psy1@agents-00000004;2}.
     */
    private String party(String detail) {
        var m = CHANNEL.matcher(detail);
        if (!detail.contains("/") || !m.matches()) {
            return detail; // a member's name as the PBX gives it
        }
        var tech = m.group(1);
        var endpoint = m.group(2);
        var context = m.group(3);
        var iface = tech + "/" + endpoint + (context == null ? "" : "@" + context);
        var named = directory.all().stream().filter(sp -> sp.iface().equals(iface)
                || sp.iface().replaceFirst("/n$", "").equals(iface)).findFirst();
        if (named.isPresent()) {
            return named.get().displayName();
        }
        if (context != null) {
            return getTranslation("timeline.party.agent", endpoint);
        }
        return endpoint.matches("\\d{2,6}") ? getTranslation("timeline.party.extension", endpoint)
                : getTranslation("timeline.party.caller");
    }

    /** Where a transfer went: a queue by its name, a colleague's desk phone ({@code 203}) by the specialist's name. */
    private String transferParty(String target) {
        return target.matches("\\d{2,6}") ? party("PJSIP/" + target) : queueName(target);
    }

    /** A queue's name in the user's language; a specialist's name or a phone stays as it is. */
    private String queueName(String queue) {
        return i18n.getOr("queue." + queue, getLocale(), queue);
    }

    private Div fact(String key, @Nullable String value) {
        var label = new Span(getTranslation(key) + ": ");
        label.addClassName("muted");
        return new Div(label, new Span(value == null || value.isBlank() ? getTranslation("detail.none") : value));
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        var ui = event.getUI();
        liveRegistration = live.register(call -> {
            // at most one refresh every 500 ms whatever the call rate, and always one after the last change
            if (refreshPending.compareAndSet(false, true)) {
                Thread.ofVirtual().start(() -> {
                    try {
                        Thread.sleep(500);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    refreshPending.set(false);
                    try {
                        ui.access(() -> grid.getDataProvider().refreshAll());
                    } catch (UIDetachedException gone) {
                        // the browser left the call log meanwhile (it printed a stack trace in the log)
                    }
                });
            }
        });
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (liveRegistration != null) {
            liveRegistration.remove();
        }
        super.onDetach(event);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.calls") + " · " + getTranslation("app.title");
    }
}
