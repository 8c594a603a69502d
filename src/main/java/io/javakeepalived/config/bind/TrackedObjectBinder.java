package io.javakeepalived.config.bind;

import io.javakeepalived.config.ConfigFatalException;
import io.javakeepalived.config.ConfigNode;
import io.javakeepalived.config.model.ScriptCommand;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * vrrp_script and track_file blocks (vrrp_parser.c, track_file.c): the objects an instance
 * or sync group tracks by name. keepalived resolves the names when the tracking instance is
 * read, so these must come first in the file.
 */
final class TrackedObjectBinder {
    private TrackedObjectBinder() {
    }

    // ---------------------------------------------------------------- vrrp_script

    static final KeywordTable<VrrpDrafts.Script> SCRIPT = new KeywordTable<VrrpDrafts.Script>("vrrp_script")
            .line("script", (s, n, c) -> {
                Optional<List<String>> argv = Scripts.commandLine(n);
                if (argv.isPresent()) {
                    s.script = new ScriptCommand(n.arg(0), argv.get(), Optional.empty(), Optional.empty(), 0, 0,
                            n.location());
                } else if (n.arg(0) != null) {
                    c.note(n.location(), "Unable to parse script '" + n.arg(0) + "'");
                }
            })
            .line("interval", (s, n, c) -> {
                OptionalLong i = NumberArg.unsigned(n, c, "an interval in whole seconds", 0,
                        Numbers.UINT_MAX / Numbers.TIMER_HZ, v -> "(" + s.name + "): vrrp script interval '" + v
                                + "' must be between 1 and " + Numbers.UINT_MAX / Numbers.TIMER_HZ + " - ignoring");
                if (i.isEmpty()) {
                    return;
                }
                long sec = i.getAsLong();
                if (sec == 0) {
                    c.error(n, "(" + s.name + "): vrrp script interval must be greater than 0, setting to 1");
                    sec = 1;
                }
                s.interval = sec * Numbers.TIMER_HZ;
            })
            .line("timeout", (s, n, c) -> {
                OptionalLong i = NumberArg.unsigned(n, c, "a timeout in whole seconds", 0,
                        Numbers.UINT_MAX / Numbers.TIMER_HZ,
                        v -> "(" + s.name + "): vrrp script timeout '" + v + "' invalid - ignoring");
                if (i.isEmpty()) {
                    return;
                }
                long sec = i.getAsLong();
                if (sec == 0) {
                    c.error(n, "(" + s.name + "): vrrp script timeout must be greater than 0, setting to 1");
                    sec = 1;
                }
                s.timeout = sec * Numbers.TIMER_HZ;
            })
            .line("weight", (s, n, c) -> {
                OptionalLong w = NumberArg.signed(n, c, "a weight -253..253", -253, 253,
                        v -> "vrrp_script " + s.name + " weight " + v + " must be in [-253, 253] - using 0");
                if (w.isEmpty()) {
                    s.weight = 0;
                } else {
                    s.weight = (int) w.getAsLong();
                }
                if (n.argCount() >= 2) {
                    if (n.arg(1).equals("reverse")) {
                        s.reverse = true;
                    } else {
                        c.error(n, "vrrp_script " + s.name + " unknown weight option " + n.arg(1)
                                + ", expected reverse");
                    }
                }
            })
            .line("rise", (s, n, c) -> s.rise = riseFall(s, n, c, "rise"))
            .line("fall", (s, n, c) -> s.fall = riseFall(s, n, c, "fall"))
            .line("user", (s, n, c) -> {
                String user = Args.need(n, 0, "a user name, optionally followed by a group");
                if (c.scriptUsers().resolve(user, n.arg(1), n.location()).isEmpty()) {
                    c.error(n, "Unable to set uid/gid for script " + (s.script != null ? s.script.configured() : "")
                            + ": user '" + user + "'" + (n.arg(1) != null ? " or group '" + n.arg(1) + "'" : "")
                            + " does not exist");
                    s.remove = true;
                } else {
                    s.remove = false;
                    s.userSet = true;
                    s.user = user;
                    s.group = n.arg(1);
                }
            })
            .line("init_fail", (s, n, c) -> s.initFail = true);

    private static int riseFall(VrrpDrafts.Script s, ConfigNode n, BindContext c, String what)
            throws ConfigFatalException {
        OptionalLong r = NumberArg.unsigned(n, c, "a count 1-" + Integer.MAX_VALUE, 1, Numbers.INT_MAX,
                v -> "(" + s.name + "): vrrp script " + what + " value '" + v + "' invalid, defaulting to 1");
        if (r.isEmpty()) {
            return 1;
        }
        return (int) r.getAsLong();
    }

    static void script(ConfigNode n, BindContext c) throws ConfigFatalException {
        VrrpDrafts.Script s = new VrrpDrafts.Script();
        s.name = Args.need(n, 0, "a script name");
        s.location = n.location();
        c.scripts.add(s);
        SCRIPT.dispatch(s, n.children(), c);
        if (s.script == null) {
            c.error(n, "No script set for vrrp_script " + s.name + ", expected a 'script' line - removing");
            s.remove = true;
        } else if (!s.remove) {
            ScriptUsers.Ids ids;
            if (s.userSet) {
                ids = c.scriptUsers().resolve(s.user, s.group, n.location()).orElseThrow();
            } else {
                Optional<ScriptUsers.Ids> d = c.scriptUsers().defaultUser(n.location());
                if (d.isEmpty()) {
                    c.error(n, "Unable to set default user for vrrp script " + s.name + " - removing");
                    s.remove = true;
                    ids = null;
                } else {
                    ids = d.get();
                }
            }
            if (ids != null) {
                s.script = new ScriptCommand(s.script.configured(), s.script.argv(), Optional.ofNullable(s.user),
                        Optional.ofNullable(s.group), ids.uid(), ids.gid(), s.script.location());
            }
        }
        if (s.remove) {
            c.scripts.remove(s);
        }
    }
    // ---------------------------------------------------------------- track_file

    static final KeywordTable<VrrpDrafts.TrackFile> TRACK_FILE = new KeywordTable<VrrpDrafts.TrackFile>("track_file")
            .line("file", (f, n, c) -> {
                if (n.argCount() < 1) {
                    c.error(n, "track file file name missing, expected a path");
                    return;
                }
                if (f.path != null) {
                    c.error(n, "File already set for track file " + f.name + " - ignoring " + n.arg(0));
                    return;
                }
                f.path = n.arg(0);
            })
            .line("weight", (f, n, c) -> {
                if (n.argCount() < 1) {
                    c.error(n, "No weight specified for track file " + f.name + " - ignoring");
                    return;
                }
                if (f.weight != 1) {
                    c.error(n, "Weight already set for track file " + f.name + " - ignoring " + n.arg(0));
                    return;
                }
                OptionalLong w = Numbers.signed(c, n.location(), n.arg(0), -254, 254);
                if (w.isEmpty()) {
                    c.error(n, "Weight (" + n.arg(0) + ") for track_file " + f.name + " must be between [-254..254]"
                            + " inclusive. Ignoring...");
                }
                f.weight = (int) w.orElse(1);
                if (n.argCount() >= 2) {
                    if (n.arg(1).equals("reverse")) {
                        f.reverse = true;
                    } else {
                        c.error(n, "track_file " + f.name + " unknown weight option " + n.arg(1));
                    }
                }
            })
            .line("init_file", (f, n, c) -> {
                f.init = true;
                f.initValue = 0;
                for (String w : n.args()) {
                    String word = w.stripLeading();
                    if (!word.isEmpty() && (Character.isDigit(word.charAt(0)) || word.charAt(0) == '-')) {
                        OptionalLong v = Numbers.signed(c, n.location(), w, Integer.MIN_VALUE, Integer.MAX_VALUE);
                        if (v.isEmpty()) {
                            c.error(n, "Track file " + f.name + " init value " + word + " is invalid");
                            f.initValue = 0;
                        } else {
                            if (v.getAsLong() < -254 || v.getAsLong() > 254) {
                                c.error(n, "Track file " + f.name + " init value " + v.getAsLong()
                                        + " is outside sensible range [-254, 254]");
                            }
                            f.initValue = (int) v.getAsLong();
                        }
                    } else if (word.equals("overwrite")) {
                        f.overwrite = true;
                    } else {
                        c.error(n, "Unknown track file init option " + word + ", expected a value or overwrite");
                    }
                }
            });

    static void trackFile(ConfigNode n, BindContext c) throws ConfigFatalException {
        VrrpDrafts.TrackFile f = new VrrpDrafts.TrackFile();
        f.name = Args.need(n, 0, "a track file name");
        f.location = n.location();
        if (n.keyword().equals("vrrp_track_file")) {
            c.note(n.location(), "\"vrrp_track_file\" is deprecated, please use \"track_file\"");
        }
        TRACK_FILE.dispatch(f, n.children(), c);
        if (f.path == null) {
            c.error(n, "No file set for track_file " + f.name + ", expected a 'file PATH' line - ignoring");
            return;
        }
        c.trackFiles.add(f);
    }
}
