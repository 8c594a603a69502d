package io.javakeepalived.vrrp.packet;

import static io.javakeepalived.vrrp.packet.RoundTripTest.ip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Packets with several faults at once get keepalived's verdict: the first failing check in
 * keepalived's order (the lowest §1b row). Each fault below is a change to the packet or to the
 * receiving instance's policy that, alone, fails exactly one check.
 */
class CheckOrderTest {

    static final InetAddress SRC = ip("10.66.0.2");
    static final InetAddress VIP = ip("10.66.0.100");
    static final InetAddress OTHER = ip("10.66.0.101");

    record Fault(RejectReason reason, Set<String> touches, UnaryOperator<PacketForge> packet,
                 Consumer<PolicySpec> policy) {
        @Override
        public String toString() {
            return reason.toString();
        }
    }

    static final List<Fault> FAULTS = List.of(
            new Fault(RejectReason.UNKNOWN_VRID, Set.of("vrid"), f -> f.vrid(52), p -> { }),
            new Fault(RejectReason.AH_MISMATCH, Set.of("proto"), f -> f.ahHeader(112), p -> { }),
            new Fault(RejectReason.LENGTH, Set.of("len"), f -> f.truncate(4), p -> { }),
            new Fault(RejectReason.TTL, Set.of("ttl", "cast"), f -> f.ttl(64), p -> { }),
            new Fault(RejectReason.VERSION, Set.of("pversion"), f -> f, p -> p.version = 3),
            new Fault(RejectReason.INVALID_AUTH_TYPE, Set.of("auth"), f -> f.authTypeField(7), p -> { }),
            new Fault(RejectReason.AUTH_TYPE_MISMATCH, Set.of("pauth", "pversion"), f -> f, p -> p.password = "x"),
            new Fault(RejectReason.ADVERT_INTERVAL, Set.of("int"), f -> f.advertIntervalSeconds(2), p -> { }),
            new Fault(RejectReason.INVALID_TYPE, Set.of("type"), f -> f.type(2), p -> { }),
            new Fault(RejectReason.ADDRESS_COUNT, Set.of("vips"), f -> f, p -> p.vips = List.of(VIP, OTHER)),
            new Fault(RejectReason.IP_TOTAL_LENGTH, Set.of("totlen"), f -> f.totalLength(100), p -> { }),
            new Fault(RejectReason.CHECKSUM, Set.of("cksum"), PacketForge::badChecksum, p -> { }),
            new Fault(RejectReason.CAST_MISMATCH, Set.of("cast"), f -> f,
                    p -> p.peers = List.of(UnicastPeer.of(SRC))),
            new Fault(RejectReason.ADDRESS_LIST, Set.of("vips"), f -> f, p -> p.vips = List.of(OTHER)));

    /** The receiving instance's settings the faults change. */
    static final class PolicySpec {
        int version = 2;
        String password;
        List<InetAddress> vips = List.of(VIP);
        List<UnicastPeer> peers = List.of();

        ReceivePolicy build() {
            ReceivePolicy.Builder b = ReceivePolicy.builder(IpFamily.IPV4, version, 51).vips(vips).unicastPeers(peers);
            return password == null ? b.build() : b.password(password).build();
        }
    }

    static Verdict run(List<Fault> faults) {
        PacketForge forge = PacketForge.of(Advert.v2(51, 200, 1, AuthType.NONE, "", List.of(VIP)), SRC,
                VrrpCodec.MCAST_GROUP4);
        PolicySpec spec = new PolicySpec();
        for (Fault f : faults) {
            forge = f.packet().apply(forge);
            f.policy().accept(spec);
        }
        byte[] p = forge.ipv4Packet();
        return AdvertValidator.validate(VrrpCodec.parseIpv4(p, 0, p.length), spec.build());
    }

    @Test
    void eachFaultAloneGivesItsReason() {
        for (Fault f : FAULTS) {
            Rejection r = assertInstanceOf(Rejection.class, run(List.of(f)), f.reason().toString());
            assertEquals(f.reason(), r.reason(), r.message());
        }
    }

    @Test
    void pairsGiveTheEarlierCheck() {
        for (Fault a : FAULTS) {
            for (Fault b : FAULTS) {
                if (a == b || !disjoint(a, b)) {
                    continue;
                }
                Rejection r = assertInstanceOf(Rejection.class, run(List.of(a, b)));
                RejectReason first = a.reason().keepalivedRow() <= b.reason().keepalivedRow() ? a.reason() : b.reason();
                assertEquals(first, r.reason(), a.reason() + " + " + b.reason() + ": " + r.message());
            }
        }
    }

    @Test
    void randomCombinationsGiveTheEarliestCheck() {
        long seed = new Random().nextLong();
        Random rnd = new Random(seed);
        for (int i = 0; i < 2_000; i++) {
            List<Fault> chosen = new ArrayList<>();
            for (Fault f : FAULTS) {
                if (rnd.nextInt(3) == 0 && chosen.stream().allMatch(c -> disjoint(c, f))) {
                    chosen.add(f);
                }
            }
            if (chosen.isEmpty()) {
                continue;
            }
            RejectReason first = chosen.stream().map(Fault::reason)
                    .min(Comparator.comparingInt(RejectReason::keepalivedRow)).orElseThrow();
            Verdict v = run(chosen);
            Rejection r = assertInstanceOf(Rejection.class, v, "seed " + seed + " " + chosen);
            assertEquals(first, r.reason(), "seed " + seed + " faults " + chosen.stream().map(Fault::reason).toList());
        }
    }

    static boolean disjoint(Fault a, Fault b) {
        return a.touches().stream().noneMatch(b.touches()::contains);
    }
}
