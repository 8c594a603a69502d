package io.javakeepalived.track;

import io.javakeepalived.config.model.KeepalivedConfig;

import java.util.List;

/** Builds the {@link PolledTracker}s a configuration asks for ({@code track_file}, {@code track_process}). */
public final class PolledTrackers {

    private PolledTrackers() {
    }

    /**
     * One tracker per configured {@code vrrp_track_file} / {@code vrrp_track_process} that some
     * instance or sync group tracks, with the weights of those that track it.
     */
    public static List<PolledTracker> fromConfig(KeepalivedConfig config) {
        return List.of(); // placeholder until file and process tracking land
    }
}
