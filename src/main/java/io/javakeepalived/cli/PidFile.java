package io.javakeepalived.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A pid file as keepalived keeps them: the decimal pid and a newline, written once the daemon
 * can answer signals, removed when it stops. A file naming a live process other than us means
 * another daemon runs with the same file.
 */
final class PidFile {
    private final Path path;
    private boolean written;

    PidFile(Path path) {
        this.path = path;
    }

    Path path() {
        return path;
    }

    /** The pid in the file if that process is alive and is not this one. */
    Optional<Long> runningOther() {
        OptionalLong pid = read();
        if (pid.isEmpty() || pid.getAsLong() == ProcessHandle.current().pid()) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid.getAsLong()).filter(ProcessHandle::isAlive).map(ProcessHandle::pid);
    }

    OptionalLong read() {
        try {
            String s = Files.readString(path, StandardCharsets.US_ASCII).trim();
            return OptionalLong.of(Long.parseLong(s));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** Writes our pid (atomically: a reader never sees a half-written file). */
    void write() throws IOException {
        Path dir = path.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path tmp = Files.createTempFile(dir, "." + path.getFileName(), ".tmp");
        try {
            Files.writeString(tmp, ProcessHandle.current().pid() + "\n", StandardCharsets.US_ASCII);
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            written = true;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Removes the file if we wrote it and it still names us. */
    void remove() {
        if (!written) {
            return;
        }
        OptionalLong pid = read();
        if (pid.isPresent() && pid.getAsLong() == ProcessHandle.current().pid()) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                // nothing to do about it at exit
            }
        }
        written = false;
    }
}
