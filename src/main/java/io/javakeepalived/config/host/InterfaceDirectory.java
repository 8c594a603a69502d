package io.javakeepalived.config.host;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The network interfaces that exist now, as the configuration checks see them. keepalived
 * reads them over netlink before it validates, and so does the daemon ({@link LinkDumpDirectory},
 * built in {@code cli}); {@link #system()} reads /sys/class/net, tests pass a fixed set
 * ({@link #of(String...)}).
 */
@FunctionalInterface
public interface InterfaceDirectory {

    /** The interface with that name, or empty if it does not exist. */
    Optional<InterfaceInfo> lookup(String name);

    default boolean exists(String name) {
        return lookup(name).isPresent();
    }

    /**
     * The interfaces as they are now, for one whole configuration check: one reading of the
     * kernel answers all of its lookups. A fixed directory is its own snapshot.
     */
    default InterfaceDirectory snapshot() {
        return this;
    }

    /**
     * /sys/class/net, read on each lookup: the interfaces of the namespace sysfs was mounted in,
     * which is not the caller's after setns (see {@link LinkDumpDirectory}).
     */
    static InterfaceDirectory system() {
        return new SysfsInterfaceDirectory();
    }

    /**
     * A fixed set of interfaces: "lo" (and any name starting with "lo" followed by digits
     * only) is loopback, every other name an Ethernet interface with multicast and MTU 1500.
     */
    static InterfaceDirectory of(String... names) {
        Map<String, InterfaceInfo> map = new LinkedHashMap<>();
        for (String name : names) {
            map.put(name, name.matches("lo[0-9]*") ? InterfaceInfo.loopback(name) : InterfaceInfo.ethernet(name));
        }
        return of(map.values().toArray(new InterfaceInfo[0]));
    }

    /** A fixed set of interfaces described in full. */
    static InterfaceDirectory of(InterfaceInfo... interfaces) {
        Map<String, InterfaceInfo> map = new LinkedHashMap<>();
        for (InterfaceInfo info : interfaces) {
            map.put(info.name(), info);
        }
        Map<String, InterfaceInfo> fixed = Map.copyOf(map);
        return name -> Optional.ofNullable(fixed.get(name));
    }
}
