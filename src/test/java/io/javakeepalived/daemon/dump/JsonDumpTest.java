package io.javakeepalived.daemon.dump;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.vrrp.packet.VrrpCounter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonDumpTest {

    @SuppressWarnings("unchecked")
    static Map<String, Object> first(Object parsed) {
        return (Map<String, Object>) ((List<Object>) parsed).get(0);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> part(Object parsed, String name) {
        return (Map<String, Object>) first(parsed).get(name);
    }

    /** The JSON type as JSON sees it: integer vs fraction matters to keepalived-exporter (Go ints). */
    static String type(Object v) {
        if (v instanceof Long) {
            return "integer";
        }
        if (v instanceof Double) {
            return "fraction";
        }
        return v == null ? "null" : v.getClass().getSimpleName();
    }

    @Test
    void everySampleKeyWithTheSameTypeAndOrder() throws Exception {
        Object expected = TinyJson.parse(DumpWritersTest.sample("keepalived.json.sample"));
        String ours = JsonDumpWriter.render(SampleSnapshot.snapshot());
        Object got = TinyJson.parse(ours);
        for (String p : List.of("data", "stats")) {
            Map<String, Object> e = part(expected, p);
            Map<String, Object> g = part(got, p);
            assertEquals(List.copyOf(e.keySet()), List.copyOf(g.keySet()), p);
            for (String k : e.keySet()) {
                assertEquals(type(e.get(k)), type(g.get(k)), p + "." + k);
                assertEquals(e.get(k), g.get(k), p + "." + k);
            }
        }
        assertEquals(List.of("data", "stats"), List.copyOf(first(got).keySet()));
        assertTrue(ours.endsWith("}}]\n"));
        String outsideStrings = ours.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"");
        assertFalse(outsideStrings.contains(" "), "keepalived writes no spaces outside strings: " + outsideStrings);
    }

    @Test
    void statsCarryEveryKeepalivedCounterAndNoExtra() {
        Object got = TinyJson.parse(JsonDumpWriter.render(SampleSnapshot.snapshot()));
        Map<String, Object> stats = part(got, "stats");
        long keepalivedCounters = java.util.Arrays.stream(VrrpCounter.values()).filter(VrrpCounter::inKeepalivedStats)
                .count();
        assertEquals(keepalivedCounters, stats.size());
        for (VrrpCounter c : VrrpCounter.values()) {
            assertEquals(c.inKeepalivedStats(), stats.containsKey(c.key()), c.key());
        }
        assertEquals(13L, stats.get("advert_sent"));
    }

    @Test
    void escapingLikeKeepalivedButValid() {
        StringBuilder sb = new StringBuilder();
        JsonDumpWriter.quote(sb, "a/b\"c\td\ne\rf\fg\bh\\i\u0001j é");
        assertEquals("\"a\\/b\\\"c\\td\\ne\\rf\\fg\\bh\\\\i\\u0001j é\"", sb.toString());
        assertEquals("a/b\"c\td\ne\rf\fg\bh\\i\u0001j é", TinyJson.parse(sb.toString()));
    }

    @Test
    void backupV3WithFractionsAndOptionalKeys() {
        InstanceSnapshot v = SampleSnapshot.backupV3("VI_1", InstanceSnapshot.Notify.NONE,
                SampleSnapshot.instance().counters());
        Map<String, Object> d = part(TinyJson.parse(JsonDumpWriter.render(List.of(v))), "data");
        assertEquals(0.25, d.get("adver_int"));
        assertEquals(0.5, d.get("master_adver_int"));
        assertEquals(4L, d.get("preempt_delay"));
        assertEquals(true, d.get("nopreempt"));
        assertEquals(1L, d.get("state"));
        assertEquals(0L, d.get("auth_type"));
        assertFalse(d.containsKey("auth_data"));
        assertFalse(d.containsKey("vips"));
        assertFalse(d.containsKey("ifp_ifname"));
        assertFalse(d.containsKey("script_master"));
        assertFalse(d.containsKey("track_script"));
        assertEquals(List.of("10.1.1.1 dev eth1 scope global"), d.get("evips"));
        assertEquals(List.of("eth1"), d.get("track_ifp"));
    }

    @Test
    void emptyInstanceListIsAnEmptyArray() {
        assertEquals("[]\n", JsonDumpWriter.render(List.of()));
        assertInstanceOf(List.class, TinyJson.parse("[]"));
    }
}
