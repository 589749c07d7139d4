package kz.hotline114.recordings.internal;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** {@link RecordingStore} in a directory: one file per recording, moved in atomically. */
final class FileRecordingStore implements RecordingStore {

    private final Path root;

    FileRecordingStore(Path root) throws IOException {
        this.root = Files.createDirectories(root).toRealPath();
        Files.createDirectories(this.root.resolve(".tmp"));
    }

    private Path path(String key) {
        var p = root.resolve(key).normalize();
        if (!p.startsWith(root) || key.startsWith(".")) {
            throw new IllegalArgumentException("not a recording key: " + key);
        }
        return p;
    }

    @Override
    public void put(String key, Path encrypted) throws IOException {
        var target = path(key);
        if (Files.exists(target)) {
            throw new FileAlreadyExistsException(target.toString());
        }
        Files.createDirectories(target.getParent());
        Files.move(encrypted, target, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public SeekableByteChannel open(String key) throws IOException {
        return Files.newByteChannel(path(key), StandardOpenOption.READ);
    }

    @Override
    public boolean delete(String key) throws IOException {
        return Files.deleteIfExists(path(key));
    }

    @Override
    public Path temporaryFile() throws IOException {
        return Files.createTempFile(root.resolve(".tmp"), "rec-", ".part");
    }
}
