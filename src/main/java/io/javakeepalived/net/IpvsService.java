package io.javakeepalived.net;

import java.util.Objects;

/**
 * An IPVS virtual service as the kernel holds it (ipvsadm -A): its key, scheduler, flags and
 * persistence.
 *
 * @param flags              IP_VS_SVC_F_* ({@link #PERSISTENT}, {@link #ONE_PACKET}, {@link #SCHED1}..);
 *                           the kernel's internal HASHED flag is never part of it
 * @param timeout            persistence timeout in seconds (0 when not persistent)
 * @param netmask            persistence granularity: for IPv4 a mask ({@code 0xffffff00} is
 *                           255.255.255.0), for IPv6 a prefix length (128)
 * @param persistenceEngine  "" for none ("sip" is the kernel's one engine)
 */
public record IpvsService(IpvsServiceKey key, String scheduler, int flags, int timeout, int netmask,
                          String persistenceEngine) {
    public static final int PERSISTENT = 0x1;
    public static final int HASHED = 0x2;
    public static final int ONE_PACKET = 0x4;
    public static final int SCHED1 = 0x8;
    public static final int SCHED2 = 0x10;
    public static final int SCHED3 = 0x20;

    public IpvsService {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(scheduler, "scheduler");
        Objects.requireNonNull(persistenceEngine, "persistenceEngine");
        flags &= ~HASHED;
    }

    /** The netmask of a service without persistence granularity: /32 or /128. */
    public static int fullNetmask(boolean ipv6) {
        return ipv6 ? 128 : 0xffffffff;
    }
}
