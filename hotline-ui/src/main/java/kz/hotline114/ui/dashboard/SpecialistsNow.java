package kz.hotline114.ui.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;

import kz.hotline114.live.LiveSnapshot;
import kz.hotline114.live.MemberState;

/**
 * The supervisor's grid of specialists as the PBX sees them now: state (talking, ringing, after-call work, paused
 * with its reason, free, away), how long in it, the call they are on, and how many calls they answered today. One
 * row per phone over all its queues; the state shown is the one that matters most (a call before a pause).
 */
final class SpecialistsNow extends Grid<SpecialistsNow.Row> {

    /** One phone: its name, queues, state and since when, its call and since when, calls answered today. */
    record Row(String iface, String name, List<String> queues, String state, String tone, Instant since,
               @Nullable String callQueue, @Nullable Instant callSince, long answeredToday) {
    }

    private final Function<String, String> queueName;
    private Instant now = Instant.EPOCH;
    /** Names two phones share (a specialist with a desk phone and a mobile on the rota): shown with the phone. */
    private Set<String> shared = Set.of();

    SpecialistsNow(Function<String, String> queueName) {
        this.queueName = queueName;
        setId("dashboard-specialists");
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        setAllRowsVisible(true);
        addColumn(this::label).setKey("name").setHeader(getTranslation("dashboard.specialists.name")).setAutoWidth(true);
        addComponentColumn(r -> {
            var s = new Span(r.state());
            s.addClassName("tone-" + r.tone());
            return s;
        }).setKey("state").setHeader(getTranslation("dashboard.specialists.state")).setAutoWidth(true);
        addColumn(r -> clock(Duration.between(r.since(), now))).setKey("inState")
                .setHeader(getTranslation("dashboard.specialists.inState")).setAutoWidth(true).setFlexGrow(0);
        addColumn(r -> r.callQueue() == null ? "" : queueName.apply(r.callQueue()) + " · "
                + clock(Duration.between(r.callSince(), now))).setKey("call")
                .setHeader(getTranslation("dashboard.specialists.call")).setFlexGrow(1);
        addColumn(r -> String.join(", ", r.queues().stream().map(queueName).toList()))
                .setHeader(getTranslation("dashboard.specialists.queues")).setFlexGrow(1);
        addColumn(Row::answeredToday).setKey("today").setHeader(getTranslation("dashboard.specialists.today"))
                .setAutoWidth(true).setFlexGrow(0);
        setEmptyStateText(getTranslation("dashboard.specialists.none"));
    }

    /** The rows of a snapshot: every member of every queue, by phone. */
    List<Row> rows(LiveSnapshot snapshot, Map<String, Long> answeredToday, Instant at) {
        var byPhone = new LinkedHashMap<String, List<MemberState>>();
        var queuesOf = new LinkedHashMap<String, List<String>>();
        for (var q : snapshot.queues()) {
            for (var m : q.members()) {
                byPhone.computeIfAbsent(m.iface(), k -> new ArrayList<>()).add(m);
                var queues = queuesOf.computeIfAbsent(m.iface(), k -> new ArrayList<>());
                if (!queues.contains(q.name())) { // one name once (several PBXs: the same queue on each)
                    queues.add(q.name());
                }
            }
        }
        var rows = new ArrayList<Row>();
        byPhone.forEach((iface, entries) -> {
            var main = entries.stream().min(Comparator.comparingInt(m -> rank(m, at))).orElseThrow();
            var call = entries.stream().map(MemberState::call).filter(c -> c != null).findFirst().orElse(null);
            var held = call != null && call.heldSince() != null;
            rows.add(new Row(iface, main.name(), queuesOf.get(iface),
                    held ? getTranslation("dashboard.specialists.onHold") : state(main, at), tone(main, at),
                    held ? call.heldSince() : main.since(),
                    call == null ? null : call.queue(), call == null ? null : call.since(),
                    answeredToday.getOrDefault(main.name(), 0L)));
        });
        rows.sort(Comparator.comparing(Row::name));
        var seen = new HashSet<String>();
        shared = rows.stream().map(Row::name).filter(n -> !seen.add(n)).collect(Collectors.toSet());
        return rows;
    }

    void show(LiveSnapshot snapshot, Map<String, Long> answeredToday, Instant at) {
        this.now = at;
        setItems(rows(snapshot, answeredToday, at));
    }

    /** The specialist's name; with the phone ({@code 201}, {@code psy1}) when another phone has the same name. */
    String label(Row r) {
        return shared.contains(r.name()) ? r.name() + " · " + r.iface().replaceFirst("^[A-Za-z]+/", "")
                .replaceFirst("@.*$", "") : r.name();
    }

    /** What matters most first: on a call, ringing, after-call work, paused, free, away. */
    private static int rank(MemberState m, Instant at) {
        if (m.call() != null && m.call().answered() || m.status() == MemberState.Status.TALKING) {
            return 0;
        }
        if (m.call() != null || m.status() == MemberState.Status.RINGING) {
            return 1;
        }
        if (m.inWrapUp(at)) {
            return 2;
        }
        if (m.paused()) {
            return 3;
        }
        return m.status() == MemberState.Status.AVAILABLE ? 4 : 5;
    }

    private String state(MemberState m, Instant at) {
        return switch (rank(m, at)) {
            case 0 -> getTranslation("member.TALKING");
            case 1 -> getTranslation("member.RINGING");
            case 2 -> getTranslation("dashboard.specialists.wrapUp");
            case 3 -> getTranslation("desk.paused") + (m.pausedReason() == null || m.pausedReason().isBlank() ? ""
                    : " (" + m.pausedReason() + ")");
            default -> getTranslation("member." + m.status().name());
        };
    }

    private static String tone(MemberState m, Instant at) {
        return switch (rank(m, at)) {
            case 0, 1 -> "warn";
            case 4 -> "good";
            case 5 -> "bad";
            default -> "muted";
        };
    }

    /** A duration as the dashboard shows it: m:ss, or h:mm:ss from an hour on. */
    static String clock(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
