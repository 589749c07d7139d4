package kz.hotline114.pbx;
import java.time.Duration;

/** The AMI link to the PBX, as other features may see it. */
public interface PbxLink {

    /** The link's state and counters now. */
    PbxLinkStatus status();

    /**
     * Blocks until every event read off the socket so far has been journaled and published
     * (for tests and the benchmark), or the timeout passes.
     *
     * @return true when the hand-off drained in time
     */
    boolean awaitIdle(Duration timeout) throws InterruptedException;
}
