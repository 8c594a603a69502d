package io.javakeepalived.config.bind;

import static io.javakeepalived.testsupport.ConfigFixture.assertClean;
import static io.javakeepalived.testsupport.ConfigFixture.assertReported;
import static io.javakeepalived.testsupport.ConfigFixture.model;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.config.ConfigErrorKind;
import io.javakeepalived.config.load.LoadResult;
import io.javakeepalived.config.model.Checker;
import io.javakeepalived.config.model.Forwarding;
import io.javakeepalived.config.model.RealServer;
import io.javakeepalived.config.model.VirtualServer;
import io.javakeepalived.config.model.VirtualServerGroup;
import io.javakeepalived.testsupport.ConfigFixture;
import io.javakeepalived.testsupport.FakeFileSystem;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** virtual_server_group, virtual_server, real_server and the checkers. */
class LvsBinderTest {

    private static LoadResult load(String text) {
        return ConfigFixture.load0(text);
    }

    private static VirtualServer vs(LoadResult r) {
        return model(r).virtualServers().get(0);
    }

    private static final String RS = "  real_server 10.0.0.2 80 {\n   weight 2\n   TCP_CHECK {\n   }\n  }\n";

    @Test
    void defaultsOfAVirtualServer() {
        LoadResult r = load("virtual_server 10.0.0.1 80 {\n lb_algo rr\n lb_kind DR\n protocol TCP\n" + RS + "}\n");
        assertClean(r);
        VirtualServer v = vs(r);
        assertEquals(VirtualServer.Kind.ADDRESS, v.kind());
        assertEquals(80, v.port());
        assertEquals("rr", v.scheduler());
        assertEquals(Forwarding.Method.DR, v.forwarding().method());
        assertEquals(Duration.ofSeconds(60), v.delayLoop());
        assertEquals(Duration.ofSeconds(5), v.connectTimeout());
        assertEquals(1, v.quorum());
        assertEquals(0, v.hysteresis());
        assertEquals(0, v.persistenceTimeout());
        RealServer rs = v.realServers().get(0);
        assertEquals(2, rs.weight());
        assertEquals(Forwarding.Method.DR, rs.forwarding().method(), "real servers inherit the forwarding");
        assertTrue(rs.smtpAlert(), "real servers alert by default (keepalived's compatibility default)");
        Checker.Tcp tcp = assertInstanceOf(Checker.Tcp.class, rs.checkers().get(0));
        assertEquals("10.0.0.2", tcp.connection().connectIp().getHostAddress());
        assertEquals(80, tcp.connection().connectPort());
        assertEquals(Duration.ofSeconds(5), tcp.connection().connectTimeout());
        assertEquals(1, tcp.timing().retry());
        assertEquals(Duration.ofSeconds(1), tcp.timing().delayBeforeRetry());
        assertEquals(Duration.ofSeconds(60), tcp.timing().delayLoop());
        assertEquals(Duration.ofSeconds(60), tcp.timing().warmup(), "warmup defaults to delay_loop");
    }

    @Test
    void missingProtocolSchedulerAndForwardingGetKeepalivedsDefaultsWithErrors() {
        LoadResult r = load("virtual_server 10.0.0.1 80 {\n" + RS + "}\n");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "no protocol set, expected protocol TCP, UDP or SCTP"
                + " - defaulting to UDP");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "no scheduler set, expected lb_algo - setting default 'wlc'");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "no forwarding method set");
        VirtualServer v = vs(r);
        assertEquals(VirtualServer.Protocol.UDP, v.protocol().orElseThrow());
        assertEquals("wlc", v.scheduler());
        assertEquals(Forwarding.Method.NAT, v.realServers().get(0).forwarding().method());
    }

    @Test
    void fwmarkWithProtocolIsAWarningAndProtocolIsIgnored() {
        LoadResult r = load("virtual_server fwmark 1 {\n lb_algo rr\n lb_kind NAT\n protocol TCP\n"
                + "  real_server 10.0.0.2 {\n   TCP_CHECK {\n    connect_port 80\n   }\n  }\n}\n");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "Warning: Virtual server FWM 1: protocol specified for fwmark"
                + " - protocol will be ignored");
        assertEquals(5, r.exitCode());
        VirtualServer v = vs(r);
        assertEquals(VirtualServer.Kind.FWMARK, v.kind());
        assertTrue(v.protocol().isEmpty());
        Checker.Tcp tcp = (Checker.Tcp) v.realServers().get(0).checkers().get(0);
        assertEquals(80, tcp.connection().connectPort());
    }

    @Test
    void noRealServersDropsTheVirtualServer() {
        LoadResult r = load("virtual_server 10.0.0.1 80 {\n lb_algo rr\n protocol TCP\n}\n");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "Virtual server 10.0.0.1:80 has no real servers");
        assertTrue(model(r).virtualServers().isEmpty());
    }

    @Test
    void quorumAndHysteresisSanity() {
        LoadResult r = load("virtual_server 10.0.0.1 80 {\n lb_algo rr\n lb_kind NAT\n protocol TCP\n quorum 5\n"
                + " hysteresis 9\n" + RS + "}\n");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "quorum 5 for 10.0.0.1:80 exceeds total weight of real"
                + " servers 2, reducing quorum to 2");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "hysteresis 9 >= quorum 2; setting hysteresis to 1");
        assertEquals(2, vs(r).quorum());
        assertEquals(1, vs(r).hysteresis());
    }

    @Test
    void portRulesForNatAndDr() {
        LoadResult r = load("virtual_server 10.0.0.1 80 {\n lb_algo rr\n lb_kind NAT\n protocol TCP\n"
                + " real_server 10.0.0.2 {\n  TCP_CHECK {\n  }\n }\n}\nvirtual_server 10.0.0.1 81 {\n lb_algo rr\n"
                + " lb_kind DR\n protocol TCP\n real_server 10.0.0.3 8080 {\n  TCP_CHECK {\n  }\n }\n}\n");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "virtual server 10.0.0.1:81 and real server 10.0.0.3:8080"
                + " ports don't match - resetting");
        assertEquals(80, model(r).virtualServers().get(0).realServers().get(0).port());
        assertEquals(81, model(r).virtualServers().get(1).realServers().get(0).port());
    }

    @Test
    void duplicateRealServer() {
        LoadResult r = load("virtual_server 10.0.0.1 80 {\n lb_algo rr\n lb_kind NAT\n protocol TCP\n" + RS + RS
                + "}\n");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "real server 10.0.0.2:80 is duplicated");
        assertEquals(1, vs(r).realServers().size());
    }

    @Test
    void checkerEndpointsKeepTheirFamilyAndPortRange() {
        LoadResult r = load("virtual_server 10.0.0.1 80 {\n lb_algo rr\n lb_kind NAT\n protocol TCP\n"
                + " real_server 10.0.0.2 80 {\n  TCP_CHECK {\n   bindto 10.0.0.9\n   connect_ip fd00::2\n"
                + "   connect_ip 10.0.0.7\n   connect_port 0\n   connect_port 8080\n   bind_port 70000\n"
                + "   bind_port 4000\n   bindto fd00::9\n  }\n }\n}\n");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR,
                "connect_ip address fd00::2 does not match address family of bindto - skipping");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "Invalid checker connect_port '0'");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "Invalid checker bind_port '70000'");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR,
                "bindto address fd00::9 does not match address family of connect_ip - skipping");
        Checker.Connection co = ((Checker.Tcp) vs(r).realServers().get(0).checkers().get(0)).connection();
        assertEquals("10.0.0.7", co.connectIp().getHostAddress());
        assertEquals(8080, co.connectPort());
        assertEquals("10.0.0.9", co.bindTo().orElseThrow().getHostAddress());
        assertEquals(4000, co.bindPort());
    }

    @Test
    void httpAndSslCheckers() {
        LoadResult r = load("virtual_server 10.0.0.1 443 {\n lb_algo rr\n lb_kind NAT\n protocol TCP\n"
                + " delay_loop 6\n real_server 10.0.0.2 443 {\n  SSL_GET {\n   url {\n    path /\n"
                + "    digest FF20AD2481F97B1754EF3E12ECD3A9CC\n    status_code 200 301-302\n   }\n   url {\n"
                + "    digest 123\n   }\n   connect_timeout 3\n   retry 3\n   http_protocol 1.1\n   virtualhost www\n"
                + "  }\n  HTTP_GET {\n   url {\n    path /h\n   }\n  }\n }\n}\n");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "digest '123' character length should be 32");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "checker url has no path");
        List<Checker> cs = vs(r).realServers().get(0).checkers();
        Checker.Http ssl = (Checker.Http) cs.get(0);
        assertTrue(ssl.ssl());
        assertEquals(1, ssl.urls().size());
        assertEquals("ff20ad2481f97b1754ef3e12ecd3a9cc", ssl.urls().get(0).digest().orElseThrow());
        assertEquals(List.of(new Checker.StatusRange(200, 200), new Checker.StatusRange(301, 302)),
                ssl.urls().get(0).statusCodes());
        assertEquals(Duration.ofSeconds(3), ssl.connection().connectTimeout());
        assertEquals(3, ssl.timing().retry());
        assertEquals(Duration.ofSeconds(3), ssl.timing().delayBeforeRetry(), "HTTP/SSL default 3 s");
        assertEquals(Duration.ofSeconds(6), ssl.timing().delayLoop(), "from the virtual server");
        assertEquals("1.1", ssl.httpProtocol());
        assertEquals("www", ssl.virtualhost().orElseThrow());
        Checker.Http http = (Checker.Http) cs.get(1);
        assertFalse(http.ssl());
        assertEquals(List.of(new Checker.StatusRange(200, 299)), http.urls().get(0).statusCodes());
        LoadResult noUrl = load("virtual_server 10.0.0.1 80 {\n lb_algo rr\n lb_kind NAT\n protocol TCP\n"
                + " real_server 10.0.0.2 80 {\n  HTTP_GET {\n  }\n }\n}\n");
        assertReported(noUrl, ConfigErrorKind.GENERAL_ERROR, "HTTP/SSL_GET checker has no urls specified");
    }

    @Test
    void smtpHostBlocksBecomeCheckersAndAreNotAnError() {
        LoadResult r = load("virtual_server 10.0.0.1 25 {\n lb_algo rr\n lb_kind NAT\n protocol TCP\n"
                + " real_server 172.16.1.11 25 {\n  SMTP_CHECK {\n   connect_timeout 10\n   helo_name foo.bar.com\n"
                + "   host {\n    connect_ip 172.16.1.11\n   }\n   host {\n    connect_ip 192.168.155.10\n"
                + "    connect_port 587\n    bindto 192.168.155.2\n   }\n  }\n  SMTP_CHECK {\n  }\n }\n}\n");
        assertClean(r);
        List<Checker> cs = vs(r).realServers().get(0).checkers();
        assertEquals(3, cs.size());
        Checker.Smtp h2 = (Checker.Smtp) cs.get(1);
        assertTrue(h2.fromHostBlock());
        assertEquals(587, h2.connection().connectPort());
        assertEquals("192.168.155.2", h2.connection().bindTo().orElseThrow().getHostAddress());
        assertEquals(Duration.ofSeconds(5), h2.connection().connectTimeout(), "host blocks do not inherit the"
                + " checker's connect_timeout");
        assertEquals("smtpchecker.keepalived.org", ((Checker.Smtp) cs.get(2)).heloName());
    }

    @Test
    void dnsUdpPingMiscFileBfdCheckers() {
        FakeFileSystem fs = FakeFileSystem.typicalHost().file("/usr/local/bin/m.sh", 0, 0, 0755);
        LoadResult r = ConfigFixture.host().files(fs).load("global_defs {\n enable_script_security\n"
                + " script_user root\n}\ntrack_file tf {\n file /run/tf\n}\nbfd_instance b {\n neighbor_ip 10.0.0.2\n}\n"
                + "virtual_server 10.0.0.1 53 {\n lb_algo rr\n lb_kind NAT\n protocol UDP\n"
                + " real_server 10.0.0.2 53 {\n  DNS_CHECK {\n   type A\n   name example.com\n  }\n"
                + "  UDP_CHECK {\n   payload 0a 0b\n   require_reply\n   min_reply_length 3\n  }\n  PING_CHECK {\n  }\n"
                + "  MISC_CHECK {\n   misc_path \"/usr/local/bin/m.sh arg\"\n   misc_timeout 4\n   misc_dynamic\n  }\n"
                + "  FILE_CHECK {\n   track_file tf\n   weight -3\n  }\n  BFD_CHECK {\n   name b\n  }\n }\n}\n");
        assertClean(r);
        List<Checker> cs = vs(r).realServers().get(0).checkers();
        Checker.Dns dns = (Checker.Dns) cs.get(0);
        assertEquals("A", dns.type());
        assertEquals(3, dns.timing().retry(), "DNS default retry 3");
        assertEquals(dns.timing().delayLoop(), dns.timing().delayBeforeRetry(), "DNS retries after delay_loop");
        Checker.Udp udp = (Checker.Udp) cs.get(1);
        assertEquals("0a0b", udp.payloadHex().orElseThrow());
        assertTrue(udp.requireReply());
        assertEquals(255, udp.maxReplyLength());
        Checker.Misc misc = (Checker.Misc) cs.get(3);
        assertEquals(List.of("/usr/local/bin/m.sh", "arg"), misc.script().argv());
        assertEquals(0, misc.timing().retry(), "MISC default retry 0");
        assertEquals(Duration.ofSeconds(4), misc.timeout());
        assertTrue(misc.dynamic());
        assertEquals(new Checker.File("tf", -3, false, cs.get(4).location()), cs.get(4));
        assertEquals("b", ((Checker.Bfd) cs.get(5)).bfdName());
    }

    @Test
    void missingMiscScriptIsDroppedWithoutError() {
        LoadResult r = load("virtual_server 10.0.0.1 80 {\n lb_algo rr\n lb_kind NAT\n protocol TCP\n"
                + " real_server 10.0.0.2 80 {\n  MISC_CHECK {\n   misc_path /usr/local/bin/script.sh\n  }\n }\n}\n");
        assertClean(r);
        assertTrue(vs(r).realServers().get(0).checkers().isEmpty());
        LoadResult noPath = load("virtual_server 10.0.0.1 80 {\n lb_algo rr\n lb_kind NAT\n protocol TCP\n"
                + " real_server 10.0.0.2 80 {\n  MISC_CHECK {\n  }\n }\n}\n");
        assertReported(noPath, ConfigErrorKind.GENERAL_ERROR, "No script path has been specified for MISC_CHECKER");
    }

    @Test
    void existingCheckScriptsWithoutSecurityAreAViolation() {
        FakeFileSystem fs = FakeFileSystem.typicalHost().file("/usr/local/sbin/up.sh", 0, 0, 0755);
        LoadResult r = ConfigFixture.host().files(fs).load("virtual_server 10.0.0.1 80 {\n lb_algo rr\n lb_kind NAT\n"
                + " protocol TCP\n quorum_up /usr/local/sbin/up.sh\n" + RS + "}\n");
        assertReported(r, ConfigErrorKind.SECURITY_ERROR, "check scripts are being executed");
        assertEquals(6, r.exitCode());
    }

    @Test
    void aSecondQuorumOrNotifyScriptIsReportedAndTheFirstKept() {
        FakeFileSystem fs = FakeFileSystem.typicalHost().file("/usr/local/sbin/a.sh", 0, 0, 0755)
                .file("/usr/local/sbin/b.sh", 0, 0, 0755);
        LoadResult r = ConfigFixture.host().files(fs).load("virtual_server 10.0.0.1 80 {\n lb_algo rr\n lb_kind NAT\n protocol TCP\n"
                + " quorum_up /usr/local/sbin/a.sh\n quorum_up /usr/local/sbin/b.sh\n"
                + " real_server 10.0.0.2 80 {\n  notify_down /usr/local/sbin/a.sh\n  notify_down /usr/local/sbin/b.sh\n"
                + "  TCP_CHECK {\n  }\n }\n}\n");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR,
                "quorum_up script already specified - ignoring /usr/local/sbin/b.sh");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR,
                "notify_down script already specified - ignoring /usr/local/sbin/b.sh");
        assertEquals("/usr/local/sbin/a.sh", vs(r).quorumUp().orElseThrow().argv().get(0));
        assertEquals("/usr/local/sbin/a.sh", vs(r).realServers().get(0).notifyDown().orElseThrow().argv().get(0));
    }

    @Test
    void serverRetryMustBePositive() {
        LoadResult r = load("virtual_server 10.0.0.1 80 {\n lb_algo rr\n lb_kind NAT\n protocol TCP\n retry 0\n"
                + " retry 4\n real_server 10.0.0.2 80 {\n  retry x\n  retry 7\n  TCP_CHECK {\n  }\n }\n}\n");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "retry value invalid - 0");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "retry value invalid - x");
        // the real server's retry is what its checker inherits
        assertEquals(7, ((Checker.Tcp) vs(r).realServers().get(0).checkers().get(0)).timing().retry());
    }

    @Test
    void virtualServerGroups() {
        LoadResult r = load("virtual_server_group G {\n 10.0.0.1 8080\n 192.168.200.3-10 80\n 10.1.0.0/30 80\n"
                + " fwmark 1\n fwmark 2 inet\n 10.2.0.5-3 80\n 10.3.0.1/24 80\n}\n"
                + "virtual_server_group G6 {\n ae00::2-9 80\n}\n"
                + "virtual_server group G {\n lb_algo rr\n lb_kind NAT\n protocol TCP\n" + RS + "}\n");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "Address range end is not greater than address range start");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "Address mask bits not empty - 10.3.0.1/24");
        VirtualServerGroup g = model(r).virtualServerGroups().get(0);
        VirtualServerGroup.AddressRange range = (VirtualServerGroup.AddressRange) g.entries().get(1);
        assertEquals("192.168.200.10", range.last().getHostAddress());
        VirtualServerGroup.AddressRange cidr = (VirtualServerGroup.AddressRange) g.entries().get(2);
        assertEquals("10.1.0.3", cidr.last().getHostAddress());
        VirtualServerGroup.AddressRange v6 = (VirtualServerGroup.AddressRange) model(r).virtualServerGroups().get(1)
                .entries().get(0);
        assertEquals("ae00:0:0:0:0:0:0:9", v6.last().getHostAddress());
        assertTrue(g.entries().get(3) instanceof VirtualServerGroup.Fwmark);
        LoadResult mixed = load("virtual_server_group M {\n 10.0.0.1 80\n ae00::1 80\n fwmark 1\n}\n");
        assertReported(mixed, ConfigErrorKind.GENERAL_ERROR, "cannot have IPv4, IPv6 and fwmark without family");
        assertEquals(VirtualServer.Kind.GROUP, vs(r).kind());
    }

    @Test
    void virtualServerGroupThatDoesNotExist() {
        LoadResult r = load("virtual_server group NOPE {\n lb_algo rr\n lb_kind NAT\n protocol TCP\n" + RS + "}\n");
        assertEquals(0, r.exitCode(), "keepalived only logs it");
        assertTrue(model(r).virtualServers().isEmpty());
    }

    @Test
    void invalidAddressesSkipTheBlock() {
        LoadResult r = load("virtual_server 10.0.0.300 80 {\n lb_algo bogus\n}\nvirtual_server 10.0.0.1 80 {\n"
                + " lb_algo bogus\n lb_kind NAT\n protocol TCP\n real_server 10.0.0.x 80 {\n  weight 1\n }\n" + RS
                + "}\n");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "Invalid virtual server IP address 10.0.0.300");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "Invalid real server ip address/port 10.0.0.x/80");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "Invalid lvs_scheduler 'bogus'");
        assertEquals(1, model(r).virtualServers().size());
    }

    @Test
    void sorryServerAndInhibit() {
        LoadResult r = load("virtual_server 10.0.0.1 80 {\n lb_algo rr\n lb_kind DR\n protocol TCP\n"
                + " sorry_server 10.0.0.9 8080\n sorry_server_inhibit\n inhibit_on_failure\n" + RS + "}\n");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "sorry server ports don't match - resetting");
        VirtualServer v = vs(r);
        VirtualServer.SorryServer s = v.sorryServer().orElseThrow();
        assertEquals(80, s.port());
        assertTrue(s.inhibit());
        assertTrue(v.realServers().get(0).inhibitOnFailure(), "inherited from the virtual server");
        assertReported(load("virtual_server 10.0.0.1 80 {\n sorry_server_inhibit\n}\n"), ConfigErrorKind.GENERAL_ERROR,
                "sorry_server_inhibit used before or without sorry_server");
    }

    @Test
    void deprecatedNbGetRetry() {
        LoadResult r = load("virtual_server 10.0.0.1 80 {\n lb_algo rr\n lb_kind NAT\n protocol TCP\n"
                + " real_server 10.0.0.2 80 {\n  HTTP_GET {\n   nb_get_retry 4\n   url {\n    path /\n   }\n  }\n }\n"
                + "}\n");
        assertReported(r, ConfigErrorKind.DEPRECATED, "nb_get_retry is deprecated - please use 'retry'");
        assertEquals(4, ((Checker.Http) vs(r).realServers().get(0).checkers().get(0)).timing().retry());
    }

    @Test
    void checkerOutsideRealServerIsUnknown() {
        LoadResult r = load("virtual_server 10.0.0.1 80 {\n TCP_CHECK {\n }\n}\n");
        assertReported(r, ConfigErrorKind.UNKNOWN_KEYWORD, "Unknown keyword 'TCP_CHECK'");
    }
}
