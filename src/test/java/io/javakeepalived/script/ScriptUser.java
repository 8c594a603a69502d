package io.javakeepalived.script;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A non-root user for the integration tests: {@code nobody} where it exists, else a throw-away
 * system user made with useradd and removed by {@link #close()}.
 */
public final class ScriptUser implements AutoCloseable {
    static final String THROWAWAY = "jk-script-it";

    public final String name;
    public final int uid;
    public final int gid;
    private final boolean created;

    private ScriptUser(String name, int uid, int gid, boolean created) {
        this.name = name;
        this.uid = uid;
        this.gid = gid;
        this.created = created;
    }

    public static ScriptUser obtain() throws IOException, InterruptedException {
        Optional<ScriptUser> nobody = lookup("nobody", false);
        if (nobody.isPresent()) {
            return nobody.get();
        }
        run("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", THROWAWAY);
        return lookup(THROWAWAY, true).orElseThrow(() -> new IOException("useradd made no " + THROWAWAY));
    }

    private static Optional<ScriptUser> lookup(String user, boolean created) throws IOException {
        for (String line : Files.readAllLines(Path.of("/etc/passwd"))) {
            String[] f = line.split(":");
            if (f.length > 3 && f[0].equals(user)) {
                return Optional.of(new ScriptUser(user, Integer.parseInt(f[2]), Integer.parseInt(f[3]), created));
            }
        }
        return Optional.empty();
    }

    private static void run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).inheritIO().start();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed");
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (created) {
            run("userdel", name);
        }
    }
}
