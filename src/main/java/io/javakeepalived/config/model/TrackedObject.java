package io.javakeepalived.config.model;

import io.javakeepalived.config.SourceLocation;

import java.util.Objects;

/**
 * One line of a track_interface / track_script / track_file / track_process / track_bfd
 * block: what is tracked and how much it moves the priority.
 *
 * @param name     interface, vrrp_script, track_file, vrrp_track_process or bfd_instance name
 * @param weight   priority adjustment (0: a failure puts the instance in FAULT); for scripts,
 *                 files and processes the tracked object's own weight unless overridden
 * @param reverse  whether the weight applies inverted
 */
public record TrackedObject(String name, int weight, boolean reverse, SourceLocation location) {
    public TrackedObject {
        Objects.requireNonNull(name, "name");
    }
}
