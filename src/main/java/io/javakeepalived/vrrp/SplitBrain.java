package io.javakeepalived.vrrp;

import java.net.InetAddress;

/**
 * What an instance has seen of split brain: how many episodes, and the last one. An episode
 * is one stretch of time in which this instance, as MASTER, heard another MASTER of its VRID
 * (see {@link SplitBrainWatch}); a steady stream of the other's adverts is one episode, not one
 * per advert.
 *
 * @param episodes     episodes since start (0: never seen; the other fields are then empty)
 * @param sinceNanos   when the last episode began, on the clock the instance is driven with
 * @param peer         the other master of the last episode, or null if none
 * @param peerPriority the priority it advertised then
 * @param ourPriority  our effective priority then
 */
public record SplitBrain(long episodes, long sinceNanos, InetAddress peer, int peerPriority, int ourPriority) {

    /** Never seen. */
    public static final SplitBrain NONE = new SplitBrain(0, 0, null, 0, 0);

    /** At least one episode was seen. */
    public boolean seen() {
        return episodes > 0;
    }
}
