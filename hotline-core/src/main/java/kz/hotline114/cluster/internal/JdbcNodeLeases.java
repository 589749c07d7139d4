package kz.hotline114.cluster.internal;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.integration.jdbc.lock.DefaultLockRepository;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.integration.leader.Context;
import org.springframework.integration.leader.DefaultCandidate;
import org.springframework.integration.support.leader.LockRegistryLeaderInitiator;

import kz.hotline114.cluster.ClusterProperties;
import kz.hotline114.cluster.NodeLeases;

/**
 * {@link NodeLeases} over Spring Integration: a {@link JdbcLockRegistry} on the shared {@code int_lock} table (V65) and
 * one {@link LockRegistryLeaderInitiator} per lease, which holds the lease's lock, renews it every heartbeat, and
 * yields it when the lock cannot be renewed (the database is gone) or the node stops.
 */
public class JdbcNodeLeases implements NodeLeases, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JdbcNodeLeases.class);

    private final String nodeId;
    private final DefaultLockRepository repository;
    private final List<LockRegistryLeaderInitiator> initiators = new ArrayList<>();
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    private volatile boolean running;

    public JdbcNodeLeases(DataSource dataSource, ClusterProperties props) {
        this.nodeId = props.nodeId() != null && !props.nodeId().isBlank() ? props.nodeId().strip() : defaultNodeId();
        this.repository = new DefaultLockRepository(dataSource, UUID.randomUUID().toString());
        repository.setRegion(props.region());
        repository.setCheckDatabaseOnStart(false);
        // its own transactions on this pool (not the application's manager): a node's leases live and die with it
        repository.setTransactionManager(new org.springframework.jdbc.support.JdbcTransactionManager(dataSource));
        repository.afterPropertiesSet();
        repository.afterSingletonsInstantiated();
        var registry = new JdbcLockRegistry(repository, props.leaseTtl());
        registry.setIdleBetweenTries(java.time.Duration.ofMillis(100));
        for (var lease : props.leases()) {
            var initiator = new LockRegistryLeaderInitiator(registry, new DefaultCandidate(nodeId, lease) {
                @Override
                public void onGranted(Context ctx) {
                    held.add(lease);
                    log.info("Node {} holds the lease '{}'", nodeId, lease);
                }

                @Override
                public void onRevoked(Context ctx) {
                    held.remove(lease);
                    log.info("Node {} gave up the lease '{}'", nodeId, lease);
                }
            });
            initiator.setHeartBeatMillis(props.heartbeat().toMillis());
            initiator.setBusyWaitMillis(Math.max(50, props.heartbeat().toMillis() / 4));
            initiator.setPublishFailedEvents(false);
            initiators.add(initiator);
        }
    }

    private static String defaultNodeId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "node";
        }
        return host + "-" + UUID.randomUUID().toString().substring(0, 6);
    }

    @Override
    public String nodeId() {
        return nodeId;
    }

    @Override
    public boolean holds(String lease) {
        return held.contains(lease);
    }

    @Override
    public Set<String> held() {
        return Set.copyOf(held);
    }

    @Override
    public void start() {
        repository.start();
        initiators.forEach(LockRegistryLeaderInitiator::start);
        running = true;
    }

    @Override
    public void stop() {
        initiators.forEach(LockRegistryLeaderInitiator::stop);
        held.clear();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return 0; // before the AMI link and the web server: the scheduled work asks from the first tick
    }
}
