package io.javakeepalived.daemon.dump;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes the dump files where keepalived does: {@code $TMPDIR} if it is an absolute path, else
 * {@code /tmp} (lib/utils.c). Each file is written to a new mode-0600 temporary file in the same
 * directory and renamed over the old one, so a reader (keepalived-exporter reads right after its
 * signal, and retries) sees the old file or the new one, never half of one, and a symlink planted
 * at the name is replaced rather than followed.
 */
public final class DumpFiles {

    public static final String DATA = "keepalived.data";
    public static final String PARENT_DATA = "keepalived_parent.data";
    public static final String STATS = "keepalived.stats";
    public static final String JSON = "keepalived.json";

    private static final Set<PosixFilePermission> MODE_0600 = PosixFilePermissions.fromString("rw-------");

    private final Path dir;

    public DumpFiles(Path dir) {
        this.dir = Objects.requireNonNull(dir, "dir");
    }

    /** Files in {@code $TMPDIR} (if absolute) or {@code /tmp}. */
    public static DumpFiles fromEnvironment() {
        return new DumpFiles(directoryFor(System.getenv()));
    }

    /** keepalived's choice of directory for an environment. */
    public static Path directoryFor(Map<String, String> env) {
        String tmp = env.get("TMPDIR");
        if (tmp != null && tmp.startsWith("/")) {
            return Path.of(tmp);
        }
        return Path.of("/tmp");
    }

    public Path directory() {
        return dir;
    }

    /**
     * keepalived.data (SIGUSR1); with {@code data_use_instance} and a namespace or instance name
     * the name becomes {@code keepalived.<netns>_<instance>.data} as in keepalived.
     */
    public Path writeData(VrrpStateSnapshot s) throws IOException {
        return write(instanceName(DATA, s.globals()), DataDumpWriter.render(s));
    }

    /** keepalived_parent.data (SIGUSR1, parent part): the global definitions. */
    public Path writeParentData(ConfiguredGlobals g) throws IOException {
        return write(instanceName(PARENT_DATA, g), DataDumpWriter.renderParent(g));
    }

    /** keepalived.stats (SIGUSR2; for STATS_CLEAR clear the counters after taking the snapshot). */
    public Path writeStats(VrrpStateSnapshot s) throws IOException {
        return write(STATS, StatsDumpWriter.render(s));
    }

    /** keepalived.json (SIGRTMIN+2); like keepalived, nothing is written when there is no instance. */
    public Optional<Path> writeJson(VrrpStateSnapshot s) throws IOException {
        if (s.instances().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(write(JSON, JsonDumpWriter.render(s)));
    }

    static String instanceName(String file, ConfiguredGlobals g) {
        Optional<String> ns = g.topLevel().netNamespace();
        Optional<String> instance = g.topLevel().instanceName();
        if (!g.dataUseInstance() || (instance.isEmpty() && ns.isEmpty())) {
            return file;
        }
        int dot = file.lastIndexOf('.');
        String join = instance.isPresent() && ns.isPresent() ? "_" : "";
        return file.substring(0, dot) + "." + ns.orElse("") + join + instance.orElse("") + file.substring(dot);
    }

    /** Writes {@code content} to {@code name} in the directory atomically with mode 0600. */
    public Path write(String name, String content) throws IOException {
        if (name.isEmpty() || name.contains("/")) {
            throw new IllegalArgumentException("not a plain file name: " + name);
        }
        Path target = dir.resolve(name);
        Path tmp = createTemp(name);
        try {
            Files.write(tmp, content.getBytes(StandardCharsets.UTF_8));
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private Path createTemp(String name) throws IOException {
        for (int i = 0; ; i++) {
            Path p = dir.resolve("." + name + "." + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16));
            try {
                // created with 0600 whatever the umask, and never through an existing name or link
                return Files.createFile(p, PosixFilePermissions.asFileAttribute(EnumSet.copyOf(MODE_0600)));
            } catch (FileAlreadyExistsException e) {
                if (i > 100) {
                    throw e;
                }
            }
        }
    }
}
