package io.javakeepalived.check.probe.http;

import io.javakeepalived.check.probe.CheckerStanding;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.javakeepalived.check.probe.Probe;
import io.javakeepalived.check.probe.ProbeResult;
import io.javakeepalived.config.model.Checker;
import io.javakeepalived.config.model.KeepalivedConfig;
import io.javakeepalived.config.model.RealServer;
import io.javakeepalived.config.model.VirtualServer;
import io.javakeepalived.testsupport.ConfigFixture;
import io.javakeepalived.testsupport.netns.NetnsLab;
import io.javakeepalived.testsupport.probe.ProbeRig;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Two namespaces for the HTTP probe tests: "client" runs the probe in a {@link ProbeRig},
 * "server" (10.213.0.2) holds the test's web servers. Checkers come from config text, through
 * the real loader, as the daemon would get them.
 */
final class HttpLab implements AutoCloseable {
    static final CheckerStanding DOWN = new CheckerStanding(false, true);
    static final CheckerStanding UP = new CheckerStanding(true, true);

    final NetnsLab lab;
    final NetnsLab.Node client;
    final NetnsLab.Node server;

    HttpLab() throws IOException {
        lab = NetnsLab.create("client", "server");
        client = lab.node("client");
        server = lab.node("server");
    }

    /** How one attempt ended, what it logged and how long it took. */
    record Attempt(ProbeResult result, List<String> logged, Duration took) {
    }

    /**
     * The one {@code kind} checker (HTTP_GET / SSL_GET) of a virtual server whose one real server
     * is the server node on {@code port}; connect_timeout 1 and log_all_failures are set.
     *
     * @param prelude config text before the virtual server (an SSL block)
     */
    HttpCheck check(String prelude, String kind, int port, String... checkerLines) {
        return check(prelude, "10.213.0.100", server.ipv4(), kind, port, checkerLines);
    }

    /** The same over IPv6: the server node's fd13::2. */
    HttpCheck checkIpv6(String kind, int port, String... checkerLines) {
        return check("", "fd13::100", server.ipv6(), kind, port, checkerLines);
    }

    private HttpCheck check(String prelude, String vip, String realServer, String kind, int port,
                            String... checkerLines) {
        String text = prelude + "virtual_server " + vip + " " + port + " {\n protocol TCP\n lb_kind NAT\n"
                + " lb_algo rr\n real_server " + realServer + " " + port + " {\n  " + kind + " {\n"
                + "   connect_timeout 1\n   log_all_failures\n   " + String.join("\n   ", checkerLines)
                + "\n  }\n }\n}\n";
        KeepalivedConfig config = ConfigFixture.model(ConfigFixture.load0(text));
        VirtualServer vs = config.virtualServers().get(0);
        RealServer rs = vs.realServers().get(0);
        try {
            return HttpCheck.of(vs, rs, (Checker.Http) rs.checkers().get(0),
                    kind.equals("SSL_GET") ? Optional.of(TlsClient.from(config.ssl())) : Optional.empty());
        } catch (TlsSetupException e) {
            throw new AssertionError(e);
        }
    }

    HttpCheck check(String kind, int port, String... checkerLines) {
        return check("", kind, port, checkerLines);
    }

    /** One attempt from the client node; asserts it left nothing open and nothing fired late. */
    Attempt attempt(HttpCheck check, CheckerStanding standing) throws Exception {
        return attempt(check.newProbe(standing));
    }

    Attempt attempt(Probe probe) throws Exception {
        return lab.call(client, () -> {
            try (ProbeRig rig = new ProbeRig()) {
                long t0 = System.nanoTime();
                ProbeResult result = rig.run(probe, Duration.ofSeconds(10));
                Duration took = Duration.ofNanos(System.nanoTime() - t0);
                rig.idle(Duration.ofMillis(200)); // a late done() would fail run()'s "done twice"
                assertEquals(0, rig.openChannels(), "channels left open");
                return new Attempt(result, rig.logged(), took);
            }
        });
    }

    @Override
    public void close() throws IOException {
        lab.close();
    }
}
