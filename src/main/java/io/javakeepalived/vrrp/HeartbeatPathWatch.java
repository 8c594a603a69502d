package io.javakeepalived.vrrp;

import io.javakeepalived.util.AddressText;

import java.net.InetAddress;
import java.util.Locale;

/**
 * What a BACKUP heard on its VRRP path and on its heartbeat paths ({@code heartbeat_path}), for
 * one instance: it tells the operator when the second path is the only thing keeping it BACKUP.
 *
 * <p>An episode begins with a path advert when the VRRP path has carried none for
 * Master_Down_Interval (counted from the last one, or from the first advert heard after the
 * instance (re)entered BACKUP): without the path the instance would be MASTER by now, so the
 * line is worth a WARNING. It ends, with a second line, at the next advert on the VRRP path.
 * Leaving BACKUP ends it silently (the state change is logged anyway). During an episode the
 * path's adverts speak for the master: {@link #pathOnly()}.
 *
 * <p>Pure; owned by the instance's thread.
 */
final class HeartbeatPathWatch {

    private boolean listening;
    /** The last advert on the VRRP path, or the first advert heard since we entered BACKUP. */
    private long vrrpPathHeardNanos;
    /** The source of the last advert on the VRRP path: the master as the VRRP path knows it. */
    private InetAddress vrrpPathMaster;
    private boolean pathOnly;
    private long pathOnlySinceNanos;
    private String pathOnlyInterface;

    /** Not BACKUP: nothing to watch; an episode ends without a line. */
    void notListening() {
        listening = false;
        pathOnly = false;
    }

    /**
     * An accepted advert, as BACKUP.
     *
     * @param vrrpInterface   the instance's VRRP interface (for the lines)
     * @param masterDownNanos Master_Down_Interval now
     * @return the line to log (WARNING) when an episode begins or ends, else null
     */
    String heard(Event.AdvertReceived a, String vrrpInterface, long now, long masterDownNanos) {
        if (!listening) {
            listening = true;
            vrrpPathHeardNanos = now;
        }
        Event.HeartbeatPath path = a.path();
        if (path == null) {
            vrrpPathHeardNanos = now;
            vrrpPathMaster = a.source();
            if (!pathOnly) {
                return null;
            }
            pathOnly = false;
            return "adverts on " + vrrpInterface + " again after " + seconds(now - pathOnlySinceNanos)
                    + " on heartbeat path " + pathOnlyInterface + " only - master " + AddressText.ntop(a.source());
        }
        long silent = now - vrrpPathHeardNanos;
        if (pathOnly || silent < masterDownNanos) {
            return null;
        }
        pathOnly = true;
        pathOnlySinceNanos = now;
        pathOnlyInterface = path.interfaceName();
        String master = vrrpPathMaster == null ? AddressText.ntop(a.source())
                : AddressText.ntop(vrrpPathMaster) + " (" + AddressText.ntop(a.source()) + ")";
        return "no adverts on " + vrrpInterface + " for " + seconds(silent) + " - master " + master
                + " heard on heartbeat path " + path.interfaceName();
    }

    /** True while only the heartbeat path carries the master's adverts. */
    boolean pathOnly() {
        return pathOnly;
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1fs", nanos / 1e9);
    }
}
