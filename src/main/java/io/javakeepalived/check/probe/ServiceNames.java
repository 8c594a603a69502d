package io.javakeepalived.check.probe;

import io.javakeepalived.config.model.RealServer;
import io.javakeepalived.config.model.Text;
import io.javakeepalived.config.model.VirtualServer;

import java.net.InetAddress;

/**
 * How keepalived names services in its checker lines: {@code [10.0.0.2]:tcp:80} for a real server
 * (its address, the virtual server's protocol, its port: keepalived's {@code FMT_RS}),
 * {@code [10.0.0.1]:tcp:80}, {@code FWM 7} or {@code [group]:80} for a virtual server
 * ({@code FMT_VS}). Pure; shared by the checker engine's lines and the probes' own.
 */
public final class ServiceNames {

    private ServiceNames() {
    }

    /** keepalived's FMT_VS. */
    public static String virtualServer(VirtualServer vs) {
        return switch (vs.kind()) {
            case ADDRESS -> trio(vs.address().orElseThrow(), protocol(vs), vs.port());
            case FWMARK -> "FWM " + vs.fwmark();
            case GROUP -> "[" + vs.group().orElse("?") + "]:" + vs.port();
        };
    }

    /** keepalived's FMT_RS (and FMT_CHK, which is the checker's real server). */
    public static String realServer(RealServer rs, VirtualServer vs) {
        return trio(rs.address(), protocol(vs), rs.port());
    }

    /** FMT_RS for another server of the virtual server (its sorry server). */
    public static String server(InetAddress address, int port, VirtualServer vs) {
        return trio(address, protocol(vs), port);
    }

    /**
     * The protocol word: keepalived's service_type, UDP when an address service names none (it
     * reports that), "none" for a fwmark service (whose protocol it ignores).
     */
    static String protocol(VirtualServer vs) {
        if (vs.kind() == VirtualServer.Kind.FWMARK) {
            return "none";
        }
        return switch (vs.protocol().orElse(VirtualServer.Protocol.UDP)) {
            case TCP -> "tcp";
            case UDP -> "udp";
            case SCTP -> "sctp";
        };
    }

    private static String trio(InetAddress address, String protocol, int port) {
        return "[" + Text.address(address) + "]:" + protocol + ":" + port;
    }
}
