package io.javakeepalived.daemon.dump;

import java.util.Objects;

/**
 * An instance that tracks a script or interface, as listed under the tracked object
 * ({@code     VI_1, weight -60}).
 *
 * @param instance instance name
 * @param weight   weight it tracks with
 * @param reverse  weight reversed
 * @param dynamic  added at run time rather than configured (keepalived: TRACK_VRRP_DYNAMIC)
 */
public record TrackingInstance(String instance, int weight, boolean reverse, boolean dynamic) {

    public TrackingInstance {
        Objects.requireNonNull(instance, "instance");
    }

    public static TrackingInstance of(String instance, int weight) {
        return new TrackingInstance(instance, weight, false, false);
    }

    String line() {
        return "     " + instance + ", weight " + weight + (reverse ? " reverse" : "") + (dynamic ? " (dynamic)" : "");
    }
}
