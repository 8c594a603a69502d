package io.javakeepalived.track;

import io.javakeepalived.config.model.KeepalivedConfig;
import io.javakeepalived.config.model.SyncGroup;
import io.javakeepalived.config.model.TrackFile;
import io.javakeepalived.config.model.TrackProcess;
import io.javakeepalived.config.model.TrackedObject;
import io.javakeepalived.config.model.Trackers;
import io.javakeepalived.config.model.VrrpInstance;
import io.javakeepalived.script.ScriptLog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds the {@link PolledTracker}s a configuration asks for ({@code track_file}, {@code track_process}).
 *
 * <p>Who tracks what, as keepalived 2.2.7 wires it ({@code vrrp_complete_instance()},
 * {@code sync_group_tracking_init()}, {@code add_obj_to_track_file()},
 * {@code add_vrrp_to_track_process()}): each instance's own {@code track_file} /
 * {@code track_process} lines (the binder has already dropped or zeroed the weights keepalived
 * drops for sync group members and address owners), then each sync group's lines once per member.
 * When a member tracks the same object itself and through its group, the group's weight wins
 * unless the member's own line is unweighted (for files the group's reverse flag too; for
 * processes keepalived keeps the member's). A sync group with an address owner among its members
 * has its weighted track_process lines set to weight 0, as keepalived does (the binder does this
 * for files).
 *
 * <p>Track files nobody tracks are not watched; a track file whose directory does not exist is
 * dropped with keepalived's {@code Track file directory for NAME does not exist - removing}.
 * {@code init_file} is applied to every declared track file (keepalived does it while reading the
 * configuration), except that an existing file is not overwritten on a reload.
 */
public final class PolledTrackers {

    private PolledTrackers() {
    }

    /**
     * One tracker per configured {@code vrrp_track_file} / {@code vrrp_track_process} that some
     * instance or sync group tracks, with the weights of those that track it.
     */
    public static List<PolledTracker> fromConfig(KeepalivedConfig config) {
        return fromConfig(config, ScriptLog.slf4j("io.javakeepalived.track"), false);
    }

    /**
     * As {@link #fromConfig(KeepalivedConfig)}, logging to {@code log}.
     *
     * @param reload whether the configuration is being reloaded (SIGHUP): init_file does not
     *               overwrite then, and each tracker's {@code initialEvents()} states every
     *               tracking instance's weight and fault (zero and clear ones too), so that
     *               instances carrying an earlier configuration's values converge
     */
    public static List<PolledTracker> fromConfig(KeepalivedConfig config, ScriptLog log, boolean reload) {
        List<PolledTracker> out = new ArrayList<>();
        for (TrackFile f : config.trackFiles()) {
            TrackFileInit.apply(f, reload, log);
        }
        Map<String, List<TrackScriptState.Tracking>> files = trackings(config, Trackers::files, true, false, log);
        for (TrackFile f : config.trackFiles()) {
            List<TrackScriptState.Tracking> t = files.get(f.name());
            if (t == null || t.isEmpty()) {
                continue;
            }
            Path path = Path.of(f.path()).toAbsolutePath();
            Path dir = path.getParent();
            if (dir == null || !Files.isDirectory(dir)) {
                log.log(ScriptLog.Level.WARNING, "Track file directory for " + f.name() + " does not exist - removing");
                continue;
            }
            FileTracker ft = new FileTracker(f.name(), path, t, FileTracker.DEFAULT_INTERVAL, log);
            out.add(reload ? ft.restating() : ft);
        }
        Map<String, List<TrackScriptState.Tracking>> procs = trackings(config, Trackers::processes, false, true, log);
        List<ProcessTracker.Spec> specs = new ArrayList<>();
        for (TrackProcess p : config.trackProcesses()) {
            List<TrackScriptState.Tracking> t = procs.get(p.name());
            if (t != null && !t.isEmpty()) {
                specs.add(new ProcessTracker.Spec(p, t));
            }
        }
        if (!specs.isEmpty()) {
            ProcessTracker pt = new ProcessTracker(specs, ProcScanner.system(), ProcessTracker.DEFAULT_INTERVAL, log);
            out.add(reload ? pt.restating() : pt);
        }
        return List.copyOf(out);
    }

    /**
     * For each tracked object name, the instances tracking it, in configuration order.
     *
     * @param groupReverse       a group line's reverse flag replaces a member's own (files)
     * @param zeroWithOwner      a group with an address-owner member has its weights zeroed (processes)
     */
    static Map<String, List<TrackScriptState.Tracking>> trackings(KeepalivedConfig config,
                                                                 Function<Trackers, List<TrackedObject>> kind,
                                                                 boolean groupReverse, boolean zeroWithOwner,
                                                                 ScriptLog log) {
        Map<String, List<TrackScriptState.Tracking>> out = new LinkedHashMap<>();
        for (VrrpInstance vi : config.instances()) {
            for (TrackedObject t : kind.apply(vi.trackers())) {
                out.computeIfAbsent(t.name(), k -> new ArrayList<>()).add(TrackScriptState.Tracking.of(vi.name(), t));
            }
        }
        for (SyncGroup g : config.syncGroups()) {
            boolean owner = g.members().stream().map(config::instance)
                    .anyMatch(i -> i.isPresent() && i.get().isAddressOwner());
            for (TrackedObject t : kind.apply(g.trackers())) {
                int weight = t.weight();
                if (zeroWithOwner && owner && weight != 0) {
                    log.log(ScriptLog.Level.WARNING, "(" + g.name() + ") Cannot have weighted track process '"
                            + t.name() + "' with member having priority 255 - setting weight 0");
                    weight = 0;
                }
                List<TrackScriptState.Tracking> list = out.computeIfAbsent(t.name(), k -> new ArrayList<>());
                for (String member : g.members()) {
                    if (config.instance(member).isEmpty()) {
                        continue;
                    }
                    int at = indexOf(list, member);
                    if (at < 0) {
                        list.add(new TrackScriptState.Tracking(member, weight, t.reverse()));
                        continue;
                    }
                    log.log(ScriptLog.Level.INFO, "(" + member + ") track_" + (groupReverse ? "file" : "process") + " "
                            + t.name() + " is configured on VRRP instance and sync group. Remove vrrp instance config");
                    TrackScriptState.Tracking own = list.get(at);
                    if (own.weight() != 0) {
                        list.set(at, new TrackScriptState.Tracking(member, weight,
                                groupReverse ? t.reverse() : own.reverse()));
                    }
                }
            }
        }
        return out;
    }

    private static int indexOf(List<TrackScriptState.Tracking> list, String instance) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).instance().equals(instance)) {
                return i;
            }
        }
        return -1;
    }
}
