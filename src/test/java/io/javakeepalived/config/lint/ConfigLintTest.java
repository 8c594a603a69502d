package io.javakeepalived.config.lint;

import static io.javakeepalived.config.lint.Lint.report;
import static io.javakeepalived.config.lint.Lint.warnings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.config.ConfigErrorKind;
import io.javakeepalived.config.load.LoadResult;
import io.javakeepalived.testsupport.ConfigFixture;
import io.javakeepalived.testsupport.FakeFileSystem;
import io.javakeepalived.testsupport.FakeUsers;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Each mistake of issue 19 on the node of the issue (eth0 at 10.9.9.1/24): a configuration that
 * makes it, warned at the line at fault, and the nearest correct one, not warned.
 */
class ConfigLintTest {

    /** An instance on eth0: {@code lines} go inside it, after the VRID/priority lines. */
    static String instance(String name, int vrid, int priority, String... lines) {
        StringBuilder sb = new StringBuilder("vrrp_instance " + name + " {\n"
                + "    interface eth0\n"
                + "    virtual_router_id " + vrid + "\n"
                + "    priority " + priority + "\n");
        for (String l : lines) {
            sb.append("    ").append(l).append('\n');
        }
        return sb.append("}\n").toString();
    }

    static String vips(String... addresses) {
        return "virtual_ipaddress {\n" + String.join("\n", addresses) + "\n}";
    }

    /** Asserts exactly one warning, at {@code line}, containing each fragment; returns it. */
    static ConfigWarning single(List<ConfigWarning> ws, int line, String... fragments) {
        assertEquals(1, ws.size(), () -> report(ws));
        ConfigWarning w = ws.get(0);
        assertEquals(line, w.location().line(), () -> report(ws));
        for (String f : fragments) {
            assertTrue(w.message().contains(f), () -> "'" + f + "' missing in " + w);
        }
        return w;
    }

    static void none(List<ConfigWarning> ws) {
        assertTrue(ws.isEmpty(), () -> report(ws));
    }

    final FakeNode node = FakeNode.issueNode();

    @Test
    void printsAsFileLineWarning() {
        ConfigWarning w = single(warnings(instance("VI_1", 51, 100, vips("10.9.9.1/24")), node), 6);
        assertTrue(w.toString().matches(".*keepalived\\.conf:6: WARNING: \\(VI_1\\) virtual address 10\\.9\\.9\\.1 .*"),
                w.toString());
    }

    @Nested
    class Scripts {
        final FakeFileSystem fs = FakeFileSystem.typicalHost().file("/etc/keepalived/notify.sh", 0, 0, 0755)
                .file("/etc/keepalived/private.sh", 0, 0, 0700).file("/home/op/chk.sh", 1000, 1000, 0755);
        final FakeNode host = FakeNode.issueNode().files(fs);

        @Test
        void missingNotifyScript() {
            single(warnings(instance("VI_1", 51, 100, "notify_master \"/path/that/does/not/exist.sh\"",
                    vips("10.9.9.100/24")), host), 5, "(VI_1) notify_master", "/path/that/does/not/exist.sh",
                    "No such file or directory", "skipped");
        }

        @Test
        void quotedLineWhoseFirstWordExistsIsFine() {
            none(warnings(instance("VI_1", 51, 100, "notify_master \"/etc/keepalived/notify.sh master 'a b'\"",
                    "notify \"/etc/keepalived/notify.sh\"", vips("10.9.9.100/24")), host));
        }

        @Test
        void bareNameNotOnPath() {
            single(warnings(instance("VI_1", 51, 100, "notify_backup \"nosuchprogram now\"",
                    vips("10.9.9.100/24")), host), 5, "notify_backup", "nosuchprogram not found in PATH");
            none(warnings(instance("VI_1", 51, 100, "notify_backup \"killall -HUP x\"", vips("10.9.9.100/24")), host));
        }

        @Test
        void scriptNotExecutableByScriptUser() {
            String conf = "global_defs {\n    script_user op\n}\n" + instance("VI_1", 51, 100,
                    "notify_fault /etc/keepalived/private.sh", vips("10.9.9.100/24"));
            FakeUsers users = new FakeUsers().user("op", 1000, 1000).group("op", 1000);
            single(warnings(conf, users, host), 8, "notify_fault", "not executable by uid 1000 gid 1000",
                    "script_user");
            // the same script run as root is fine
            none(warnings(instance("VI_1", 51, 100, "notify_fault /etc/keepalived/private.sh",
                    vips("10.9.9.100/24")), host));
        }

        @Test
        void missingTrackScript() {
            String conf = "vrrp_script chk {\n    script \"/usr/local/bin/chk.sh --fast\"\n}\n"
                    + instance("VI_1", 51, 100, "track_script {\n chk\n}", vips("10.9.9.100/24"));
            single(warnings(conf, host), 2, "vrrp_script chk", "/usr/local/bin/chk.sh", "disables the check");
            none(warnings(conf.replace("/usr/local/bin/chk.sh", "/etc/keepalived/notify.sh"), host));
        }

        @Test
        void shellRedirectionHasNoProgramToCheck() {
            none(warnings("vrrp_script chk {\n    script \"</dev/tcp/127.0.0.1/80\"\n}\n" + instance("VI_1", 51, 100,
                    "track_script {\n chk\n}", vips("10.9.9.100/24")), host));
        }

        @Test
        void scriptSecurityRefusesAScriptAUserCanChange() {
            String tracked = instance("VI_1", 51, 100, "notify_master /home/op/chk.sh", vips("10.9.9.100/24"));
            single(warnings("global_defs {\n    enable_script_security\n    script_user root\n}\n" + tracked, host), 9, "notify_master",
                    "enable_script_security: /home/op");
            none(warnings(tracked, host)); // without enable_script_security it runs
        }
    }

    @Test
    void unicastPeerThatIsThisNode() {
        single(warnings(instance("VI_1", 51, 100, "unicast_peer {\n10.9.9.1\n}", "check_unicast_src",
                vips("10.9.9.100/24")), node), 6,
                "(VI_1) unicast_peer 10.9.9.1 is this node's own address");
        none(warnings(instance("VI_1", 51, 100, "check_unicast_src", "unicast_peer {\n10.9.9.2 min_ttl 255\n}",
                vips("10.9.9.100/24")), node));
    }

    @Test
    void heartbeatPathThatIsNoSecondPath() {
        single(warnings(instance("VI_1", 51, 100, "heartbeat_path eth0 10.9.9.2", vips("10.9.9.100/24")), node), 5,
                "(VI_1) heartbeat_path on eth0 is the instance's own VRRP interface");
        single(warnings(instance("VI_1", 51, 100, "heartbeat_path eth1 10.9.9.1", vips("10.9.9.100/24")), node), 5,
                "(VI_1) heartbeat_path peer 10.9.9.1 is this node's own address");
        none(warnings(instance("VI_1", 51, 100, "heartbeat_path eth1 10.9.8.2", vips("10.9.9.100/24")), node));
    }

    @Nested
    class ForgeableUnicast {
        @Test
        void peersWithoutSourceCheck() {
            single(warnings(instance("VI_1", 51, 100, "unicast_peer {\n10.9.9.2\n192.0.2.7\n}",
                    vips("10.9.9.100/24")), node), 6, "(VI_1) unicast_peer without check_unicast_src",
                    "any source address", "priority 255", "add check_unicast_src");
            // the global switch is as good as the instance's
            none(warnings("global_defs {\n    vrrp_check_unicast_src\n}\n" + instance("VI_1", 51, 100,
                    "unicast_peer {\n192.0.2.7\n}", vips("10.9.9.100/24")), node));
        }

        @Test
        void onLinkPeerWithoutTtlRange() {
            single(warnings(instance("VI_1", 51, 100, "check_unicast_src", "unicast_peer {\n10.9.9.2\n192.0.2.7\n}",
                    vips("10.9.9.100/24")), node), 7, "(VI_1) unicast_peer 10.9.9.2 is in the subnet of eth0's"
                    + " 10.9.9.1/24", "TTL of its adverts is not checked", "min_ttl 255");
            // a peer beyond a router cannot be held to a TTL, and one with a range is fine
            none(warnings(instance("VI_1", 51, 100, "check_unicast_src",
                    "unicast_peer {\n10.9.9.2 min_ttl 255\n192.0.2.7\n}", vips("10.9.9.100/24")), node));
        }

        @Test
        void ahAuthenticatedUnicastIsNotForgeable() {
            none(warnings(instance("VI_1", 51, 100, "authentication {\nauth_type AH\nauth_pass secret\n}",
                    "unicast_peer {\n10.9.9.2\n}", vips("10.9.9.100/24")), node));
        }

        @Test
        void multicastIsNotWarned() {
            none(warnings(instance("VI_1", 51, 100, vips("10.9.9.100/24")), node));
        }
    }

    @Test
    void sameVipInTwoInstances() {
        String a = instance("VI_1", 51, 100, vips("10.9.9.100/24"));
        single(warnings(a + instance("VI_2", 52, 100, vips("10.9.9.101/24", "10.9.9.100/24")), node), 15,
                "(VI_2) virtual address 10.9.9.100 is also a virtual address of VI_1", "keepalived.conf:6)");
        none(warnings(a + instance("VI_2", 52, 100, vips("10.9.9.101/24")), node));
    }

    @Test
    void vipEqualToTheNodesOwnAddress() {
        single(warnings(instance("VI_1", 51, 100, vips("10.9.9.1/24")), node), 6,
                "already an address of this node", "deletes it");
        none(warnings(instance("VI_1", 51, 100, vips("10.9.9.100/24")), node));
    }

    @Test
    void priority255WithoutOwningTheAddress() {
        single(warnings(instance("VI_1", 51, 255, vips("10.9.9.100/24")), node), 1,
                "(VI_1) has priority 255 but this node does not own 10.9.9.100", "254 or lower");
        // the RFC's owner: the VIP is its own address - neither this warning nor "VIP is its own address"
        none(warnings(instance("VI_1", 51, 255, vips("10.9.9.1/24")), node));
        none(warnings(instance("VI_1", 51, 254, vips("10.9.9.100/24")), node));
    }

    @Test
    void stateMasterWithoutPriorityIsTheOwnersPriority() {
        String conf = "vrrp_instance VI_1 {\n    state MASTER\n    interface eth0\n    virtual_router_id 51\n"
                + "    virtual_ipaddress {\n        10.9.9.100/24\n    }\n}\n";
        single(warnings(conf, node), 1, "priority 255", "state MASTER alone defaults to 255");
    }

    @Test
    void vipOutsideEverySubnetOfItsInterface() {
        single(warnings(instance("VI_1", 51, 100, vips("192.168.5.10")), node), 6,
                "192.168.5.10 has no prefix and is outside every subnet of eth0 (10.9.9.1/24)");
        none(warnings(instance("VI_1", 51, 100, vips("10.9.9.100")), node));
        none(warnings(instance("VI_1", 51, 100, vips("192.168.5.10/24")), node)); // a subnet of its own
        none(warnings(instance("VI_1", 51, 100, vips("192.168.5.10 dev lo")), node.address("lo", "192.168.5.1/24")));
    }

    @Test
    void vipChecksNeedToKnowTheNode() {
        none(warnings(instance("VI_1", 51, 255, vips("192.168.5.10")), new FakeNode()));
    }

    @Test
    void scriptNobodyTracks() {
        String script = "vrrp_script chk {\n    script \"/usr/bin/killall -0 nginx\"\n}\n";
        single(warnings(script + instance("VI_1", 51, 100, vips("10.9.9.100/24")), node), 1,
                "vrrp_script chk is not tracked", "track_script { chk }");
        none(warnings(script + instance("VI_1", 51, 100, "track_script {\nchk\n}", vips("10.9.9.100/24")), node));
        none(warnings(script + instance("VI_1", 51, 100, vips("10.9.9.100/24"))
                + "vrrp_sync_group G {\n group {\n VI_1\n }\n track_script {\n chk\n }\n}\n", node));
    }

    @Test
    void referenceNobodyTracks() {
        String gw = "vrrp_reference gw {\n    address 10.9.9.254\n}\n";
        single(warnings(gw + instance("VI_1", 51, 100, vips("10.9.9.100/24")), node), 1,
                "vrrp_reference gw is not tracked by any vrrp_instance", "track_reference gw");
        none(warnings(gw + instance("VI_1", 51, 100, "track_reference gw", vips("10.9.9.100/24")), node));
    }

    @Test
    void weightThePriorityLimitsSwallow() {
        String script = "vrrp_script chk {\n    script \"/usr/bin/killall -0 nginx\"\n}\n";
        single(warnings(script + instance("VI_1", 51, 254, "track_script {\nchk weight 10\n}",
                vips("10.9.9.100/24")), node), 9, "track_script chk weight 10 can never change the election",
                "cannot rise above 254");
        single(warnings(script + instance("VI_1", 51, 1, "track_script {\nchk weight -5\n}",
                vips("10.9.9.100/24")), node), 9, "weight -5", "cannot fall below 1");
        none(warnings(script + instance("VI_1", 51, 254, "track_script {\nchk weight -10\n}",
                vips("10.9.9.100/24")), node));
        none(warnings(script + instance("VI_1", 51, 100, "track_script {\nchk weight 10\n}",
                vips("10.9.9.100/24")), node));
    }

    @Test
    void vridReusedOnOneSegmentWithAnotherPassword() {
        String a = instance("VI_1", 51, 100, "authentication {\nauth_type PASS\nauth_pass secret1\n}",
                vips("10.9.9.100/24"));
        String b = instance("VI_2", 51, 100, "mcast_dst_ip 224.0.0.19",
                "authentication {\nauth_type PASS\nauth_pass secret2\n}", vips("10.9.9.101/24"));
        single(warnings(a + b, node), 13, "(VI_2) uses virtual_router_id 51 on eth0 like VI_1",
                "different authentication");
        none(warnings(a + b.replace("secret2", "secret1"), node));
        none(warnings(a + b.replace("virtual_router_id 51", "virtual_router_id 52"), node));
    }

    @Test
    void syncGroupMembersWithDifferentAdvertIntervals() {
        String group = "vrrp_sync_group G {\n    group {\n        VI_1\n        VI_2\n    }\n}\n";
        single(warnings(group + instance("VI_1", 51, 100, "advert_int 1", vips("10.9.9.100/24"))
                + instance("VI_2", 52, 100, "advert_int 3", vips("10.9.9.101/24")), node), 1,
                "sync group G", "VI_1 advert_int 1, VI_2 advert_int 3");
        none(warnings(group + instance("VI_1", 51, 100, "advert_int 3", vips("10.9.9.100/24"))
                + instance("VI_2", 52, 100, "advert_int 3", vips("10.9.9.101/24")), node));
    }

    /** Issue 19: "nopreempt with state MASTER (keepalived warns; keep it)" - the binder's line, exit 5. */
    @Test
    void nopreemptWithStateMasterKeepsKeepalivedsWarning() {
        LoadResult r = ConfigFixture.host().load(
                instance("VI_1", 51, 100, "state MASTER", "nopreempt", vips("10.9.9.100/24")));
        assertEquals(5, r.exitCode());
        ConfigFixture.assertReported(r, ConfigErrorKind.GENERAL_ERROR,
                "(VI_1) Warning - nopreempt will not work with initial state MASTER");
        none(ConfigLint.check(ConfigFixture.model(r), node));
    }

    @Test
    void checksRunInAFixedOrder() {
        String conf = "vrrp_script chk {\n    script \"/usr/bin/killall -0 nginx\"\n}\n"
                + instance("VI_1", 51, 100, "check_unicast_src", "unicast_peer {\n10.9.9.1\n}", "notify_stop /nope.sh",
                vips("10.9.9.100/24"));
        List<ConfigWarning> ws = warnings(conf, node);
        assertEquals(3, ws.size(), () -> report(ws));
        assertTrue(ws.get(0).message().contains("notify_stop"), () -> report(ws));
        assertTrue(ws.get(1).message().contains("unicast_peer"), () -> report(ws));
        assertTrue(ws.get(2).message().contains("vrrp_script chk is not tracked"), () -> report(ws));
    }
}
