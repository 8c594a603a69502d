package io.javakeepalived.check.probe.http;

import io.javakeepalived.config.model.RealServer;
import io.javakeepalived.config.model.Text;
import io.javakeepalived.config.model.VirtualServer;

import java.util.Locale;

/** How keepalived names services in checker lines (check_data.c's FMT_RS / FMT_VS). */
final class ServiceNames {
    private ServiceNames() {
    }

    /** "[10.0.0.2]:tcp:80": the real server, with its virtual server's protocol. */
    static String realServer(VirtualServer vs, RealServer rs) {
        return "[" + Text.address(rs.address()) + "]:" + protocol(vs) + ":" + rs.port();
    }

    /** "[10.0.0.1]:tcp:80", "FWM 5", or "[GROUP]:PORT" for a virtual_server_group. */
    static String virtualServer(VirtualServer vs) {
        return switch (vs.kind()) {
            case FWMARK -> "FWM " + vs.fwmark();
            case GROUP -> "[" + vs.group().orElse("?") + "]:" + vs.port();
            case ADDRESS -> "[" + vs.address().map(Text::address).orElse("?") + "]:" + protocol(vs) + ":" + vs.port();
        };
    }

    /** keepalived defaults an address service without {@code protocol} to UDP; a fwmark has none. */
    private static String protocol(VirtualServer vs) {
        return vs.protocol().map(p -> p.name().toLowerCase(Locale.ROOT))
                .orElse(vs.kind() == VirtualServer.Kind.FWMARK ? "none" : "udp");
    }

}
