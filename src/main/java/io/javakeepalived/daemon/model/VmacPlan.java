package io.javakeepalived.daemon.model;

import java.util.HexFormat;
import java.util.Objects;

/**
 * An instance's virtual MAC interface ({@code use_vmac}): a private-mode macvlan on the base
 * interface carrying the RFC 5798 virtual router MAC, so that the VIPs' neighbours learn one MAC
 * that moves with the VIPs instead of each router's own.
 *
 * @param name          the macvlan's name ({@code vrrp.VRID} unless configured)
 * @param baseInterface the configured {@code interface} it sits on; its address is the advert source
 * @param mac           six octets, {@code 00:00:5e:00:01:VRID} (IPv4) / {@code 00:00:5e:00:02:VRID}
 *                      (IPv6) unless configured
 * @param xmitBase      {@code vmac_xmit_base}: adverts are sent and received on the base interface
 * @param ipv6          an IPv6 instance: IPv6 stays enabled on the VMAC; an IPv4 instance's VMAC
 *                      has IPv6 turned off so that it never sends (MLD, DAD) from the shared MAC
 */
public record VmacPlan(String name, String baseInterface, String mac, boolean xmitBase, boolean ipv6) {
    private static final HexFormat MAC = HexFormat.ofDelimiter(":");

    public VmacPlan {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(baseInterface, "baseInterface");
        if (MAC.parseHex(mac).length != 6) {
            throw new IllegalArgumentException("a VMAC address has 6 octets: " + mac);
        }
        mac = mac.toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The VMAC of a VRID: {@code configured} (five octets get the VRID as the sixth), else the
     * RFC 5798 virtual router MAC of the family.
     */
    public static String mac(int vrid, boolean ipv6, java.util.Optional<String> configured) {
        if (configured.isPresent()) {
            String m = configured.get();
            return MAC.parseHex(m).length == 5 ? m + ":" + String.format("%02x", vrid) : m;
        }
        return String.format("00:00:5e:00:%02x:%02x", ipv6 ? 2 : 1, vrid);
    }

    public byte[] macBytes() {
        return MAC.parseHex(mac);
    }
}
