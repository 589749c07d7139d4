package kz.hotline114.recordings.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recordings' encryption at rest: whole and ranged reads, and every way a file can be wrong. */
class RecordingCipherTest {

    @TempDir
    Path dir;

    private final RecordingCipher cipher = new RecordingCipher(key(1));

    private static byte[] key(int seed) {
        var k = new byte[32];
        new Random(seed).nextBytes(k);
        return k;
    }

    private Path encrypted(byte[] plain) throws IOException {
        var out = new ByteArrayOutputStream();
        cipher.encrypt(new ByteArrayInputStream(plain), plain.length, out);
        return Files.write(dir.resolve("r" + plain.length + ".hrec"), out.toByteArray());
    }

    private static byte[] plain(int size) {
        var b = new byte[size];
        new Random(size).nextBytes(b);
        return b;
    }

    private byte[] read(RecordingCipher c, Path file, long from, long length) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var in = Files.newByteChannel(file)) {
            c.decrypt(in, from, length, out);
        }
        return out.toByteArray();
    }

    @Test
    void any_range_reads_back_exactly_across_chunk_edges() throws IOException {
        int size = RecordingCipher.CHUNK * 3 + 1234;
        var plain = plain(size);
        var file = encrypted(plain);
        assertThat(Files.size(file)).isEqualTo(RecordingCipher.HEADER + size + 4L * RecordingCipher.TAG);
        try (var in = Files.newByteChannel(file)) {
            assertThat(cipher.decryptAll(in)).isEqualTo(plain);
        }
        int c = RecordingCipher.CHUNK;
        for (long[] r : new long[][] {{0, 1}, {c - 1, 2}, {c, c}, {c - 10, c + 20}, {size - 1, 1}, {5, size - 5},
            {size, 0}}) {
            assertThat(read(cipher, file, r[0], r[1])).as("bytes %s+%s", r[0], r[1])
                    .isEqualTo(Arrays.copyOfRange(plain, (int) r[0], (int) (r[0] + r[1])));
        }
        assertThatThrownBy(() -> read(cipher, file, size - 1, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nothing_of_the_audio_is_in_the_file_and_an_empty_recording_still_carries_a_tag() throws IOException {
        var plain = new byte[RecordingCipher.CHUNK];
        Arrays.fill(plain, (byte) 'A');
        var bytes = Files.readAllBytes(encrypted(plain));
        assertThat(new String(bytes, 0, 4)).isEqualTo("HREC");
        assertThat(new String(bytes, RecordingCipher.HEADER, 200)).doesNotContain("AAAA");
        var empty = encrypted(new byte[0]);
        assertThat(Files.size(empty)).isEqualTo(RecordingCipher.HEADER + RecordingCipher.TAG);
        try (var in = Files.newByteChannel(empty)) {
            assertThat(cipher.decryptAll(in)).isEmpty();
        }
    }

    @Test
    void a_changed_byte_a_cut_file_another_key_or_another_file_are_refused() throws IOException {
        var plain = plain(RecordingCipher.CHUNK + 100);
        var file = encrypted(plain);
        var bytes = Files.readAllBytes(file);

        var flipped = bytes.clone();
        flipped[RecordingCipher.HEADER + 10] ^= 1;
        var changed = Files.write(dir.resolve("changed"), flipped);
        assertThatThrownBy(() -> read(cipher, changed, 0, 10)).isInstanceOf(IOException.class)
                .hasMessageContaining("authentication");
        assertThat(read(cipher, changed, RecordingCipher.CHUNK, 50)).as("the other chunk is intact")
                .isEqualTo(Arrays.copyOfRange(plain, RecordingCipher.CHUNK, RecordingCipher.CHUNK + 50));

        var cut = Files.write(dir.resolve("cut"), Arrays.copyOf(bytes, bytes.length - 1));
        assertThatThrownBy(() -> read(cipher, cut, 0, 10)).isInstanceOf(IOException.class).hasMessageContaining("cannot be");

        var other = new RecordingCipher(key(2));
        assertThatThrownBy(() -> read(other, file, 0, 10)).isInstanceOf(IOException.class)
                .hasMessageContaining(cipher.keyId());

        var resized = bytes.clone(); // a header claiming another size is caught by every chunk's tag
        resized[31] ^= 1;
        Files.write(dir.resolve("resized"), resized);
        assertThatThrownBy(() -> read(cipher, dir.resolve("resized"), 0, 10)).isInstanceOf(IOException.class);

        var swapped = bytes.clone(); // the nonce prefix of another file: the chunks no longer authenticate
        swapped[16] ^= 1;
        Files.write(dir.resolve("swapped"), swapped, StandardOpenOption.CREATE);
        assertThatThrownBy(() -> read(cipher, dir.resolve("swapped"), 0, 10)).isInstanceOf(IOException.class)
                .hasMessageContaining("authentication");
        assertThatThrownBy(() -> new RecordingCipher(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_synthetic_recording_is_a_wav_of_the_asked_length() throws IOException {
        var wav = Files.write(dir.resolve("demo.wav"), Wav.synthetic(7, 42));
        assertThat(Wav.durationMillis(wav)).isEqualTo(7000);
        var notWav = Files.writeString(dir.resolve("x.wav"), "hello, not audio");
        assertThatThrownBy(() -> Wav.durationMillis(notWav)).hasMessageStartingWith("not a WAV");
    }
}
