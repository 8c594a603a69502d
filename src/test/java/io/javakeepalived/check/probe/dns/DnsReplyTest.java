package io.javakeepalived.check.probe.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class DnsReplyTest {

    /**
     * A resolver's answer to "www.example.org A" with id 0x1c2d (flags 8180: QR, RD, RA, NOERROR),
     * laid out by RFC 1035: header, the question echoed, one A record by a compression pointer.
     */
    private static final String ANSWER = "1c2d" + "8180" + "0001" + "0001" + "0000" + "0000"
            + "03777777076578616d706c65036f726700" + "0001" + "0001"
            + "c00c" + "0001" + "0001" + "00000e10" + "0004" + "5db8d822";

    private static ByteBuffer bytes(String hex) {
        return ByteBuffer.wrap(HexFormat.of().parseHex(hex));
    }

    @Test
    void anAnswerWithOurIdAndNoErrorPasses() {
        assertEquals(0, DnsReply.rcode(0x1c2d, bytes(ANSWER)));
    }

    @Test
    void anAnswerWithAnotherIdIsNotOurs() {
        assertEquals(DnsReply.IGNORE, DnsReply.rcode(0x1c2e, bytes(ANSWER)));
    }

    @Test
    void ourOwnQueryReflectedBackIsNotAnAnswer() {
        assertEquals(DnsReply.IGNORE, DnsReply.rcode(0xbeef,
                ByteBuffer.wrap(DnsQuery.encode(0xbeef, 6, "."))));
    }

    @Test
    void aShortDatagramIsIgnored() {
        assertEquals(DnsReply.IGNORE, DnsReply.rcode(0x1c2d, bytes("1c2d8180000100")));
        assertEquals(DnsReply.IGNORE, DnsReply.rcode(0x1c2d, bytes("")));
    }

    @Test
    void anErrorRcodeIsReported() {
        // SERVFAIL (2) and NXDOMAIN (3): keepalived fails the check on any rcode but 0
        assertEquals(2, DnsReply.rcode(0x1c2d, bytes("1c2d" + "8182" + "0001000000000000")));
        assertEquals(3, DnsReply.rcode(0x1c2d, bytes("1c2d" + "8183" + "0001000000000000")));
    }

    @Test
    void onlyTheHeaderCountsAsInKeepalived() {
        // no answer records and a truncated question still pass: keepalived reads the header only
        assertEquals(0, DnsReply.rcode(0x1c2d, bytes("1c2d" + "8100" + "000000000000" + "0000")));
    }

    @Test
    void theDatagramIsReadFromItsPosition() {
        ByteBuffer b = bytes("ffff" + ANSWER);
        b.position(2);
        assertEquals(0, DnsReply.rcode(0x1c2d, b));
    }
}
