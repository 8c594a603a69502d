package io.javakeepalived.config.model;

import io.javakeepalived.config.SourceLocation;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code vrrp_track_process NAME { }}.
 *
 * @param parameters     arguments the process must have (exact, initial or partial match)
 * @param weight         -254..254, default 0 (quorum lost puts the instance in FAULT)
 * @param quorum         default 1
 * @param quorumMax      empty = unlimited
 * @param terminateDelay delay before a lost process counts (delay / terminate_delay)
 * @param forkDelay      delay before a new process counts (delay / fork_delay)
 */
public record TrackProcess(String name, String process, List<String> parameters, ParamMatch paramMatch, int weight,
                           boolean weightReverse, int quorum, Optional<Integer> quorumMax,
                           Optional<Duration> terminateDelay, Optional<Duration> forkDelay, boolean fullCommand,
                           SourceLocation location) {
    public TrackProcess {
        Objects.requireNonNull(name, "name");
        parameters = List.copyOf(parameters);
    }

    public enum ParamMatch { NONE, EXACT, INITIAL, PARTIAL }
}
