package io.javakeepalived.config.bind;

/**
 * What a vrrp_instance watches (vrrp_parser.c): interfaces, scripts, files, processes and BFD
 * sessions, read by {@link TrackerLines}. keepalived resolves a tracked script or file by name
 * when the line is read, so one declared further down the file is "not found", and so here.
 */
final class InstanceTrackingKeywords {
    private InstanceTrackingKeywords() {
    }

    /** This theme's part of the vrrp_instance table ({@link VrrpInstanceBinder#TABLE}). */
    static final KeywordTable<VrrpDrafts.Instance> KEYWORDS = new KeywordTable<VrrpDrafts.Instance>("vrrp_instance")
            .line("dont_track_primary", (v, n, c) -> v.dontTrackPrimary = true)
            .block("track_interface", (v, n, c) -> TrackerLines.interfaces(v.name, n, v.trackers.interfaces, c))
            .block("track_script", (v, n, c) -> TrackerLines.scripts(v.name, n, v.trackers.scripts, c))
            .block("track_file", (v, n, c) -> TrackerLines.files(v.name, n, v.trackers.files, c))
            .block("track_process", (v, n, c) -> TrackerLines.processes(v.name, n, v.trackers.processes, c))
            .block("track_bfd", (v, n, c) -> TrackerLines.bfds(v.name, n, v.trackers.bfds, c))
            .line("track_reference", (v, n, c) -> TrackerLines.reference(v.name, n, v.trackers.references, c))
            .line("track_src_ip", (v, n, c) -> v.trackSaddr = true);
}
