package io.javakeepalived.config.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Interfaces as /sys/class/net shows them: one directory per interface holding {@code type},
 * {@code flags} (hex) and {@code mtu}. Plain file reads, no native code.
 */
final class SysfsInterfaceDirectory implements InterfaceDirectory {
    private final Path root;

    SysfsInterfaceDirectory() {
        this(Path.of("/sys/class/net"));
    }

    SysfsInterfaceDirectory(Path root) {
        this.root = root;
    }

    @Override
    public Optional<InterfaceInfo> lookup(String name) {
        if (name == null || name.isEmpty() || name.contains("/") || name.equals(".") || name.equals("..")) {
            return Optional.empty();
        }
        Path dir = root.resolve(name);
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        int type = readInt(dir.resolve("type"), 10, InterfaceInfo.ARPHRD_ETHER);
        int flags = readInt(dir.resolve("flags"), 16, InterfaceInfo.IFF_MULTICAST);
        int mtu = readInt(dir.resolve("mtu"), 10, 1500);
        return Optional.of(new InterfaceInfo(name, type, flags, mtu));
    }

    private static int readInt(Path file, int radix, int fallback) {
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
            if (radix == 16 && text.startsWith("0x")) {
                text = text.substring(2);
            }
            return (int) Long.parseLong(text, radix);
        } catch (IOException | RuntimeException e) {
            return fallback;
        }
    }
}
