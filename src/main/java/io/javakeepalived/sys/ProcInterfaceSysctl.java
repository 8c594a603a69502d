package io.javakeepalived.sys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** {@link InterfaceSysctl} through the files of /proc/sys/net/ipv4/conf (no {@code sysctl} binary). */
public final class ProcInterfaceSysctl implements InterfaceSysctl {
    private static final Path CONF = Path.of("/proc/sys/net/ipv4/conf");

    @Override
    public Optional<String> read(String ifname, String setting) {
        try {
            return Optional.of(Files.readString(file(ifname, setting), StandardCharsets.US_ASCII).trim());
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public void write(String ifname, String setting, String value) throws IOException {
        Files.writeString(file(ifname, setting), value + "\n", StandardCharsets.US_ASCII);
    }

    /** The file of one setting; names that could leave the directory are refused. */
    private static Path file(String ifname, String setting) {
        for (String part : new String[] {ifname, setting}) {
            if (part.isEmpty() || part.contains("/") || part.equals(".") || part.equals("..")) {
                throw new IllegalArgumentException("not an interface or setting name: '" + part + "'");
            }
        }
        return CONF.resolve(ifname).resolve(setting);
    }
}
