package io.javakeepalived.lvs;

import io.javakeepalived.config.model.AddressFamily;
import io.javakeepalived.config.model.RealServer;
import io.javakeepalived.config.model.VirtualServer;

import java.net.InetAddress;

/**
 * A real server of a virtual server, by what survives a reload: the virtual server's address,
 * port or fwmark or group, protocol and family, and the real server's address and port. A
 * reload that keeps these keeps the server's health.
 */
record ServerId(String virtualServer, InetAddress address, int port) {

    static ServerId of(VirtualServer vs, RealServer rs) {
        return new ServerId(of(vs), rs.address(), rs.port());
    }

    /** The virtual server's identity: {@code 10.0.0.1:80 TCP IPV4}, {@code FWM 3 - IPV6}. */
    static String of(VirtualServer vs) {
        return vs.describe() + " " + vs.protocol().map(Enum::name).orElse("-") + " "
                + vs.family().orElse(AddressFamily.IPV4);
    }
}
