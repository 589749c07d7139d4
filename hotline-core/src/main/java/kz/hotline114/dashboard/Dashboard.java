package kz.hotline114.dashboard;

import java.time.Instant;
import java.util.List;

import kz.hotline114.live.LiveSnapshot;

/** The supervisor's view of the line: the live board (also for the wall-board) and its alerts. */
public interface Dashboard {

    /** The latest board (as last published with {@link BoardChanged}). */
    LiveBoard board();

    /** Today's figures as the latest board counted them (re-read from the call log after every call change). */
    DayFigures today();

    /** A board built now, from the live model and today's figures. */
    LiveBoard refresh();

    /** A board of one PBX built now (several PBXs): its queues and calls, its calls' figures today. */
    LiveBoard board(String pbxId);

    /** The alerts of a live snapshot at {@code now} (waits grow between events: call it every second). */
    List<Alert> alerts(LiveSnapshot snapshot, boolean pbxConnected, Instant now);
}
