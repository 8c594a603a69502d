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
 * @param references {@code track_reference} (javakeepalived's own)
 */
public record TrackedObjects(List<Tracked> interfaces, List<Tracked> scripts, List<Tracked> files,
                             List<Tracked> processes, List<Tracked> bfds, List<Tracked> references) {

    public static final TrackedObjects NONE = new TrackedObjects(List.of(), List.of(), List.of(), List.of(), List.of());

    public TrackedObjects {
        interfaces = List.copyOf(interfaces);
        scripts = List.copyOf(scripts);
        files = List.copyOf(files);
        processes = List.copyOf(processes);
        bfds = List.copyOf(bfds);
        references = List.copyOf(references);
    }

    /** keepalived's five kinds, no reference. */
    public TrackedObjects(List<Tracked> interfaces, List<Tracked> scripts, List<Tracked> files,
                          List<Tracked> processes, List<Tracked> bfds) {
        this(interfaces, scripts, files, processes, bfds, List.of());
    }

    /** The same with {@code scripts} in place of the tracked scripts. */
    public TrackedObjects withScripts(List<Tracked> newScripts) {
        return new TrackedObjects(interfaces, newScripts, files, processes, bfds, references);
    }

    /** The same with {@code newReferences} in place of the tracked references. */
    public TrackedObjects withReferences(List<Tracked> newReferences) {
        return new TrackedObjects(interfaces, scripts, files, processes, bfds, newReferences);
    }
}
