package io.javakeepalived.daemon.dump;

import java.util.List;

/**
 * What an instance or a sync group tracks, each list in configuration order.
 *
 * @param interfaces {@code track_interface}
 * @param scripts    {@code track_script} (with their command text, for keepalived.json)
 * @param files      {@code track_file}
 * @param processes  {@code track_process}
 * @param bfds       {@code track_bfd}
 */
public record TrackedObjects(List<Tracked> interfaces, List<Tracked> scripts, List<Tracked> files,
                             List<Tracked> processes, List<Tracked> bfds) {

    public static final TrackedObjects NONE = new TrackedObjects(List.of(), List.of(), List.of(), List.of(), List.of());

    public TrackedObjects {
        interfaces = List.copyOf(interfaces);
        scripts = List.copyOf(scripts);
        files = List.copyOf(files);
        processes = List.copyOf(processes);
        bfds = List.copyOf(bfds);
    }

    /** The same with {@code scripts} in place of the tracked scripts. */
    public TrackedObjects withScripts(List<Tracked> newScripts) {
        return new TrackedObjects(interfaces, newScripts, files, processes, bfds);
    }
}
