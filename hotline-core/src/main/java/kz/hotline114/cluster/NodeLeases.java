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
}
