package io.javakeepalived.config.load;

import io.javakeepalived.config.ConfigErrorKind;
import io.javakeepalived.config.Diagnostic;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.javakeepalived.config.host.InterfaceDirectory;
import io.javakeepalived.config.syntax.ReaderOptions;
import io.javakeepalived.testsupport.FakeFileSystem;
import io.javakeepalived.testsupport.FakeUsers;
import io.javakeepalived.testsupport.SharedFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutates the samples at random - words replaced by other keywords or odd values, parameters
 * dropped or added, lines deleted, duplicated or moved, braces added or lost - and checks that
 * the whole pipeline (reader, binder, validation, dump) never throws and always yields one of
 * keepalived's exit codes.
 *
 * <p>Reproducible: the base seed is fixed unless {@code -Dloader.seed=N} is given; a failure
 * names the seed of the failing case and keeps its input.
 */
class LoaderPropertyTest {
    private static final int CASES = 2500;
    private static final long TIME_BUDGET_MILLIS = 20_000;
    private static final Set<Integer> EXIT_CODES = Set.of(0, 2, 4, 5, 6);

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

    @TempDir
    Path dir;

    private static List<String> samples() throws IOException {
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

    @Test
    void loaderNeverThrowsOnMutatedSamples() throws Exception {
        long baseSeed = Long.getLong("loader.seed", 20_260_101L);
        List<String> samples = samples();
        Path input = dir.resolve("mutant.conf");
        long deadline = System.currentTimeMillis() + TIME_BUDGET_MILLIS;
        int cases = 0;
        for (; cases < CASES && System.currentTimeMillis() < deadline; cases++) {
            long seed = baseSeed + cases;
            Random random = new Random(seed);
            String text = samples.get(random.nextInt(samples.size()));
            int mutations = 1 + random.nextInt(8);
            for (int m = 0; m < mutations; m++) {
                text = mutate(text, random);
            }
            Files.writeString(input, text, StandardCharsets.ISO_8859_1);
            String[] ifs = random.nextBoolean() ? new String[] {"lo", "eth0"}
                    : new String[] {"lo", "eth0", "eth1", "eth2", "eth3", "eth0.1"};
            FakeFileSystem fs = FakeFileSystem.typicalHost().file("/bin/true", 0, 0, 0755)
                    .file("/tmp/insecure.sh", 1000, 1000, 0777);
            FakeUsers users = new FakeUsers();
            if (random.nextBoolean()) {
                users.user("keepalived_script", 999, 999);
            }
            LoadOptions options = new LoadOptions(random.nextBoolean() ? "high" : "other",
                    InterfaceDirectory.of(ifs), fs, users, ns -> random.nextBoolean(),
                    ReaderOptions.defaults().withRandomSeed(seed).withNotes(s -> { }));
            try {
                LoadResult r = ConfigLoader.load(input, options);
                int code = r.exitCode();
                if (!EXIT_CODES.contains(code)) {
                    keep(input, seed);
                    fail("seed " + seed + ": exit code " + code + " is not one of keepalived's");
                }
                if (r.fatal() && r.config().isPresent()) {
                    keep(input, seed);
                    fail("seed " + seed + ": fatal result with a model");
                }
                r.config().ifPresent(ConfigDump::render);
                for (Diagnostic d : r.diagnostics().all()) {
                    if (d.kind() == ConfigErrorKind.FATAL && d.message().startsWith("Internal error")) {
                        keep(input, seed);
                        fail("seed " + seed + ": " + d);
                    }
                }
            } catch (RuntimeException | Error e) {
                Path kept = keep(input, seed);
                throw new AssertionError("seed " + seed + " (input kept in " + kept + "): " + e, e);
            }
        }
        assertTrue(cases >= 300, "only " + cases + " cases ran within the time budget");
        System.out.println("LoaderPropertyTest: " + cases + " cases from seed " + baseSeed);
    }

    private static Path keep(Path input, long seed) throws IOException {
        Path kept = Path.of(System.getProperty("java.io.tmpdir"), "loader-property-" + seed + ".conf");
        Files.copy(input, kept, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return kept;
    }

    private static String mutate(String text, Random r) {
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
}
