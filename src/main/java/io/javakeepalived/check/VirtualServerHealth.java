package io.javakeepalived.check;

import io.javakeepalived.check.probe.ServiceNames;

import io.javakeepalived.config.model.VirtualServer;
import io.javakeepalived.notify.fifo.FifoLine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One virtual server's pool: its real servers and its quorum, with keepalived's hysteresis
 * (ipwrapper.c {@code update_quorum_state}): up while the live weight stays at or above
 * quorum - hysteresis, regained at quorum + hysteresis. Pure.
 */
public final class VirtualServerHealth {

    private final VirtualServer config;
    private final String name;
    private final HealthOutput output;
    private final HealthVerdicts verdicts;
    private final boolean noCheckerEmails;
    private final List<RealServerHealth> realServers = new ArrayList<>();
    private boolean quorumUp;

    /** @param noCheckerEmails global no_checker_emails: mail a checker's change only if its real server changes */
    VirtualServerHealth(VirtualServer config, HealthOutput output, HealthVerdicts verdicts, boolean noCheckerEmails) {
        this.config = Objects.requireNonNull(config, "config");
        this.name = ServiceNames.virtualServer(config);
        this.output = Objects.requireNonNull(output, "output");
        this.verdicts = Objects.requireNonNull(verdicts, "verdicts");
        this.noCheckerEmails = noCheckerEmails;
    }

    void add(RealServerHealth rs) {
        realServers.add(rs);
    }

    /**
     * The starting quorum (keepalived's set_quorum_states, then update_quorum_state with init):
     * up if the live weight reaches quorum + hysteresis. Starting down is only announced when a
     * sorry server would take over, as keepalived does.
     */
    void startQuorum() {
        quorumUp = liveWeight() >= config.quorum() + config.hysteresis();
        if (!quorumUp && config.sorryServer().isPresent()) {
            announce(true, config.quorum() - config.hysteresis());
        } else {
            verdicts.quorum(config, quorumUp);
        }
    }

    /** The quorum after a reload that kept this virtual server: as it stood, then re-evaluated. */
    void carryOver(VirtualServerHealth previous) {
        quorumUp = previous.quorumUp;
        updateQuorum(true);
    }

    /** Re-evaluates the quorum after a real server or a weight changed. */
    void updateQuorum(boolean init) {
        long sum = liveWeight();
        long threshold = config.quorum() + (quorumUp ? -1 : 1) * config.hysteresis();
        if (!quorumUp && sum >= threshold) {
            quorumUp = true;
            output.log("Gained quorum " + config.quorum() + "+" + config.hysteresis() + "=" + threshold + " <= " + sum
                    + " for VS " + name);
            mailQuorum("Gained quorum", threshold, sum);
            verdicts.quorum(config, true);
            notifyQuorum();
        } else if (quorumUp && (sum == 0 || sum < threshold)) {
            quorumUp = false;
            announce(init, threshold);
        }
    }

    private void announce(boolean init, long threshold) {
        output.log((init ? "Starting with quorum down " : "Lost quorum ") + config.quorum() + "-" + config.hysteresis()
                + "=" + threshold + " > " + liveWeight() + " for VS " + name);
        mailQuorum(init ? "Starting with quorum down" : "Lost quorum", threshold, liveWeight());
        verdicts.quorum(config, false);
        notifyQuorum();
    }

    /** keepalived's do_vs_notifies: the quorum_up/quorum_down script, then the FIFO line. */
    private void notifyQuorum() {
        (quorumUp ? config.quorumUp() : config.quorumDown()).ifPresent(s -> output.runScript("VS " + name
                + (quorumUp ? " quorum_up" : " quorum_down"), s));
        output.fifo(FifoLine.virtualServer(name, quorumUp));
    }

    /** ipwrapper.c do_vs_notifies: its body writes "+" and "<=" whichever way the quorum went. */
    private void mailQuorum(String what, long threshold, long sum) {
        if (config.smtpAlert()) {
            output.mailQuorum(name, quorumUp, "=> " + what + " " + config.quorum() + "+" + config.hysteresis() + "="
                    + threshold + " <= " + sum + " <=");
        }
    }

    boolean noCheckerEmails() {
        return noCheckerEmails;
    }

    /**
     * Shutdown: with omega keepalived runs the down notifiers of what is still up (every live
     * real server's notify_down, the quorum_down script if the quorum is up), and their FIFO lines.
     */
    void stop() {
        if (!config.omega()) {
            return;
        }
        for (RealServerHealth rs : realServers) {
            if (rs.alive()) {
                rs.config().notifyDown().ifPresent(s -> output.runScript("RS " + rs.name() + " notify_down", s));
                output.fifo(FifoLine.realServer(rs.name(), name, false));
            }
        }
        if (quorumUp) {
            quorumUp = false;
            notifyQuorum();
        }
    }

    /** keepalived's weigh_live_realservers: the clamped weights of the live real servers. */
    public long liveWeight() {
        long sum = 0;
        for (RealServerHealth rs : realServers) {
            if (rs.alive()) {
                sum += rs.weight();
            }
        }
        return sum;
    }

    public boolean quorumUp() {
        return quorumUp;
    }

    public String name() {
        return name;
    }

    public VirtualServer config() {
        return config;
    }

    public List<RealServerHealth> realServers() {
        return List.copyOf(realServers);
    }

    HealthOutput output() {
        return output;
    }

    HealthVerdicts verdicts() {
        return verdicts;
    }
}
