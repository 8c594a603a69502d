package io.javakeepalived.track;

import io.javakeepalived.config.model.ReferenceAddress;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One reference tracker (a vrrp_reference checked over one interface) as the dumps and the
 * metrics page show it. Immutable, so that the checker loop can publish it and the VRRP loop read
 * it without a lock ({@link ReferenceTrackers#published()}), as for {@link TrackScriptView}.
 *
 * @param reference      the configured reference
 * @param interfaceName  the interface its echo requests leave by (empty: the routing table decides)
 * @param standing       undecided until the first outcome, then reachable or not
 * @param result         keepalived's rise/fall counter
 * @param lastRoundTrip  nanoseconds the last reply took; empty until one came
 * @param requests       echo requests that reached an outcome since start (a reload keeps them)
 * @param misses         of them, those that got no reply (timed out, or could not be sent)
 * @param tracking       the instances tracking it over this interface, with their weights
 */
public record ReferenceView(ReferenceAddress reference, Optional<String> interfaceName, Standing standing, int result,
                            OptionalLong lastRoundTrip, long requests, long misses,
                            List<TrackScriptState.Tracking> tracking) {

    /** Whether the reference answers, as its counter decides. */
    public enum Standing { INIT, REACHABLE, UNREACHABLE }

    public ReferenceView {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(interfaceName, "interfaceName");
        Objects.requireNonNull(standing, "standing");
        Objects.requireNonNull(lastRoundTrip, "lastRoundTrip");
        tracking = List.copyOf(tracking);
    }

    public String name() {
        return reference.name();
    }
}
