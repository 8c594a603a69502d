package io.javakeepalived.lvs;

import io.javakeepalived.config.model.GlobalDefs;
import io.javakeepalived.config.model.KeepalivedConfig;
import io.javakeepalived.config.model.VrrpInstance;
import io.javakeepalived.net.IpvsSyncDaemon;
import io.javakeepalived.net.IpvsSyncDaemon.Role;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which IPVS connection-sync daemons run, as keepalived 2.2.7 switches them ({@code lvs_sync_daemon},
 * or an instance's {@code lvs_sync_daemon_interface}). Pure: each event gives the commands to send.
 * <ul>
 * <li>Tied to a VRRP instance (vrrp.c, vrrp_scheduler.c): a backup daemon from the start; when
 *   the instance becomes MASTER the backup one stops and a master one starts, and back when it
 *   leaves MASTER; at stop the daemon of the current role stops. The syncid defaults to the
 *   instance's VRID.</li>
 * <li>Without an instance (check_daemon.c): master and backup both, all the time; those a killed
 *   predecessor left are stopped first (their errors ignored). The syncid defaults to 0.</li>
 * <li>A reload that changes the settings stops the daemons with the old ones and starts them
 *   with the new ones, in the role they had.</li>
 * </ul>
 */
public final class SyncDaemonSwitch {

    /** One command: start or stop {@code daemon}; {@code quiet} when keepalived ignores its failure. */
    public record Step(boolean start, IpvsSyncDaemon daemon, boolean quiet) {
    }

    private final IpvsSyncDaemon settings;
    private final Optional<String> instance;
    private Role role = Role.BACKUP;

    private SyncDaemonSwitch(IpvsSyncDaemon settings, Optional<String> instance) {
        this.settings = settings;
        this.instance = instance;
    }

    /**
     * The switch for {@code config}: empty without lvs_sync_daemon, and (with keepalived's
     * "Unable to find vrrp instance X for lvs_syncd - clearing lvs_syncd config") when the named
     * instance does not exist; {@code problems} gets that line.
     */
    public static Optional<SyncDaemonSwitch> of(KeepalivedConfig config, List<String> problems) {
        Optional<GlobalDefs.LvsSyncDaemon> sd = config.global().lvs().syncDaemon();
        if (sd.isEmpty()) {
            return Optional.empty();
        }
        GlobalDefs.LvsSyncDaemon d = sd.get();
        int syncId = d.syncId().orElse(0);
        if (d.instance().isPresent()) {
            Optional<VrrpInstance> vi = config.instances().stream().filter(i -> i.name().equals(d.instance().get()))
                    .findFirst();
            if (vi.isEmpty()) {
                problems.add("Unable to find vrrp instance " + d.instance().get()
                        + " for lvs_syncd - clearing lvs_syncd config");
                return Optional.empty();
            }
            syncId = d.syncId().orElse(vi.get().vrid());
        }
        IpvsSyncDaemon settings = new IpvsSyncDaemon(Role.BACKUP, d.interfaceName(), syncId, d.maxLength().orElse(0),
                d.port().orElse(0), d.ttl().orElse(0), d.group());
        return Optional.of(new SyncDaemonSwitch(settings, d.instance()));
    }

    /** At start. */
    public List<Step> start() {
        if (instance.isPresent()) {
            return starts();
        }
        List<Step> out = new ArrayList<>(stop()); // what a killed predecessor left
        out.addAll(starts());
        return out;
    }

    /** Starts the daemon of the current role, or (without an instance) both. */
    private List<Step> starts() {
        if (instance.isPresent()) {
            return List.of(new Step(true, settings.as(role), false));
        }
        return List.of(new Step(true, settings.as(Role.MASTER), false), new Step(true, settings.as(Role.BACKUP), false));
    }

    /** A VRRP instance became MASTER ({@code master}) or left it (BACKUP, FAULT). */
    public List<Step> instanceState(String name, boolean master) {
        Role next = master ? Role.MASTER : Role.BACKUP;
        if (!instance.equals(Optional.of(name)) || next == role) {
            return List.of();
        }
        Role was = role;
        role = next;
        return List.of(new Step(false, settings.as(was), false), new Step(true, settings.as(next), false));
    }

    /**
     * A reload to {@code next} (this switch's role carries over to it): the commands that take
     * the kernel from this switch's daemons to {@code next}'s; {@code next} empty stops ours.
     */
    public List<Step> reloadTo(Optional<SyncDaemonSwitch> next) {
        if (next.isPresent()) {
            SyncDaemonSwitch n = next.get();
            n.role = n.instance.isPresent() && n.instance.equals(instance) ? role : Role.BACKUP;
            if (n.instance.equals(instance) && n.settings.equals(settings)) {
                return List.of();
            }
        }
        List<Step> out = new ArrayList<>(stop());
        next.ifPresent(n -> out.addAll(n.starts()));
        return out;
    }

    /** At stop. */
    public List<Step> stop() {
        if (instance.isPresent()) {
            return List.of(new Step(false, settings.as(role), false));
        }
        return List.of(new Step(false, settings.as(Role.MASTER), true), new Step(false, settings.as(Role.BACKUP), true));
    }
}
