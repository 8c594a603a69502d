package io.javakeepalived.daemon;

import io.javakeepalived.vrrp.Action;
import io.javakeepalived.vrrp.LogLevel;

import java.util.ArrayList;
import java.util.List;

/**
 * What a master gives up when the daemon stops, by keepalived's command line. By default
 * (and with {@code -X}, --release-vips, which asks keepalived to remove the VIPs on every exit from
 * MASTER: this daemon always does) it sends priority 0 and removes its VIPs. With {@code -V}
 * (--dont-release-vrrp) keepalived skips restore_vrrp_interfaces() at stop: no priority-0 advert,
 * the VIPs stay on the interfaces (for a restart that should not move them); notify_stop still
 * runs. Pure.
 */
enum StopRelease {
    /** Priority 0 and the VIPs removed (keepalived's default, and -X). */
    RELEASE,
    /** -V: the VIPs and the peers' view are left as they are. */
    KEEP;

    /** The actions of a {@code Shutdown} as this mode carries them out. */
    List<Action> filter(List<Action> shutdown) {
        if (this == RELEASE) {
            return shutdown;
        }
        List<Action> out = new ArrayList<>(shutdown.size());
        for (Action a : shutdown) {
            if (a instanceof Action.RemoveVips r) {
                out.add(new Action.Log(LogLevel.INFO, "(" + r.instance().name()
                        + ") leaving its VIPs in place (--dont-release-vrrp)"));
            } else if (!(a instanceof Action.SendPriorityZeroAdvert) && !describesRelease(a)) {
                out.add(a);
            }
        }
        return out;
    }

    /** The core's -D lines for what is not done here ({@code (VI_1) sent 0 priority}, {@code removing VIPs.}). */
    private static boolean describesRelease(Action a) {
        return a instanceof Action.Log l && l.level() == LogLevel.DETAIL
                && (l.text().endsWith(") sent 0 priority") || l.text().endsWith(") removing VIPs."));
    }
}
