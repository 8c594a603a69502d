package io.javakeepalived.config.bind;

import static io.javakeepalived.testsupport.ConfigFixture.assertClean;
import static io.javakeepalived.testsupport.ConfigFixture.assertReported;
import static io.javakeepalived.testsupport.ConfigFixture.instance;
import static io.javakeepalived.testsupport.ConfigFixture.load0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.config.ConfigErrorKind;
import io.javakeepalived.config.load.LoadResult;
import io.javakeepalived.config.model.HeartbeatPath;
import io.javakeepalived.testsupport.ConfigFixture;

import java.net.InetAddress;
import java.util.List;

import org.junit.jupiter.api.Test;

/** heartbeat_path lines of a vrrp_instance, as -t reports them (host: lo, eth0, eth1). */
class HeartbeatPathBinderTest {

    @Test
    void oneLinePerPathWithItsPeers() throws Exception {
        LoadResult r = load0(ConfigFixture.instance("VI_1", "heartbeat_path eth1 10.0.2.2 10.0.2.3"));
        assertClean(r);
        List<HeartbeatPath> paths = instance(r, "VI_1").heartbeatPaths();
        assertEquals(1, paths.size());
        assertEquals("eth1", paths.get(0).interfaceName());
        assertEquals(List.of(InetAddress.getByName("10.0.2.2"), InetAddress.getByName("10.0.2.3")),
                paths.get(0).peers());
        assertEquals(7, paths.get(0).location().line(), "FILE:LINE of the line");
        assertEquals(List.of(), instance(load0(ConfigFixture.instance("VI_1")), "VI_1").heartbeatPaths(),
                "none unless configured");
    }

    @Test
    void aMissingInterfaceIsReportedAsKeepalivedReportsOne() {
        LoadResult r = load0(ConfigFixture.instance("VI_1", "heartbeat_path eth9 10.0.2.2"));
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "(VI_1) heartbeat_path interface eth9 doesn't exist");
        assertReported(r, ConfigErrorKind.BAD_INTERFACE, "Non-existent interface");
    }

    @Test
    void errorsNameWhatWasExpected() {
        LoadResult r = load0(ConfigFixture.instance("VI_1", "heartbeat_path eth1",
                "heartbeat_path eth1 10.0.2.2 nonsense 224.0.0.18 10.0.2.2", "heartbeat_path eth1 10.0.2.9"));
        assertReported(r, ConfigErrorKind.GENERAL_ERROR,
                "heartbeat_path needs an interface and at least one peer address, expected heartbeat_path INTERFACE"
                        + " PEER_ADDRESS [PEER_ADDRESS...]");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "heartbeat_path peer 'nonsense' is not an IPv4 or IPv6");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "heartbeat_path peer 224.0.0.18 is not a unicast address");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "heartbeat_path peer 10.0.2.2 given twice");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "duplicate heartbeat_path on eth1");
        List<HeartbeatPath> paths = instance(r, "VI_1").heartbeatPaths();
        assertEquals(1, paths.size());
        assertEquals(1, paths.get(0).peers().size());
    }

    @Test
    void peersOfTheOtherFamilyAndAhInstancesLoseTheirPaths() {
        LoadResult r = load0(ConfigFixture.instance("VI_1", "heartbeat_path eth1 fe80::2 10.0.2.2"));
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "(VI_1) heartbeat_path peer fe80::2 is not IPv4 like the"
                + " instance - ignoring it");
        assertEquals(1, instance(r, "VI_1").heartbeatPaths().get(0).peers().size());

        LoadResult ah = load0(ConfigFixture.instance("VI_1", "heartbeat_path eth1 10.0.2.2",
                "authentication {\n auth_type AH\n auth_pass secret\n }"));
        assertReported(ah, ConfigErrorKind.GENERAL_ERROR, "heartbeat_path cannot be used with auth_type AH");
        assertTrue(instance(ah, "VI_1").heartbeatPaths().isEmpty());
    }

    @Test
    void theBlockFormIsRefusedWithTheReason() {
        LoadResult r = load0(ConfigFixture.instance("VI_1", "heartbeat_path eth1 10.0.2.2 {\n }"));
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "keepalived would end the vrrp_instance at its '}'");
        assertTrue(instance(r, "VI_1").heartbeatPaths().isEmpty());
    }
}
