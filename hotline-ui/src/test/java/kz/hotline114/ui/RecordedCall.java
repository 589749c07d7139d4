package kz.hotline114.ui;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.jdbc.core.JdbcTemplate;

import kz.hotline114.calls.CallKey;

/**
 * An answered call of the UI tests' PBX with a recording, as the PBX leaves it: the row, and a WAV (8 kHz 16-bit mono,
 * silent, {@code seconds} long) in the incoming directory, waited for until the app's intake has taken it in.
 */
public final class RecordedCall {

    private RecordedCall() {
    }

    public static CallKey make(JdbcTemplate jdbc, Path dataDir, String prefix, Instant startedAt, String queue,
                               String specialist, int seconds) throws Exception {
        var call = new CallKey(UiIT.PBX_ID, prefix + ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE));
        jdbc.update("""
                insert into calls (pbx_id, linkedid, started_at, ended_at, caller_withheld, queues, answered_by, transfers,
                    outcome, repeat_caller, updated_at, talk_seconds)
                values (?, ?, ?, ?, true, ?, ?, '[]'::jsonb, 'ANSWERED', false, ?, ?)""", call.pbxId(), call.linkedid(),
                Timestamp.from(startedAt), Timestamp.from(startedAt.plusSeconds(seconds + 25L)), new String[] {queue},
                new String[] {specialist}, Timestamp.from(startedAt), seconds);
        int bytes = seconds * 16000;
        var wav = ByteBuffer.allocate(44 + bytes).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes()).putInt(36 + bytes).put("WAVEfmt ".getBytes()).putInt(16).putShort((short) 1)
                .putShort((short) 1).putInt(8000).putInt(16000).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes()).putInt(bytes);
        var incoming = Files.createDirectories(dataDir.resolve("recordings/incoming"));
        Files.write(incoming.resolve("hotline-" + call.linkedid() + ".wav"), wav.array());
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (jdbc.queryForObject("select count(*) from call_recording where pbx_id = ? and linkedid = ?", Long.class,
                call.pbxId(), call.linkedid()) == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the recording of " + call + " was not taken in within 40 s");
            }
            Thread.sleep(250);
        }
        return call;
    }
}
