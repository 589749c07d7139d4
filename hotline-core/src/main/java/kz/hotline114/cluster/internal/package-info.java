/** The leases over Spring Integration's {@code JdbcLockRegistry} and {@code LockRegistryLeaderInitiator}. */
@NullMarked
package kz.hotline114.cluster.internal;

import org.jspecify.annotations.NullMarked;
