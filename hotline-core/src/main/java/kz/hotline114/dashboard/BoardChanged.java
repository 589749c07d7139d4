package kz.hotline114.dashboard;

/**
 * The live board changed (a call moved, a member changed state, a call ended, the AMI link went up
 * or down). Published on the dashboard's own thread, changes coalesced while a board is being built.
 */
public record BoardChanged(LiveBoard board) {
}
