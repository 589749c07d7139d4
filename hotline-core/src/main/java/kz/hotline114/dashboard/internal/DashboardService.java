package kz.hotline114.dashboard.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import kz.hotline114.calls.CallRecorded;
import kz.hotline114.calls.CallUpdated;
import kz.hotline114.dashboard.Alert;
import kz.hotline114.dashboard.BoardChanged;
import kz.hotline114.dashboard.DailyFigures;
import kz.hotline114.dashboard.Dashboard;
import kz.hotline114.dashboard.DashboardProperties;
import kz.hotline114.dashboard.DayFigures;
import kz.hotline114.dashboard.LiveBoard;
import kz.hotline114.live.LiveChanged;
import kz.hotline114.live.LiveModel;
import kz.hotline114.live.LiveSnapshot;
import kz.hotline114.pbx.PbxLinkChanged;
import kz.hotline114.pbx.PbxLinkStatus;
import kz.hotline114.shared.HotlineProperties;

/**
 * Builds the live board and publishes {@link BoardChanged}. The listeners only raise a flag (the
 * ingestion thread never waits on the dashboard's SQL); one worker thread builds a board per
 * flag, so a burst of changes while it builds becomes one more board, not one per event. Today's
 * figures are re-read only after a call row changed (or at midnight).
 */
@Service
class DashboardService implements Dashboard, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DashboardService.class);

    private final LiveModel live;
    private final DailyFigures figures;
    private final DashboardProperties props;
    private final ApplicationEventPublisher publisher;
    private final ZoneId zone;
    private final BlockingQueue<Boolean> signal = new ArrayBlockingQueue<>(1);
    private final AtomicBoolean callsChanged = new AtomicBoolean(true);
    private volatile @Nullable DayFigures today;
    private volatile @Nullable LiveBoard board;
    private volatile @Nullable Thread worker;

    private final Clock clock;

    private final kz.hotline114.pbx.Pbxs pbxs;

    DashboardService(LiveModel live, DailyFigures figures, kz.hotline114.pbx.Pbxs pbxs,
                     DashboardProperties props, ApplicationEventPublisher publisher, HotlineProperties hotline,
                     Clock clock) {
        this.pbxs = pbxs;
        this.clock = clock;
        this.live = live;
        this.figures = figures;
        this.props = props;
        this.publisher = publisher;
        this.zone = hotline.zone();
    }

    @EventListener
    void on(LiveChanged e) {
        signal.offer(Boolean.TRUE);
    }

    @EventListener
    void on(CallUpdated e) {
        callsChanged.set(true);
        signal.offer(Boolean.TRUE);
    }

    @EventListener
    void on(CallRecorded e) {
        callsChanged.set(true);
        signal.offer(Boolean.TRUE);
    }

    @EventListener
    void on(PbxLinkChanged e) {
        signal.offer(Boolean.TRUE);
    }

    @Override
    public LiveBoard board() {
        var b = board;
        return b == null ? refresh() : b;
    }

    @Override
    public DayFigures today() {
        var t = today;
        if (t == null || !t.day().equals(LocalDate.ofInstant(clock.instant(), zone))) {
            refresh();
            t = today;
        }
        return Objects.requireNonNull(t);
    }

    @Override
    public synchronized LiveBoard refresh() {
        var now = clock.instant();
        var t = today;
        if (t == null || callsChanged.getAndSet(false) || !t.day().equals(LocalDate.ofInstant(clock.instant(), zone))) {
            t = figures.today();
            today = t;
        }
        // the whole line is up when every PBX's link is (a regional PBX that is down raises the alert)
        boolean up = pbxs.ids().stream()
                .allMatch(id -> pbxs.link(id).status().state() == PbxLinkStatus.State.CONNECTED);
        var b = build(now, t, live.snapshot(), up);
        board = b;
        return b;
    }

    @Override
    public LiveBoard board(String pbxId) {
        var now = clock.instant();
        return build(now, figures.of(LocalDate.ofInstant(now, zone), pbxId), live.snapshot(pbxId),
                pbxs.link(pbxId).status().state() == PbxLinkStatus.State.CONNECTED);
    }

    private LiveBoard build(Instant now, DayFigures t, LiveSnapshot snapshot, boolean up) {
        var queues = new ArrayList<LiveBoard.QueueBoard>();
        for (var q : snapshot.queues()) {
            var oldest = q.waiting().isEmpty() ? null : q.waiting().getFirst().joinedAt().toEpochMilli();
            queues.add(new LiveBoard.QueueBoard(q.name(), q.waiting().size(), seconds(q.longestWait(now)), oldest,
                    q.available(now), q.talking(), q.paused(), q.wrapUp(now), q.members().size()));
        }
        return new LiveBoard(now.toEpochMilli(), snapshot.calls().size(), queues, LiveBoard.Today.of(t), up,
                alerts(snapshot, up, now));
    }

    @Override
    public List<Alert> alerts(LiveSnapshot snapshot, boolean pbxConnected, Instant now) {
        var out = new ArrayList<Alert>();
        if (!pbxConnected) {
            out.add(new Alert(Alert.Kind.PBX_DOWN, null, 0));
        }
        for (var q : snapshot.queues()) {
            var wait = q.longestWait(now);
            if (wait.compareTo(props.waitAlert()) > 0) {
                out.add(new Alert(Alert.Kind.LONG_WAIT, q.name(), seconds(wait)));
            }
            if ((!q.waiting().isEmpty() || !q.members().isEmpty()) && q.available(now) == 0) {
                out.add(new Alert(Alert.Kind.NO_SPECIALIST, q.name(), 0));
            }
        }
        return out;
    }

    private static long seconds(Duration d) {
        return Math.max(0, d.toSeconds());
    }

    private void run() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                signal.take();
                publisher.publishEvent(new BoardChanged(refresh()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.warn("Could not build the dashboard board: {}", e.toString());
            }
        }
    }

    @Override
    public void start() {
        worker = Thread.ofPlatform().daemon().name("dashboard-board").start(this::run);
    }

    @Override
    public void stop() {
        var w = worker;
        if (w != null) {
            w.interrupt();
        }
        worker = null;
    }

    @Override
    public boolean isRunning() {
        return worker != null;
    }
}
