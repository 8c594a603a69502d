package io.javakeepalived.lvs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.config.model.KeepalivedConfig;
import io.javakeepalived.net.Errno;
import io.javakeepalived.net.IpvsCommand;
import io.javakeepalived.net.IpvsException;
import io.javakeepalived.net.IpvsSyncDaemon;
import io.javakeepalived.net.IpvsSyncDaemons;
import io.javakeepalived.testsupport.CapturedLogger;
import io.javakeepalived.testsupport.ConfigFixture;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The sync daemons as {@code ipvsadm -L --daemon} would list them, through start, VRRP state
 * changes, reload and stop - keepalived 2.2.7's switching.
 */
class SyncDaemonDirectorTest {
    /** The kernel's two slots (one master, one backup daemon) with its refusals. */
    private static final class KernelDaemons implements IpvsSyncDaemons {
        final Map<IpvsSyncDaemon.Role, IpvsSyncDaemon> running = new TreeMap<>();
        final List<String> commands = new ArrayList<>();

        @Override
        public void startDaemon(IpvsSyncDaemon d) throws IpvsException {
            commands.add("start " + d.describe());
            if (running.containsKey(d.role())) {
                throw new IpvsException(IpvsCommand.START_DAEMON, Errno.EEXIST, "");
            }
            running.put(d.role(), d);
        }

        @Override
        public void stopDaemon(IpvsSyncDaemon d) throws IpvsException {
            commands.add("stop " + d.role().name().toLowerCase(java.util.Locale.ROOT));
            if (running.remove(d.role()) == null) {
                throw new IpvsException(IpvsCommand.STOP_DAEMON, Errno.ESRCH, "");
            }
        }

        List<String> listing() {
            return running.values().stream().map(IpvsSyncDaemon::describe).toList();
        }
    }

    private final KernelDaemons kernel = new KernelDaemons();
    private final CapturedLogger log = new CapturedLogger("syncd-test");
    private final SyncDaemonDirector director = new SyncDaemonDirector(kernel, log.logger());

    private static final String VI_1 = "vrrp_instance VI_1 {\n interface eth0\n virtual_router_id 51\n priority 100\n"
            + " virtual_ipaddress {\n 10.0.0.1\n }\n}\n";

    private List<String> errors() {
        return log.events().stream().filter(e -> e.getLevel() == ch.qos.logback.classic.Level.ERROR)
                .map(e -> e.getFormattedMessage()).toList();
    }

    private static KeepalivedConfig config(String global) {
        return ConfigFixture.model(ConfigFixture.load0("global_defs {\n" + global + "\n}\n" + VI_1));
    }

    @Test
    void followsItsInstanceBackupThenMasterThenBackup() {
        director.start(config("lvs_sync_daemon eth1 VI_1"));
        assertEquals(List.of("backup syncid 51 on eth1"), kernel.listing()); // syncid: the instance's VRID
        director.instanceState("VI_1", true);
        assertEquals(List.of("master syncid 51 on eth1"), kernel.listing());
        director.instanceState("VI_1", true);
        director.instanceState("OTHER", false);
        assertEquals(List.of("master syncid 51 on eth1"), kernel.listing());
        director.instanceState("VI_1", false); // BACKUP or FAULT
        assertEquals(List.of("backup syncid 51 on eth1"), kernel.listing());
        director.stop();
        assertEquals(List.of(), kernel.listing());
        assertEquals(List.of(), errors());
    }

    @Test
    void theOldPerInstanceFormFollowsThatInstance() {
        director.start(ConfigFixture.model(ConfigFixture.load0(VI_1.replace(" priority 100\n",
                " priority 100\n lvs_sync_daemon_interface eth2\n"))));
        director.instanceState("VI_1", true);
        assertEquals(List.of("master syncid 51 on eth2"), kernel.listing());
    }

    @Test
    void withoutAnInstanceBothRunFromStartToStop() {
        kernel.running.put(IpvsSyncDaemon.Role.MASTER, new IpvsSyncDaemon(IpvsSyncDaemon.Role.MASTER, "old", 9, 0, 0,
                0, java.util.Optional.empty())); // a killed predecessor's
        director.start(config("lvs_sync_daemon eth1 id 7 port 9000"));
        assertEquals(List.of("master syncid 7 on eth1", "backup syncid 7 on eth1"), kernel.listing());
        assertEquals(9000, kernel.running.get(IpvsSyncDaemon.Role.MASTER).port());
        director.instanceState("VI_1", true);
        assertEquals(List.of("master syncid 7 on eth1", "backup syncid 7 on eth1"), kernel.listing());
        assertEquals(List.of(), errors());
        director.stop();
        assertEquals(List.of(), kernel.listing());
    }

    @Test
    void aReloadThatChangesTheSettingsRestartsInTheSameRole() {
        director.start(config("lvs_sync_daemon eth1 VI_1"));
        director.instanceState("VI_1", true);
        kernel.commands.clear();
        director.reload(config("lvs_sync_daemon eth1 VI_1"));
        assertEquals(List.of(), kernel.commands);
        director.reload(config("lvs_sync_daemon eth1 VI_1 id 3"));
        assertEquals(List.of("master syncid 3 on eth1"), kernel.listing());
        director.reload(config(""));
        assertEquals(List.of(), kernel.listing());
    }

    @Test
    void withoutAnInstanceAReloadRestartsBothWithTheNewSettings() {
        director.start(config("lvs_sync_daemon eth1"));
        director.reload(config("lvs_sync_daemon eth2 id 4"));
        assertEquals(List.of("master syncid 4 on eth2", "backup syncid 4 on eth2"), kernel.listing());
        assertEquals(List.of(), errors());
    }

    @Test
    void anUnknownInstanceClearsTheSetting() {
        director.start(config("lvs_sync_daemon eth1 VI_9"));
        assertEquals(List.of(), kernel.listing());
        assertEquals(List.of("Unable to find vrrp instance VI_9 for lvs_syncd - clearing lvs_syncd config"), errors());
    }

    @Test
    void aRefusalIsLoggedInKeepalivedsWords() {
        kernel.running.put(IpvsSyncDaemon.Role.BACKUP, new IpvsSyncDaemon(IpvsSyncDaemon.Role.BACKUP, "eth1", 51, 0,
                0, 0, java.util.Optional.empty()));
        director.start(config("lvs_sync_daemon eth1 VI_1"));
        assertEquals(List.of("IPVS cmd IP_VS_SO_SET_STARTDAEMON(1163) error: Daemon has already run(17)"), errors());
    }
}
