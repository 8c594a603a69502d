package io.javakeepalived.vrrp.packet;

import io.javakeepalived.util.AddressText;

import java.net.InetAddress;
import java.util.List;

/**
 * keepalived 2.2.7's receive policy: given a parsed packet and what the instance expects,
 * applies the dispatcher checks and {@code vrrp_check_packet()} in keepalived's order, so a
 * packet gets the same verdict, log line and counter as keepalived gives it (rows of
 * keepalived-features.md §1b):
 *
 * <pre>
 *  3 VRID (and family)          12 v2 auth type = configured    19 checksum
 *  6 IPv6 multicast vs unicast  13 v2 password (constant time)  20 IPv4 multicast vs unicast
 *  7 IPv4 AH present = AH conf  14 v2 AH: ICV, SPI, sequence    -- counted as received --
 *  8 length                     15 v2 advert interval           21 every VIP in the advert
 *  9 TTL 255 (multicast only)   16 type 1                       22 unicast source is a peer
 * 10 version                    17 address count                23 TTL in the peer's range
 * 11 v2 auth type 0..2          18 IPv4 total length            24 priority 0 (accepted)
 * </pre>
 *
 * Rows 17, 21-23 run only when addresses are checked: always, except with
 * skip_check_adv_addr for adverts from {@link ReceivePolicy#lastMasterAddress()}. Rows 22-23
 * also need unicast and {@link ReceivePolicy#effectiveCheckUnicastSrc()}.
 *
 * <p>Where we differ from keepalived, on purpose:
 * <ul>
 *   <li>ADVERT_INTERVAL bumps {@code advert_interval_err} (keepalived never does).</li>
 *   <li>IPv6 checksums are verified at row 19 when the destination is known (keepalived relies
 *       on the kernel's IPV6_CHECKSUM, which drops bad ones before they are read).</li>
 *   <li>{@code v3_checksum_as_v2}: keepalived (2.2.8+) then skips the check; we verify the
 *       checksum without pseudo-header.</li>
 *   <li>A v2 PASS instance over IPv6 rejects every advert as an auth failure (keepalived reads
 *       unrelated memory there).</li>
 * </ul>
 *
 * <p>AH (#14, keepalived's {@code vrrp_in_chk_ipsecah()}): the ICV must verify with the
 * instance's password, the SPI must be the sender's address, and the sequence number must be
 * above the instance's counter (the {@code ahSequenceFloor} the caller passes). keepalived
 * raises its counter to the packet's number as soon as these pass, even when a later check
 * rejects the packet: the caller does so when {@link #passedAuthentication} says so.
 *
 * <p>Pure and stateless; never throws on any packet.
 */
public final class AdvertValidator {

    private AdvertValidator() {
    }

    /** Validates a parse result; a parse {@link Rejection} is returned as it is. */
    public static Verdict validate(ParseResult parsed, ReceivePolicy policy) {
        return parsed instanceof ReceivedPacket p ? validate(p, policy) : (Rejection) parsed;
    }

    /** {@link #validate(ReceivedPacket, ReceivePolicy, long)} for an instance that has seen no AH sequence number yet. */
    public static Verdict validate(ReceivedPacket p, ReceivePolicy policy) {
        return validate(p, policy, 0);
    }

    /**
     * True if the packet got past #14 with this verdict: accepted, or rejected by a later
     * check. For an AH packet that is when keepalived has raised its sequence counter to
     * {@link ReceivedPacket#ahSequence()}.
     */
    public static boolean passedAuthentication(Verdict v) {
        return v instanceof Verdict.Accepted || ((Rejection) v).reason().keepalivedRow() > 14;
    }

    /**
     * Applies keepalived's receive checks for the instance described by {@code policy}.
     *
     * @param ahSequenceFloor the instance's AH sequence counter: an AH packet must carry a
     *                        higher number (ignored without AH)
     */
    public static Verdict validate(ReceivedPacket p, ReceivePolicy policy, long ahSequenceFloor) {
        Rejection r = rejection(p, policy, ahSequenceFloor);
        if (r != null) {
            return r;
        }
        Advert advert = p.toAdvert().orElseThrow(); // rejection() made sure it is complete
        return new Verdict.Accepted(advert, p.meta(), switchesToOldUnicastChecksum(p, policy));
    }

    /**
     * {@link #validate(ReceivedPacket, ReceivePolicy, long)} without its verdict: the rejection,
     * or null when the packet is accepted. Allocates nothing for an accepted packet (the
     * receive path of a running instance, issue 14); a rejection is made with its log text.
     */
    public static Rejection rejection(ReceivedPacket p, ReceivePolicy policy, long ahSequenceFloor) {
        // #3: the dispatcher finds instances by VRID on a per-family socket
        if (p.vrid() != policy.vrid() || p.family() != policy.family()) {
            return Rejection.unknownVrid(p.vrid(), policy.interfaceName());
        }
        // #6: IPv6 only; keepalived logs it with -D only
        if (p.family() == IpFamily.IPV6 && p.multicast() == policy.unicast()) {
            return new Rejection(RejectReason.CAST_DISCARDED, "discarding " + (p.multicast() ? "mult" : "un")
                    + "icast packet on " + (policy.unicast() ? "un" : "mult") + "icast instance");
        }
        boolean ahConfigured = policy.authType() == AuthType.IP_AH;
        // #7
        if (p.family() == IpFamily.IPV4 && p.authHeader() != ahConfigured) {
            return new Rejection(RejectReason.AH_MISMATCH, p.authHeader()
                    ? "Received AH header but auth type not AH" : "No AH header but auth type is AH");
        }
        // #8
        Rejection r = Checks.length(p, p.family() == IpFamily.IPV4 && ahConfigured);
        if (r != null) {
            return r;
        }
        // #9
        if (!policy.unicast() && p.ttl() != -1 && p.ttl() != VrrpCodec.VRRP_TTL) {
            return new Rejection(RejectReason.TTL,
                    "invalid TTL/HL. Received " + p.ttl() + " and expect " + VrrpCodec.VRRP_TTL);
        }
        // #10
        if (p.version() != policy.version()) {
            return new Rejection(RejectReason.VERSION,
                    "wrong version. Received " + p.version() + " and expect " + policy.version());
        }
        if (policy.version() == 2) {
            r = checkV2Auth(p, policy, ahSequenceFloor);
            if (r != null) {
                return r;
            }
            // #15
            if (policy.advertIntervalCentis() != p.advertIntervalField() * 100) {
                return new Rejection(RejectReason.ADVERT_INTERVAL, "advertisement interval mismatch mine="
                        + policy.advertIntervalCentis() / 100 + " sec rcv'd=" + p.advertIntervalField() + " sec");
            }
        }
        // #16
        r = Checks.type(p);
        if (r != null) {
            return r;
        }
        boolean checkAddresses = checkAddresses(p, policy);
        // #17
        if (checkAddresses && p.addressCount() != policy.vips().size()) {
            return new Rejection(RejectReason.ADDRESS_COUNT, "received an unexpected ip number count "
                    + p.addressCount() + ", expected " + policy.vips().size() + "!");
        }
        // #18
        r = Checks.totalLength(p);
        if (r != null) {
            return r;
        }
        // #19
        if (checksum(p, policy) == ChecksumOutcome.BAD) {
            return Checks.checksumError(policy.version());
        }
        // #20 (IPv6 was settled at #6)
        if (p.family() == IpFamily.IPV4 && p.multicast() == policy.unicast()) {
            String want = policy.unicast() ? "un" : "mult";
            String got = policy.unicast() ? "mult" : "un";
            return new Rejection(RejectReason.CAST_MISMATCH,
                    "Expected " + want + "icast packet but received " + got + "icast packet");
        }
        // -- keepalived counts advert_rcvd here --
        if (checkAddresses) {
            // #21
            AddressList vips = (AddressList) policy.vips();
            for (int i = 0; i < vips.size(); i++) { // per advert: compared in place, no iterator
                if (!p.containsAddress(vips.raw(i))) {
                    return new Rejection(RejectReason.ADDRESS_LIST, "ip address associated with VRID "
                            + policy.vrid() + " not present in MASTER advert: " + AddressText.ntop(vips.get(i)));
                }
            }
            if (policy.unicast() && policy.effectiveCheckUnicastSrc()) {
                // #22
                UnicastPeer peer = null;
                List<UnicastPeer> peers = policy.unicastPeers();
                for (int i = 0; i < peers.size(); i++) {
                    if (sameAddress(peers.get(i).address(), p.source())) {
                        peer = peers.get(i);
                        break;
                    }
                }
                if (peer == null) {
                    return new Rejection(RejectReason.UNICAST_SOURCE,
                            "unicast source address " + AddressText.ntop(p.source()) + " not a unicast peer");
                }
                // #23
                if (p.ttl() != -1 && (p.ttl() < peer.effectiveMinTtl() || p.ttl() > peer.effectiveMaxTtl())) {
                    return new Rejection(RejectReason.TTL_RANGE, "TTL/HL " + p.ttl() + " not in range "
                            + peer.effectiveMinTtl() + " - " + peer.effectiveMaxTtl());
                }
            }
        }
        // #24: priority 0 is accepted (Accepted.priorityZero())
        if (!p.advertComplete()) {
            // cannot happen: length, version and auth type were checked; never throw regardless
            return new Rejection(RejectReason.LENGTH, "vrrp packet incomplete");
        }
        return null;
    }

    /**
     * For a packet {@link #rejection} accepts: true if it verified only with the pre-1.3.6
     * unicast checksum and the policy allows detecting that (see
     * {@link Verdict.Accepted#switchToOldUnicastChecksum()}).
     */
    public static boolean switchesToOldUnicastChecksum(ReceivedPacket p, ReceivePolicy policy) {
        return p.family() == IpFamily.IPV4 && policy.unicast()
                && policy.oldUnicastChecksum() == ReceivePolicy.OldUnicastChecksum.DETECT
                && checksum(p, policy) == ChecksumOutcome.OK_SWITCH_TO_OLD;
    }

    /** #11-#14 */
    private static Rejection checkV2Auth(ReceivedPacket p, ReceivePolicy policy, long ahSequenceFloor) {
        AuthType received = AuthType.fromWire(p.authTypeField());
        if (received == null) {
            return Checks.invalidAuthType(p);
        }
        if (received != policy.authType()) {
            return new Rejection(RejectReason.AUTH_TYPE_MISMATCH, "received a " + p.authTypeField()
                    + " auth, expecting " + policy.authType().wireValue() + "!");
        }
        if (received == AuthType.SIMPLE_PASSWORD) {
            if (!p.passwordMatches(policy.password())) {
                return new Rejection(RejectReason.AUTH_FAILURE, "received an invalid passwd!");
            }
        } else if (received == AuthType.IP_AH) {
            if (p.ahNextHeader() != VrrpCodec.IPPROTO_VRRP) {
                return new Rejection(RejectReason.AH_NOT_VRRP,
                        "AH next header " + p.ahNextHeader() + " is not VRRP - dropped");
            }
            return checkAh(p, policy, ahSequenceFloor);
        }
        return null;
    }

    /** #14 for AH: ICV first (no other field can be trusted before it), then SPI, then the sequence. */
    private static Rejection checkAh(ReceivedPacket p, ReceivePolicy policy, long ahSequenceFloor) {
        if (!p.ahIcvVerifies(AuthenticationHeader.key(policy.password()), policy.unicast())) {
            return new Rejection(RejectReason.AH_ICV,
                    "IPSEC-AH : invalid IPSEC HMAC-MD5 value. Due to fields mutation or bad password !");
        }
        if (!p.ahSpiIsSource()) {
            return new Rejection(RejectReason.AH_SPI, "IPSEC AH : invalid IPSEC SPI value. " + p.ahSpiLogValues());
        }
        if (p.ahSequence() <= ahSequenceFloor) {
            return new Rejection(RejectReason.AH_REPLAY, "IPSEC-AH : sequence number " + p.ahSequence()
                    + " already processed. Packet dropped. Local(" + ahSequenceFloor + ")");
        }
        return null;
    }

    /** keepalived's check_vip_addr: MASTER always; BACKUP unless skip_check_adv_addr and from the last master. */
    private static boolean checkAddresses(ReceivedPacket p, ReceivePolicy policy) {
        return !policy.skipCheckAdvAddr()
                || policy.lastMasterAddress() == null
                || !sameAddress(policy.lastMasterAddress(), p.source());
    }

    private enum ChecksumOutcome { OK, OK_SWITCH_TO_OLD, BAD }

    /** #19 with the compatibility options. */
    private static ChecksumOutcome checksum(ReceivedPacket p, ReceivePolicy policy) {
        if (p.family() == IpFamily.IPV6) {
            return p.destination() == null || p.checksumVerifies(Checks.pseudo(p, p.destination()))
                    ? ChecksumOutcome.OK : ChecksumOutcome.BAD;
        }
        if (policy.version() == 2 || policy.v3ChecksumAsV2()) {
            return p.checksumVerifies(0) ? ChecksumOutcome.OK : ChecksumOutcome.BAD;
        }
        InetAddress group = policy.multicastGroup4();
        InetAddress pseudoDst = policy.oldUnicastChecksum().usesOldChecksum() ? group : p.destination();
        if (p.checksumVerifies(Checks.pseudo(p, pseudoDst))) {
            return ChecksumOutcome.OK;
        }
        if (policy.unicast()
                && policy.oldUnicastChecksum() == ReceivePolicy.OldUnicastChecksum.DETECT
                && !sameAddress(pseudoDst, group)
                && p.checksumVerifies(Checks.pseudo(p, group))) {
            return ChecksumOutcome.OK_SWITCH_TO_OLD;
        }
        return ChecksumOutcome.BAD;
    }

    /**
     * Address bytes equal (scope ids ignored, as keepalived compares raw addresses): what
     * {@link InetAddress#equals} compares, without the copies {@code getAddress()} would make.
     */
    static boolean sameAddress(InetAddress a, InetAddress b) {
        return a.equals(b);
    }
}
