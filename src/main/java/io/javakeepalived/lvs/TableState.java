package io.javakeepalived.lvs;

import io.javakeepalived.net.IpvsDest;
import io.javakeepalived.net.IpvsService;
import io.javakeepalived.net.IpvsServiceKey;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** IPVS services with their dests: what the kernel holds (a dump), or what it should hold. */
record TableState(Map<IpvsServiceKey, Entry> services) {
    TableState {
        services = Collections.unmodifiableMap(new LinkedHashMap<>(services));
    }

    /** One service and its dests. */
    record Entry(IpvsService service, List<IpvsDest> dests) {
        Entry {
            dests = List.copyOf(dests);
        }
    }

    static final TableState EMPTY = new TableState(Map.of());
}
