package io.javakeepalived.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/install.sh into a temporary DESTDIR (an IT because it needs the shaded jar of the
 * package phase; no root needed): the .deb's layout under PREFIX, a unit that starts the
 * launcher it installed, a launcher that finds its jar, configuration never overwritten, and
 * --uninstall that removes the program but keeps /etc.
 */
class InstallScriptIT {
    @TempDir
    Path stage;

    private Tools.Result install(String prefix, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("bash", "scripts/install.sh"));
        cmd.addAll(List.of(args));
        return Tools.run(cmd, List.of("PREFIX=" + prefix, "DESTDIR=" + stage));
    }

    private String mode(String path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(stage.resolve(path)));
    }

    @Test
    void installsTheDebLayoutUnderPrefixAndDestdir() throws Exception {
        install("/usr/local").ok("install.sh");
        assertEquals("rw-r--r--", mode("usr/local/share/javakeepalived/javakeepalived.jar"));
        assertEquals("rwxr-xr-x", mode("usr/local/sbin/javakeepalived"));
        assertEquals("rw-r--r--", mode("etc/javakeepalived/keepalived.conf"));
        assertTrue(Files.isDirectory(stage.resolve("etc/javakeepalived/scripts")));
        assertTrue(Files.readString(stage.resolve("etc/default/javakeepalived")).contains("KEEPALIVED_OPTIONS=\"\""));
        assertEquals("rwxr-xr-x", mode("usr/local/share/doc/javakeepalived/examples/scripts/chk_nginx.sh"));
        assertTrue(Files.isRegularFile(stage.resolve("usr/local/share/doc/javakeepalived/examples/nginx-pair/node1.conf")));
        assertTrue(Files.isRegularFile(stage.resolve("usr/local/share/doc/javakeepalived/copyright")));
        String unit = Files.readString(stage.resolve("etc/systemd/system/javakeepalived.service"));
        assertTrue(unit.contains("\nExecStart=/usr/local/sbin/javakeepalived --dont-fork $KEEPALIVED_OPTIONS\n"), unit);
        assertEquals(Files.readString(Path.of("systemd/javakeepalived.service")).replace("/usr/sbin/", "/usr/local/sbin/"),
                unit, "only ExecStart's path differs");

        // the installed launcher finds the installed jar (../share/javakeepalived), nothing else
        Tools.Result v = Tools.run(List.of(stage.resolve("usr/local/sbin/javakeepalived").toString(), "--version"),
                List.of("JAVAKEEPALIVED_JAR="));
        v.ok("installed launcher --version");
        assertTrue(v.output().startsWith("javakeepalived "), v.output());
        assertFalse(Files.exists(stage.resolve("usr/local/share/javakeepalived/javakeepalived.jsa")),
                "no class-data archive under DESTDIR: it would record the staging path");
        try (Stream<Path> all = Files.walk(stage)) {
            List<String> outside = all.map(p -> stage.relativize(p).toString())
                    .filter(p -> !p.isEmpty() && !p.startsWith("usr") && !p.startsWith("etc")).toList();
            assertEquals(List.of(), outside);
        }
    }

    @Test
    void withoutDestdirTheClassDataArchiveIsBuiltForTheInstalledLauncher() throws Exception {
        io.javakeepalived.testsupport.netns.NetnsLab.requireRoot(); // the training run's namespace
        Path prefix = stage.resolve("prefix");
        Tools.run(List.of("bash", "scripts/install.sh"), List.of("PREFIX=" + prefix, "DESTDIR=",
                "SYSCONFDIR=" + stage.resolve("etc"), "SYSTEMD_UNIT_DIR=" + stage.resolve("unit"))).ok("install.sh");
        Path archive = prefix.resolve("share/javakeepalived/javakeepalived.jsa");
        assertTrue(Files.size(archive) > 1_000_000, archive.toString());
        // with -Xshare:on the JVM refuses to start on an archive it cannot use
        Tools.run(List.of(prefix.resolve("sbin/javakeepalived").toString(), "--version"),
                List.of("JAVAKEEPALIVED_JAR=", "JAVA_OPTS=-Xshare:on")).ok("installed launcher on the archive");

        Tools.run(List.of("bash", "scripts/install.sh", "--uninstall"), List.of("PREFIX=" + prefix, "DESTDIR=",
                "SYSCONFDIR=" + stage.resolve("etc"), "SYSTEMD_UNIT_DIR=" + stage.resolve("unit"))).ok("uninstall");
        assertFalse(Files.exists(prefix.resolve("share/javakeepalived")), "the archive goes with the jar");
    }

    @Test
    void anEditedConfigurationSurvivesAReinstallAndUninstall() throws Exception {
        install("/usr").ok("install.sh");
        Path conf = stage.resolve("etc/javakeepalived/keepalived.conf");
        Files.writeString(conf, "! mine\n", java.nio.file.StandardOpenOption.APPEND);
        install("/usr").ok("install.sh again");
        assertTrue(Files.readString(conf).endsWith("! mine\n"));
        assertEquals(Files.readString(Path.of("conf/keepalived.conf")),
                Files.readString(stage.resolve("etc/javakeepalived/keepalived.conf.dist")));

        install("/usr", "--uninstall").ok("install.sh --uninstall");
        assertFalse(Files.exists(stage.resolve("usr/sbin/javakeepalived")));
        assertFalse(Files.exists(stage.resolve("usr/share/javakeepalived")));
        assertFalse(Files.exists(stage.resolve("usr/share/doc/javakeepalived")));
        assertFalse(Files.exists(stage.resolve("etc/systemd/system/javakeepalived.service")));
        assertTrue(Files.readString(conf).endsWith("! mine\n"), "configuration kept");
    }
}
