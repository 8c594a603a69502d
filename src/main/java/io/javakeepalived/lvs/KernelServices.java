package io.javakeepalived.lvs;

import io.javakeepalived.config.model.AddressFamily;
import io.javakeepalived.config.model.VirtualServer;
import io.javakeepalived.config.model.VirtualServerGroup;
import io.javakeepalived.net.IpvsService;
import io.javakeepalived.net.IpvsServiceKey;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The kernel services one {@code virtual_server} stands for: one for an address or a fwmark; for
 * a group, one per address of each range (keepalived steps the last byte of IPv4 and the last 16
 * bits of IPv6) and one per fwmark, each with the server's scheduler and persistence.
 */
final class KernelServices {
    private KernelServices() {
    }

    private static final Map<String, Integer> FLAGS = Map.of("ops", IpvsService.ONE_PACKET,
            "flag-1", IpvsService.SCHED1, "flag-2", IpvsService.SCHED2, "flag-3", IpvsService.SCHED3,
            "sh-fallback", IpvsService.SCHED1, "sh-port", IpvsService.SCHED2,
            "mh-fallback", IpvsService.SCHED1, "mh-port", IpvsService.SCHED2);

    /** The services of {@code vs}; {@code groups} by name (a group that is missing gives none). */
    static List<IpvsService> of(VirtualServer vs, Map<String, VirtualServerGroup> groups) {
        List<IpvsService> out = new ArrayList<>();
        switch (vs.kind()) {
            case ADDRESS -> out.add(service(vs, IpvsServiceKey.of(protocol(vs), vs.address().orElseThrow(),
                    vs.port())));
            case FWMARK -> out.add(service(vs, IpvsServiceKey.fwmark(vs.fwmark(),
                    vs.family().orElse(AddressFamily.IPV4) == AddressFamily.IPV6)));
            case GROUP -> {
                VirtualServerGroup g = groups.get(vs.group().orElse(""));
                if (g != null) {
                    for (VirtualServerGroup.Entry e : g.entries()) {
                        groupEntry(vs, e, out);
                    }
                }
            }
        }
        return out;
    }

    private static void groupEntry(VirtualServer vs, VirtualServerGroup.Entry e, List<IpvsService> out) {
        if (e instanceof VirtualServerGroup.Fwmark f) {
            AddressFamily af = f.family().or(vs::family).orElse(AddressFamily.IPV4);
            out.add(service(vs, IpvsServiceKey.fwmark(f.mark(), af == AddressFamily.IPV6)));
        } else if (e instanceof VirtualServerGroup.AddressRange r) {
            for (InetAddress a : range(r.first(), r.last())) {
                out.add(service(vs, IpvsServiceKey.of(protocol(vs), a, r.port())));
            }
        }
    }

    /** first..last, stepping the last byte (IPv4) or the last 16 bits (IPv6), as keepalived does. */
    static List<InetAddress> range(InetAddress first, InetAddress last) {
        List<InetAddress> out = new ArrayList<>();
        byte[] a = first.getAddress();
        byte[] z = last.getAddress();
        boolean v6 = first instanceof Inet6Address;
        int from = v6 ? ((a[14] & 0xff) << 8) | (a[15] & 0xff) : a[3] & 0xff;
        int to = v6 ? ((z[14] & 0xff) << 8) | (z[15] & 0xff) : z[3] & 0xff;
        for (int i = from; i <= Math.max(from, to); i++) {
            byte[] x = a.clone();
            if (v6) {
                x[14] = (byte) (i >> 8);
                x[15] = (byte) i;
            } else {
                x[3] = (byte) i;
            }
            try {
                out.add(InetAddress.getByAddress(x));
            } catch (UnknownHostException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
        return out;
    }

    private static int protocol(VirtualServer vs) {
        return switch (vs.protocol().orElse(VirtualServer.Protocol.TCP)) {
            case TCP -> IpvsServiceKey.TCP;
            case UDP -> IpvsServiceKey.UDP;
            case SCTP -> IpvsServiceKey.SCTP;
        };
    }

    private static IpvsService service(VirtualServer vs, IpvsServiceKey key) {
        int flags = 0;
        for (String f : vs.schedulerFlags()) {
            flags |= FLAGS.getOrDefault(f, 0);
        }
        int netmask = IpvsService.fullNetmask(key.ipv6());
        String engine = "";
        int timeout = 0;
        if (vs.persistenceTimeout() > 0) {
            flags |= IpvsService.PERSISTENT;
            timeout = (int) vs.persistenceTimeout();
            netmask = vs.persistenceGranularity().map(g -> granularity(g, key.ipv6())).orElse(netmask);
            engine = vs.persistenceEngine().orElse("");
        }
        return new IpvsService(key, vs.scheduler(), flags, timeout, netmask, engine);
    }

    /** persistence_granularity: a dotted IPv4 mask, or an IPv6 prefix length. */
    private static int granularity(String g, boolean ipv6) {
        if (ipv6 || !g.contains(".")) {
            return Integer.parseInt(g.trim());
        }
        String[] p = g.trim().split("\\.");
        int m = 0;
        for (String octet : p) {
            m = (m << 8) | (Integer.parseInt(octet) & 0xff);
        }
        return m;
    }
}
