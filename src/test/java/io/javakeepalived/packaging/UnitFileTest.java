package io.javakeepalived.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * systemd/javakeepalived.service passes {@code systemd-analyze verify} with no complaint at
 * all (unknown keys are only warnings there, so the output must be empty too), and says what
 * the daemon relies on: notify readiness, the watchdog, reload by SIGHUP, limited capabilities.
 */
class UnitFileTest {
    private static final Path UNIT = Tools.repo().resolve("systemd/javakeepalived.service");

    @TempDir
    Path dir;

    static Map<String, String> service() throws Exception {
        Map<String, String> keys = new LinkedHashMap<>();
        for (String l : Files.readAllLines(UNIT)) {
            if (!l.isBlank() && !l.startsWith("#") && !l.startsWith("[")) {
                int eq = l.indexOf('=');
                keys.put(l.substring(0, eq), l.substring(eq + 1));
            }
        }
        return keys;
    }

    @Test
    void systemdAnalyzeVerifyAcceptsTheUnitSilently() throws Exception {
        Tools.require("systemd-analyze", "systemd");
        // verify checks that ExecStart's program exists: point it at the repository's launcher,
        // which is what the package installs as /usr/sbin/javakeepalived
        String text = Files.readString(UNIT);
        assertTrue(text.contains("ExecStart=/usr/sbin/javakeepalived "), text);
        Path copy = dir.resolve("javakeepalived.service");
        Files.writeString(copy, text.replace("ExecStart=/usr/sbin/javakeepalived ",
                "ExecStart=" + Tools.repo().resolve("scripts/javakeepalived") + " "));
        Tools.Result r = Tools.run(List.of("systemd-analyze", "verify", copy.toString()));
        assertEquals(0, r.exitCode(), r.output());
        assertEquals("", r.output().strip(), "no warnings either");

        // and it does fail on a mistake, so the check above means something
        Files.writeString(copy, Files.readString(copy).replace("Type=notify", "Type=notify\nWatchdogSecs=10s"));
        assertTrue(Tools.run(List.of("systemd-analyze", "verify", copy.toString())).output()
                .contains("Unknown key 'WatchdogSecs'"));
    }

    @Test
    void theUnitAsksForWhatTheDaemonProvides() throws Exception {
        Map<String, String> s = service();
        assertEquals("notify", s.get("Type"));
        assertEquals("main", s.get("NotifyAccess"));
        assertEquals("/usr/sbin/javakeepalived --dont-fork $KEEPALIVED_OPTIONS", s.get("ExecStart"));
        assertEquals("/bin/kill -HUP $MAINPID", s.get("ExecReload"));
        assertEquals("-/etc/default/javakeepalived", s.get("EnvironmentFile"));
        assertEquals("10s", s.get("WatchdogSec"));
        assertEquals("on-failure", s.get("Restart"));
        assertEquals("mixed", s.get("KillMode"));
        // SYS_NICE and IPC_LOCK: the scheduling cures (vrrp_rt_priority, vrrp_no_swap ...)
        String caps = "CAP_NET_RAW CAP_NET_ADMIN CAP_SETUID CAP_SETGID CAP_KILL CAP_CHOWN CAP_SYS_NICE CAP_IPC_LOCK";
        assertEquals(caps, s.get("AmbientCapabilities"));
        assertEquals(caps, s.get("CapabilityBoundingSet"));
    }

    @Test
    void theUnitIsHardenedLikeKeepalived() throws Exception {
        Map<String, String> s = service();
        assertEquals("0077", s.get("UMask"), "the daemon's files are its own, as under keepalived's umask 0177");
        assertEquals("full", s.get("ProtectSystem"), "/usr, /boot and /etc read-only; /run, /tmp, /var writable");
        assertTrue(s.get("CapabilityBoundingSet").contains("CAP_CHOWN"), "the notify FIFO is given to its user");
        // kept out on purpose: a non-root script_user's sudo or file-capability ping would fail
        assertEquals(null, s.get("NoNewPrivileges"));
        assertEquals(null, s.get("PrivateTmp"), "operators read the dumps in /tmp");
        assertTrue(Files.readString(UNIT).contains("# NoNewPrivileges=yes is left out on purpose"));
    }
}
