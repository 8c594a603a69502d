package io.javakeepalived.track;

import io.javakeepalived.config.model.IpAddressSpec;
import io.javakeepalived.config.model.KeepalivedConfig;
import io.javakeepalived.config.model.SyncGroup;
import io.javakeepalived.config.model.TrackedObject;
import io.javakeepalived.config.model.VrrpInstance;
import io.javakeepalived.vrrp.Event;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@code track_interface} and {@code dont_track_primary}: what a link's carrier means for the
 * instances (keepalived's vrrp_if.c / initialise_interface_tracking_priorities()). Pure: the VRRP
 * loop hands it the link state it learns from rtnetlink link events (no polling) and delivers the
 * events it returns.
 *
 * <ul>
 * <li>Weight 0: the instance is in FAULT while the interface is down ({@link Event.InterfaceDown}
 *     / {@link Event.InterfaceUp}, fault source {@code interface NAME}).</li>
 * <li>Weight W: {@link Event.WeightChanged} under the tracker name {@code interface NAME} with
 *     W while up if W &gt; 0, W while down if W &lt; 0, 0 otherwise; {@code reverse} negates it,
 *     the same rule as scripts ({@link TrackScriptState#contribution}).</li>
 * <li>The instance's own interface is tracked unweighted unless {@code dont_track_primary}.</li>
 * <li>So is every other interface a VIP or excluded VIP is put on ({@code dev IF}), unless the
 *     address line says {@code no_track}, as keepalived does (vrrp.c, TRACK_ADDR): an address
 *     that cannot be installed is a fault.</li>
 * <li>A sync group's {@code track_interface} applies to every member that does not track the
 *     interface itself. Weights the configuration dropped (sync groups without
 *     sync_group_tracking_weight, address owners) are already gone from the model.</li>
 * </ul>
 */
public final class InterfaceTracking {

    /** Nothing tracked beyond the instances' own interfaces. */
    public static final InterfaceTracking NONE = new InterfaceTracking(Map.of(), Set.of());

    /** One instance tracking one interface. */
    public record Tracking(String instance, int weight, boolean reverse) {
        public Tracking {
            Objects.requireNonNull(instance, "instance");
        }
    }

    private final Map<String, List<Tracking>> byInterface;
    private final Set<String> dontTrackPrimary;

    public InterfaceTracking(Map<String, List<Tracking>> byInterface, Set<String> dontTrackPrimary) {
        Map<String, List<Tracking>> copy = new LinkedHashMap<>();
        byInterface.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        this.byInterface = Map.copyOf(copy);
        this.dontTrackPrimary = Set.copyOf(dontTrackPrimary);
    }

    /** From the configuration's instances and sync groups. */
    public static InterfaceTracking fromConfig(KeepalivedConfig config) {
        Map<String, List<Tracking>> by = new LinkedHashMap<>();
        Set<String> dont = new HashSet<>();
        Map<String, Set<String>> seen = new LinkedHashMap<>();
        for (VrrpInstance v : config.instances()) {
            if (v.dontTrackPrimary()) {
                dont.add(v.name());
            }
            for (TrackedObject t : v.trackers().interfaces()) {
                add(by, seen, v.name(), t);
            }
            List<IpAddressSpec> addresses = new ArrayList<>(v.virtualAddresses());
            addresses.addAll(v.excludedAddresses());
            for (IpAddressSpec a : addresses) {
                String dev = a.device().orElse(null);
                if (dev != null && !a.noTrack() && !dev.equals(v.interfaceName().orElse(null))) {
                    add(by, seen, v.name(), new TrackedObject(dev, 0, false, a.location()));
                }
            }
        }
        for (SyncGroup g : config.syncGroups()) {
            for (TrackedObject t : g.trackers().interfaces()) {
                for (String m : g.members()) {
                    add(by, seen, m, t);
                }
            }
        }
        return new InterfaceTracking(by, dont);
    }

    private static void add(Map<String, List<Tracking>> by, Map<String, Set<String>> seen, String instance,
                            TrackedObject t) {
        if (seen.computeIfAbsent(instance, k -> new HashSet<>()).add(t.name())) {
            by.computeIfAbsent(t.name(), k -> new ArrayList<>()).add(new Tracking(instance, t.weight(), t.reverse()));
        }
    }

    /** The tracker name of an interface in {@link Event.WeightChanged}. */
    public static String trackerName(String ifname) {
        return "interface " + ifname;
    }

    /** Whether a link's state changes the instance's own-interface fault (not with dont_track_primary). */
    public boolean tracksOwnInterface(String instance) {
        return !dontTrackPrimary.contains(instance);
    }

    /** The interfaces tracked with track_interface. */
    public Set<String> interfaces() {
        return byInterface.keySet();
    }

    /** Whether anyone tracks {@code ifname} with track_interface. */
    public boolean tracks(String ifname) {
        return byInterface.containsKey(ifname);
    }

    /**
     * The events that say {@code ifname} is {@code usable} (up with carrier) or not, for every
     * instance tracking it; at start-up and on every change. Unchanged weights are harmless (the
     * core ignores a contribution it already has; a fault source is counted once).
     */
    public List<TrackScriptState.Delivery> linkState(String ifname, boolean usable) {
        List<TrackScriptState.Delivery> out = new ArrayList<>();
        for (Tracking t : byInterface.getOrDefault(ifname, List.of())) {
            Event e;
            if (t.weight() == 0) {
                e = usable ? new Event.InterfaceUp(ifname) : new Event.InterfaceDown(ifname);
            } else {
                e = new Event.WeightChanged(trackerName(ifname),
                        TrackScriptState.contribution(t.weight(), t.reverse(), usable));
            }
            out.add(new TrackScriptState.Delivery(t.instance(), e));
        }
        return out;
    }

    /**
     * On reload, what {@code next} no longer says: for each instance that tracked an interface here
     * but does not in {@code next} (or now tracks it the other way, weight versus fault), the
     * event that takes its weight or fault back ({@code WeightChanged(interface X, 0)},
     * {@code InterfaceUp(X)}). What {@code next} still tracks is restated with {@link #linkState}.
     */
    public List<TrackScriptState.Delivery> withdrawnBy(InterfaceTracking next) {
        List<TrackScriptState.Delivery> out = new ArrayList<>();
        byInterface.forEach((ifname, list) -> {
            List<Tracking> kept = next.byInterface.getOrDefault(ifname, List.of());
            for (Tracking t : list) {
                boolean still = kept.stream().anyMatch(k -> k.instance().equals(t.instance())
                        && (k.weight() == 0) == (t.weight() == 0));
                if (!still) {
                    out.add(new TrackScriptState.Delivery(t.instance(), t.weight() == 0 ? new Event.InterfaceUp(ifname)
                            : new Event.WeightChanged(trackerName(ifname), 0)));
                }
            }
        });
        return out;
    }
}
