package io.javakeepalived;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.SourceScan.Source;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The tools of ArchitectureTest, on synthetic input: a rule is only as good as its scanner. */
class PackageGraphTest {

    private static PackageGraph layered() {
        return new PackageGraph()
                .add("cli", "daemon", "cli/Main.java:3")
                .add("daemon", "notify", "daemon/Loop.java:4")
                .add("daemon", "vrrp", "daemon/Loop.java:5")
                .add("notify", "script", "notify/Hooks.java:3")
                .add("script", "vrrp", "script/Run.java:3")
                .add("script", "sys", "script/Run.java:4")
                .add("sys", "util", "sys/Spawn.java:3");
    }

    @Test
    void aLayeredGraphHasNoCycle() {
        assertEquals(Optional.empty(), layered().findCycle());
    }

    @Test
    void oneBackwardUseMakesACycleAndItsPathIsNamed() {
        PackageGraph g = layered().add("sys", "notify", "sys/Fifos.java:7");
        List<String> cycle = g.findCycle().orElseThrow();
        assertEquals(List.of("notify", "script", "sys", "notify"), cycle);
        String text = g.describe(cycle);
        assertTrue(text.startsWith("package cycle: notify -> script -> sys -> notify"), text);
        assertTrue(text.contains("sys -> notify: sys/Fifos.java:7"), text);
    }

    @Test
    void twoPackagesUsingEachOtherAreACycle() {
        PackageGraph g = new PackageGraph().add("log", "sys", "log/Setup.java:3").add("sys", "log", "sys/Udp.java:3");
        assertEquals(List.of("log", "sys", "log"), g.findCycle().orElseThrow());
    }

    @Test
    void usingOwnPackageIsNoEdge() {
        PackageGraph g = new PackageGraph().add("net", "net", "net/A.java:1");
        assertTrue(g.nodes().isEmpty());
        assertEquals(Optional.empty(), g.findCycle());
    }

    @Test
    void importsAndQualifiedNamesCountCommentsAndStringsDoNot() {
        Source s = SourceScan.parse(SourceScan.MAIN.resolve("io/javakeepalived/notify/fifo/W.java"), """
                package io.javakeepalived.notify.fifo;

                import io.javakeepalived.sys.FifoSystem;
                import static io.javakeepalived.net.Errno.EINTR;
                import io.javakeepalived.net.*;

                /** Uses {@link io.javakeepalived.daemon.VrrpLoop} in javadoc only. */
                class W {
                    // io.javakeepalived.cli.Main in a line comment
                    Object f = io.javakeepalived.sys.NativeFifos.system(); /* io.javakeepalived.log.X */
                    String logger = "io.javakeepalived.track.Y";
                    char c = '"';
                    jnr.ffi.Pointer p;
                }
                """);
        assertEquals("io.javakeepalived.notify.fifo", s.packageName());
        assertEquals("notify/fifo/W.java".replace('/', java.io.File.separatorChar),
                SourceScan.MAIN.resolve("io/javakeepalived").relativize(s.file()).toString());
        assertEquals(List.of(
                "3 io.javakeepalived.sys [FifoSystem] false",
                "4 io.javakeepalived.net [Errno, EINTR] false",
                "5 io.javakeepalived.net [] true",
                "10 io.javakeepalived.sys [NativeFifos] false",
                "13 jnr.ffi.Pointer [] false"),
                s.references().stream().map(r -> r.line() + " " + r.packageName() + " " + r.classes() + " "
                        + r.wildcard()).toList());
    }

    @Test
    void portsAreInterfacesRecordsEnumsAndExceptions() {
        assertTrue(ArchitectureTest.isPort(Runnable.class));
        assertTrue(ArchitectureTest.isPort(Thread.State.class));
        assertTrue(ArchitectureTest.isPort(java.io.IOException.class));
        assertFalse(ArchitectureTest.isPort(String.class));
        assertFalse(ArchitectureTest.isPort(io.javakeepalived.sys.NativeFifos.class));
    }
}
