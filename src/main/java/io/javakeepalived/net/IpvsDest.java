package io.javakeepalived.net;

import java.net.InetAddress;
import java.util.Objects;

/**
 * A real server of an IPVS service as the kernel holds it (ipvsadm -a). Tunnel settings mean
 * something only with {@link #TUNNEL} forwarding and are zero otherwise, so that a dest decoded
 * from a dump equals the one that was added.
 *
 * @param forwarding  {@link #MASQ} (NAT), {@link #TUNNEL} or {@link #DROUTE} (DR)
 * @param tunnelType  {@link #TUN_IPIP}, {@link #TUN_GUE} or {@link #TUN_GRE}
 * @param tunnelPort  the GUE port (0 for the other types)
 * @param tunnelFlags {@link #TUN_CSUM} or {@link #TUN_REMCSUM} (0: no checksum, and always 0 for ipip)
 */
public record IpvsDest(InetAddress address, int port, int forwarding, int weight, long upperThreshold,
                       long lowerThreshold, int tunnelType, int tunnelPort, int tunnelFlags) {
    public static final int MASQ = 0;
    public static final int LOCALNODE = 1;
    public static final int TUNNEL = 2;
    public static final int DROUTE = 3;
    public static final int TUN_IPIP = 0;
    public static final int TUN_GUE = 1;
    public static final int TUN_GRE = 2;
    public static final int TUN_CSUM = 1;
    public static final int TUN_REMCSUM = 2;

    public IpvsDest {
        Objects.requireNonNull(address, "address");
        if (forwarding != TUNNEL) {
            tunnelType = 0;
        }
        if (forwarding != TUNNEL || tunnelType != TUN_GUE) {
            tunnelPort = 0;
        }
        if (forwarding != TUNNEL || tunnelType == TUN_IPIP) {
            tunnelFlags = 0;
        }
    }

    /** A NAT/DR dest without tunnel or thresholds. */
    public static IpvsDest of(InetAddress address, int port, int forwarding, int weight) {
        return new IpvsDest(address, port, forwarding, weight, 0, 0, 0, 0, 0);
    }

    public IpvsDest withWeight(int w) {
        return new IpvsDest(address, port, forwarding, w, upperThreshold, lowerThreshold, tunnelType, tunnelPort,
                tunnelFlags);
    }

    /** Whether {@code other} is the same real server (address and port) of a service. */
    public boolean sameServer(IpvsDest other) {
        return address.equals(other.address) && port == other.port;
    }

    /** {@code 10.0.0.2:80}, as keepalived's IPVS error lines name a dest. */
    public String describe() {
        return address.getHostAddress() + ":" + port;
    }
}
