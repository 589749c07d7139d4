package kz.hotline114.pbx.internal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.MeterRegistry;

import kz.hotline114.cluster.ClusterProperties;
import kz.hotline114.cluster.NodeLeases;
import kz.hotline114.pbx.AmiProperties;
import kz.hotline114.pbx.JournalTakenOver;
import kz.hotline114.pbx.PbxCommands;
import kz.hotline114.pbx.PbxEndpoint;
import kz.hotline114.pbx.PbxLink;
import kz.hotline114.pbx.PbxLinkChanged;
import kz.hotline114.pbx.Pbxs;

/**
 * Every PBX of {@code hotline.pbx[]} (or the one of {@code hotline.ami.*}): its AMI link with its ingestion pipeline,
 * and its reconciler with its own CEL/CDR tables; started after the web server and stopped before it.
 */
final class AmiLinks implements Pbxs, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AmiLinks.class);

    private final Map<String, AmiLinkService> links = new LinkedHashMap<>();
    private final Map<String, PbxRecordsReconciler> reconcilers = new LinkedHashMap<>();
    private volatile boolean running;

    @SuppressWarnings("checkstyle:ParameterNumber")
    AmiLinks(List<PbxEndpoint> endpoints, AmiProperties props, DemoPbx demo, JdbcAmiJournal journal,
             JdbcTemplate jdbc, TransactionTemplate tx, ApplicationEventPublisher publisher, NodeLeases leases,
             ClusterProperties cluster, MeterRegistry meters, Clock clock) {
        for (var e : endpoints) {
            links.put(e.id(), new AmiLinkService(props, e, e.useDemo() ? demo : null, journal, publisher, leases,
                    cluster, meters, clock));
            reconcilers.put(e.id(), new PbxRecordsReconciler(props, e, jdbc, journal, tx, publisher, leases, meters,
                    clock));
        }
        if (endpoints.size() > 1) {
            log.info("Linked to {} PBXs: {}", endpoints.size(), endpoints.stream()
                    .map(e -> e.id() + " (" + e.host() + ":" + e.port() + ", " + e.celTable() + "/" + e.cdrTable() + ")")
                    .toList());
        }
    }

    @Override
    public List<String> ids() {
        return List.copyOf(links.keySet());
    }

    @Override
    public PbxLink link(String pbxId) {
        return service(pbxId);
    }

    @Override
    public PbxCommands commands(String pbxId) {
        return service(pbxId);
    }

    AmiLinkService service(String pbxId) {
        var s = links.get(pbxId);
        if (s == null) {
            throw new NoSuchElementException("no PBX " + pbxId + " (known: " + links.keySet() + ")");
        }
        return s;
    }

    AmiLinkService first() {
        return links.values().iterator().next();
    }

    PbxRecordsReconciler reconciler(String pbxId) {
        var r = reconcilers.get(pbxId);
        if (r == null) {
            throw new NoSuchElementException("no PBX " + pbxId);
        }
        return r;
    }

    List<PbxRecordsReconciler> reconcilers() {
        return List.copyOf(reconcilers.values());
    }

    @EventListener
    void on(PbxLinkChanged e) {
        var r = reconcilers.get(e.pbxId());
        if (r != null) {
            r.on(e);
        }
    }

    @EventListener
    void on(JournalTakenOver e) {
        var r = reconcilers.get(e.pbxId());
        if (r != null) {
            r.on(e);
        }
    }

    @Override
    public synchronized void start() {
        reconcilers.values().forEach(PbxRecordsReconciler::start);
        links.values().forEach(AmiLinkService::start);
        running = true;
    }

    @Override
    public synchronized void stop() {
        links.values().forEach(AmiLinkService::stop);
        reconcilers.values().forEach(PbxRecordsReconciler::stop);
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // start after the web server and the database, stop before them
        return Integer.MAX_VALUE - 1000;
    }
}
