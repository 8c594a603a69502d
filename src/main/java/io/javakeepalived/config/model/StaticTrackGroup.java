package io.javakeepalived.config.model;

import io.javakeepalived.config.SourceLocation;

import java.util.List;

/** {@code track_group NAME { group { VI... } }}: instances put in FAULT when a static entry tagged with it is lost. */
public record StaticTrackGroup(String name, List<String> instances, SourceLocation location) {
    public StaticTrackGroup {
        instances = List.copyOf(instances);
    }
}
