package kz.hotline114.recordings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Call recordings ({@code hotline.recordings.*}).
 *
 * @param incomingDir   where the PBX writes {@code hotline-<Linkedid>.wav} (MixMonitor; a volume both share); empty =
 *                      {@code <data dir>/recordings/incoming}, where the demo PBX writes its synthetic ones
 * @param storeDir      the encrypted recordings; empty = {@code <data dir>/recordings/store}
 * @param key           base64 of the 32-byte AES key ({@code HOTLINE_RECORDINGS_KEY}); empty = the key in
 *                      {@code <data dir>/recordings.key}, made at the first start
 * @param oldKeys       earlier keys, still read (rotation: the new key in {@code key}, the old one here, then
 *                      re-encrypt; see README)
 * @param retentionDays a recording is deleted this many days after its call unless held
 * @param scanInterval  how often the incoming directory is looked at
 * @param settle        a file is taken in once unchanged this long (MixMonitor has closed it)
 */
@ConfigurationProperties("hotline.recordings")
public record RecordingsProperties(@Nullable Path incomingDir, @Nullable Path storeDir, @Nullable String key,
                                   List<String> oldKeys, Integer retentionDays, Duration scanInterval,
                                   Duration settle) {

    public RecordingsProperties {
        oldKeys = oldKeys == null ? List.of() : oldKeys.stream().filter(k -> k != null && !k.isBlank()).toList();
        incomingDir = incomingDir == null || incomingDir.toString().isBlank() ? null : incomingDir;
        storeDir = storeDir == null || storeDir.toString().isBlank() ? null : storeDir;
        retentionDays = retentionDays == null ? 90 : retentionDays;
        scanInterval = scanInterval == null ? Duration.ofSeconds(5) : scanInterval;
        settle = settle == null ? Duration.ofSeconds(2) : settle;
        if (retentionDays < 1) {
            throw new IllegalArgumentException("hotline.recordings.retention-days must be at least 1");
        }
    }
}
