package io.javakeepalived.config.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The interfaces as one link dump reports them: one dump per configuration check. */
class LinkDumpDirectoryTest {
    private final List<String> dumps = new ArrayList<>();
    private List<InterfaceInfo> kernel = List.of(InterfaceInfo.loopback("lo"),
            new InterfaceInfo("tun0", 65534, 0x91 /* UP|POINTOPOINT|NOARP */, 1400));

    private final LinkDumpDirectory dir = new LinkDumpDirectory(() -> {
        dumps.add("dump");
        return kernel;
    }, InterfaceDirectory.of("eth0"));

    @Test
    void aSnapshotAnswersEveryLookupOfACheckFromOneDump() {
        InterfaceDirectory now = dir.snapshot();
        assertEquals(Optional.of(new InterfaceInfo("tun0", 65534, 0x91, 1400)), now.lookup("tun0"));
        assertTrue(now.lookup("lo").orElseThrow().isLoopback());
        assertFalse(now.exists("eth0"), "only what the kernel listed");
        assertFalse(now.lookup("tun0").orElseThrow().isEthernet(), "the hardware type as the kernel gives it");
        assertEquals(1, dumps.size());
    }

    @Test
    void theNextCheckSeesTheInterfacesAsTheyAreThen() {
        assertFalse(dir.snapshot().exists("vlan10"));
        kernel = List.of(InterfaceInfo.ethernet("vlan10"));
        assertTrue(dir.snapshot().exists("vlan10"), "a reload sees an interface created meanwhile");
        assertTrue(dir.exists("vlan10"), "a lone lookup reads the kernel too");
        assertEquals(3, dumps.size());
    }

    @Test
    void aDumpThatFailsLeavesTheAnswerToTheFallback() {
        LinkDumpDirectory broken = new LinkDumpDirectory(() -> {
            throw new IOException("Protocol not supported");
        }, InterfaceDirectory.of("eth0"));
        assertTrue(broken.snapshot().exists("eth0"));
    }
}
