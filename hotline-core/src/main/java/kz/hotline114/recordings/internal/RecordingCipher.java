package kz.hotline114.recordings.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Recordings at rest: AES-256-GCM over 64 KiB chunks, so that a byte range (the browser's player asks for ranges) is
 * read by decrypting only its chunks. The file is a 32-byte header — magic {@code HREC}, version 1, three zero bytes,
 * the key's id (the first 8 bytes of its SHA-256), a random 8-byte nonce prefix, the plain size (8 bytes, big-endian)
 * — then the chunks, each its ciphertext and 16-byte tag. Chunk {@code i}'s nonce is the prefix and {@code i} (4
 * bytes); its additional data is the header and {@code i}, so no chunk can be moved, swapped between files or cut off
 * (the header's size says how many there are, and it is authenticated by every chunk).
 */
final class RecordingCipher {

    static final int CHUNK = 64 * 1024;
    static final int TAG = 16;
    static final int HEADER = 32;
    private static final byte[] MAGIC = {'H', 'R', 'E', 'C', 1, 0, 0, 0};
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;
    private final String keyId;

    RecordingCipher(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("a recordings key is 32 bytes (base64 of 32 random bytes), not "
                    + key.length);
        }
        this.key = key.clone();
        this.keyId = keyId(key);
    }

    /** The first 8 bytes of the key's SHA-256, hex: names the key in files and rows, never reveals it. */
    static String keyId(byte[] key) {
        try {
            return HexFormat.of().formatHex(Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(key), 8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String keyId() {
        return keyId;
    }

    /** Encrypts {@code size} bytes of {@code plain} into {@code out}. */
    void encrypt(InputStream plain, long size, OutputStream out) throws IOException {
        var header = ByteBuffer.allocate(HEADER);
        header.put(MAGIC).put(HexFormat.of().parseHex(keyId));
        var prefix = new byte[8];
        RANDOM.nextBytes(prefix);
        header.put(prefix).putLong(size);
        byte[] head = header.array();
        out.write(head);
        long chunks = chunks(size);
        var buffer = new byte[CHUNK];
        for (int i = 0; i < chunks; i++) {
            int n = (int) Math.min(CHUNK, size - (long) i * CHUNK);
            int read = plain.readNBytes(buffer, 0, n);
            if (read != n) {
                throw new IOException("the recording ended after " + ((long) i * CHUNK + read) + " of " + size + " bytes");
            }
            try {
                out.write(cipher(Cipher.ENCRYPT_MODE, head, i).doFinal(buffer, 0, n));
            } catch (GeneralSecurityException e) {
                throw new IOException(e);
            }
        }
    }

    /** Chunks of a plain size: at least one, so that an empty file still carries a tag. */
    static long chunks(long size) {
        return Math.max(1, (size + CHUNK - 1) / CHUNK);
    }

    /** The header of an encrypted file, checked: its key id and plain size. */
    record Header(byte[] bytes, String keyId, long size) {
    }

    static Header header(SeekableByteChannel in) throws IOException {
        var b = ByteBuffer.allocate(HEADER);
        in.position(0);
        while (b.hasRemaining() && in.read(b) >= 0) {
            // read the whole header
        }
        byte[] head = b.array();
        if (b.hasRemaining() || !Arrays.equals(Arrays.copyOf(head, 8), MAGIC)) {
            throw new IOException("not a hotline recording (no HREC v1 header)");
        }
        long size = ByteBuffer.wrap(head, 24, 8).getLong();
        if (size < 0 || in.size() != HEADER + size + chunks(size) * TAG) {
            throw new IOException("a recording of " + size + " bytes cannot be " + in.size() + " bytes encrypted");
        }
        return new Header(head, HexFormat.of().formatHex(head, 8, 16), size);
    }

    /**
     * Writes the plain bytes {@code [offset, offset + length)} of the encrypted file to {@code out}, decrypting only the
     * chunks they lie in; each is authenticated before a byte of it is written.
     */
    void decrypt(SeekableByteChannel in, long offset, long length, OutputStream out) throws IOException {
        var h = header(in);
        if (!h.keyId().equals(keyId)) {
            throw new IOException("the recording was encrypted with key " + h.keyId() + ", not " + keyId);
        }
        if (offset < 0 || length < 0 || offset + length > h.size()) {
            throw new IllegalArgumentException("bytes " + offset + "+" + length + " are outside the recording's "
                    + h.size());
        }
        if (length == 0) {
            return;
        }
        long first = offset / CHUNK;
        long last = (offset + length - 1) / CHUNK;
        var chunk = ByteBuffer.allocate(CHUNK + TAG);
        for (long i = first; i <= last; i++) {
            int plainLength = (int) Math.min(CHUNK, h.size() - i * CHUNK);
            chunk.clear().limit(plainLength + TAG);
            in.position(HEADER + i * (CHUNK + TAG));
            while (chunk.hasRemaining() && in.read(chunk) >= 0) {
                // read the whole chunk
            }
            byte[] plain;
            try {
                plain = cipher(Cipher.DECRYPT_MODE, h.bytes(), (int) i).doFinal(chunk.array(), 0, plainLength + TAG);
            } catch (AEADBadTagException e) {
                throw new IOException("recording chunk " + i + " failed authentication (changed or damaged)", e);
            } catch (GeneralSecurityException e) {
                throw new IOException(e);
            }
            int from = i == first ? (int) (offset - i * CHUNK) : 0;
            int to = i == last ? (int) (offset + length - i * CHUNK) : plainLength;
            out.write(plain, from, to - from);
        }
    }

    /** The whole plain recording (tests, re-encryption). */
    byte[] decryptAll(SeekableByteChannel in) throws IOException {
        var out = new ByteArrayOutputStream();
        decrypt(in, 0, header(in).size(), out);
        return out.toByteArray();
    }

    private Cipher cipher(int mode, byte[] header, int chunk) throws IOException {
        try {
            var nonce = ByteBuffer.allocate(12).put(header, 16, 8).putInt(chunk).array();
            var c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG * 8, nonce));
            c.updateAAD(header);
            c.updateAAD(ByteBuffer.allocate(4).putInt(chunk).array());
            return c;
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }
}
