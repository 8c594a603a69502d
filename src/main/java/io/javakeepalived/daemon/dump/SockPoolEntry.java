package io.javakeepalived.daemon.dump;

import java.util.List;
import java.util.Objects;

/**
 * One socket pair of the VRRP socket pool (keepalived.data {@code VRRP Sockpool}).
 *
 * @param fdIn          receive fd
 * @param fdOut         send fd
 * @param interfaceName interface it is bound to
 * @param ipv6          IPv6 socket
 * @param ah            protocol AH (else VRRP)
 * @param unicastSource unicast source address, or null for multicast
 * @param rxBufSize     receive buffer size set (0 if default)
 * @param members       instances using it
 */
public record SockPoolEntry(int fdIn, int fdOut, String interfaceName, boolean ipv6, boolean ah, String unicastSource,
        int rxBufSize, List<Member> members) {

    public SockPoolEntry {
        Objects.requireNonNull(interfaceName, "interfaceName");
        members = List.copyOf(members);
    }

    /** An instance on the socket. */
    public record Member(String instance, int vrid) {
        public Member {
            Objects.requireNonNull(instance, "instance");
        }
    }
}
