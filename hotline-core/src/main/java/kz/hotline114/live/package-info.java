/**
 * The line as it is now: queues, their members' states and the callers waiting, kept in memory
 * from the AMI events (reseeded with QueueStatus and CoreShowChannels on every (re)connect) and published as
 * {@link kz.hotline114.live.LiveChanged} for the desk and the dashboards.
 */
@org.jspecify.annotations.NullMarked
package kz.hotline114.live;
