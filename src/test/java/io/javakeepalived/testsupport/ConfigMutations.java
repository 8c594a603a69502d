package io.javakeepalived.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The edits the config property tests make to the sample configurations, shared so that the
 * long fuzz run ({@code -Plongfuzz}) mutates configs exactly as the CI tests do, only more often.
 * Every method draws from the caller's {@link Random} only: a seed reproduces a case.
 */
public final class ConfigMutations {
    private static final String[] KEYWORDS = {
        "vrrp_instance", "vrrp_script", "vrrp_sync_group", "virtual_server", "real_server", "global_defs",
        "state", "interface", "virtual_router_id", "priority", "advert_int", "version", "authentication",
        "auth_type", "auth_pass", "virtual_ipaddress", "virtual_ipaddress_excluded", "virtual_routes",
        "virtual_rules", "static_ipaddress", "static_routes", "static_rules", "track_script", "track_interface",
        "track_file", "track_process", "unicast_peer", "unicast_src_ip", "mcast_src_ip", "use_vmac", "nopreempt",
        "preempt_delay", "notify", "notify_master", "notify_stop", "garp_master_delay", "vrrp_strict",
        "vrrp_garp_interval", "enable_script_security", "script_user", "dynamic_interfaces", "script",
        "interval", "weight", "rise", "fall", "group", "lb_algo", "lb_kind", "protocol", "quorum", "hysteresis",
        "sorry_server", "TCP_CHECK", "HTTP_GET", "SSL_GET", "SMTP_CHECK", "DNS_CHECK", "UDP_CHECK", "PING_CHECK",
        "MISC_CHECK", "FILE_CHECK", "BFD_CHECK", "url", "path", "digest", "status_code", "connect_port",
        "connect_ip", "bindto", "host", "misc_path", "fwmark", "net_namespace", "bfd_instance", "neighbor_ip",
        "garp_group", "interfaces", "linkbeat_interfaces", "interface_up_down_delays", "vrrp_track_process",
        "process", "quorum_max", "init_file", "file", "use_ipvlan", "vmac_xmit_base", "strict_mode", "accept",
        "no_accept", "lvs_sync_daemon", "lvs_timeouts", "notify_fifo", "notify_fifo_script", "SSL",
        "virtual_server_group", "min_ttl", "max_ttl", "dev", "brd", "label", "scope", "via", "src", "table",
        "nexthop", "or", "gw", "preference", "lookup", "blackhole", "no_track", "track_group", "user",
    };
    private static final String[] VALUES = {
        "0", "1", "-1", "255", "256", "99999999999999999999", "1.5", "0.001", "0.0000001", "40.96", "abc", "",
        "\"\"", "''", "10.0.0.1", "10.0.0.1/33", "10.0.0.", "fe80::1", "::", "ff02::12", "224.0.0.18",
        "1.2.3.4-5", "1.2.3.4-1.2.3.1", "ae00::2-9", "eth0", "eth9", "lo", "MASTER", "BACKUP", "PASS", "AH",
        "/bin/true", "killall", "\"/bin/sh -c 'exit 0'\"", "\"unterminated", "root", "nobody", "on", "off",
        "weight", "reverse", "inet6", "{", "}", "{ }", "VI_1", "chk", "x".repeat(40),
    };

    private static final String[] FEATURES = {
        "{", "}", "{ ", " }", "\"", "'", "\\", "!", "#", "\\\"", "$X=", "$X=$X", "$M=\\\n", "${X}", "$X ", "${_RANDOM 9 2}",
        "${_PWD}", "@high ", "@^low ", "~SEQ(i, 1, 4) ", "~SEQx(i, 3) $i", "~LST({a,b},{1,2},{3}) ", "~LST(", "~SEQ(",
        "include mutant.conf", "include *", "includea {x,y}.conf", "includer /", "\ninclude_check\n", "\n", "\r\n",
        "\0", "\u00ff\u00fe", "\t", "$", "@", "~",
    };

    private ConfigMutations() {
    }

    /** The texts of {@code ../shared/keepalived-samples}, in name order (characters stand for bytes). */
    public static List<String> samples() throws IOException {
        Path d = SharedFiles.resolve("keepalived-samples");
        List<String> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(d)) {
            for (Path p : s.sorted().toList()) {
                if (!p.getFileName().toString().equals("MANIFEST.tsv")) {
                    out.add(Files.readString(p, StandardCharsets.ISO_8859_1));
                }
            }
        }
        return out;
    }

    /**
     * One word-level edit, keepalived-shaped: words replaced by other keywords or odd values,
     * parameters dropped or added, lines deleted, duplicated or moved, braces added or lost.
     */
    public static String words(String text, Random r) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (lines.isEmpty()) {
            return text;
        }
        int i = r.nextInt(lines.size());
        String line = lines.get(i);
        List<String> words = new ArrayList<>(List.of(line.trim().split("\\s+")));
        switch (r.nextInt(10)) {
            case 0 -> lines.remove(i);
            case 1 -> lines.add(r.nextInt(lines.size() + 1), line);
            case 2 -> {
                if (!words.isEmpty()) {
                    words.set(r.nextInt(words.size()), VALUES[r.nextInt(VALUES.length)]);
                }
                lines.set(i, String.join(" ", words));
            }
            case 3 -> {
                if (words.size() > 1) {
                    words.remove(words.size() - 1);
                }
                lines.set(i, String.join(" ", words));
            }
            case 4 -> {
                words.add(VALUES[r.nextInt(VALUES.length)]);
                lines.set(i, String.join(" ", words));
            }
            case 5 -> lines.add(i, KEYWORDS[r.nextInt(KEYWORDS.length)]
                    + (r.nextBoolean() ? " " + VALUES[r.nextInt(VALUES.length)] : ""));
            case 6 -> lines.add(i, KEYWORDS[r.nextInt(KEYWORDS.length)] + " " + VALUES[r.nextInt(VALUES.length)]
                    + " {");
            case 7 -> {
                if (!words.isEmpty()) {
                    words.set(0, KEYWORDS[r.nextInt(KEYWORDS.length)]);
                }
                lines.set(i, String.join(" ", words));
            }
            case 8 -> {
                int j = r.nextInt(lines.size());
                String moved = lines.remove(i);
                lines.add(Math.min(j, lines.size()), moved);
            }
            default -> lines.set(i, r.nextBoolean() ? line.replace("{", "") : line.replace("}", ""));
        }
        return String.join("\n", lines);
    }

    /** Random bytes, half of the time biased towards the characters the syntax cares about. */
    public static String junk(Random random) {
        int length = random.nextInt(random.nextBoolean() ? 200 : 40_000);
        boolean biased = random.nextBoolean();
        String syntax = "{}\"'\\!#$@~ \t\n\r\0=(),SEQLSTinclude_{}";
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(biased && random.nextInt(3) > 0
                    ? syntax.charAt(random.nextInt(syntax.length()))
                    : (char) random.nextInt(256));
        }
        return out.toString();
    }

    /**
     * One syntax-level edit (characters stand for bytes: ISO-8859-1): token edits, truncation,
     * binary noise, unbalanced braces and quotes, stray syntax features.
     */
    public static String syntax(String text, Random random) {
        List<int[]> tokens = tokens(text);
        int choice = random.nextInt(9);
        if (tokens.isEmpty() || choice == 8) {
            int at = random.nextInt(text.length() + 1);
            return text.substring(0, at) + FEATURES[random.nextInt(FEATURES.length)] + text.substring(at);
        }
        int[] a = tokens.get(random.nextInt(tokens.size()));
        int[] b = tokens.get(random.nextInt(tokens.size()));
        String tokenA = text.substring(a[0], a[1]);
        switch (choice) {
            case 0: // delete a token
                return text.substring(0, a[0]) + text.substring(a[1]);
            case 1: // duplicate a token
                return text.substring(0, a[1]) + " " + tokenA + text.substring(a[1]);
            case 2: { // swap two tokens
                if (a[0] == b[0]) {
                    return text;
                }
                int[] first = a[0] < b[0] ? a : b;
                int[] second = a[0] < b[0] ? b : a;
                if (first[1] > second[0]) {
                    return text;
                }
                return text.substring(0, first[0]) + text.substring(second[0], second[1])
                        + text.substring(first[1], second[0]) + text.substring(first[0], first[1])
                        + text.substring(second[1]);
            }
            case 3: // truncate
                return text.substring(0, random.nextInt(text.length() + 1));
            case 4: { // binary noise
                StringBuilder noise = new StringBuilder();
                int length = 1 + random.nextInt(40);
                for (int i = 0; i < length; i++) {
                    noise.append((char) random.nextInt(256));
                }
                int at = random.nextInt(text.length() + 1);
                return text.substring(0, at) + noise + text.substring(at);
            }
            case 5: { // unbalance a brace or a quote
                String[] marks = {"{", "}", "\"", "'", "{{", "}}"};
                int at = random.nextBoolean() ? a[0] : a[1];
                return text.substring(0, at) + marks[random.nextInt(marks.length)] + text.substring(at);
            }
            case 6: { // remove a brace or quote
                int at = indexOfAny(text, "{}\"'", random.nextInt(text.length() + 1));
                return at < 0 ? text : text.substring(0, at) + text.substring(at + 1);
            }
            default: { // flip one byte
                if (text.isEmpty()) {
                    return text;
                }
                int at = random.nextInt(text.length());
                return text.substring(0, at) + (char) random.nextInt(256) + text.substring(at + 1);
            }
        }
    }

    private static int indexOfAny(String text, String chars, int from) {
        for (int i = from; i < text.length(); i++) {
            if (chars.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /** [start, end) of each run of non-whitespace. */
    private static List<int[]> tokens(String text) {
        List<int[]> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i > start) {
                tokens.add(new int[] {start, i});
            }
        }
        return tokens;
    }
}
