package io.javakeepalived.check.probe.dns;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * The query keepalived sends: a 12-byte header (the id, flags with only RD set, one question)
 * and the question (name as length-prefixed labels, type, class IN).
 */
final class DnsQuery {
    static final int HEADER = 12;
    /** keepalived's DNS_BUFFER_SIZE: its send and receive buffers. */
    static final int MAX = 768;
    private static final int FLAG_RD = 0x0100;
    private static final int CLASS_IN = 1;

    /** keepalived's DNS_TYPE table: the types the binder accepts. */
    private static final Map<String, Integer> TYPES = Map.of("A", 1, "NS", 2, "CNAME", 5, "SOA", 6, "MX", 15,
            "TXT", 16, "AAAA", 28, "RRSIG", 46, "DNSKEY", 48);

    private DnsQuery() {
    }

    static int typeCode(String type) {
        Integer code = TYPES.get(type.toUpperCase(Locale.ROOT));
        if (code == null) {
            throw new IllegalArgumentException("DNS type " + type + " is not one keepalived checks");
        }
        return code;
    }

    /**
     * The query's bytes. {@code name} is "." or "" for the root, else dot-separated labels with an
     * optional final dot ("example.org" and "example.org." are the same name).
     */
    static byte[] encode(int id, int type, String name) {
        ByteBuffer b = ByteBuffer.allocate(MAX);
        b.putShort((short) id).putShort((short) FLAG_RD).putShort((short) 1).putShort((short) 0)
                .putShort((short) 0).putShort((short) 0);
        String labels = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        if (!labels.isEmpty()) {
            for (String label : labels.split("\\.", -1)) {
                byte[] l = label.getBytes(StandardCharsets.ISO_8859_1);
                if (l.length == 0 || l.length > 63) {
                    throw new IllegalArgumentException("DNS name " + name + " has a label of " + l.length + " bytes");
                }
                if (b.remaining() < l.length + 1 + 5) {
                    throw new IllegalArgumentException("DNS name " + name + " is too long");
                }
                b.put((byte) l.length).put(l);
            }
        }
        b.put((byte) 0).putShort((short) type).putShort((short) CLASS_IN);
        byte[] out = new byte[b.position()];
        b.flip().get(out);
        return out;
    }
}
