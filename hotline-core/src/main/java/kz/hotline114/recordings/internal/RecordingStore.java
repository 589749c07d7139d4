package kz.hotline114.recordings.internal;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;

/**
 * Where encrypted recordings are kept, by key ({@code <pbx>/<yyyy-MM>/<linkedid>.hrec}). A directory on one machine
 * ({@link FileRecordingStore}); for more than one machine an S3-compatible object store implements the same four
 * operations (ranged GETs give the seekable read). The store sees ciphertext only.
 */
interface RecordingStore {

    /** Moves the finished encrypted file {@code encrypted} under {@code key} (replacing nothing: keys are unique). */
    void put(String key, Path encrypted) throws IOException;

    /** Opens a stored recording for reading at any position. */
    SeekableByteChannel open(String key) throws IOException;

    /** Removes a recording; true if it was there. */
    boolean delete(String key) throws IOException;

    /** A place for a file being encrypted, on the same device as the store (so {@link #put} is a rename). */
    Path temporaryFile() throws IOException;
}
