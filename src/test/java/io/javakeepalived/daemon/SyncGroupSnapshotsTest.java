package io.javakeepalived.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.daemon.dump.ConfiguredGlobals;
import io.javakeepalived.daemon.dump.DataDumpWriter;
import io.javakeepalived.daemon.dump.InstanceState;
import io.javakeepalived.daemon.dump.SyncGroupSnapshot;
import io.javakeepalived.daemon.dump.VrrpStateSnapshot;
import io.javakeepalived.daemon.model.ConfigMapping;
import io.javakeepalived.daemon.model.SyncGroupPlan;
import io.javakeepalived.daemon.model.VrrpPlan;
import io.javakeepalived.testsupport.ConfigFixture;
import io.javakeepalived.vrrp.Event;
import io.javakeepalived.vrrp.SyncGroup;
import io.javakeepalived.vrrp.VrrpInstance;

import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SyncGroupSnapshotsTest {

    private static final String CONFIG = """
            vrrp_sync_group G1 {
                group {
                    VI_1
                    VI_2
                }
                track_interface {
                    eth1
                }
                notify_master "/bin/sh master"
                notify_backup "/bin/sh backup"
                notify "/bin/sh generic"
                smtp_alert
                notify_priority_changes off
            }
            vrrp_instance VI_1 {
                interface eth0
                virtual_router_id 51
                priority 100
                virtual_ipaddress {
                    10.0.0.1/24
                }
            }
            vrrp_instance VI_2 {
                interface eth1
                virtual_router_id 52
                priority 100
                virtual_ipaddress {
                    10.0.1.1/24
                }
            }
            """;

    private static VrrpPlan plan(String config) {
        return ConfigMapping.plan(ConfigFixture.model(ConfigFixture.load0(config)));
    }

    /** The plan's instances, grouped as the loop groups them and started at time 0. */
    private static Map<String, VrrpInstance> running(VrrpPlan p) {
        Map<String, VrrpInstance> byName = new HashMap<>();
        p.instances().forEach(i -> byName.put(i.name(), new VrrpInstance(i.settings())));
        for (SyncGroupPlan g : p.syncGroups()) {
            new SyncGroup(g.name(), g.members().stream().map(byName::get).toList());
        }
        byName.values().forEach(v -> v.handle(new Event.Startup(), 0));
        return byName;
    }

    @Test
    void aRunningGroupShowsItsStateMembersTrackingAndScriptsAsKeepalivedDoes() {
        VrrpPlan p = plan(CONFIG);
        Map<String, VrrpInstance> byName = running(p);

        List<SyncGroupSnapshot> groups = SyncGroupSnapshots.of(p.syncGroups(), byName::get);
        String data = DataDumpWriter.render(VrrpStateSnapshot.of(ConfiguredGlobals.defaults(), List.of(), List.of())
                .withSyncGroups(groups), ZoneOffset.UTC);

        assertEquals(InstanceState.BACKUP, groups.get(0).state());
        assertTrue(data.contains("""
                ------< VRRP Sync groups >------
                 VRRP Sync Group = G1, BACKUP
                   Num member fault 0, num member init 0
                   VRRP member instances :
                     VI_1
                     VI_2
                   Using smtp notification = yes
                   Notify priority changes = no
                   Tracked interfaces :
                     eth1 weight 0
                   Backup state transition script = '/bin/sh' 'backup', uid:gid 0:0
                   Master state transition script = '/bin/sh' 'master', uid:gid 0:0
                   Generic state transition script = '/bin/sh' 'generic', uid:gid 0:0
                """), data);
    }

    @Test
    void aGroupNotYetStartedIsInitWithItsMembersCountedAsInit() {
        VrrpPlan p = plan(CONFIG);
        Map<String, VrrpInstance> byName = new HashMap<>();
        p.instances().forEach(i -> byName.put(i.name(), new VrrpInstance(i.settings())));

        SyncGroupSnapshot g = SyncGroupSnapshots.of(p.syncGroups(), byName::get).get(0);

        assertEquals(InstanceState.INIT, g.state());
        assertEquals(2, g.numMemberInit());
    }

    @Test
    void aMemberFailingItsOwnTrackerCountsAsFaultAndTheGroupFollowsIt() {
        VrrpPlan p = plan(CONFIG);
        Map<String, VrrpInstance> byName = running(p);
        byName.get("VI_1").handle(new Event.FaultRaised("script chk"), 1_000);

        SyncGroupSnapshot g = SyncGroupSnapshots.of(p.syncGroups(), byName::get).get(0);

        assertEquals(InstanceState.FAULT, g.state());
        assertEquals(1, g.numMemberFault());
    }

    @Test
    void aGroupWithoutNotifyPriorityChangesPrintsNoSuchLine() {
        VrrpPlan p = plan(CONFIG.replace("notify_priority_changes off", "").replace("smtp_alert", ""));
        Map<String, VrrpInstance> byName = running(p);

        String data = DataDumpWriter.render(VrrpStateSnapshot.of(ConfiguredGlobals.defaults(), List.of(), List.of())
                .withSyncGroups(SyncGroupSnapshots.of(p.syncGroups(), byName::get)), ZoneOffset.UTC);

        assertTrue(data.contains("   Using smtp notification = no\n"), data);
        assertFalse(data.contains("Notify priority changes"), data);
    }
}
