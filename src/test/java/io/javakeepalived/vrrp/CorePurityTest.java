package io.javakeepalived.vrrp;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The VRRP core (io.javakeepalived.vrrp and the codec in .vrrp.packet) stays pure: it may
 * not reach the native layer (jnr.*), the socket layer (io.javakeepalived.net) or the daemon
 * (io.javakeepalived.daemon). The state machine itself (this package, not .packet) also
 * owns no clock, thread or socket: time comes in with each event.
 */
class CorePurityTest {

    private static final Path MAIN = Path.of("src/main/java/io/javakeepalived/vrrp");

    /** Imports or fully-qualified uses, outside comments. */
    private static final Pattern FORBIDDEN_ANYWHERE = Pattern.compile(
            "\\b(jnr\\.[A-Za-z]|io\\.javakeepalived\\.(net|daemon)\\b)");

    private static final Pattern FORBIDDEN_IN_FSM = Pattern.compile(
            "\\b(System\\.(nanoTime|currentTimeMillis)|Instant\\.now|LocalDateTime\\.now|java\\.time\\.Clock"
                    + "|new Thread|Thread\\.sleep|java\\.util\\.concurrent|java\\.nio\\.channels"
                    + "|DatagramSocket|ServerSocket|Socket\\b|Timer\\b|ScheduledExecutorService)");

    @Test
    void theCoreImportsNothingFromTheNativeSocketOrDaemonLayers() throws IOException {
        List<String> hits = scan(MAIN, true, FORBIDDEN_ANYWHERE);
        assertTrue(hits.isEmpty(), "forbidden dependencies:\n" + String.join("\n", hits));
    }

    @Test
    void theStateMachineHasNoClockThreadsOrSockets() throws IOException {
        List<String> hits = scan(MAIN, false, FORBIDDEN_IN_FSM);
        assertTrue(hits.isEmpty(), "the FSM must stay pure:\n" + String.join("\n", hits));
    }

    @Test
    void theScanSeesTheSources() throws IOException {
        // guards against a scan that silently looks at nothing
        assertTrue(scan(MAIN, false, Pattern.compile("final class VrrpInstance")).size() == 1);
        assertTrue(scan(MAIN, true, FORBIDDEN_ANYWHERE).isEmpty());
        assertTrue(FORBIDDEN_ANYWHERE.matcher("import jnr.ffi.Pointer;").find());
        assertTrue(FORBIDDEN_ANYWHERE.matcher("import io.javakeepalived.net.RawSocket;").find());
        assertTrue(FORBIDDEN_ANYWHERE.matcher("import static io.javakeepalived.daemon.Loop.run;").find());
        assertTrue(FORBIDDEN_IN_FSM.matcher("long t = System.nanoTime();").find());
    }

    private static List<String> scan(Path root, boolean withSubpackages, Pattern p) throws IOException {
        List<String> hits = new ArrayList<>();
        try (Stream<Path> files = withSubpackages ? Files.walk(root) : Files.list(root)) {
            for (Path f : files.filter(x -> x.toString().endsWith(".java")).sorted().toList()) {
                List<String> lines = Files.readAllLines(f);
                boolean inComment = false;
                for (int i = 0; i < lines.size(); i++) {
                    String code = lines.get(i);
                    // drop comments: /* ... */ blocks and // tails (good enough for our sources)
                    StringBuilder kept = new StringBuilder();
                    int j = 0;
                    while (j < code.length()) {
                        if (inComment) {
                            int end = code.indexOf("*/", j);
                            if (end < 0) {
                                j = code.length();
                            } else {
                                inComment = false;
                                j = end + 2;
                            }
                        } else if (code.startsWith("/*", j)) {
                            inComment = true;
                            j += 2;
                        } else if (code.startsWith("//", j)) {
                            break;
                        } else {
                            kept.append(code.charAt(j++));
                        }
                    }
                    if (p.matcher(kept).find()) {
                        hits.add(root.relativize(f) + ":" + (i + 1) + ": " + code.strip());
                    }
                }
            }
        }
        return hits;
    }
}
