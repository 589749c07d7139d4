/**
 * Several application nodes on one PostgreSQL (issue 20): leases, each held by exactly one node at a time and taken
 * over by another within seconds when its holder dies or loses the database — the scheduled work (rota, callbacks,
 * retention, reports by mail, the monthly sample, the risk watch) runs on the node holding {@link NodeLeases#SCHEDULER}.
 * Spring Integration's JDBC lock registry and its lock-based leader election do the work: nothing home-made.
 */
@NullMarked
package kz.hotline114.cluster;

import org.jspecify.annotations.NullMarked;
