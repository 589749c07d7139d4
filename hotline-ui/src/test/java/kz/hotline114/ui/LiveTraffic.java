package kz.hotline114.ui;

import java.util.List;

import kz.hotline114.amisim.AmiPacket;
import kz.hotline114.support.Recordings;
import kz.hotline114.support.TestClock;

/** Recorded calls moved to now, so that they count as today's whatever day the tests run. */
public final class LiveTraffic {

    private LiveTraffic() {
    }

    /** Copy {@code copy} (below 200: Asterisk-Java reads sequence numbers as int) of a recording, starting now. */
    public static List<AmiPacket> now(String name, int copy) {
        return Recordings.startingAt(name, copy, TestClock.now());
    }

    public static int first(List<AmiPacket> packets, String event) {
        for (int i = 0; i < packets.size(); i++) {
            if (event.equals(packets.get(i).event())) {
                return i;
            }
        }
        throw new AssertionError("no " + event);
    }
}
