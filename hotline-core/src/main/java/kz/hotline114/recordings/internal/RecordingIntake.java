package kz.hotline114.recordings.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import kz.hotline114.calls.CallKey;
import kz.hotline114.cluster.NodeLeases;
import kz.hotline114.pbx.Pbxs;
import kz.hotline114.recordings.RecordingsProperties;

/**
 * Takes the PBX's recordings in: every {@code hotline-<Linkedid>.wav} in the incoming directory whose call has ended
 * and which has not changed for {@code settle} (MixMonitor closed it) is encrypted into the store, linked to its call
 * and removed. Works from the files, not from AMI events, so a recording made while the link was down is taken in all
 * the same once its call is logged (from the PBX's records). A file that is not a WAV is moved to {@code rejected/}.
 * Retention runs here too.
 */
@Component
class RecordingIntake {

    private static final Logger log = LoggerFactory.getLogger(RecordingIntake.class);
    private static final Pattern NAME = Pattern.compile("hotline-(.+)\\.wav");

    private final JdbcRecordings recordings;
    private final RecordingsProperties props;
    private final Pbxs pbxs;
    private final Path incoming;
    /** What a file looked like when first seen unchanged: size, modified time, since (monotonic nanos). */
    private final Map<Path, long[]> seen = new HashMap<>();

    private final NodeLeases leases;

    RecordingIntake(JdbcRecordings recordings, RecordingsProperties props, Pbxs pbxs,
                    RecordingsConfiguration.Directories dirs, NodeLeases leases) {
        this.leases = leases;
        this.recordings = recordings;
        this.props = props;
        this.pbxs = pbxs;
        this.incoming = dirs.incoming();
    }

    @Scheduled(fixedDelayString = "${hotline.recordings.scan-interval:5s}",
               initialDelayString = "${hotline.recordings.scan-interval:5s}")
    void scan() {
        if (!leases.holds(NodeLeases.SCHEDULER)) { // one node of the cluster does this
            return;
        }
        try {
            int n = takeIn();
            if (n > 0) {
                log.info("Took in {} recording(s) from {}", n, incoming);
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Recordings intake failed (retried at the next scan): {}", e.toString());
        }
    }

    @Scheduled(fixedDelayString = "${hotline.recordings.retention-interval:1h}",
               initialDelayString = "${hotline.recordings.retention-initial-delay:1m}")
    void retention() {
        if (!leases.holds(NodeLeases.SCHEDULER)) { // one node of the cluster does this
            return;
        }
        try {
            int n = recordings.applyRetention();
            if (n > 0) {
                log.info("Deleted {} recording(s) past {} days", n, props.retentionDays());
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Recordings retention failed (retried at the next run): {}", e.toString());
        }
    }

    /** One pass over the incoming directory; the number of recordings taken in. */
    synchronized int takeIn() throws IOException {
        if (!Files.isDirectory(incoming)) {
            return 0;
        }
        int taken = 0;
        try (var files = Files.list(incoming)) {
            for (var file : files.filter(Files::isRegularFile).toList()) {
                var m = NAME.matcher(file.getFileName().toString());
                try {
                    if (m.matches() && settled(file) && takeIn(file,
                            new CallKey(recordings.pbxOf(m.group(1), pbxs.ids().getFirst()), m.group(1)))) {
                        taken++;
                    }
                } catch (IOException | RuntimeException e) { // one bad file must not hold up the others
                    log.warn("Recording {} not taken in (retried at the next scan): {}", file.getFileName(), e.toString());
                }
            }
        }
        seen.keySet().removeIf(p -> !Files.exists(p));
        return taken;
    }

    private boolean takeIn(Path file, CallKey call) throws IOException {
        if (recordings.recorded(call)) {
            Files.deleteIfExists(file); // a second copy of one the store has
            return false;
        }
        var start = recordings.endedCallStart(call);
        if (start == null) {
            return false; // the call is not logged yet, or still going on
        }
        try {
            boolean stored = recordings.store(call, start, file);
            Files.deleteIfExists(file);
            seen.remove(file);
            return stored;
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("not a WAV")) {
                var rejected = Files.createDirectories(incoming.resolve("rejected"));
                Files.move(file, rejected.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                log.warn("Recording {} of call {} is not a WAV file: moved to {}", file.getFileName(), call, rejected);
                return false;
            }
            throw e;
        }
    }

    /** Unchanged in size and time since at least {@code settle} ago (measured on this node's monotonic timer). */
    private boolean settled(Path file) throws IOException {
        long size = Files.size(file);
        long modified = Files.getLastModifiedTime(file).toMillis();
        long now = System.nanoTime();
        var before = seen.get(file);
        if (before == null || before[0] != size || before[1] != modified) {
            seen.put(file, new long[] {size, modified, now});
            return props.settle().isZero();
        }
        return now - before[2] >= props.settle().toNanos();
    }
}
