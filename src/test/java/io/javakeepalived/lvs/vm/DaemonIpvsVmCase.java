package io.javakeepalived.lvs.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The daemon itself (the jar failsafe built) programs IPVS at start, applies a SIGHUP reload as a
 * diff and removes what it added at SIGTERM; with {@code -I} it leaves the table.
 */
class DaemonIpvsVmCase {
    private static final String HEAD = "virtual_server 10.0.0.1 80 {\n lb_algo rr\n lb_kind NAT\n protocol TCP\n";

    private static Process daemon(Path conf, String... extra) throws Exception {
        String jar = System.getProperty("javakeepalived.jar", "target/javakeepalived.jar");
        List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar, "-n", "-l", "-f",
                conf.toString(), "-p", "/tmp/jk.pid", "-r", "/tmp/jk-vrrp.pid"));
        cmd.addAll(List.of(extra));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(Path.of("/tmp/jk.log").toFile())
                .start();
    }

    private static List<String> await(List<String> expected) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        List<String> t = Ipvsadm.table();
        while (!t.equals(expected) && System.nanoTime() < end) {
            Thread.sleep(300);
            t = Ipvsadm.table();
        }
        return t;
    }

    private static String log() throws Exception {
        return Files.readString(Path.of("/tmp/jk.log"));
    }

    @Test
    void startReloadAndStop() throws Exception {
        Path conf = Files.createTempFile("jk", ".conf");
        Files.writeString(conf, HEAD + " real_server 10.0.1.1 8080 {\n weight 2\n }\n"
                + " real_server 10.0.1.2 8080 {\n }\n}\n");
        Process d = daemon(conf);
        List<String> started = List.of("TCP 10.0.0.1:80 rr", "  -> 10.0.1.1:8080 Masq 2", "  -> 10.0.1.2:8080 Masq 1");
        assertEquals(started, await(started), DaemonIpvsVmCase::logText);

        Files.writeString(conf, HEAD + " real_server 10.0.1.1 8080 {\n weight 7\n }\n}\n");
        new ProcessBuilder("kill", "-HUP", Long.toString(d.pid())).start().waitFor();
        List<String> reloaded = List.of("TCP 10.0.0.1:80 rr", "  -> 10.0.1.1:8080 Masq 7");
        assertEquals(reloaded, await(reloaded), DaemonIpvsVmCase::logText);

        d.destroy(); // SIGTERM
        assertTrue(d.waitFor(60, TimeUnit.SECONDS), "the daemon did not stop");
        assertEquals(List.of(), Ipvsadm.table(), DaemonIpvsVmCase::logText);
        assertTrue(log().contains("Stopped"), log());
    }

    @Test
    void dontReleaseIpvsLeavesTheTable() throws Exception {
        Path conf = Files.createTempFile("jk", ".conf");
        Files.writeString(conf, HEAD + " real_server 10.0.1.1 8080 {\n }\n}\n");
        Process d = daemon(conf, "-I");
        List<String> started = List.of("TCP 10.0.0.1:80 rr", "  -> 10.0.1.1:8080 Masq 1");
        assertEquals(started, await(started), DaemonIpvsVmCase::logText);
        d.destroy();
        assertTrue(d.waitFor(60, TimeUnit.SECONDS), "the daemon did not stop");
        assertEquals(started, Ipvsadm.table(), DaemonIpvsVmCase::logText);
        Ipvsadm.run("-C");
    }

    private static String logText() {
        try {
            return log();
        } catch (Exception e) {
            return e.toString();
        }
    }
}
