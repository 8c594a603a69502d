package io.javakeepalived.vrrp;

import io.javakeepalived.util.AddressText;

import java.net.InetAddress;

/**
 * A master's "Received advert from ... with lower priority ..." line, made once for each
 * different sender, priority and answer and handed out again while they stay the same: a
 * flood from one lower-priority sender then costs no object per advert, and its text is built
 * only if the owner writes it (see {@link Action.Log#lazily}).
 */
final class LowerPriorityLine {
    private Action.Log line;
    private InetAddress from;
    private int priority;
    private int ours;
    private boolean forcing;

    Action.Log of(String instance, InetAddress from, int priority, int ours, boolean forcing) {
        if (line == null || !from.equals(this.from) || priority != this.priority || ours != this.ours
                || forcing != this.forcing) {
            this.from = from;
            this.priority = priority;
            this.ours = ours;
            this.forcing = forcing;
            line = Action.Log.lazily(LogLevel.INFO, () -> "(" + instance + ") Received advert from "
                    + AddressText.ntop(from) + " with lower priority " + priority + ", ours " + ours
                    + (forcing ? ", forcing new election" : ""));
        }
        return line;
    }
}
