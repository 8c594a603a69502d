package io.javakeepalived.net;

import java.io.IOException;
import java.util.OptionalInt;

/**
 * The per-interface kernel settings a VMAC needs ({@code net.ipv4.conf.IF.KEY},
 * {@code net.ipv6.conf.IF.KEY}), read and written in the calling process's network namespace.
 * {@code IF} may be {@code all} or {@code default}. {@link ProcSysctls} is the real one.
 */
public interface InterfaceSysctls {

    /** IPv4 or IPv6 settings ({@code net/ipv4/conf} or {@code net/ipv6/conf}). */
    enum Family { IPV4, IPV6 }

    /** The value, or empty when the interface or the setting does not exist. */
    OptionalInt get(Family family, String ifname, String key);

    void set(Family family, String ifname, String key, int value) throws IOException;
}
