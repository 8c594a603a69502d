package io.javakeepalived.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.testsupport.netns.DaemonLab;
import io.javakeepalived.testsupport.netns.DaemonLab.Daemon;
import io.javakeepalived.testsupport.netns.NetnsLab;
import io.javakeepalived.testsupport.netns.NetnsLab.Background;
import io.javakeepalived.testsupport.netns.NetnsLab.Node;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped example set-ups (conf/examples) end to end with the shipped scripts
 * (scripts/examples), two daemons from the shaded jar in lab namespaces. The configurations are
 * used as shipped except for two substitutions a lab needs: the scripts live in a private
 * directory rather than /etc/javakeepalived/scripts, and the check line points the shipped check
 * script at the node's stub service (its documented override variable, set through
 * {@code /usr/bin/env} on the script line since scripts get a clean environment).
 */
class ExampleSetupsIT {
    @TempDir
    Path dir;

    @AutoClose // stops every process it started, by pid
    private DaemonLab dl;
    private NetnsLab lab;
    private Node n1;
    private Node n2;

    @BeforeEach
    void setUp() throws Exception {
        dl = DaemonLab.create(dir, "n1", "n2");
        lab = dl.lab();
        n1 = dl.node("n1");
        n2 = dl.node("n2");
    }

    /** The example scripts, root-owned in a private directory of the node. */
    Path installScripts(Node n) throws Exception {
        Path scripts = Files.createDirectories(dir.resolve(n.name() + "-scripts"));
        Files.setPosixFilePermissions(scripts, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (Stream<Path> s = Files.list(Path.of("scripts/examples"))) {
            for (Path p : s.toList()) {
                Path to = scripts.resolve(p.getFileName());
                Files.copy(p, to);
                Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
        return scripts;
    }

    /** A shipped config with the scripts directory and the check line adapted for the lab. */
    String labConfig(String shipped, Path scripts, String checkScript, String override) throws Exception {
        String conf = Files.readString(Path.of("conf/examples").resolve(shipped));
        String checkLine = "script \"/etc/javakeepalived/scripts/" + checkScript + "\"";
        assertTrue(conf.contains(checkLine), shipped + " names " + checkLine);
        conf = conf.replace(checkLine, "script \"/usr/bin/env " + override + " /etc/javakeepalived/scripts/"
                + checkScript + "\"");
        return conf.replace("/etc/javakeepalived/scripts/", scripts + "/");
    }

    boolean hasVip(Node n, String vip) {
        return dl.hasAddress(n, vip);
    }

    /** The node's stub MySQL: a process named mysqld-stub-NODE, found by the check with pgrep. */
    Background stubMysql(Node n) throws Exception {
        return lab.start(n.ns(), "bash", "-c", "exec -a " + mysqlName(n) + " sleep 3600");
    }

    String mysqlName(Node n) {
        return "mysqld-stub-" + lab.hashCode() + "-" + n.name();
    }

    String mysqlProbe(Node n) {
        return "MYSQL_CHECK_CMD='pgrep -f ^" + mysqlName(n) + "'";
    }

    @Test
    void mysqlPairStoppedServiceMovesTheVipAndNopreemptKeepsIt() throws Exception {
        String vip = "192.0.2.61/24";
        Background[] stub = {stubMysql(n1), stubMysql(n2)};
        Path s1 = installScripts(n1);
        Path s2 = installScripts(n2);
        Daemon d1 = dl.start(n1, labConfig("mysql-dual-master/node1.conf", s1, "chk_mysql.sh",
                mysqlProbe(n1)));
        d1.awaitLogged("(VI_MYSQL) Entering MASTER STATE", 20_000);
        DaemonLab.await("VIP on node 1", 5_000, () -> hasVip(n1, vip), d1);
        Daemon d2 = dl.start(n2, labConfig("mysql-dual-master/node2.conf", s2, "chk_mysql.sh",
                mysqlProbe(n2)));
        d2.awaitLogged("(VI_MYSQL) Entering BACKUP STATE (init)", 15_000);
        assertTrue(d1.output().contains("(VI_MYSQL) notify_master " + s1 + "/master.sh VI_MYSQL exited with status"),
                d1.output());

        stub[0].stop();                                        // MySQL on node 1 goes away
        d1.awaitLogged("VRRP_Script(chk_mysql) failed (exited with status 1)", 10_000);
        d1.awaitLogged("(VI_MYSQL) Entering FAULT STATE", 5_000);
        d2.awaitLogged("(VI_MYSQL) Entering MASTER STATE", 5_000);
        DaemonLab.await("VIP on node 2", 5_000, () -> hasVip(n2, vip), d2);
        DaemonLab.await("VIP gone from node 1", 5_000, () -> !hasVip(n1, vip), d1);
        DaemonLab.await("notify_master on node 2", 5_000, () -> d2.output().contains(
                "(VI_MYSQL) notify_master " + s2 + "/master.sh VI_MYSQL exited with status"), d2);
        assertTrue(d1.output().contains("(VI_MYSQL) notify_fault " + s1 + "/backup.sh VI_MYSQL exited with status"),
                d1.output());

        stub[0] = stubMysql(n1);                               // node 1's MySQL is back
        DaemonLab.await("node 1's check succeeds again", 10_000, () -> d1.count("VRRP_Script(chk_mysql) succeeded") == 2, d1);
        d1.awaitLogged("(VI_MYSQL) Entering BACKUP STATE", 5_000);
        // everything the example asks for is acted on (router_id names the node in mail alerts)
        assertEquals(List.of(), notImplemented(d1.output()), d1.output());
        NetnsLab.sleep(6_000);                                 // well past node 1's master-down interval
        assertEquals(1, d1.count("(VI_MYSQL) Entering MASTER STATE"), "nopreempt\n" + d1.output());
        assertTrue(hasVip(n2, vip), d2.output());
        assertFalse(hasVip(n1, vip));
        assertEquals(1, d2.count("(VI_MYSQL) Entering MASTER STATE"), d2.output());
    }

    @Test
    void nginxPairChkNginxWeightMinus5Fall3MovesTheVipAndBack() throws Exception {
        String vip = "192.0.2.71/24";
        String python = pythonExecutable();
        Background[] web = {nginxStub(n1, python), nginxStub(n2, python)};
        Path s1 = installScripts(n1);
        Path s2 = installScripts(n2);
        String override = "NGINX_CHECK_URL=http://127.0.0.1:8080/";
        Daemon d1 = dl.start(n1, labConfig("nginx-pair/node1.conf", s1, "chk_nginx.sh", override));
        d1.awaitLogged("(VI_NGINX) Entering MASTER STATE", 20_000);
        Daemon d2 = dl.start(n2, labConfig("nginx-pair/node2.conf", s2, "chk_nginx.sh", override));
        d2.awaitLogged("(VI_NGINX) Entering BACKUP STATE (init)", 15_000);
        NetnsLab.sleep(2_000);
        assertFalse(d2.logged("(VI_NGINX) Entering MASTER STATE"), d2.output());

        web[0].stop();                                         // nginx on node 1 stops answering
        d1.awaitLogged("(VI_NGINX) Changing effective priority from 101 to 96", 10_000);
        d2.awaitLogged("(VI_NGINX) Entering MASTER STATE", 10_000);
        DaemonLab.await("VIP on node 2", 5_000, () -> hasVip(n2, vip), d2);
        DaemonLab.await("VIP gone from node 1", 5_000, () -> !hasVip(n1, vip), d1);
        DaemonLab.await("generic notify", 5_000, () -> d1.output().contains(
                "(VI_NGINX) notify " + s1 + "/notify.sh INSTANCE VI_NGINX BACKUP 96 exited with status"), d1);

        web[0] = nginxStub(n1, python);                        // back: rise 2, priority 101, preempt
        d1.awaitLogged("(VI_NGINX) Changing effective priority from 96 to 101", 10_000);
        DaemonLab.await("node 1 master again", 10_000, () -> d1.count("(VI_NGINX) Entering MASTER STATE") == 2, d1);
        DaemonLab.await("VIP back on node 1", 5_000, () -> hasVip(n1, vip), d1);
    }

    /** A stub nginx: a web server on the node's loopback whose process is named nginx (for pidof). */
    Background nginxStub(Node n, String python) throws Exception {
        Path root = Files.createDirectories(dir.resolve(n.name() + "-www"));
        Files.writeString(root.resolve("index.html"), "ok\n");
        Background b = lab.start(n.ns(), "bash", "-c", "cd " + root + " && " + python
                + " -m http.server --bind 127.0.0.1 8080");
        NetnsLab.await("stub nginx on " + n.name(), 10_000, () -> {
            try {
                return lab.exec(n.ns(), "curl", "--silent", "--fail", "--max-time", "1", "-o", "/dev/null",
                        "http://127.0.0.1:8080/").exitCode() == 0;
            } catch (Exception e) {
                return false;
            }
        }, b);
        return b;
    }

    /**
     * How to start python3 under the name nginx: {@code exec -a nginx}, with PYTHONHOME fixed to
     * the interpreter's own prefix, because a Python whose argv[0] has no slash looks for its home
     * beside that name on the PATH and, where a real nginx is installed (/usr/sbin), would take
     * /usr's standard library for its own.
     */
    static String pythonExecutable() throws Exception {
        Process p = new ProcessBuilder("python3", "-c", "import sys; print(sys.executable); print(sys.prefix)").start();
        List<String> out = new String(p.getInputStream().readAllBytes()).lines().toList();
        p.waitFor();
        assertTrue(out.size() == 2 && out.get(0).startsWith("/"), "python3 for the stub web server: " + out);
        return "PYTHONHOME=" + out.get(1) + " exec -a nginx " + out.get(0);
    }

    /** The keywords the daemon's start log reports as accepted but not implemented. */
    private static List<String> notImplemented(String log) {
        return log.lines().filter(l -> l.contains(" is accepted for compatibility but not implemented"))
                .map(l -> l.replaceAll(".*:\\d+: (\\S+) is accepted for compatibility.*", "$1")).toList();
    }
}
