package io.javakeepalived.config.model;

import java.util.List;

/**
 * The tracking blocks of a vrrp_instance or vrrp_sync_group.
 *
 * @param references the {@code track_reference} lines (javakeepalived's own), of an instance or a sync group
 */
public record Trackers(List<TrackedObject> interfaces, List<TrackedObject> scripts, List<TrackedObject> files,
                       List<TrackedObject> processes, List<TrackedObject> bfds, List<TrackedObject> references) {
    public static final Trackers NONE = new Trackers(List.of(), List.of(), List.of(), List.of(), List.of());

    /** Without reference addresses (keepalived's trackers only). */
    public Trackers(List<TrackedObject> interfaces, List<TrackedObject> scripts, List<TrackedObject> files,
                    List<TrackedObject> processes, List<TrackedObject> bfds) {
        this(interfaces, scripts, files, processes, bfds, List.of());
    }

    public Trackers {
        interfaces = List.copyOf(interfaces);
        scripts = List.copyOf(scripts);
        files = List.copyOf(files);
        processes = List.copyOf(processes);
        bfds = List.copyOf(bfds);
        references = List.copyOf(references);
    }

    public boolean isEmpty() {
        return interfaces.isEmpty() && scripts.isEmpty() && files.isEmpty() && processes.isEmpty() && bfds.isEmpty()
                && references.isEmpty();
    }
}
