package io.javakeepalived.check;

import io.javakeepalived.check.probe.ServiceNames;

import io.javakeepalived.config.model.RealServer;
import io.javakeepalived.notify.fifo.FifoLine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One real server of one virtual server: alive when every checker of it is up (keepalived counts
 * failed checkers, ipwrapper.c {@code update_svr_checker_state} / {@code perform_svr_state}), and
 * its effective weight (the configured one plus what MISC_CHECK's misc_dynamic or FILE_CHECK's
 * weight add). Pure; effects go to the virtual server's output and verdicts.
 */
public final class RealServerHealth {

    /** keepalived's IPVS_WEIGHT_LIMIT: what real_weight() clamps to. */
    static final long WEIGHT_LIMIT = Integer.MAX_VALUE;

    private final VirtualServerHealth virtualServer;
    private final RealServer config;
    private final String name;
    private final List<CheckerHealth> checkers = new ArrayList<>();
    private boolean alive;
    private int failedCheckers;
    private long effectiveWeight;

    RealServerHealth(VirtualServerHealth virtualServer, RealServer config, List<CheckerHealth> checkers) {
        this.virtualServer = Objects.requireNonNull(virtualServer, "virtualServer");
        this.config = Objects.requireNonNull(config, "config");
        this.name = ServiceNames.realServer(config, virtualServer.config());
        this.effectiveWeight = config.weight();
        for (CheckerHealth c : checkers) {
            c.attach(this);
            this.checkers.add(c);
            if (!c.isUp()) {
                failedCheckers++; // alpha: pessimistic until the checks say otherwise
            }
        }
        this.alive = failedCheckers == 0;
    }

    /** A reload kept this real server: its standing and weight carry over (checkers already did). */
    void carryOver(RealServerHealth previous) {
        alive = previous.alive;
        failedCheckers = (int) checkers.stream().filter(c -> !c.isUp()).count();
        effectiveWeight = config.weight() + checkers.stream().mapToLong(CheckerHealth::weightShift).sum();
    }

    /**
     * A checker reached a verdict (or its first run agreed with where it started). keepalived
     * changes the real server only on the checker that tips it: the last failed one coming up,
     * the first one going down.
     */
    void checkerState(CheckerHealth checker, boolean up) {
        if (checker.isUp() == up) {
            if (checker.firstRunAgrees()) {
                runNotify();
            }
            return;
        }
        if (up ? failedCheckers <= 1 : failedCheckers == 0) {
            setAlive(up);
        }
        checker.setUp(up);
        failedCheckers += up ? -1 : 1;
    }

    /**
     * keepalived's checker mail after {@code checker} reached a verdict: sent when the real server
     * has smtp_alert and the checker really changed (not its first result agreeing with its
     * start), and the real server changed with it unless no_checker_emails is off.
     */
    void mailChange(CheckerHealth checker, boolean checkerWasUp, boolean wasAlive, String reason) {
        if (!config.smtpAlert() || checker.isUp() == checkerWasUp
                || (wasAlive == alive && virtualServer.noCheckerEmails())) {
            return;
        }
        checker.kind().alertBody(checker.isUp(), reason).ifPresent(body ->
                output().mailRealServer(name, virtualServer.name(), alive, body));
    }

    private void setAlive(boolean up) {
        if (alive == up) {
            return;
        }
        boolean inhibit = config.inhibitOnFailure();
        String verb = up ? (inhibit ? "Enabling" : "Adding") : (inhibit ? "Disabling" : "Removing");
        String preposition = inhibit ? "of" : up ? "to" : "from";
        output().log(verb + " service " + name + " " + preposition + " VS " + virtualServer.name());
        alive = up;
        virtualServer.verdicts().realServer(virtualServer.config(), config, up, weight());
        runNotify();
        virtualServer.updateQuorum(false);
    }

    /** keepalived's do_rs_notifies: the notify_up/notify_down script, then the FIFO line. */
    private void runNotify() {
        var script = alive ? config.notifyUp() : config.notifyDown();
        script.ifPresent(s -> output().runScript("RS " + name + (alive ? " notify_up" : " notify_down"), s));
        output().fifo(FifoLine.realServer(name, virtualServer.name(), alive));
    }

    /**
     * A checker's weight shift changed: recompute, and tell if the clamped weight moved
     * (keepalived's update_svr_wgt and its "Changing weight" line).
     */
    void reweigh(boolean updateQuorum) {
        long before = weight();
        effectiveWeight = config.weight() + checkers.stream().mapToLong(CheckerHealth::weightShift).sum();
        long after = weight();
        if (before == after) {
            return;
        }
        output().log("Changing weight from " + before + " to " + after + " for " + (alive ? "" : "in")
                + "active service " + name + " of VS " + virtualServer.name());
        if (alive) {
            virtualServer.verdicts().realServer(virtualServer.config(), config, true, (int) after);
        }
        if (updateQuorum) {
            virtualServer.updateQuorum(false);
        }
    }

    /** The weight the kernel gets: the effective weight clamped as keepalived's real_weight(). */
    public int weight() {
        return (int) Math.max(0, Math.min(WEIGHT_LIMIT, effectiveWeight));
    }

    HealthOutput output() {
        return virtualServer.output();
    }

    int configuredWeight() {
        return config.weight();
    }

    public boolean alive() {
        return alive;
    }

    public int failedCheckers() {
        return failedCheckers;
    }

    public long effectiveWeight() {
        return effectiveWeight;
    }

    public String name() {
        return name;
    }

    public RealServer config() {
        return config;
    }

    public VirtualServerHealth virtualServer() {
        return virtualServer;
    }

    public List<CheckerHealth> checkers() {
        return List.copyOf(checkers);
    }
}
