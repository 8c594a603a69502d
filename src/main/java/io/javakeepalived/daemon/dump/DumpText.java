package io.javakeepalived.daemon.dump;

import java.util.List;

/** The small wording helpers every keepalived.data section uses (keepalived's conf_write lines). */
final class DumpText {

    private DumpText() {
    }

    static void line(StringBuilder o, String s) {
        o.append(s).append('\n');
    }

    /** A header line and its items, five spaces in; nothing at all for no items. */
    static void list(StringBuilder o, String header, List<String> items) {
        if (!items.isEmpty()) {
            line(o, header);
            for (String s : items) {
                line(o, "     " + s);
            }
        }
    }

    private static void tracked(StringBuilder o, String header, List<Tracked> items, String sep) {
        if (!items.isEmpty()) {
            line(o, header);
            for (Tracked t : items) {
                line(o, "     " + t.name() + sep + t.weight() + t.reverseSuffix());
            }
        }
    }

    /**
     * The five {@code Tracked ...} lists, then javakeepalived's references in the scripts' style;
     * keepalived heads the processes of a sync group
     * {@code Tracked process :} and those of an instance {@code Tracked processes :}.
     */
    static void trackedObjects(StringBuilder o, TrackedObjects t, String processesHeader) {
        tracked(o, "   Tracked interfaces :", t.interfaces(), " weight ");
        tracked(o, "   Tracked scripts :", t.scripts(), " weight ");
        tracked(o, "   Tracked files :", t.files(), ", weight ");
        tracked(o, processesHeader, t.processes(), ", weight ");
        tracked(o, "   Tracked BFDs :", t.bfds(), ": weight ");
        tracked(o, "   Tracked references :", t.references(), " weight ");
    }

    static void notifyScript(StringBuilder o, NotifyScript s, String type) {
        if (s != null) {
            line(o, "   " + type + " state transition script = " + s.commandText() + ", uid:gid " + s.uid() + ":"
                    + s.gid());
        }
    }

    static String tf(boolean b) {
        return b ? "true" : "false";
    }

    static String yn(boolean b) {
        return b ? "yes" : "no";
    }

    static String able(boolean b) {
        return b ? "enabled" : "disabled";
    }
}
