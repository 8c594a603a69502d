package io.javakeepalived;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.javakeepalived.SourceScan.Reference;
import io.javakeepalived.SourceScan.Source;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The agreed shape (DESIGN.md, "Shapes for what comes next"), checked on every main source file:
 * dependencies point one way, {@code cli} (the composition root) → {@code daemon} →
 * {@code track}/{@code lvs}/{@code notify} → {@code script} → {@code vrrp}/{@code config} →
 * {@code util}, with the native layer ({@code net}, {@code sys}) at the bottom beside
 * {@code util} and reached only through its interfaces. A dependency is an import or a fully
 * qualified name in the code; comments, javadoc and string literals do not count.
 */
class ArchitectureTest {

    private static final Set<String> NATIVE_LAYER = Set.of("io.javakeepalived.net", "io.javakeepalived.sys");
    private static final String COMPOSITION_ROOT = "io.javakeepalived.cli";

    /** What the pure parts (the VRRP core, the configuration) may never reach. */
    private static final Set<String> NOT_FOR_THE_PURE_PARTS = Set.of("daemon", "net", "sys", "cli", "track", "notify",
            "script");

    /** The VRRP state machine owns no clock, thread or socket: time comes in with each event. */
    private static final Pattern CLOCKS_THREADS_SOCKETS = Pattern.compile(
            "\\b(System\\.(nanoTime|currentTimeMillis)|Instant\\.now|LocalDateTime\\.now|java\\.time\\.Clock"
                    + "|new Thread|Thread\\.sleep|java\\.util\\.concurrent|java\\.nio\\.channels"
                    + "|DatagramSocket|ServerSocket|Socket\\b|Timer\\b|ScheduledExecutorService)");

    private static List<Source> sources;
    private static List<Reference> references;

    @BeforeAll
    static void readSources() throws IOException {
        sources = SourceScan.read(SourceScan.MAIN);
        references = new ArrayList<>();
        sources.forEach(s -> references.addAll(s.references()));
    }

    @Test
    void theScanSeesTheSources() {
        // guards against rules that silently look at nothing
        assertTrue(sources.size() > 100, "main sources found: " + sources.size());
        assertTrue(sources.stream().anyMatch(s -> s.packageName().equals("io.javakeepalived.vrrp")
                && s.code().contains("final class VrrpInstance")), "vrrp/VrrpInstance.java not seen");
        assertTrue(references.stream().anyMatch(r -> r.isJnr()), "no jnr use seen at all");
        assertTrue(topLevelGraph().evidence("io.javakeepalived.cli", "io.javakeepalived.daemon").size() > 0,
                "cli -> daemon not seen");
        assertTrue(CLOCKS_THREADS_SOCKETS.matcher("long t = System.nanoTime();").find());
    }

    @Test
    void noCycleBetweenTopLevelPackages() {
        PackageGraph g = topLevelGraph();
        g.findCycle().ifPresent(cycle -> fail(g.describe(cycle)));
    }

    @Test
    void noCycleBetweenSubPackages() {
        PackageGraph g = new PackageGraph();
        for (Reference r : ourReferences()) {
            g.add(r.from().packageName(), r.packageName(), r.from() + ":" + r.line());
        }
        g.findCycle().ifPresent(cycle -> fail(g.describe(cycle)));
    }

    @Test
    void jnrOnlyInTheNativeLayer() {
        List<String> outside = new ArrayList<>();
        for (Reference r : references) {
            if (r.isJnr() && !NATIVE_LAYER.contains(r.from().topLevel())) {
                outside.add(r.toString());
            }
        }
        assertEquals(List.of(), outside, "jnr.* outside the native layer (net, sys)");
    }

    @Test
    void theNativeLayerImportsOnlyUtilOfOurs() {
        List<String> wrong = new ArrayList<>();
        for (Reference r : ourReferences()) {
            String to = SourceScan.topLevel(r.packageName());
            if (NATIVE_LAYER.contains(r.from().topLevel()) && !NATIVE_LAYER.contains(to)
                    && !to.equals("io.javakeepalived.util")) {
                wrong.add(r.toString());
            }
        }
        assertEquals(List.of(), wrong, "the native layer sits at the bottom beside util");
    }

    @Test
    void theVrrpCoreAndTheConfigurationStayPure() {
        List<String> wrong = new ArrayList<>();
        for (Reference r : ourReferences()) {
            String from = SourceScan.shortName(r.from().topLevel());
            String to = SourceScan.shortName(SourceScan.topLevel(r.packageName()));
            if ((from.equals("vrrp") || from.equals("config")) && NOT_FOR_THE_PURE_PARTS.contains(to)) {
                wrong.add(r.toString());
            }
        }
        for (Reference r : references) {
            String from = SourceScan.shortName(r.from().topLevel());
            if (r.isJnr() && (from.equals("vrrp") || from.equals("config"))) {
                wrong.add(r.toString());
            }
        }
        assertEquals(List.of(), wrong, "vrrp and config may not reach " + NOT_FOR_THE_PURE_PARTS);
    }

    @Test
    void theVrrpStateMachineHasNoClockThreadsOrSockets() {
        List<String> hits = new ArrayList<>();
        for (Source s : sources) {
            if (s.packageName().equals("io.javakeepalived.vrrp")) {
                List<String> lines = s.lines();
                for (int i = 0; i < lines.size(); i++) {
                    if (CLOCKS_THREADS_SOCKETS.matcher(lines.get(i)).find()) {
                        hits.add(s + ":" + (i + 1) + ": " + lines.get(i).strip());
                    }
                }
            }
        }
        assertEquals(List.of(), hits, "the FSM must stay pure");
    }

    /**
     * Outside {@code cli} and the native layer, {@code net}/{@code sys} are used only through
     * interfaces, records, enums and exceptions, so every other package can run on fakes.
     */
    @Test
    void theNativeLayerIsReachedOnlyThroughItsPorts() {
        List<String> wrong = new ArrayList<>();
        for (Reference r : ourReferences()) {
            String from = r.from().topLevel();
            if (!NATIVE_LAYER.contains(SourceScan.topLevel(r.packageName())) || NATIVE_LAYER.contains(from)
                    || from.equals(COMPOSITION_ROOT)) {
                continue;
            }
            if (r.wildcard() || r.classes().isEmpty()) {
                wrong.add(r + " (name the classes used)");
                continue;
            }
            Class<?> c = load(r);
            if (!isPort(c)) {
                wrong.add(r + " (" + c.getName() + " is a concrete class)");
            }
        }
        assertEquals(List.of(), wrong, "only cli builds the native adapters");
    }

    static boolean isPort(Class<?> c) {
        return c.isInterface() || c.isRecord() || c.isEnum() || Throwable.class.isAssignableFrom(c);
    }

    /** The innermost class a reference names: {@code Errno.EINTR} is {@code Errno}, {@code A.B} is {@code A$B}. */
    private static Class<?> load(Reference r) {
        for (int n = r.classes().size(); n > 0; n--) {
            String name = r.packageName() + "." + String.join("$", r.classes().subList(0, n));
            Optional<Class<?>> c = tryLoad(name);
            if (c.isPresent()) {
                return c.get();
            }
        }
        throw new AssertionError("cannot load the class " + r + " names");
    }

    private static Optional<Class<?>> tryLoad(String name) {
        try {
            return Optional.of(Class.forName(name, false, ArchitectureTest.class.getClassLoader()));
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        }
    }

    private static List<Reference> ourReferences() {
        return references.stream().filter(r -> !r.isJnr()).toList();
    }

    private static PackageGraph topLevelGraph() {
        PackageGraph g = new PackageGraph();
        for (Reference r : ourReferences()) {
            g.add(r.from().topLevel(), SourceScan.topLevel(r.packageName()), r.from() + ":" + r.line());
        }
        return g;
    }
}
