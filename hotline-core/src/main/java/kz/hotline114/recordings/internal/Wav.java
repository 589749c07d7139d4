package kz.hotline114.recordings.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** What a recording's WAV says about itself, and the demo's synthetic ones. */
final class Wav {

    private Wav() {
    }

    /**
     * The audio's length in milliseconds, from the {@code fmt } chunk's byte rate and the {@code data} chunk's size (or,
     * when the writer left that size unset, the bytes after its header).
     *
     * @throws IOException for a file that is not RIFF/WAVE PCM
     */
    static long durationMillis(Path file) throws IOException {
        long fileSize = Files.size(file);
        try (InputStream in = Files.newInputStream(file)) {
            var head = ByteBuffer.wrap(in.readNBytes(12)).order(ByteOrder.LITTLE_ENDIAN);
            if (head.limit() < 12 || !"RIFF".equals(ascii(head, 0)) || !"WAVE".equals(ascii(head, 8))) {
                throw new IOException("not a WAV file (no RIFF/WAVE header)");
            }
            long position = 12;
            int byteRate = 0;
            while (true) {
                var chunk = ByteBuffer.wrap(in.readNBytes(8)).order(ByteOrder.LITTLE_ENDIAN);
                if (chunk.limit() < 8) {
                    throw new IOException("a WAV file without a data chunk");
                }
                String id = ascii(chunk, 0);
                long size = Integer.toUnsignedLong(chunk.getInt(4));
                position += 8;
                if (id.equals("fmt ")) {
                    var fmt = ByteBuffer.wrap(in.readNBytes((int) size)).order(ByteOrder.LITTLE_ENDIAN);
                    byteRate = fmt.getInt(8);
                    position += size;
                } else if (id.equals("data")) {
                    if (byteRate <= 0) {
                        throw new IOException("a WAV data chunk before its format");
                    }
                    long available = fileSize - position;
                    long data = size == 0 || size > available ? available : size;
                    return data * 1000 / byteRate;
                } else {
                    in.skipNBytes(size);
                    position += size;
                }
                if ((size & 1) == 1) {
                    in.skipNBytes(1);
                    position++;
                }
            }
        }
    }

    private static String ascii(ByteBuffer b, int at) {
        return new String(b.array(), at, 4, StandardCharsets.US_ASCII);
    }

    /**
     * A synthetic conversation for the demo PBX: 8 kHz 16-bit mono, {@code seconds} long — two "voices" (a low and a
     * higher hum, each with a syllable rhythm) taking turns every few seconds, as a call would sound from afar.
     */
    static byte[] synthetic(int seconds, long seed) {
        int rate = 8000;
        int samples = Math.max(1, seconds) * rate;
        var pcm = ByteBuffer.allocate(samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        double caller = 140 + seed % 40;
        double specialist = 210 + seed % 50;
        for (int i = 0; i < samples; i++) {
            double t = (double) i / rate;
            boolean callerSpeaks = ((int) (t / 3.5)) % 2 == 0;
            double f = callerSpeaks ? caller : specialist;
            double syllable = Math.max(0, Math.sin(2 * Math.PI * (callerSpeaks ? 3.1 : 3.7) * t));
            double v = 0.25 * syllable * (Math.sin(2 * Math.PI * f * t) + 0.4 * Math.sin(2 * Math.PI * 2 * f * t));
            pcm.putShort((short) (v * Short.MAX_VALUE));
        }
        return riff(pcm.array(), rate);
    }

    private static byte[] riff(byte[] pcm, int rate) {
        var out = new ByteArrayOutputStream(pcm.length + 44);
        var h = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        h.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + pcm.length)
                .put("WAVE".getBytes(StandardCharsets.US_ASCII)).put("fmt ".getBytes(StandardCharsets.US_ASCII))
                .putInt(16).putShort((short) 1).putShort((short) 1).putInt(rate).putInt(rate * 2).putShort((short) 2)
                .putShort((short) 16).put("data".getBytes(StandardCharsets.US_ASCII)).putInt(pcm.length);
        out.writeBytes(h.array());
        out.writeBytes(pcm);
        return out.toByteArray();
    }
}
