package kz.hotline114.cluster.internal;

import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.integration.jdbc.lock.DefaultLockRepository;
import org.springframework.integration.util.UUIDConverter;
import org.springframework.jdbc.core.JdbcTemplate;
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
    private final String clientId = UUID.randomUUID().toString();
    private final ClusterProperties props;
    private final JdbcTemplate jdbc;
    private final JdbcLockRegistry registry;
    private final Consumer<LeaseChanged> announce;
    private final DefaultLockRepository repository;
    private final Map<String, LockRegistryLeaderInitiator> initiators = new LinkedHashMap<>();
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    private volatile boolean running;

    public JdbcNodeLeases(DataSource dataSource, ClusterProperties props) {
        this(dataSource, props, change -> { });
    }

    public JdbcNodeLeases(DataSource dataSource, ClusterProperties props, Consumer<LeaseChanged> announce) {
        this.nodeId = props.nodeId() != null && !props.nodeId().isBlank() ? props.nodeId().strip() : defaultNodeId();
        this.props = props;
        this.announce = announce;
        this.jdbc = new JdbcTemplate(dataSource);
        this.repository = new DefaultLockRepository(dataSource, clientId);
        repository.setRegion(props.region());
        repository.setCheckDatabaseOnStart(false);
        // its own transactions on this pool (not the application's manager): a node's leases live and die with it
        repository.setTransactionManager(new org.springframework.jdbc.support.JdbcTransactionManager(dataSource));
        repository.afterPropertiesSet();
        repository.afterSingletonsInstantiated();
        this.registry = new JdbcLockRegistry(repository, props.leaseTtl());
        registry.setIdleBetweenTries(java.time.Duration.ofMillis(100));
        props.leases().forEach(this::initiator);
    }

    private LockRegistryLeaderInitiator initiator(String lease) {
        var initiator = new LockRegistryLeaderInitiator(registry, new DefaultCandidate(nodeId, lease) {
            @Override
            public void onGranted(Context ctx) {
                held.add(lease);
                log.info("Node {} holds the lease '{}'", nodeId, lease);
                announce.accept(new LeaseChanged(lease, true));
            }

            @Override
            public void onRevoked(Context ctx) {
                held.remove(lease);
                log.info("Node {} gave up the lease '{}'", nodeId, lease);
                announce.accept(new LeaseChanged(lease, false));
            }
        });
        initiator.setHeartBeatMillis(props.heartbeat().toMillis());
        initiator.setBusyWaitMillis(Math.max(50, props.heartbeat().toMillis() / 4));
        initiator.setPublishFailedEvents(false);
        initiators.put(lease, initiator);
        return initiator;
    }

    @Override
    public synchronized void compete(String lease) {
        if (!initiators.containsKey(lease)) {
            var initiator = initiator(lease);
            if (running) {
                initiator.start();
            }
        }
    }

    @Override
    public void fence(String lease) {
        // the row Spring Integration's registry keeps for the lease (its key is the UUID of the lease's name); FOR
        // SHARE keeps another node's take-over (an UPDATE of the row) waiting until the caller's transaction ends. A row
        // still ours but past its expiry is no danger: nobody else has taken it, so nobody else writes.
        var mine = jdbc.queryForList("""
                select 1 from int_lock where region = ? and lock_key = ? and client_id = ? for share""",
                Integer.class, props.region(), UUIDConverter.getUUID(lease).toString(), clientId);
        if (mine.isEmpty()) {
            throw new LeaseLost(lease, nodeId);
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
    public synchronized void start() {
        repository.start();
        initiators.values().forEach(LockRegistryLeaderInitiator::start);
        running = true;
    }

    @Override
    public synchronized void stop() {
        initiators.values().forEach(LockRegistryLeaderInitiator::stop);
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
