package io.javakeepalived.config.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The production host views on temporary files (no root needed). */
class HostViewsTest {
    @TempDir
    Path dir;

    @Test
    void sysfsInterfaces() throws IOException {
        Path eth = Files.createDirectories(dir.resolve("eth0"));
        Files.writeString(eth.resolve("type"), "1\n");
        Files.writeString(eth.resolve("flags"), "0x1003\n");
        Files.writeString(eth.resolve("mtu"), "9000\n");
        Path lo = Files.createDirectories(dir.resolve("lo"));
        Files.writeString(lo.resolve("type"), "772\n");
        Files.writeString(lo.resolve("flags"), "0x9\n");
        SysfsInterfaceDirectory s = new SysfsInterfaceDirectory(dir);
        InterfaceInfo e = s.lookup("eth0").orElseThrow();
        assertTrue(e.isEthernet());
        assertTrue(e.supportsMulticast());
        assertEquals(9000, e.mtu());
        assertTrue(s.lookup("lo").orElseThrow().isLoopback());
        assertFalse(s.exists("eth9"));
        assertFalse(s.exists("../etc"));
        assertFalse(s.exists(""));
    }

    @Test
    void systemInterfacesIncludeLoopback() {
        if (Files.isDirectory(Path.of("/sys/class/net/lo"))) {
            assertTrue(InterfaceDirectory.system().lookup("lo").orElseThrow().isLoopback());
        }
    }

    @Test
    void fixedDirectory() {
        InterfaceDirectory d = InterfaceDirectory.of("lo", "eth0");
        assertTrue(d.lookup("lo").orElseThrow().isLoopback());
        assertTrue(d.lookup("eth0").orElseThrow().isEthernet());
        assertFalse(d.exists("eth1"));
    }

    @Test
    void usersFromFiles() throws IOException {
        Path passwd = Files.writeString(dir.resolve("passwd"), "root:x:0:0:root:/root:/bin/bash\n"
                + "keepalived_script:x:998:997::/nonexistent:/usr/sbin/nologin\nbroken\n");
        Path group = Files.writeString(dir.resolve("group"), "root:x:0:\nka:x:997:\n");
        Path status = Files.writeString(dir.resolve("status"), "Name:\tjava\nUid:\t1000\t1001\t1000\t1000\n"
                + "Gid:\t50\t51\t50\t50\n");
        SystemUserDirectory u = new SystemUserDirectory(passwd, group, status);
        assertEquals(new UserDirectory.User("keepalived_script", 998, 997), u.user("keepalived_script").orElseThrow());
        assertTrue(u.user("nobody").isEmpty());
        assertEquals(997, u.group("ka").orElseThrow());
        assertEquals(1001, u.processUid(), "the effective uid");
        assertEquals(51, u.processGid());
    }

    @Test
    void posixFileSystem() throws IOException {
        Path script = Files.writeString(dir.resolve("s.sh"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-x---"));
        Path link = Files.createSymbolicLink(dir.resolve("l.sh"), script);
        PosixFileSystemView fs = new PosixFileSystemView("/usr/bin::/bin");
        FileStat st = fs.stat(link.toString()).orElseThrow();
        assertTrue(st.isRegular());
        assertEquals(0750, st.mode());
        assertEquals(FileStat.Type.SYMLINK, fs.lstat(link.toString()).orElseThrow().type());
        assertEquals(script.toRealPath().toString(), fs.realPath(link.toString()).orElseThrow());
        assertTrue(fs.stat(dir.resolve("nope").toString()).isEmpty());
        assertTrue(fs.realPath(dir.resolve("nope").toString()).isEmpty());
        assertEquals(java.util.List.of("/usr/bin", "", "/bin"), fs.searchPath());
        assertTrue(fs.stat(dir.toString()).orElseThrow().isDirectory());
    }
}
