package io.javakeepalived.net;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * {@link InterfaceSysctls} through {@code /proc/sys/net/ipv[46]/conf/IF/KEY}. An interface name
 * keeps its dots there ({@code vrrp.51}); only the sysctl(8) command turns them into slashes.
 */
public final class ProcSysctls implements InterfaceSysctls {
    private final Path root;

    public ProcSysctls() {
        this(Path.of("/proc/sys/net"));
    }

    /** @param root where {@code ipv4/conf} and {@code ipv6/conf} are (a test's directory) */
    public ProcSysctls(Path root) {
        this.root = root;
    }

    @Override
    public OptionalInt get(Family family, String ifname, String key) {
        try {
            return OptionalInt.of(Integer.parseInt(Files.readString(path(family, ifname, key)).trim()));
        } catch (IOException | NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    @Override
    public void set(Family family, String ifname, String key, int value) throws IOException {
        Path p = path(family, ifname, key);
        try {
            Files.writeString(p, Integer.toString(value), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IOException("cannot set " + p + " to " + value + ": " + e.getMessage(), e);
        }
    }

    private Path path(Family family, String ifname, String key) {
        NetInterfaces.checkName(ifname);
        if (ifname.equals(".") || ifname.equals("..")) {
            throw new IllegalArgumentException("invalid interface name '" + ifname + "'");
        }
        return root.resolve(family == Family.IPV4 ? "ipv4" : "ipv6").resolve("conf").resolve(ifname).resolve(key);
    }
}
