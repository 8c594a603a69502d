package io.javakeepalived.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The nf_tables messages of keepalived's no_accept table against what {@code nft --debug=netlink}
 * printed (nftables 1.0.6) for the same ruleset, written by hand in nft's language:
 * <pre>
 * add table ip keepalived
 * add chain ip keepalived out { type filter hook output priority -1; policy accept; }
 * add chain ip keepalived in { type filter hook input priority -1; policy accept; }
 * add set ip keepalived vips { type ipv4_addr; }
 * add rule ip keepalived in ip daddr @vips drop        (with counters: ... @vips counter drop)
 * add rule ip keepalived out ip saddr @vips drop
 * add element ip keepalived vips { 10.0.0.100, 192.168.7.1 }
 * </pre>
 */
class VipDropRulesetTest {
    private static final List<Inet4Address> VIPS = List.of(v4("10.0.0.100"), v4("192.168.7.1"));

    @Test
    void installAndElementsMatchWhatNftSends() throws IOException {
        assertEquals(resource("keepalived-ipv4.netlink"), text(new VipDropRules("keepalived", -1, false)));
    }

    @Test
    void countersPutACounterBeforeTheVerdict() throws IOException {
        assertEquals(resource("keepalived-ipv4-counters.netlink"), text(new VipDropRules("keepalived", -1, true)));
    }

    @Test
    void theTableIsReplacedInTheSameTransaction() {
        ByteBuffer b = buffer();
        NfBatch batch = VipDropRuleset.install(new NfBatch(b, 100), new VipDropRules("kad", -150, false));
        int len = batch.finish();
        StringBuilder kinds = new StringBuilder();
        for (int off = 0; off < len; off += RtnlCodec.align(RtnlCodec.msgLen(b, off))) {
            kinds.append(RtnlCodec.msgType(b, off)).append(' ');
            assertEquals(100 + kinds.toString().split(" ").length - 1, RtnlCodec.msgSeq(b, off));
        }
        // begin, NEWTABLE, DELTABLE, NEWTABLE, NEWCHAIN x2, NEWSET, NEWRULE x2, end
        assertEquals("16 2560 2562 2560 2563 2563 2569 2566 2566 17 ", kinds.toString());
        assertEquals("delete table ip kad", batch.describe(102));
        assertEquals("add rule ip kad out ip saddr @vips drop", batch.describe(108));
        assertTrue(batch.owns(109));
        assertFalse(batch.owns(110));
        assertTrue(NftDebugText.of(b, len).contains("hook input prio -150"));
        // nft prints no chain name in its debug text: read the attributes (2 is the chain's handle)
        StringBuilder chains = new StringBuilder();
        for (int off = 0; off < len; off += RtnlCodec.align(RtnlCodec.msgLen(b, off))) {
            if (RtnlCodec.msgType(b, off) == NfTablesCodec.type(NfTablesCodec.NFT_MSG_NEWCHAIN)) {
                List<int[]> attrs = NftDebugText.attrs(b, off + 20, off + RtnlCodec.msgLen(b, off));
                chains.append(NftDebugText.str(b, NftDebugText.find(attrs, NfTablesCodec.NFTA_CHAIN_TABLE))).append(' ')
                        .append(NftDebugText.str(b, NftDebugText.find(attrs, NfTablesCodec.NFTA_CHAIN_NAME)))
                        .append(attrs.stream().anyMatch(a -> a[0] == 2) ? " +handle" : "").append(';');
            }
        }
        assertEquals("kad out;kad in;", chains.toString());
    }

    @Test
    void aDeletedElementIsNamedByItsAddress() {
        ByteBuffer b = buffer();
        NfBatch batch = VipDropRuleset.elements(new NfBatch(b, 7), new VipDropRules("keepalived", -1, false), false,
                VIPS);
        int len = batch.finish();
        assertEquals("delete element ip keepalived vips { 10.0.0.100, 192.168.7.1 }", batch.describe(8));
        int second = RtnlCodec.align(RtnlCodec.msgLen(b, 0));
        assertEquals(NfTablesCodec.type(NfTablesCodec.NFT_MSG_DELSETELEM), RtnlCodec.msgType(b, second));
        assertEquals(RtnlCodec.NLM_F_REQUEST | NfTablesCodec.NLM_F_ACK, RtnlCodec.msgFlags(b, second));
        assertEquals(len, second + RtnlCodec.msgLen(b, second) + 20);
    }

    private static String text(VipDropRules rules) {
        ByteBuffer b = buffer();
        NfBatch batch = VipDropRuleset.install(new NfBatch(b, 1), rules);
        VipDropRuleset.elements(batch, rules, true, VIPS);
        return NftDebugText.of(b, batch.finish());
    }

    private static ByteBuffer buffer() {
        return ByteBuffer.allocate(8192).order(ByteOrder.nativeOrder());
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = VipDropRulesetTest.class.getResourceAsStream("/nftables/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Inet4Address v4(String s) {
        try {
            return (Inet4Address) InetAddress.getByName(s);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
