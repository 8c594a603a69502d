package io.javakeepalived.packaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/** Runs the packaging tools (systemd-analyze, dpkg-deb, dpkg, the scripts) for the packaging tests. */
final class Tools {
    private Tools() {
    }

    record Result(int exitCode, String output) {
        Result ok(String what) {
            Assertions.assertEquals(0, exitCode, what + " failed:\n" + output);
            return this;
        }
    }

    /** Runs {@code cmd}, stdout and stderr together, from the top of the repository. */
    static Result run(List<String> cmd) throws IOException, InterruptedException {
        return run(cmd, List.of());
    }

    static Result run(List<String> cmd, List<String> env) throws IOException, InterruptedException {
        Path out = Files.createTempFile("jk-tool-", ".out");
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile());
            for (String e : env) {
                int eq = e.indexOf('=');
                pb.environment().put(e.substring(0, eq), e.substring(eq + 1));
            }
            Process p = pb.start();
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                Assertions.fail(cmd + " did not finish in 300 s");
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** True if {@code tool} is on the PATH. */
    static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /** Skips the test without {@code tool}, except under CI=true, where that is a failure. */
    static void require(String tool, String packageName) {
        if (onPath(tool)) {
            return;
        }
        String reason = tool + " is not installed (apt-get install " + packageName + "; scripts/test.sh does)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(reason + " and CI=true forbids skipping");
        }
        Assumptions.abort(reason);
    }

    /** The top of the repository (Maven runs tests there). */
    static Path repo() {
        return Path.of("").toAbsolutePath();
    }
}
