package io.javakeepalived.vrrp;

import io.javakeepalived.vrrp.Action.GroupStateChanged;
import io.javakeepalived.vrrp.Action.Log;
import io.javakeepalived.vrrp.Action.RunGroupNotify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * A {@code vrrp_sync_group}: instances that change state together, as keepalived 2.2.7's
 * vrrp_sync.c and the transition matrix in vrrp_scheduler.c do it.
 *
 * <p>Events still go to the member instances ({@link VrrpInstance#handle}); a member
 * consults its group and the returned list carries the actions of every member touched,
 * in order, followed by the group's own log line and notification.
 *
 * <p>What keepalived does, and this class reproduces:
 * <ul>
 * <li><b>FAULT</b>: the first member with a failing unweighted tracker enters FAULT and
 *     drags all others into FAULT ({@code VRRP_Group(G) Syncing instances to FAULT state});
 *     a dragged master sends priority 0. The group leaves FAULT only when no member has a
 *     failing tracker: the last member to recover goes to BACKUP (or MASTER if owner) and
 *     takes the others with it, each with a fresh down timer.</li>
 * <li><b>MASTER</b>: a member whose Master_Down_Timer expires only becomes master if every
 *     other member also wants MASTER (its own down timer has expired too and no advert
 *     has arrived since), or the group is already MASTER. Otherwise it keeps wanting MASTER,
 *     stays BACKUP and re-arms a full Master_Down_Interval. So the group waits for its
 *     slowest member: a member that heard priority 0 does not take over after Skew_Time
 *     but together with the member whose master died silently (measured: both VIPs
 *     arrived together after ~3.5 s). The member that goes last then brings the others to
 *     MASTER at once ({@code Syncing instances to MASTER state}).</li>
 * <li><b>BACKUP</b>: a master that hears a better master drops to BACKUP and brings the
 *     other masters down with it, without priority-0 adverts.</li>
 * <li>A master answering a lower-priority advert also sends the lower-priority GARPs for
 *     the other members.</li>
 * <li>Group notifications carry priority 0 ({@code GROUP G1 MASTER 0}) and follow the
 *     members' own notifications; on start-up a BACKUP or FAULT group notifies first.</li>
 * <li>Unless every member is an address owner configured MASTER, no member starts out
 *     wanting MASTER ({@code vrrp_complete_init()}).</li>
 * </ul>
 */
public final class SyncGroup {
    private final String name;
    private final List<VrrpInstance> members;
    private final boolean allOwnersMaster;
    private VrrpState state = VrrpState.INIT;
    private boolean started;
    /** Set while the group itself moves members, so their transitions are not re-synced. */
    private boolean syncing;

    public SyncGroup(String name, List<VrrpInstance> members) {
        this(name, members, false);
    }

    private SyncGroup(String name, List<VrrpInstance> members, boolean reload) {
        this.name = Objects.requireNonNull(name, "name");
        this.members = List.copyOf(members);
        if (this.members.isEmpty()) {
            throw new IllegalArgumentException("Sync group " + name + " has no virtual router(s)");
        }
        if (new LinkedHashSet<>(this.members).size() != this.members.size()) {
            throw new IllegalArgumentException("Sync group " + name + " lists an instance twice");
        }
        for (VrrpInstance m : this.members) {
            if (m.group != null) {
                throw new IllegalArgumentException("Virtual router " + m.name()
                        + " cannot exist in more than one sync group");
            }
            if (m.isStarted() && !reload) {
                throw new IllegalArgumentException(m.name() + " is already running");
            }
        }
        this.allOwnersMaster = this.members.stream()
                .allMatch(m -> m.isOwner() && m.wantState() == VrrpState.MASTER);
        for (VrrpInstance m : this.members) {
            m.group = this;
            if (!allOwnersMaster && !m.isStarted()) {
                m.setWantState(VrrpState.BACKUP);
            }
        }
    }

    /* Reload ----------------------------------------------------------------------------- */

    /**
     * Reload: forms a group (new, or with other members than before) of which some members may
     * already run, as keepalived 2.2.7 does after re-reading its configuration
     * ({@code vrrp_complete_init()}, {@code vrrp_init_state()}). Running members keep their
     * state where the group allows it: the group is FAULT if a member has a fault of its own
     * (the others follow it into FAULT), MASTER if every running member is MASTER, else BACKUP,
     * and then its masters step down to BACKUP (no priority 0: another node is, or will be,
     * master for the group). Members not started yet join as at start-up. The group's
     * notification runs only if its state differs from {@code previous} (keepalived's
     * {@code state_same_at_reload}).
     *
     * @param members  the members; none may be in another group (see {@link #dissolve()})
     * @param previous the state of the group of that name before the reload, or null
     * @param out      receives the members' and the group's actions
     */
    public static SyncGroup reform(String name, List<VrrpInstance> members, VrrpState previous, long now,
                                   ActionSink out) {
        SyncGroup g = new SyncGroup(name, members, true);
        List<VrrpInstance> running = g.members.stream().filter(VrrpInstance::isStarted).toList();
        if (running.isEmpty()) {
            return g; // starts with its members' Startup
        }
        g.started = true;
        VrrpState target;
        if (running.stream().anyMatch(VrrpInstance::hasOwnFault)) {
            target = VrrpState.FAULT;
        } else if (running.stream().allMatch(m -> m.state() == VrrpState.MASTER)) {
            target = VrrpState.MASTER;
        } else {
            target = VrrpState.BACKUP;
        }
        g.syncing = true;
        try {
            for (VrrpInstance m : running) {
                if (target == VrrpState.FAULT && m.state() != VrrpState.FAULT) {
                    m.enterFault(now, out);
                } else if (target == VrrpState.BACKUP && m.state() == VrrpState.MASTER) {
                    m.setWantState(VrrpState.BACKUP);
                    m.leaveMaster(VrrpState.BACKUP, now, out);
                } else if (target == VrrpState.BACKUP && m.state() == VrrpState.FAULT) {
                    m.setWantState(VrrpState.BACKUP);
                    m.leaveFault(now, out);
                }
            }
        } finally {
            g.syncing = false;
        }
        if (target == previous) {
            g.state = target;
        } else {
            g.setState(target, out);
        }
        return g;
    }

    /** Reload: the members leave the group, keeping their states; the group is then unused. */
    public void dissolve() {
        for (VrrpInstance m : members) {
            if (m.group == this) {
                m.group = null;
            }
        }
    }

    /**
     * Reload: an instance left without a group that sits in FAULT only because its old group
     * dragged it there goes back to BACKUP (or MASTER, an owner wanting it).
     */
    public static void releaseFromGroupFault(VrrpInstance m, long now, ActionSink out) {
        if (m.group == null && m.isStarted() && m.state() == VrrpState.FAULT && !m.hasOwnFault()) {
            m.leaveFault(now, out);
        }
    }

    public String name() {
        return name;
    }

    public List<VrrpInstance> members() {
        return Collections.unmodifiableList(members);
    }

    public VrrpState state() {
        return state;
    }

    /* Called by members ------------------------------------------------------------------ */

    boolean ownersStartAsMaster() {
        return allOwnersMaster;
    }

    void memberStarting(VrrpInstance member, long now, ActionSink out) {
        if (started) {
            return;
        }
        started = true;
        if (members.stream().anyMatch(VrrpInstance::hasOwnFault)) {
            setState(VrrpState.FAULT, out);
        } else if (!allOwnersMaster) {
            setState(VrrpState.BACKUP, out);
        }
        // an all-owner group announces MASTER when its first member gets there
    }

    /** keepalived's {@code vrrp_sync_can_goto_master()}: "only sync to master if everyone wants to". */
    boolean canGotoMaster(VrrpInstance member) {
        if (state == VrrpState.MASTER) {
            return true;
        }
        for (VrrpInstance m : members) {
            if (m != member && m.wantState() != VrrpState.MASTER) {
                return false;
            }
        }
        return true;
    }

    /** The transition matrix, applied after a member processed an event. */
    void afterMemberEvent(VrrpInstance member, VrrpState before, long now, ActionSink out) {
        if (syncing) {
            return;
        }
        VrrpState after = member.state();
        if (after == VrrpState.MASTER && state != VrrpState.MASTER) {
            syncMaster(member, now, out);
        } else if (before == VrrpState.MASTER && after == VrrpState.BACKUP) {
            syncBackup(member, now, out);
        }
    }

    void memberFaultRaised(VrrpInstance member, long now, ActionSink out) {
        boolean wasFault = state == VrrpState.FAULT;
        syncing = true;
        try {
            member.enterFault(now, out);
            if (!wasFault) {
                log("Syncing instances to FAULT state", out);
                for (VrrpInstance m : members) {
                    if (m != member && m.isStarted() && m.state() != VrrpState.FAULT) {
                        m.enterFault(now, out);
                    }
                }
                setState(VrrpState.FAULT, out);
            }
        } finally {
            syncing = false;
        }
    }

    void memberFaultCleared(VrrpInstance member, long now, ActionSink out) {
        if (members.stream().anyMatch(VrrpInstance::hasOwnFault)) {
            return; // another member still fails: the whole group stays in FAULT
        }
        syncing = true;
        try {
            member.leaveFault(now, out);
        } finally {
            syncing = false;
        }
        if (member.state() == VrrpState.MASTER) {
            syncMaster(member, now, out);
        } else {
            syncBackup(member, now, out);
        }
    }

    void memberStopped(long now, ActionSink out) {
        if (members.stream().noneMatch(VrrpInstance::isStarted) && started) {
            started = false;
            VrrpState prev = state;
            state = VrrpState.INIT;
            out.add(new GroupStateChanged(name, prev, VrrpState.INIT));
            out.add(new RunGroupNotify(name, NotifyState.STOP));
        }
    }

    void lowerPriorityGarp(VrrpInstance member, long now, ActionSink out) {
        for (VrrpInstance m : members) {
            if (m != member && m.state() == VrrpState.MASTER) {
                m.lowerPriorityGarp(now, out);
            }
        }
    }

    /* Synchronisation -------------------------------------------------------------------- */

    private void syncMaster(VrrpInstance trigger, long now, ActionSink out) {
        if (state == VrrpState.MASTER || !canGotoMaster(trigger)) {
            return;
        }
        log("Syncing instances to MASTER state", out);
        syncing = true;
        try {
            for (VrrpInstance m : new ArrayList<>(members)) {
                if (m != trigger && m.isStarted() && m.state() != VrrpState.MASTER) {
                    m.setWantState(VrrpState.MASTER);
                    m.becomeMaster(now, out);
                }
            }
        } finally {
            syncing = false;
        }
        setState(VrrpState.MASTER, out);
    }

    private void syncBackup(VrrpInstance trigger, long now, ActionSink out) {
        if (state == VrrpState.BACKUP) {
            return;
        }
        log("Syncing instances to BACKUP state", out);
        syncing = true;
        try {
            for (VrrpInstance m : members) {
                if (m == trigger || !m.isStarted() || m.state() == VrrpState.BACKUP) {
                    continue;
                }
                m.setWantState(VrrpState.BACKUP);
                if (m.state() == VrrpState.FAULT) {
                    m.leaveFault(now, out);
                } else if (m.state() == VrrpState.MASTER) {
                    m.leaveMaster(VrrpState.BACKUP, now, out);
                }
            }
        } finally {
            syncing = false;
        }
        setState(VrrpState.BACKUP, out);
    }

    private void setState(VrrpState next, ActionSink out) {
        VrrpState prev = state;
        state = next;
        out.add(new GroupStateChanged(name, prev, next));
        out.add(new RunGroupNotify(name, switch (next) {
            case MASTER -> NotifyState.MASTER;
            case BACKUP -> NotifyState.BACKUP;
            case FAULT -> NotifyState.FAULT;
            case INIT -> NotifyState.STOP;
        }));
    }

    private void log(String text, ActionSink out) {
        out.add(new Log(LogLevel.INFO, "VRRP_Group(" + name + ") " + text));
    }

    @Override
    public String toString() {
        return "SyncGroup[" + name + " " + state + " " + members.stream().map(VrrpInstance::name).toList() + "]";
    }
}
