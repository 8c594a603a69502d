package io.javakeepalived.track;

import io.javakeepalived.config.model.KeepalivedConfig;
import io.javakeepalived.config.model.Trackers;
import io.javakeepalived.script.ScriptLog;
import io.javakeepalived.testsupport.ConfigFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PolledTrackersTest {

    private Path dir;
    private final List<String> log = new ArrayList<>();
    private final ScriptLog sink = (level, line) -> log.add(level + " " + line);

    @BeforeEach
    void setUp() throws IOException {
        dir = Files.createTempDirectory("jk-polled");
    }

    @AfterEach
    void tearDown() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static String instance(String name, int vrid, int prio, String... extra) {
        StringBuilder sb = new StringBuilder("vrrp_instance " + name + " {\n interface eth0\n virtual_router_id " + vrid
                + "\n priority " + prio + "\n virtual_ipaddress {\n  10.0.0." + vrid + "/24\n }\n");
        for (String e : extra) {
            sb.append(' ').append(e).append('\n');
        }
        return sb.append("}\n").toString();
    }

    private KeepalivedConfig load(String text) {
        return ConfigFixture.model(ConfigFixture.load0(text));
    }

    @Test
    void nothingTrackedNothingBuilt() {
        KeepalivedConfig c = load("track_file unused {\n file " + dir.resolve("u") + "\n}\n" + instance("VI_1", 1, 100));
        assertEquals(List.of(), PolledTrackers.fromConfig(c, sink, false));
    }

    @Test
    void instanceAndSyncGroupTrackersWithKeepalivedsWeightRules() {
        String text = "track_file tf {\n file " + dir.resolve("tf") + "\n weight -5\n}\n"
                + "vrrp_track_process web {\n process nginx\n weight 10\n}\n"
                + "vrrp_sync_group G1 {\n group {\n  VI_1\n  VI_2\n }\n track_file {\n  tf weight 0\n }\n"
                + " track_process {\n  web weight -7 reverse\n }\n}\n"
                + instance("VI_1", 1, 100, "track_process {", " web", "}")
                + instance("VI_2", 2, 100)
                + instance("VI_3", 3, 100, "track_file {", " tf weight 2 reverse", "}", "track_process {", " web weight 0", "}");
        KeepalivedConfig c = load(text);
        assertEquals(List.of(new TrackScriptState.Tracking("VI_3", 2, true), new TrackScriptState.Tracking("VI_1", 0, false),
                new TrackScriptState.Tracking("VI_2", 0, false)),
                PolledTrackers.trackings(c, Trackers::files, true, false, sink).get("tf"));
        assertEquals(List.of(new TrackScriptState.Tracking("VI_1", -7, false), new TrackScriptState.Tracking("VI_3", 0, false),
                        new TrackScriptState.Tracking("VI_2", -7, true)),
                PolledTrackers.trackings(c, Trackers::processes, false, true, sink).get("web"),
                "VI_1's own weighted line takes the group's weight and keeps its own direction");
        assertTrue(log.contains("INFO (VI_1) track_process web is configured on VRRP instance and sync group."
                + " Remove vrrp instance config"), log::toString);
        List<PolledTracker> built = PolledTrackers.fromConfig(c, sink, false);
        assertEquals(2, built.size());
        FileTracker f = assertInstanceOf(FileTracker.class, built.get(0));
        assertEquals("file tf", f.name());
        assertInstanceOf(ProcessTracker.class, built.get(1));
    }

    @Test
    void aGroupWithAnAddressOwnerHasItsProcessWeightsZeroed() {
        String text = "vrrp_track_process web {\n process nginx\n weight 10\n}\n"
                + "vrrp_sync_group G1 {\n group {\n  VI_1\n  VI_2\n }\n track_process {\n  web\n }\n}\n"
                + instance("VI_1", 1, 255) + instance("VI_2", 2, 255);
        KeepalivedConfig c = load(text);
        assertEquals(List.of(new TrackScriptState.Tracking("VI_1", 0, false), new TrackScriptState.Tracking("VI_2", 0, false)),
                PolledTrackers.trackings(c, Trackers::processes, false, true, sink).get("web"));
        assertTrue(log.contains("WARNING (G1) Cannot have weighted track process 'web' with member having priority 255"
                + " - setting weight 0"), log::toString);
    }

    @Test
    void initFileCreatesOrOverwritesButNotOnReload() throws IOException {
        Path create = dir.resolve("create");
        Path over = dir.resolve("over");
        Files.writeString(over, "77\n");
        String text = "track_file a {\n file " + create + "\n init_file 5\n}\n"
                + "track_file b {\n file " + over + "\n init_file -3 overwrite\n}\n"
                + "track_file c {\n file " + dir.resolve("nodir/x") + "\n}\n"
                + instance("VI_1", 1, 100, "track_file {", " a", " b", " c", "}");
        KeepalivedConfig c = load(text);
        Files.writeString(over, "77\n");
        PolledTrackers.fromConfig(c, sink, true);
        assertEquals("5\n", Files.readString(create));
        assertEquals("77\n", Files.readString(over), "not overwritten on reload");
        Files.writeString(create, "9\n");
        List<PolledTracker> built = PolledTrackers.fromConfig(c, sink, false);
        assertEquals("9\n", Files.readString(create), "init_file without overwrite leaves an existing file");
        assertEquals("-3\n", Files.readString(over));
        assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(over)));
        assertEquals(List.of("file a", "file b"), built.stream().map(PolledTracker::name).toList());
        assertTrue(log.contains("WARNING Track file directory for c does not exist - removing"), log::toString);
    }
}
