package io.javakeepalived.sys;

import java.io.IOException;
import java.util.Optional;

/**
 * An interface's IPv4 settings under /proc/sys/net/ipv4/conf/IF/ (promote_secondaries,
 * arp_ignore, ...), as keepalived reads and sets them. Read and written from a thread in the
 * daemon's network namespace: /proc/sys/net shows the namespace of whoever opens it.
 * {@link ProcInterfaceSysctl} is the real one; {@link #NONE} changes nothing (tests).
 */
public interface InterfaceSysctl {

    /** Reads nothing (empty) and writes nothing. */
    InterfaceSysctl NONE = new InterfaceSysctl() {
        @Override
        public Optional<String> read(String ifname, String setting) {
            return Optional.empty();
        }

        @Override
        public void write(String ifname, String setting, String value) {
        }
    };

    /** The setting's value, trimmed; empty if it cannot be read (no such interface). */
    Optional<String> read(String ifname, String setting);

    /** Sets it. */
    void write(String ifname, String setting, String value) throws IOException;
}
