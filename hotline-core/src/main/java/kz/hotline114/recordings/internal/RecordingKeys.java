package kz.hotline114.recordings.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kz.hotline114.recordings.RecordingsProperties;
import kz.hotline114.shared.HotlineProperties;

/**
 * The recordings' keys: the current one (new recordings) and the earlier ones (still readable), by key id. From
 * {@code HOTLINE_RECORDINGS_KEY} / {@code hotline.recordings.old-keys}, or — nothing configured — from
 * {@code <data dir>/recordings.key}, made at the first start (owner-only) with a log line saying so.
 */
final class RecordingKeys {

    private static final Logger log = LoggerFactory.getLogger(RecordingKeys.class);

    private final RecordingCipher current;
    private final Map<String, RecordingCipher> all = new LinkedHashMap<>();

    RecordingKeys(RecordingsProperties props, HotlineProperties hotline) {
        current = new RecordingCipher(props.key() == null || props.key().isBlank()
                ? generatedKey(hotline.dataDir().resolve("recordings.key")) : decode(props.key(), "key"));
        all.put(current.keyId(), current);
        for (String old : props.oldKeys()) {
            var c = new RecordingCipher(decode(old, "old-keys"));
            all.putIfAbsent(c.keyId(), c);
        }
    }

    RecordingCipher current() {
        return current;
    }

    /** The key a file was encrypted with, or an error naming its id (an old key missing from the configuration). */
    RecordingCipher forId(String keyId) {
        var c = all.get(keyId);
        if (c == null) {
            throw new IllegalStateException("no recordings key " + keyId + " is configured (hotline.recordings.key / "
                    + "old-keys): was a key rotated without keeping the old one?");
        }
        return c;
    }

    private static byte[] decode(String base64, String what) {
        try {
            return Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("hotline.recordings." + what + " is not base64: " + e.getMessage());
        }
    }

    private static byte[] generatedKey(Path file) {
        try {
            if (Files.exists(file)) {
                return decode(Files.readString(file, StandardCharsets.US_ASCII), "key file " + file);
            }
            Files.createDirectories(file.getParent());
            var key = new byte[32];
            new SecureRandom().nextBytes(key);
            Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: its own permissions apply
            }
            log.warn("No HOTLINE_RECORDINGS_KEY: generated the recordings key into {} (key id {}). Back it up with the "
                    + "data: without it no recording can be played.", file, RecordingCipher.keyId(key));
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or make the recordings key " + file, e);
        }
    }
}
