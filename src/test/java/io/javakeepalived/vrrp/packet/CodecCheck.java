package io.javakeepalived.vrrp.packet;

import static io.javakeepalived.vrrp.packet.RoundTripTest.ip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.InetAddress;
import java.util.List;
import java.util.Random;

/**
 * What {@link FuzzTest} asks of the codec for one mutated packet, shared with the long run
 * ({@code LongPacketFuzz}): parse (at a random offset), decode, and validate against several
 * policies; every call returns a result, accepted adverts carry the policy's VRID and version.
 * Throws (an assertion or whatever the codec threw) otherwise.
 */
final class CodecCheck {
    private final List<ReceivePolicy> policies4 = FuzzTest.policies(IpFamily.IPV4);
    private final List<ReceivePolicy> policies6 = FuzzTest.policies(IpFamily.IPV6);
    private final InetAddress[] v6dst = {VrrpCodec.MCAST_GROUP6, ip("fe80::1"), null, ip("ff02::1")};
    private final VrrpCounters counters = new VrrpCounters();
    /** Accepted, rejected after being counted as received, rejected. */
    final long[] outcomes = new long[3];

    /** Checks one mutation {@code b} of {@code base}; draws its choices from {@code rnd}. */
    void check(FuzzTest.Base base, byte[] b, Random rnd) {
        ParseResult parsed;
        DecodeResult decoded;
        if (base.family() == IpFamily.IPV4) {
            int off = rnd.nextInt(4);
            byte[] shifted = new byte[b.length + off + rnd.nextInt(4)];
            System.arraycopy(b, 0, shifted, off, b.length);
            parsed = VrrpCodec.parseIpv4(shifted, off, b.length);
            decoded = VrrpCodec.decodeIpv4(b, 0, b.length);
        } else {
            InetAddress dst = rnd.nextInt(4) == 0 ? v6dst[rnd.nextInt(v6dst.length)] : base.destination();
            int hop = rnd.nextInt(8) == 0 ? rnd.nextInt(257) - 1 : 255;
            parsed = VrrpCodec.parseIpv6(base.source(), dst, hop, b, 0, b.length);
            decoded = VrrpCodec.decodeIpv6(base.source(), dst, hop, b, 0, b.length);
        }
        assertNotNull(parsed);
        assertNotNull(decoded);
        if (decoded instanceof DecodeResult.Decoded d) {
            assertNotNull(d.advert());
        }
        if (parsed instanceof ReceivedPacket p) {
            p.toAdvert();
            p.toString();
            p.meta();
        }
        for (ReceivePolicy policy : base.family() == IpFamily.IPV4 ? policies4 : policies6) {
            ReceivePolicy pol = rnd.nextBoolean() ? policy : policy.withLastMasterAddress(base.source());
            Verdict v = AdvertValidator.validate(parsed, pol);
            assertNotNull(v);
            counters.record(v);
            if (v instanceof Verdict.Accepted a) {
                outcomes[0]++;
                assertEquals(pol.vrid(), a.advert().vrid());
                assertEquals(pol.version(), a.advert().version());
            } else {
                Rejection r = (Rejection) v;
                assertNotNull(r.message());
                r.logLine("VI_1");
                outcomes[r.reason().countedAsReceived() ? 1 : 2]++;
            }
        }
    }
}
