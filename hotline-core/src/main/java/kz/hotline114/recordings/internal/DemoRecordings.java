package kz.hotline114.recordings.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import kz.hotline114.pbx.AmiProperties;

/**
 * The demo PBX's recordings: with no Asterisk configured, every answered call the demo replays gets a synthetic
 * recording as long as its talk time, written where a real PBX would write it, so that the intake, the player and the
 * retention can be tried without a PBX.
 */
@Component
class DemoRecordings {

    private static final Logger log = LoggerFactory.getLogger(DemoRecordings.class);

    private final JdbcTemplate jdbc;
    private final AmiProperties ami;
    private final RecordingsConfiguration.Directories dirs;
    private final Clock clock;

    DemoRecordings(JdbcTemplate jdbc, AmiProperties ami, RecordingsConfiguration.Directories dirs, Clock clock) {
        this.jdbc = jdbc;
        this.ami = ami;
        this.dirs = dirs;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${hotline.recordings.scan-interval:5s}",
               initialDelayString = "${hotline.recordings.scan-interval:5s}")
    void record() {
        if (ami.host() != null && !ami.host().isBlank()) {
            return; // a real PBX records its own calls
        }
        try {
            write();
        } catch (IOException | RuntimeException e) {
            log.warn("Demo recordings: {}", e.toString());
        }
    }

    /** Synthetic files for the demo's answered calls of the last hour that have none yet; how many were written. */
    int write() throws IOException {
        var calls = jdbc.query("""
                select linkedid, talk_seconds from calls c
                where pbx_id = ? and outcome = 'ANSWERED' and talk_seconds > 0 and ended_at > ?
                    and not exists (select 1 from call_recording r where r.pbx_id = c.pbx_id and r.linkedid = c.linkedid)
                limit 20""", (rs, i) -> new Object[] {rs.getString(1), rs.getInt(2)}, ami.pbxId(),
                Timestamp.from(clock.instant().minus(Duration.ofHours(1))));
        int written = 0;
        for (var c : calls) {
            var target = dirs.incoming().resolve("hotline-" + c[0] + ".wav");
            if (Files.exists(target)) {
                continue;
            }
            var part = dirs.incoming().resolve(".demo-" + c[0] + ".part");
            Files.write(part, Wav.synthetic((Integer) c[1], c[0].hashCode()));
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            written++;
        }
        return written;
    }
}
