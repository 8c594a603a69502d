package io.javakeepalived.check;

import io.javakeepalived.config.model.VirtualServer;
import io.javakeepalived.config.model.VirtualServerGroup;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;

/**
 * {@code ha_suspend}: a virtual server's checkers run only while its address is on this host
 * (check_api.c {@code update_checker_activity}). keepalived does not ask VRRP which instance owns
 * the address: its checker process watches the kernel's addresses, so a VIP that a MASTER adds
 * wakes the checkers and one a BACKUP removes puts them to sleep, and an address configured by
 * other means counts as well. A group's address ranges step the last byte (IPv4) or the last 16
 * bits (IPv6), as the group does. (keepalived 2.2.7's {@code addr_matches} returns early for a
 * group, so its group checkers never wake; the range test it goes on to make is what it means.)
 * Pure.
 */
final class HaSuspend {
    private HaSuspend() {
    }

    /**
     * Whether {@code vs}'s checkers run, given the host's addresses ({@code null} while not known
     * yet: an ha_suspend virtual server waits for them).
     */
    static boolean active(VirtualServer vs, Map<String, VirtualServerGroup> groups, Collection<InetAddress> host) {
        if (!vs.haSuspend()) {
            return true;
        }
        return host != null && host.stream().anyMatch(a -> matches(vs, groups, a));
    }

    static boolean matches(VirtualServer vs, Map<String, VirtualServerGroup> groups, InetAddress a) {
        if (vs.kind() == VirtualServer.Kind.ADDRESS) {
            return vs.address().orElseThrow().equals(a);
        }
        VirtualServerGroup g = vs.kind() == VirtualServer.Kind.GROUP ? groups.get(vs.group().orElse("")) : null;
        if (g == null) {
            return false;
        }
        for (VirtualServerGroup.Entry e : g.entries()) {
            if (e instanceof VirtualServerGroup.AddressRange r && inRange(r.first(), r.last(), a)) {
                return true;
            }
        }
        return false;
    }

    private static boolean inRange(InetAddress first, InetAddress last, InetAddress a) {
        byte[] f = first.getAddress();
        byte[] l = last.getAddress();
        byte[] x = a.getAddress();
        if (f.length != x.length) {
            return false;
        }
        int tail = f.length == 4 ? 1 : 2;
        if (!Arrays.equals(f, 0, f.length - tail, x, 0, x.length - tail)) {
            return false;
        }
        int v = low(x, tail);
        return v >= low(f, tail) && v <= Math.max(low(f, tail), low(l, tail));
    }

    private static int low(byte[] b, int tail) {
        return tail == 1 ? b[b.length - 1] & 0xff : ((b[b.length - 2] & 0xff) << 8) | (b[b.length - 1] & 0xff);
    }
}
