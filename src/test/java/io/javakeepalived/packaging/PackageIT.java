package io.javakeepalived.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.testsupport.netns.NetnsLab;
import io.javakeepalived.testsupport.netns.NetnsLab.Node;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The .deb as an operator gets it: scripts/package.sh builds it from the shaded jar, its
 * contents and control data are what Debian expects, {@code dpkg -i} installs it on this
 * host (systemd not running: the maintainer scripts must cope), the installed
 * {@code javakeepalived --version} and {@code -t} work (on the class-data archive postinst
 * built), the installed unit verifies, a
 * conffile edit survives remove and reinstall, and purge leaves nothing. The package is purged
 * after the test whatever happens.
 */
class PackageIT {
    private static final List<String> DPKG_ENV = List.of("DEBIAN_FRONTEND=noninteractive");
    private boolean installedByUs;
    private NetnsLab lab;

    @AfterEach
    void purge() throws Exception {
        try {
            if (installedByUs) {
                Tools.run(List.of("dpkg", "--purge", "javakeepalived"), DPKG_ENV);
            }
        } finally {
            if (lab != null) {
                lab.close();
            }
        }
    }

    private static boolean installed() throws Exception {
        Tools.Result s = Tools.run(List.of("dpkg-query", "-W", "-f=${Status}", "javakeepalived"));
        return s.exitCode() == 0 && s.output().contains("install ok installed");
    }

    @Test
    void buildInspectInstallRunAndPurgeTheDeb() throws Exception {
        NetnsLab.requireRoot();
        Tools.require("dpkg-deb", "dpkg");
        Tools.require("systemd-analyze", "systemd");
        // never overwrite (and then purge) an operator's own installation
        assertFalse(installed(), "javakeepalived is already installed on this host; this test would purge it");
        assertFalse(Files.exists(Path.of("/etc/javakeepalived")), "/etc/javakeepalived exists; this test would purge it");

        Tools.Result built = Tools.run(List.of("bash", "scripts/package.sh")).ok("scripts/package.sh");
        Path deb = Path.of(built.output().strip());
        assertTrue(deb.getFileName().toString().matches("javakeepalived_[0-9][A-Za-z0-9.+~]*_all\\.deb"), deb.toString());
        assertTrue(Files.isRegularFile(deb), deb.toString());

        String contents = Tools.run(List.of("dpkg-deb", "-c", deb.toString())).ok("dpkg-deb -c").output();
        for (String entry : List.of(
                "-rw-r--r-- root/root .* \\./usr/share/javakeepalived/javakeepalived\\.jar",
                "-rwxr-xr-x root/root .* \\./usr/sbin/javakeepalived",
                "-rwxr-xr-x root/root .* \\./usr/share/javakeepalived/cds-archive\\.sh",
                "-rw-r--r-- root/root .* \\./lib/systemd/system/javakeepalived\\.service",
                "-rw-r--r-- root/root .* \\./etc/javakeepalived/keepalived\\.conf",
                "drwxr-xr-x root/root .* \\./etc/javakeepalived/scripts/",
                "-rw-r--r-- root/root .* \\./etc/default/javakeepalived",
                "-rw-r--r-- root/root .* \\./usr/share/doc/javakeepalived/copyright",
                "-rw-r--r-- root/root .* \\./usr/share/doc/javakeepalived/examples/nginx-pair/node1\\.conf",
                "-rwxr-xr-x root/root .* \\./usr/share/doc/javakeepalived/examples/scripts/chk_nginx\\.sh",
                "-rwxr-xr-x root/root .* \\./usr/share/doc/javakeepalived/examples/lvs-dr-nginx/real-server\\.sh")) {
            assertTrue(contents.lines().anyMatch(l -> l.matches(entry)), entry + " in\n" + contents);
        }
        assertEquals(List.of("/etc/javakeepalived/keepalived.conf", "/etc/default/javakeepalived"),
                Tools.run(List.of("dpkg-deb", "-I", deb.toString(), "conffiles")).ok("conffiles").output().lines().toList());
        String control = Tools.run(List.of("dpkg-deb", "-f", deb.toString())).ok("dpkg-deb -f").output();
        assertTrue(control.contains("\nPackage: javakeepalived\n") || control.startsWith("Package: javakeepalived\n"), control);
        assertTrue(control.contains("\nArchitecture: all\n"), control);
        assertTrue(control.contains("\nDepends: default-jre-headless (>= 2:1.17) | java17-runtime-headless"), control);
        assertEquals(List.of("interest-noawait /usr/lib/jvm"),
                Tools.run(List.of("dpkg-deb", "-I", deb.toString(), "triggers")).ok("triggers").output().lines().toList(),
                "a Java runtime upgrade rebuilds the class-data archive");

        installedByUs = true;
        Tools.Result inst = Tools.run(List.of("dpkg", "-i", deb.toString()), DPKG_ENV).ok("dpkg -i");
        assertTrue(installed(), inst.output());
        assertFalse(inst.output().toLowerCase().contains("error"), inst.output());

        Tools.Result version = Tools.run(List.of("/usr/sbin/javakeepalived", "--version"), List.of("JAVAKEEPALIVED_JAR="))
                .ok("javakeepalived --version");
        String debVersion = control.lines().filter(l -> l.startsWith("Version: ")).findFirst().orElseThrow().substring(9);
        assertTrue(version.output().startsWith("javakeepalived " + debVersion.replace('~', '-') + " "), version.output());

        // postinst built the class-data archive for this host's runtime, and the launcher maps it:
        // with -Xshare:on the JVM refuses to start on an archive it cannot use
        Path archive = Path.of("/var/cache/javakeepalived/javakeepalived.jsa");
        assertTrue(Files.size(archive) > 1_000_000, archive + " built by postinst");
        Tools.run(List.of("/usr/sbin/javakeepalived", "--version"), List.of("JAVAKEEPALIVED_JAR=", "JAVA_OPTS=-Xshare:on"))
                .ok("javakeepalived --version on the archive");

        // -t on the shipped configuration, in a namespace that has the eth0 it names
        lab = NetnsLab.create();
        Node n = lab.addNode("pkg");
        NetnsLab.Result check = lab.exec(n.ns(), "/usr/sbin/javakeepalived", "-t", "-f", "/etc/javakeepalived/keepalived.conf");
        assertEquals(0, check.exitCode(), check.output());

        Tools.Result verify = Tools.run(List.of("systemd-analyze", "verify", "/lib/systemd/system/javakeepalived.service"))
                .ok("systemd-analyze verify of the installed unit");
        assertEquals("", verify.output().strip());

        // a conffile edit survives remove and reinstall; purge removes it
        Path conf = Path.of("/etc/javakeepalived/keepalived.conf");
        Files.writeString(conf, "! edited by the operator\n", StandardOpenOption.APPEND);
        Tools.run(List.of("dpkg", "-r", "javakeepalived"), DPKG_ENV).ok("dpkg -r");
        assertFalse(Files.exists(Path.of("/usr/sbin/javakeepalived")));
        assertFalse(Files.exists(Path.of("/usr/share/javakeepalived/javakeepalived.jar")));
        assertFalse(Files.exists(archive), "remove deletes the archive it built");
        assertTrue(Files.readString(conf).endsWith("! edited by the operator\n"), "remove keeps conffiles");
        Tools.run(List.of("dpkg", "-i", deb.toString()), DPKG_ENV).ok("dpkg -i again");
        assertTrue(Files.readString(conf).endsWith("! edited by the operator\n"), "reinstall keeps the edit");

        Tools.run(List.of("dpkg", "--purge", "javakeepalived"), DPKG_ENV).ok("dpkg --purge");
        installedByUs = false;
        assertFalse(installed());
        for (String p : List.of("/etc/javakeepalived", "/etc/default/javakeepalived", "/usr/sbin/javakeepalived",
                "/usr/share/javakeepalived", "/usr/share/doc/javakeepalived", "/lib/systemd/system/javakeepalived.service",
                "/var/cache/javakeepalived")) {
            assertFalse(Files.exists(Path.of(p)), p + " left after purge");
        }
    }
}
