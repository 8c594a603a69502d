package io.javakeepalived.config.bind;

import io.javakeepalived.config.ConfigNode;
import io.javakeepalived.config.SourceLocation;
import io.javakeepalived.config.model.TrackedObject;

import java.util.List;
import java.util.OptionalLong;

/**
 * The lines of track_interface / track_script / track_file / track_process / track_bfd blocks
 * in instances and sync groups (keepalived's vrrp_track.c alloc_track_*): the tracked object
 * must exist when the line is read, duplicates are ignored, weights are range checked.
 */
final class TrackerLines {
    private TrackerLines() {
    }

    static void interfaces(String owner, ConfigNode block, List<TrackedObject> into, BindContext c) {
        for (ConfigNode line : Blocks.lines(block, c)) {
            String name = line.keyword();
            SourceLocation at = line.location();
            if (!c.useInterface(name, at)) {
                c.error(at, "(" + owner + ") tracked interface " + name + " doesn't exist");
                continue;
            }
            if (into.stream().anyMatch(t -> t.name().equals(name))) {
                c.error(at, "(" + owner + ") duplicate track_interface " + name + " - ignoring");
                continue;
            }
            int weight = 0;
            boolean reverse = false;
            if (line.argCount() >= 1) {
                if (!line.arg(0).equals("weight")) {
                    c.error(at, "(" + owner + ") unknown track_interface " + name + " option " + line.arg(0)
                            + ", expected weight - ignoring");
                    continue;
                }
                if (line.argCount() == 1) {
                    c.error(at, "(" + owner + ") weight without value specified for track_interface " + name
                            + " - ignoring");
                    continue;
                }
                weight = weight(line, 1, owner, name, "-253..253", c, 0);
                if (line.argCount() >= 3) {
                    if (line.arg(2).equals("reverse")) {
                        reverse = true;
                    } else {
                        c.error(at, "(" + owner + ") unknown track_interface " + name + " weight option "
                                + line.arg(2) + ", expected reverse - ignoring");
                    }
                }
            }
            into.add(new TrackedObject(name, weight, reverse, at));
        }
    }

    private static int weight(ConfigNode line, int index, String owner, String name, String range, BindContext c,
                              int fallback) {
        OptionalLong w = Numbers.signed(c, line.location(), line.arg(index), -254, 254);
        if (w.isEmpty()) {
            c.error(line.location(), "(" + owner + ") weight " + line.arg(index) + " for " + name
                    + " must be between [" + range + "] inclusive. Ignoring...");
            return fallback;
        }
        int v = (int) w.getAsLong();
        if (range.equals("-253..253") && (v == 254 || v == -254)) {
            c.error(line.location(), "(" + owner + ") weight for " + name + " cannot be +/-254. Setting to +/-253");
            v = v > 0 ? 253 : -253;
        }
        return v;
    }

    /** The optional "weight W [reverse|noreverse]" tail of a script/file/process/bfd line. */
    private static TrackedObject weighted(String owner, String what, ConfigNode line, int defWeight,
                                          boolean defReverse, String range, boolean allowNoreverse, BindContext c) {
        String name = line.keyword();
        SourceLocation at = line.location();
        int weight = defWeight;
        boolean reverse = defReverse;
        if (line.argCount() >= 1) {
            if (!line.arg(0).equals("weight")) {
                c.error(at, "(" + owner + ") unknown " + what + " option " + line.arg(0) + ", expected weight"
                        + " - ignoring");
                return null;
            }
            if (line.argCount() == 1) {
                c.error(at, "(" + owner + ") weight without value specified for " + what + " " + name
                        + " - ignoring");
                return null;
            }
            weight = weight(line, 1, owner, name, range, c, defWeight);
            if (line.argCount() >= 3) {
                if (line.arg(2).equals("reverse")) {
                    reverse = true;
                } else if (allowNoreverse && line.arg(2).equals("noreverse")) {
                    reverse = false;
                } else {
                    c.error(at, "(" + owner + ") unknown " + what + " " + name + " weight option " + line.arg(2)
                            + ", expected reverse or noreverse - ignoring");
                }
            }
        }
        return new TrackedObject(name, weight, reverse, at);
    }

    static void scripts(String owner, ConfigNode block, List<TrackedObject> into, BindContext c) {
        for (ConfigNode line : Blocks.lines(block, c)) {
            String name = line.keyword();
            VrrpDrafts.Script s = c.script(name);
            if (s == null) {
                c.error(line.location(), "(" + owner + ") track script " + name + " not found, ignoring..."
                        + " (expected a vrrp_script declared before this line)");
                continue;
            }
            if (into.stream().anyMatch(t -> t.name().equals(name))) {
                c.error(line.location(), "(" + owner + ") duplicate track_script " + name + " - ignoring");
                continue;
            }
            TrackedObject t = weighted(owner, "track script", line, s.weight, s.reverse, "-253..253", true, c);
            if (t != null) {
                into.add(t);
            }
        }
    }

    /**
     * One {@code track_reference NAME [weight W]} line of an instance (javakeepalived's own keyword).
     * It is a line, never a block: keepalived 2.2.7 ignores the '{' of a block it does not know
     * but not its '}', which would end the vrrp_instance early and lose what follows.
     */
    static void reference(String owner, ConfigNode line, List<TrackedObject> into, BindContext c) {
        SourceLocation at = line.location();
        if (line.hasBlock()) {
            c.error(at, "(" + owner + ") track_reference takes one line per reference (track_reference NAME"
                    + " [weight W]), not a block: keepalived would end the vrrp_instance at its '}' - ignoring");
            return;
        }
        String name = line.arg(0);
        if (name == null) {
            c.error(at, "(" + owner + ") track_reference without a name, expected track_reference NAME"
                    + " [weight W] - ignoring");
            return;
        }
        var reference = c.reference(name);
        if (reference.isEmpty()) {
            c.error(at, "(" + owner + ") track_reference " + name + " not found, ignoring... (expected a"
                    + " vrrp_reference declared before this line)");
            return;
        }
        if (into.stream().anyMatch(t -> t.name().equals(name))) {
            c.error(at, "(" + owner + ") duplicate track_reference " + name + " - ignoring");
            return;
        }
        int weight = reference.get().weight();
        if (line.argCount() >= 2) {
            if (!line.arg(1).equals("weight") || line.argCount() != 3) {
                c.error(at, "(" + owner + ") track_reference " + name + " has '" + Args.rest(line, 1)
                        + "', expected nothing or 'weight W' - ignoring the line");
                return;
            }
            weight = weight(line, 2, owner, name, "-253..253", c, weight);
        }
        into.add(new TrackedObject(name, weight, false, at));
    }

    static void files(String owner, ConfigNode block, List<TrackedObject> into, BindContext c) {
        for (ConfigNode line : Blocks.lines(block, c)) {
            String name = line.keyword();
            VrrpDrafts.TrackFile f = c.trackFile(name);
            if (f == null) {
                c.error(line.location(), "(" + owner + ") track file " + name + " not found, ignoring..."
                        + " (expected a track_file declared before this line)");
                continue;
            }
            if (into.stream().anyMatch(t -> t.name().equals(name))) {
                c.error(line.location(), "(" + owner + ") duplicate track_file " + name + " - ignoring");
                continue;
            }
            TrackedObject t = weighted(owner, "track file", line, f.weight, f.reverse, "-254..254", true, c);
            if (t != null) {
                into.add(t);
            }
        }
    }

    static void processes(String owner, ConfigNode block, List<TrackedObject> into, BindContext c) {
        for (ConfigNode line : Blocks.lines(block, c)) {
            String name = line.keyword();
            VrrpDrafts.TrackProcess p = c.trackProcess(name);
            if (p == null) {
                c.error(line.location(), "(" + owner + ") track process " + name + " not found, ignoring...");
                continue;
            }
            if (into.stream().anyMatch(t -> t.name().equals(name))) {
                c.error(line.location(), "(" + owner + ") duplicate track_process " + name + " - ignoring");
                continue;
            }
            TrackedObject t = weighted(owner, "track process", line, p.weight, p.reverse, "-254..254", true, c);
            if (t != null) {
                into.add(t);
            }
        }
    }

    static void bfds(String owner, ConfigNode block, List<TrackedObject> into, BindContext c) {
        for (ConfigNode line : Blocks.lines(block, c)) {
            String name = line.keyword();
            VrrpDrafts.Bfd b = c.bfd(name);
            if (b == null) {
                c.error(line.location(), "(" + owner + ") track bfd " + name + " not found, ignoring...");
                continue;
            }
            if (into.stream().anyMatch(t -> t.name().equals(name))) {
                c.error(line.location(), "(" + owner + ") duplicate track_bfd " + name + " - ignoring");
                continue;
            }
            TrackedObject t = weighted(owner, "track bfd", line, b.weight, b.reverse, "-253..253", false, c);
            if (t != null) {
                into.add(t);
            }
        }
    }
}
