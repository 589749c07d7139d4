package kz.hotline114.recordings.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.NoSuchElementException;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import kz.hotline114.calls.CallKey;
import kz.hotline114.cases.CallerProfile;
import kz.hotline114.cases.CaseDraft;
import kz.hotline114.cases.Cases;
import kz.hotline114.recordings.Recordings;
import kz.hotline114.support.TelephonyIT;

/**
 * Recordings on the real PostgreSQL: a finished call's WAV is taken in (encrypted, linked with size, length and
 * SHA-256, the plain file removed), one of a call still going on waits, a file that is no WAV is set aside; who may
 * listen; retention deletes what is due and nothing held.
 */
class RecordingsIT extends TelephonyIT {

    @Autowired
    Recordings recordings;
    @Autowired
    RecordingIntake intake;
    @Autowired
    JdbcRecordings store;
    @Autowired
    RecordingsConfiguration.Directories dirs;
    @Autowired
    Clock clock;
    @Autowired
    Cases cases;

    private static void as(String role) {
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("rec-" + role.toLowerCase(),
                "n/a", "ROLE_" + role));
    }

    private CallKey call(Instant started, String outcome) {
        var key = new CallKey(PBX_ID, "rec-" + ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE));
        jdbc.update("""
                insert into calls (pbx_id, linkedid, started_at, ended_at, caller_withheld, queues, answered_by, transfers,
                    outcome, repeat_caller, updated_at, talk_seconds)
                values (?, ?, ?, ?, true, '{}', '{}', '[]'::jsonb, ?, false, ?, 3)""", key.pbxId(), key.linkedid(),
                Timestamp.from(started), outcome.equals("IN_PROGRESS") ? null : Timestamp.from(started.plusSeconds(60)),
                outcome, Timestamp.from(started));
        return key;
    }

    private java.nio.file.Path incoming(CallKey call, byte[] bytes) throws Exception {
        return Files.write(dirs.incoming().resolve("hotline-" + call.linkedid() + ".wav"), bytes);
    }

    /** The intake, twice with the settle time between (the scheduled one may come first: the row decides). */
    private void takeIn() throws Exception {
        intake.takeIn();
        Thread.sleep(2100);
        intake.takeIn();
    }

    private byte[] play(CallKey call) throws Exception {
        var out = new ByteArrayOutputStream();
        recordings.write(call, 0, recordings.of(call).orElseThrow().sizeBytes(), false, out);
        return out.toByteArray();
    }

    @Test
    void a_finished_calls_recording_is_taken_in_encrypted_and_played_to_a_supervisor_only() throws Exception {
        var done = call(clock.instant().minusSeconds(300), "ANSWERED");
        var going = call(clock.instant().minusSeconds(30), "IN_PROGRESS");
        var bogus = call(clock.instant().minusSeconds(300), "ANSWERED");
        byte[] wav = Wav.synthetic(3, 7);
        var doneFile = incoming(done, wav);
        var goingFile = incoming(going, Wav.synthetic(2, 8));
        incoming(bogus, "not audio at all".getBytes());
        takeIn();

        var row = jdbc.queryForMap("select * from call_recording where pbx_id = ? and linkedid = ?", PBX_ID,
                done.linkedid());
        assertThat(row).containsEntry("size_bytes", (long) wav.length).containsEntry("duration_ms", 3000L);
        assertThat(row.get("sha256")).isEqualTo(java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(wav)));
        assertThat(doneFile).as("the PBX's plain copy").doesNotExist();
        assertThat(goingFile).as("its call is still going on").exists();
        assertThat(dirs.incoming().resolve("rejected").resolve("hotline-" + bogus.linkedid() + ".wav")).exists();
        var stored = Files.readAllBytes(dirs.store().resolve((String) row.get("store_key")));
        assertThat(new String(stored, 0, 4)).isEqualTo("HREC");

        as("SUPERVISOR");
        assertThat(play(done)).isEqualTo(wav);
        assertThat(recordings.of(done)).hasValueSatisfying(r -> {
            assertThat(r.durationMillis()).isEqualTo(3000);
            assertThat(r.available()).isTrue();
        });
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'RECORDING_PLAYED' and subject = ?"
                + " and username = 'rec-supervisor'", Long.class, done.toString())).isEqualTo(1);
        var part = new ByteArrayOutputStream();
        recordings.write(done, 1000, 500, false, part);
        assertThat(part.toByteArray()).isEqualTo(java.util.Arrays.copyOfRange(wav, 1000, 1500));
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'RECORDING_PLAYED' and subject = ?",
                Long.class, done.toString())).as("a later range of the same playback").isEqualTo(1);

        for (var role : new String[] {"OPERATOR", "SPECIALIST", "REPORTER"}) {
            as(role);
            assertThat(recordings.of(done)).as(role).isEmpty();
            assertThatThrownBy(() -> play(done)).isInstanceOf(NoSuchElementException.class);
            assertThatThrownBy(() -> recordings.write(done, 0, 10, false, new ByteArrayOutputStream()))
                    .as(role).isInstanceOf(AccessDeniedException.class);
        }
        jdbc.update("update calls set outcome = 'ANSWERED', ended_at = started_at + interval '30 seconds'"
                + " where pbx_id = ? and linkedid = ?", PBX_ID, going.linkedid());
        takeIn();
        assertThat(goingFile).as("taken in once its call ended").doesNotExist();
    }

    @Test
    void retention_deletes_what_is_due_and_keeps_what_is_held_until_released() throws Exception {
        var now = clock.instant();
        var old = call(now.minus(Duration.ofDays(91)), "ANSWERED");
        var held = call(now.minus(Duration.ofDays(95)), "ANSWERED");
        var recent = call(now.minus(Duration.ofDays(89)), "ANSWERED");
        for (var c : new CallKey[] {old, held, recent}) {
            incoming(c, Wav.synthetic(1, c.hashCode()));
        }
        takeIn();
        as("SUPERVISOR");
        assertThatThrownBy(() -> recordings.hold(held, Recordings.HoldKind.SUPERVISOR, " "))
                .isInstanceOf(IllegalArgumentException.class);
        var hold = recordings.hold(held, Recordings.HoldKind.SUPERVISOR, "шағым бойынша тексеру");
        var oldKey = jdbc.queryForObject("select store_key from call_recording where pbx_id = ? and linkedid = ?",
                String.class, PBX_ID, old.linkedid());

        SecurityContextHolder.clearContext(); // the scheduled run: no one signed in
        store.applyRetention();
        as("SUPERVISOR");
        assertThat(recordings.of(old)).hasValueSatisfying(r -> assertThat(r.available()).isFalse());
        assertThat(dirs.store().resolve(oldKey)).doesNotExist();
        assertThatThrownBy(() -> recordings.write(old, 0, 1, false, new ByteArrayOutputStream()))
                .isInstanceOf(NoSuchElementException.class);
        assertThat(recordings.of(held).orElseThrow().available()).isTrue();
        assertThat(recordings.of(held).orElseThrow().holds()).extracting(Recordings.Hold::reason)
                .containsExactly("шағым бойынша тексеру");
        assertThat(recordings.of(recent).orElseThrow().available()).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'RECORDING_DELETED' and subject = ?"
                + " and username = 'system'", Long.class, old.toString())).isEqualTo(1);
        assertThatThrownBy(() -> recordings.hold(old, Recordings.HoldKind.SUPERVISOR, "кеш"))
                .isInstanceOf(NoSuchElementException.class);

        recordings.release(held, hold.id(), "тексеру аяқталды");
        SecurityContextHolder.clearContext();
        store.applyRetention();
        as("ADMIN");
        assertThat(recordings.of(held).orElseThrow().available()).isFalse();
        var storage = recordings.storage();
        assertThat(storage.deleted()).isGreaterThanOrEqualTo(2);
        assertThat(storage.retentionDays()).isEqualTo(90);
        as("SUPERVISOR");
        assertThatThrownBy(recordings::storage).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_case_keeps_its_calls_recording_asked_by_whoever_works_on_the_case() throws Exception {
        var now = clock.instant();
        var call = call(now.minus(Duration.ofDays(95)), "ANSWERED");
        var other = call(now.minus(Duration.ofDays(95)), "ANSWERED");
        incoming(call, Wav.synthetic(1, 7));
        incoming(other, Wav.synthetic(1, 8));
        takeIn();
        as("SPECIALIST");
        kz.hotline114.support.TestClock.pin(now.minus(Duration.ofDays(95)).plusSeconds(600)); // the call's day
        var number = cases.open(new CaseDraft(call.pbxId(), call.linkedid(), "RELIGION_QUESTION", null,
                "Отбасы мүшесі топқа тартылды", null, "kk", CallerProfile.UNKNOWN, null, false, null, null));
        kz.hotline114.support.TestClock.reset();
        assertThat(recordings.of(call)).as("a specialist does not listen").isEmpty();
        assertThat(recordings.retention(call)).hasValueSatisfying(r -> {
            assertThat(r.deleteAfter()).as("95 days old, 90 kept: 5 days ago")
                    .isBetween(now.minus(Duration.ofDays(5)).minusSeconds(1), now.minus(Duration.ofDays(5)).plusSeconds(1));
            assertThat(r.heldFor()).isEmpty();
        });
        assertThatThrownBy(() -> recordings.holdForCase(call, number, " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("reason");
        assertThatThrownBy(() -> recordings.holdForCase(other, number, "дау"))
                .as("not a call of the case").isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("call");
        var hold = recordings.holdForCase(call, number, "отбасы шағым жазбақ");
        assertThat(hold.kind()).isEqualTo(Recordings.HoldKind.CASE);
        assertThat(hold.reason()).isEqualTo(number + ": отбасы шағым жазбақ");
        assertThat(recordings.retention(call).orElseThrow().heldFor()).containsExactly(Recordings.HoldKind.CASE);
        as("OPERATOR"); // an operator who did not open the case may not read it, so may not hold its call's recording
        assertThatThrownBy(() -> recordings.holdForCase(call, number, "тағы")).isInstanceOf(AccessDeniedException.class);
        as("REPORTER");
        assertThatThrownBy(() -> recordings.retention(call)).isInstanceOf(AccessDeniedException.class);

        SecurityContextHolder.clearContext();
        store.applyRetention();
        as("SUPERVISOR");
        assertThat(recordings.of(call).orElseThrow().available()).as("held by the case").isTrue();
        assertThat(recordings.of(other).orElseThrow().available()).as("nothing held it").isFalse();
        assertThat(recordings.retention(other)).as("a deleted recording has no retention").isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'RECORDING_HELD' and subject = ?"
                + " and username = 'rec-specialist'", Long.class, call.toString())).isEqualTo(1);
    }
}
