package io.javakeepalived.track;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A fake /proc tree in a temporary directory: {@code PID/stat} and {@code PID/cmdline} files. */
final class FakeProc implements AutoCloseable {
    final Path root;

    FakeProc() {
        try {
            root = Files.createTempDirectory("jk-fakeproc");
            Files.createDirectories(root.resolve("self"));
            Files.writeString(root.resolve("uptime"), "1.0 1.0\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds a process: comm as the kernel keeps it, state (R, S, Z ...), argv. */
    FakeProc add(int pid, String comm, char state, String... argv) {
        try {
            Path d = root.resolve(Integer.toString(pid));
            Files.createDirectories(d.resolve("task").resolve(Integer.toString(pid)));
            Files.writeString(d.resolve("stat"), pid + " (" + comm + ") " + state + " 1 " + pid + " " + pid
                    + " 0 -1 4194560 115 0 0 0 0 0 0 0 20 0 1 0 12345 1234567 123 18446744073709551615\n");
            StringBuilder sb = new StringBuilder();
            for (String a : argv) {
                sb.append(a).append('\0');
            }
            Files.write(d.resolve("cmdline"), sb.toString().getBytes(StandardCharsets.UTF_8));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    FakeProc remove(int pid) {
        delete(root.resolve(Integer.toString(pid)));
        return this;
    }

    private static void delete(Path p) {
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(q);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        delete(root);
    }
}
