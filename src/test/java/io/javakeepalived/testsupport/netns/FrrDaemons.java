package io.javakeepalived.testsupport.netns;

import io.javakeepalived.testsupport.netns.NetnsLab.Background;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * FRR's zebra and bgpd (Debian's {@code frr}) running in one lab namespace, with everything in a
 * directory of their own: the configuration, pid files, the zebra API socket and the vty sockets
 * (never /etc/frr or /var/run/frr, and no vty TCP port). Both are {@link NetnsLab#start lab
 * processes}: the lab stops them by pid at close, also when a test fails. Tests ask bgpd what it
 * holds through {@code vtysh}.
 */
public record FrrDaemons(Path dir, Background zebra, Background bgpd) {
    private static final Path ZEBRA = Path.of("/usr/lib/frr/zebra");
    private static final Path BGPD = Path.of("/usr/lib/frr/bgpd");
    private static final Pattern NEXT_HOP = Pattern.compile("\"nexthops\":\\[\\{\"ip\":\"([^\"]+)\"");
    private static final Pattern PREFIX = Pattern.compile("\"(\\d+\\.\\d+\\.\\d+\\.\\d+/\\d+)\": ?\\[");

    /**
     * FRR must be installed ({@code apt-get install frr}); without it the test is skipped with
     * that reason, except under {@code CI=true}, where it must fail.
     */
    public static void requireInstalled() {
        if (Files.isExecutable(ZEBRA) && Files.isExecutable(BGPD) && Files.isExecutable(Path.of("/usr/bin/vtysh"))) {
            return;
        }
        String reason = "FRR (zebra, bgpd, vtysh) is not installed: apt-get install frr";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(reason + " and CI=true forbids skipping");
        }
        Assumptions.abort(reason);
    }

    /**
     * Starts zebra, then bgpd once zebra's API socket is there, in {@code ns}, both reading
     * {@code config} (an integrated frr.conf: each daemon skips the other's lines).
     *
     * @param dir a fresh directory; made writable for the {@code frr} user the daemons become
     */
    public static FrrDaemons start(NetnsLab lab, String ns, Path dir, String config) throws IOException {
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path conf = dir.resolve("frr.conf");
        Files.writeString(conf, config);
        Files.setPosixFilePermissions(conf, PosixFilePermissions.fromString("rw-r--r--"));
        Background zebra = lab.start(ns, daemon(ZEBRA, dir, conf, "zebra").toArray(String[]::new));
        NetnsLab.await("zebra in " + ns, 10_000, () -> Files.exists(dir.resolve("zserv.api")), zebra);
        Background bgpd = lab.start(ns, daemon(BGPD, dir, conf, "bgpd").toArray(String[]::new));
        NetnsLab.await("bgpd in " + ns, 10_000, () -> Files.exists(dir.resolve("bgpd.vty")), bgpd);
        return new FrrDaemons(dir, zebra, bgpd);
    }

    private static List<String> daemon(Path program, Path dir, Path conf, String name) {
        return new ArrayList<>(List.of(program.toString(), "-f", conf.toString(),
                "-i", dir.resolve(name + ".pid").toString(), "--vty_socket", dir.toString(),
                "-z", dir.resolve("zserv.api").toString(), "-P", "0", "--log", "stdout"));
    }

    /** {@code vtysh -c COMMAND} against these daemons (their sockets, not the system's). */
    public String vtysh(String command) throws IOException {
        return NetnsLab.run(List.of("vtysh", "--vty_socket", dir.toString(), "--config_dir", dir.toString(),
                "-c", command), Duration.ofSeconds(10)).requireSuccess("vtysh -c " + command).output();
    }

    /** The next hop of every BGP path bgpd holds, all prefixes together ({@code show ip bgp json}). */
    public List<String> bgpNextHops() throws IOException {
        return all(NEXT_HOP, vtysh("show ip bgp json"));
    }

    /** The prefixes bgpd holds a path for. */
    public List<String> bgpPrefixes() throws IOException {
        return all(PREFIX, vtysh("show ip bgp json"));
    }

    private static List<String> all(Pattern p, String text) {
        List<String> out = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** What zebra and bgpd logged, for a failure message. */
    public String logs() {
        return "zebra:\n" + zebra.output() + "\nbgpd:\n" + bgpd.output();
    }

    /** SIGTERM to bgpd, then zebra (the lab does it at close anyway). */
    public void stop() {
        bgpd.stop();
        zebra.stop();
    }
}
