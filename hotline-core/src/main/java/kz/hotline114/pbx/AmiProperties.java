package kz.hotline114.pbx;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The AMI link ({@code hotline.ami.*}).
 *
 * @param host            Asterisk's AMI host; empty = start the built-in demo PBX and connect to it
 * @param port            AMI port (Asterisk's default 5038)
 * @param username        AMI user (manager.conf section; pbx-config names it {@code hotline})
 * @param secret          AMI secret; from the environment ({@code HOTLINE_AMI_SECRET}) only
 * @param pbxId           the name this PBX's calls and journal rows are keyed by
 * @param queueCapacity   events the reader thread may hand off before the journal writer catches up; beyond, events are dropped, counted and logged
 *                        (an event waits as its text, about 0.8 KB: 250 000 by default, some 200 MB at worst)
 * @param batchSize       most events committed to the journal in one transaction
 * @param initialBackoff  first wait before retrying a failed login
 * @param maxBackoff      longest wait between login attempts (the wait doubles up to this)
 * @param demo            the built-in demo PBX, used when {@code host} is empty
 * @param reconcile       logging the calls the link missed from the PBX's own CEL/CDR tables
 */
@ConfigurationProperties("hotline.ami")
public record AmiProperties(@Nullable String host, Integer port, String username, @Nullable String secret,
                            String pbxId, Integer queueCapacity, Integer batchSize,
                            Duration initialBackoff, Duration maxBackoff, Demo demo, Reconcile reconcile) {

    public AmiProperties {
        port = port == null ? 5038 : port;
        username = username == null || username.isBlank() ? "hotline" : username;
        pbxId = pbxId == null || pbxId.isBlank() ? "pbx-114" : pbxId;
        queueCapacity = queueCapacity == null ? 250_000 : queueCapacity;
        batchSize = batchSize == null ? 1_000 : batchSize;
        initialBackoff = initialBackoff == null ? Duration.ofSeconds(1) : initialBackoff;
        maxBackoff = maxBackoff == null ? Duration.ofSeconds(30) : maxBackoff;
        demo = demo == null ? new Demo(null, null, null) : demo;
        reconcile = reconcile == null ? new Reconcile(null, null, null) : reconcile;
    }

    /** True when no real Asterisk is configured and the demo PBX serves the link. */
    public boolean useDemo() {
        return host == null || host.isBlank();
    }

    /**
     * The demo PBX ({@code hotline.ami.demo.*}).
     *
     * @param speed          1.0 = the recorded pace; 2.0 = twice as fast
     * @param pauseBetween   silence between two replayed scenarios
     * @param enabled        false = no demo PBX even without a host (the link then stays down)
     */
    public record Demo(Double speed, Duration pauseBetween, Boolean enabled) {
        public Demo {
            speed = speed == null ? 1.0 : speed;
            pauseBetween = pauseBetween == null ? Duration.ofSeconds(4) : pauseBetween;
            enabled = enabled == null || enabled;
        }
    }

    /**
     * Reconciliation with the PBX's own records ({@code hotline.ami.reconcile.*}): Asterisk writes every call to
     * the {@code cel} and {@code cdr} tables (cel_pgsql/cdr_pgsql in pbx-config) whether or not the app listens;
     * a finished call whose end the link did not see is journaled from them and logged, marked recovered.
     *
     * @param enabled  false = never read the PBX's tables
     * @param interval how often to look for finished calls the link missed (also at every (re)connection)
     * @param grace    how old a call's end must be before its records are read (its AMI events may be in flight)
     */
    public record Reconcile(Boolean enabled, Duration interval, Duration grace) {
        public Reconcile {
            enabled = enabled == null || enabled;
            interval = interval == null ? Duration.ofMinutes(1) : interval;
            grace = grace == null ? Duration.ofSeconds(30) : grace;
        }
    }
}
