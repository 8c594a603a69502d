package io.javakeepalived.testsupport.fakenet;

import io.javakeepalived.net.InterfaceSysctls;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/** Interface sysctls in memory: a setting that was never set reads as its {@link #preset} value, else 0. */
public final class FakeSysctls implements InterfaceSysctls {
    private final Map<String, Integer> values = new HashMap<>();

    /** Gives a setting a value, as the host had it before the daemon started. */
    public FakeSysctls preset(Family family, String ifname, String key, int value) {
        values.put(name(family, ifname, key), value);
        return this;
    }

    @Override
    public OptionalInt get(Family family, String ifname, String key) {
        return OptionalInt.of(values.getOrDefault(name(family, ifname, key), 0));
    }

    @Override
    public void set(Family family, String ifname, String key, int value) {
        values.put(name(family, ifname, key), value);
    }

    /** The value as {@code sysctl net.ipv4.conf.IF.KEY} would show it. */
    public int value(Family family, String ifname, String key) {
        return get(family, ifname, key).getAsInt();
    }

    private static String name(Family family, String ifname, String key) {
        return (family == Family.IPV4 ? "ipv4" : "ipv6") + "/" + ifname + "/" + key;
    }
}
