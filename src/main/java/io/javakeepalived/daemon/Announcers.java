package io.javakeepalived.daemon;

import io.javakeepalived.net.ErrnoException;
import io.javakeepalived.net.LinkInfo;
import io.javakeepalived.net.LinkLayerAnnouncer;
import io.javakeepalived.net.NativeNetwork;

import io.javakeepalived.vrrp.Vip;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;

/**
 * The gratuitous ARP and unsolicited NA senders, one of each per interface, opened ahead
 * ({@link #prepare}, when an instance starts) or on first use, and kept: a packet socket opened
 * on the takeover would put a socket() and bind(), and the first use of their code, between the
 * takeover advert and its first GARP. Loop thread only.
 */
final class Announcers {
    private final Map<String, LinkInfo> links;
    private final NativeNetwork network;
    private final Logger log;
    private final Map<String, LinkLayerAnnouncer> arp = new HashMap<>();
    private final Map<String, LinkLayerAnnouncer> na = new HashMap<>();

    /** @param links the loop's live view of the interfaces by name */
    Announcers(Map<String, LinkInfo> links, NativeNetwork network, Logger log) {
        this.links = links;
        this.network = network;
        this.log = log;
    }

    /**
     * The sender for {@code ifname}, or null if the interface is unknown, has no Ethernet
     * address, or (for ARP) is NOARP; a sender that cannot be opened is logged for {@code instance}.
     */
    LinkLayerAnnouncer get(String instance, String ifname, boolean ipv6) {
        Map<String, LinkLayerAnnouncer> m = ipv6 ? na : arp;
        LinkLayerAnnouncer an = m.get(ifname);
        if (an != null) {
            return an;
        }
        LinkInfo l = links.get(ifname);
        if (l == null || l.mac().length != 6 || (!ipv6 && l.isNoArp())) {
            return null;
        }
        try {
            an = ipv6 ? network.openNeighbourAdvert(l.index(), ifname, l.mac(), false)
                    : network.openGratuitousArp(l.index(), ifname, l.mac());
            m.put(ifname, an);
            return an;
        } catch (ErrnoException x) {
            log.warn("({}) cannot open a {} sender on {}: {}", instance, ipv6 ? "NA" : "gratuitous ARP", ifname,
                    x.getMessage());
            return null;
        }
    }

    /**
     * Opens the senders {@code instance}'s addresses will need, off the takeover path; an
     * interface that is not there yet gets its sender on first use.
     */
    void prepare(String instance, List<Vip> addresses) {
        for (Vip v : addresses) {
            get(instance, v.device(), v.isIpv6());
        }
    }

    /** Forgets the senders of {@code ifname} (its MAC changed or it went away). */
    void close(String ifname) {
        closeIfOpen(arp.remove(ifname));
        closeIfOpen(na.remove(ifname));
    }

    void closeAll() {
        arp.values().forEach(LinkLayerAnnouncer::close);
        na.values().forEach(LinkLayerAnnouncer::close);
        arp.clear();
        na.clear();
    }

    private static void closeIfOpen(LinkLayerAnnouncer a) {
        if (a != null) {
            a.close();
        }
    }
}
