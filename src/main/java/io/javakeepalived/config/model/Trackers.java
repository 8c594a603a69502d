package io.javakeepalived.config.model;

import java.util.List;

/** The tracking blocks of a vrrp_instance or vrrp_sync_group. */
public record Trackers(List<TrackedObject> interfaces, List<TrackedObject> scripts, List<TrackedObject> files,
                       List<TrackedObject> processes, List<TrackedObject> bfds) {
    public static final Trackers NONE = new Trackers(List.of(), List.of(), List.of(), List.of(), List.of());

    public Trackers {
        interfaces = List.copyOf(interfaces);
        scripts = List.copyOf(scripts);
        files = List.copyOf(files);
        processes = List.copyOf(processes);
        bfds = List.copyOf(bfds);
    }

    public boolean isEmpty() {
        return interfaces.isEmpty() && scripts.isEmpty() && files.isEmpty() && processes.isEmpty() && bfds.isEmpty();
    }
}
