package io.javakeepalived.vrrp;

import java.net.InetAddress;

/**
 * Tells split brain apart from the ordinary overlaps of VRRP, for one instance.
 *
 * <p>Two masters of one VRID meet in three ways, and only the node that became master knows
 * which:
 * <ul>
 * <li><b>Preemption.</b> A BACKUP that heard a lower-priority master's adverts, discarded them
 *     and took over (after a weight change, a restart, or at start): the old master yields to its
 *     first advert. Ordinary VRRP; not reported. The preempting node ignores the old master's
 *     adverts for one Master_Down_Interval after its takeover (an advert in flight, or its
 *     answer); the preempted one never heard the newcomer before, so it has nothing to report.</li>
 * <li><b>Split brain.</b> A BACKUP took over because the master it heard went silent without a
 *     priority-0 advert, and later that master's adverts come back: it never stopped. A MASTER
 *     that hears another master of its own priority: a backup never preempts an equal priority.
 *     And a MASTER that hears a lower-priority master it did not just preempt: that one took
 *     over without hearing us. All are reported.</li>
 * <li><b>A planned hand-back.</b> The master left with priority 0 and, restarted, preempts us:
 *     not reported.</li>
 * </ul>
 * What the node that yields cannot tell: whether the master it lost crashed and came back (a
 * preemption) or was cut off all along (split brain). It reports both; the other node, which
 * knows, reports only the split.
 *
 * <p>One episode per stretch of time: after Master_Down_Interval without another master's
 * advert, or after we left MASTER, the next such advert begins a new one. Pure; owned by the
 * instance's thread.
 */
final class SplitBrainWatch {

    private long episodes;
    private boolean inEpisode;
    private long lastHeardNanos;
    private SplitBrain last = SplitBrain.NONE;

    /** The router we just preempted, and until when its adverts are part of that handover. */
    private InetAddress preempted;
    private long preemptedUntilNanos;
    private boolean preemptedAny;
    /** The master whose silence made us MASTER; its adverts coming back mean it never stopped. */
    private InetAddress lost;

    /**
     * We became MASTER by preempting {@code peer}, or without listening first (an owner starting:
     * {@code peer} null, any router); its adverts until {@code untilNanos} are the handover.
     */
    void preempted(InetAddress peer, long untilNanos) {
        preempted = peer;
        preemptedAny = peer == null;
        preemptedUntilNanos = untilNanos;
        lost = null;
    }

    /** We became MASTER because {@code peer}, the master we heard, went silent (null: we heard none, or it left with priority 0). */
    void tookOverFrom(InetAddress peer) {
        lost = peer;
        preempted = null;
        preemptedAny = false;
    }

    /** We left MASTER: the episode, if any, is over. */
    void leftMaster() {
        inEpisode = false;
        preempted = null;
        preemptedAny = false;
        lost = null;
    }

    /**
     * As MASTER we accepted an advert with a priority other than 0 from {@code peer}.
     *
     * @param yielding   the advert is higher than us and we are about to leave MASTER
     * @param quietNanos how long without such adverts ends an episode (Master_Down_Interval)
     * @return true if this advert begins an episode (report it), false if it continues one or is
     *         an ordinary overlap
     */
    boolean otherMaster(InetAddress peer, int peerPriority, int ourPriority, boolean yielding, long now,
                        long quietNanos) {
        boolean handover = now <= preemptedUntilNanos && (preemptedAny || peer.equals(preempted));
        // a backup never preempts an equal priority, so an equal master never comes from preemption
        boolean yieldingToSplit = peer.equals(lost) || peerPriority == ourPriority;
        if (yielding ? !yieldingToSplit : handover) {
            return false;
        }
        boolean begins = !inEpisode || now - lastHeardNanos > quietNanos;
        inEpisode = true;
        lastHeardNanos = now;
        if (begins) {
            episodes++;
            last = new SplitBrain(episodes, now, peer, peerPriority, ourPriority);
        }
        return begins;
    }

    SplitBrain seen() {
        return last;
    }
}
