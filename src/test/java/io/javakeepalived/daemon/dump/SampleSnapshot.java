package io.javakeepalived.daemon.dump;

import io.javakeepalived.testsupport.ConfigFixture;
import io.javakeepalived.vrrp.packet.AuthType;
import io.javakeepalived.vrrp.packet.VrrpCounter;
import io.javakeepalived.vrrp.packet.VrrpCounters;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Node A of reference run 1 as MASTER (keepalived.data/.stats/.json.sample in
 * shared/reference/keepalived-runs), rebuilt as a snapshot.
 */
final class SampleSnapshot {

    private SampleSnapshot() {
    }

    static NotifyScript notify(String what) {
        return NotifyScript.of(0, 0, "/tmp/rk/bin/notify.sh", "a", what);
    }

    static ConfiguredGlobals parentGlobals() {
        return ConfiguredGlobals.of(ConfigFixture.model(ConfigFixture.load0("global_defs {\n"
                + "    router_id node_a\n"
                + "    enable_script_security\n"
                + "    log_unknown_vrids\n"
                + "}\n")));
    }

    static InstanceSnapshot instance() {
        VrrpCounters counters = new VrrpCounters();
        for (int i = 0; i < 13; i++) {
            counters.advertSent(150);
        }
        counters.becameMaster();
        InstanceSnapshot.Status status = new InstanceSnapshot.Status(InstanceState.MASTER, InstanceState.MASTER,
                InstanceSnapshot.MasterSeen.NONE, InstanceSnapshot.Faults.NONE,
                Instant.ofEpochSecond(1795400244L, 334_966_000L), Instant.ofEpochSecond(1795400257L, 339_729_000L),
                3414062);
        return new InstanceSnapshot(InstanceSnapshot.Identity.of("VI_1", 77, "eth0"), status,
                InstanceSnapshot.Transport.multicast("10.77.0.1", 13, 14), InstanceSnapshot.Garp.DEFAULT,
                new InstanceSnapshot.Priority(150, 150, 150, true, false, 0),
                new InstanceSnapshot.Adverts(1_000_000, 3, false, false, false, false, AuthType.SIMPLE_PASSWORD,
                        "secret77"),
                InstanceSnapshot.Addresses.of(List.of("10.77.0.100/24 dev eth0 scope global set"), List.of(), true),
                TrackedObjects.NONE.withScripts(List.of(
                        Tracked.script("chk_a", -60, false, "'/tmp/rk/bin/chk.sh' 'a'"),
                        Tracked.script("chkz_a", 0, false, "'/tmp/rk/bin/chk.sh' 'za'"))),
                InstanceSnapshot.Notify.of(notify("notify_backup"), notify("notify_master"), notify("notify_fault"),
                        notify("notify_stop"), notify("notify")),
                counters.snapshot());
    }

    /**
     * {@link #instance()} as a VRRPv3 BACKUP with fractional intervals (adverts every 250 ms, the
     * master's every 500 ms), no interface, no VIPs but an excluded one, tracking eth1, without
     * authentication, not preempting (after 4.5 s if it did).
     */
    static InstanceSnapshot backupV3(String name, InstanceSnapshot.Notify notify, Map<VrrpCounter, Long> counters) {
        InstanceSnapshot a = instance();
        return new InstanceSnapshot(new InstanceSnapshot.Identity(name, 3, 77, false, null, null, null),
                new InstanceSnapshot.Status(InstanceState.BACKUP, InstanceState.BACKUP,
                        new InstanceSnapshot.MasterSeen(null, 0, 500_000), InstanceSnapshot.Faults.NONE,
                        a.status().lastTransition(), a.status().readTimeout(), a.status().masterDownTimerMicros()),
                a.transport(), a.garp(), new InstanceSnapshot.Priority(150, 150, 150, true, true, 4_500_000),
                new InstanceSnapshot.Adverts(250_000, 3, false, false, false, false, AuthType.NONE, null),
                new InstanceSnapshot.Addresses(List.of(), List.of("10.1.1.1 dev eth1 scope global"), List.of(),
                        List.of(), true, false),
                new TrackedObjects(List.of(Tracked.of("eth1", 10)), List.of(), List.of(), List.of(), List.of()),
                notify, counters);
    }

    static ScriptSnapshot script(String name, String arg, int weight, int riseFall, int result) {
        return new ScriptSnapshot(name, NotifyScript.of(0, 0, "/tmp/rk/bin/chk.sh", arg),
                new ScriptSnapshot.Settings(1, 0, weight, false, riseFall, riseFall), result, false,
                ScriptInitState.DONE, List.of(TrackingInstance.of("VI_1", weight)), ScriptRunState.IDLE);
    }

    static VrrpStateSnapshot snapshot() {
        InterfaceSnapshot lo = new InterfaceSnapshot("lo", 1,
                new InterfaceSnapshot.Addresses("127.0.0.1", List.of(), null, List.of(), null, null),
                InterfaceSnapshot.Flags.loopback(true, true), InterfaceSnapshot.Link.netlink(1, 65536, "LOOPBACK"),
                InterfaceSnapshot.Announcements.NONE, InterfaceSnapshot.Sysctls.UNCHANGED, List.of());
        InterfaceSnapshot eth0 = new InterfaceSnapshot("eth0", 2,
                new InterfaceSnapshot.Addresses("10.77.0.1", List.of(), "fe80::345d:69ff:feeb:84b2", List.of(),
                        "36:5d:69:eb:84:b2", "ff:ff:ff:ff:ff:ff"),
                InterfaceSnapshot.Flags.ethernet(true, true), InterfaceSnapshot.Link.netlink(1, 1500, "ETHERNET"),
                InterfaceSnapshot.Announcements.NONE, InterfaceSnapshot.Sysctls.UNCHANGED,
                List.of(TrackingInstance.of("VI_1", 0)));
        SockPoolEntry sock = new SockPoolEntry(13, 14, "eth0", false, false, null, 0,
                List.of(new SockPoolEntry.Member("VI_1", 77)));
        return new VrrpStateSnapshot(parentGlobals(), List.of(), List.of(), List.of(),
                List.of(instance()), List.of(sock), List.of(),
                List.of(script("chk_a", "a", -60, 2, 3), script("chkz_a", "za", 0, 1, 1)), List.of(lo, eth0));
    }

    static long sent(VrrpStateSnapshot s) {
        return s.instances().get(0).counter(VrrpCounter.ADVERT_SENT);
    }
}
