package io.javakeepalived.config.model;

import io.javakeepalived.config.SourceLocation;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code track_file NAME { file PATH; weight W [reverse]; init_file [VALUE] [overwrite] }}
 * (also the deprecated {@code vrrp_track_file}).
 *
 * @param weight   default 1
 * @param init     init_file: create (or with overwrite, rewrite) the file with this value
 */
public record TrackFile(String name, String path, int weight, boolean weightReverse, Optional<Init> init,
                        SourceLocation location) {
    public TrackFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
    }

    public record Init(int value, boolean overwrite) {
    }
}
