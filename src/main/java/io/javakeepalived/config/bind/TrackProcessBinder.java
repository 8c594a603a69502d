package io.javakeepalived.config.bind;

import io.javakeepalived.config.ConfigFatalException;
import io.javakeepalived.config.ConfigNode;
import io.javakeepalived.config.model.TrackProcess;

import java.util.OptionalLong;

/**
 * vrrp_track_process blocks (track_process.c): a process by name or command line, how many
 * instances of it must run, and the delays before its loss or return counts.
 */
final class TrackProcessBinder {
    private TrackProcessBinder() {
    }

    // ---------------------------------------------------------------- vrrp_track_process

    static final KeywordTable<VrrpDrafts.TrackProcess> TRACK_PROCESS =
            new KeywordTable<VrrpDrafts.TrackProcess>("vrrp_track_process")
            .line("process", (p, n, c) -> {
                if (p.process != null) {
                    c.error(n, "Process already set for track process " + p.name + " - ignoring "
                            + Args.need(n, 0, "a process name"));
                    return;
                }
                p.process = Args.need(n, 0, "a process name, optionally followed by its arguments");
                if (n.argCount() > 1) {
                    p.params.addAll(n.args().subList(1, n.argCount()));
                    if (p.paramMatch == TrackProcess.ParamMatch.NONE) {
                        p.paramMatch = TrackProcess.ParamMatch.EXACT;
                    }
                    p.fullCommand = true;
                }
            })
            .line("param_match", (p, n, c) -> {
                if (n.argCount() == 0) {
                    p.paramMatch = TrackProcess.ParamMatch.EXACT;
                    p.fullCommand = true;
                } else if (n.arg(0).equals("initial")) {
                    p.paramMatch = TrackProcess.ParamMatch.INITIAL;
                    p.fullCommand = true;
                } else if (n.arg(0).equals("partial")) {
                    p.paramMatch = TrackProcess.ParamMatch.PARTIAL;
                    p.fullCommand = true;
                } else {
                    c.error(n, "Invalid param_match type " + n.arg(0) + ", expected initial or partial - ignoring");
                }
            })
            .line("weight", (p, n, c) -> {
                if (n.argCount() < 1) {
                    c.error(n, "No weight specified for track process " + p.name + " - ignoring");
                    return;
                }
                if (p.weightSet) {
                    c.error(n, "Weight already set for track process " + p.name + " - ignoring " + n.arg(0));
                    return;
                }
                OptionalLong w = Numbers.signed(c, n.location(), n.arg(0), -254, 254);
                if (w.isEmpty()) {
                    c.error(n, "Weight (" + n.arg(0) + ") for vrrp_track_process " + p.name + " must be between"
                            + " [-254..254] inclusive. Ignoring...");
                    return;
                }
                if (n.argCount() >= 2) {
                    if (n.arg(1).equals("reverse")) {
                        p.reverse = true;
                    } else {
                        c.error(n, "vrrp_track_process " + p.name + " unknown weight option " + n.arg(1));
                    }
                }
                p.weight = (int) w.getAsLong();
                p.weightSet = p.weight != 0;
            })
            .line("quorum", (p, n, c) -> {
                OptionalLong q = NumberArg.unsigned(n, c, "a process count 1-65535", 1, 65535,
                        v -> "Quorum (" + v + ") for vrrp_track_process " + p.name
                                + " must be between [1..65535] inclusive. Ignoring...");
                if (q.isEmpty()) {
                    return;
                }
                if (q.getAsLong() > p.quorumMax) {
                    c.error(n, "Quorum is greater than quorum_max - ignoring");
                    return;
                }
                p.quorum = (int) q.getAsLong();
            })
            .line("quorum_max", (p, n, c) -> {
                OptionalLong q = NumberArg.unsigned(n, c, "a process count 0-65535", 0, 65535,
                        v -> "quorum_max (" + v + ") for vrrp_track_process " + p.name
                                + " must be between [0..65535] inclusive. Ignoring...");
                if (q.isEmpty()) {
                    return;
                }
                long max = q.getAsLong();
                if ((max != 0 || p.quorum > 1) && max < p.quorum) {
                    c.error(n, "quorum_max is less than quorum - ignoring");
                    return;
                }
                p.quorumMax = max;
                if (max == 0) {
                    p.quorum = 0;
                } else if (p.quorum == 0) {
                    p.quorum = 1;
                }
            })
            .line("delay", (p, n, c) -> processDelay(p, n, c, true, true))
            .line("terminate_delay", (p, n, c) -> processDelay(p, n, c, true, false))
            .line("fork_delay", (p, n, c) -> processDelay(p, n, c, false, true))
            .line("full_command", (p, n, c) -> p.fullCommand = true);

    private static void processDelay(VrrpDrafts.TrackProcess p, ConfigNode n, BindContext c, boolean terminate,
                                     boolean fork) throws ConfigFatalException {
        OptionalLong d = NumberArg.decimal(n, c, "a delay in seconds, 0.000001-3600", 1, 3600L * Numbers.TIMER_HZ,
                Numbers.TIMER_DIGITS, v -> n.keyword() + " (" + v + ") for vrrp_track_process " + p.name
                        + " must be between [0.000001..3600] inclusive. Ignoring...");
        if (d.isEmpty()) {
            return;
        }
        if (terminate) {
            p.terminateDelay = d.getAsLong();
        }
        if (fork) {
            p.forkDelay = d.getAsLong();
        }
    }

    static void trackProcess(ConfigNode n, BindContext c) throws ConfigFatalException {
        VrrpDrafts.TrackProcess p = new VrrpDrafts.TrackProcess();
        p.name = Args.need(n, 0, "a track process name");
        p.location = n.location();
        TRACK_PROCESS.dispatch(p, n.children(), c);
        if (p.process == null) {
            c.error(n, "track process '" + p.name + "' process name not specified, expected a 'process NAME' line");
            return;
        }
        c.trackProcesses.add(p);
    }
}
