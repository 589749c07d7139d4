package kz.hotline114.cluster;

import java.util.Set;

/**
 * The leases this node holds. A lease is held by one node of the cluster at a time (a row of the shared lock table,
 * renewed every heartbeat and lost when not renewed within its time to live); a node that stops, dies or cannot reach
 * the database gives its leases up, and another node takes each over.
 */
public interface NodeLeases {

    /** The lease of the scheduled work: one node runs it. */
    String SCHEDULER = "scheduler";

    /** This node's id (configured, or the host name and a random suffix). */
    String nodeId();

    /** Whether this node holds the lease now. */
    boolean holds(String lease);

    /** The leases this node holds now. */
    Set<String> held();

    /**
     * This node competes for {@code lease} from now on (e.g. {@code journal:<pbx>} for each PBX it is linked to), as for
     * the configured ones; taking it is announced by {@link LeaseChanged}.
     */
    void compete(String lease);

    /**
     * Within the caller's transaction on the application's database: locks the lease's row against another node's
     * taking it until that transaction ends, and throws {@link LeaseLost} unless this node holds it unexpired — so
     * what the transaction writes is written by the lease's holder only, even when the holder is slow to notice
     * that it lost the lease.
     */
    void fence(String lease);

    /** The name of the lease under which one node journals a PBX's events. */
    static String journal(String pbxId) {
        return "journal:" + pbxId;
    }

    /** Thrown by {@link #fence} when this node does not hold the lease. */
    final class LeaseLost extends IllegalStateException {
        public LeaseLost(String lease, String node) {
            super("node " + node + " does not hold the lease '" + lease + "'");
        }
    }

    /** This node took ({@code held}) or gave up a lease; published on the leader-election thread. */
    record LeaseChanged(String lease, boolean held) {
    }
}
