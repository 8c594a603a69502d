/**
 * The VRRP core: one {@link io.javakeepalived.vrrp.VrrpInstance} per {@code vrrp_instance},
 * {@link io.javakeepalived.vrrp.SyncGroup} on top, driven by
 * {@link io.javakeepalived.vrrp.Event}s and answering with
 * {@link io.javakeepalived.vrrp.Action}s. Pure: no sockets, threads, clock or native code
 * (enforced by CorePurityTest). The codec lives in {@code io.javakeepalived.vrrp.packet}.
 *
 * <h2>Contract with the daemon</h2>
 * <ul>
 * <li>One thread owns all instances. Every event carries {@code now} from one monotonic
 *     clock in nanoseconds (e.g. {@code System.nanoTime()}); {@code ArmTimer} deadlines are
 *     on that clock. Keep one deadline per (instance, timer kind); deliver
 *     {@code TimerFired(kind)} when it passes. Late or duplicate firings are ignored by the
 *     instance, so a timer queue without cancellation is enough.</li>
 * <li>Carry out the actions of one {@code handle()} call in list order before handling the
 *     next event: on takeover the advert must leave before the VIPs are added and GARPs
 *     sent; notifications come last.</li>
 * <li>Only adverts that passed the codec and the receive policy (TTL, version, auth,
 *     v2 interval, VIP list, unicast peer) become {@code AdvertReceived}; anything else may
 *     become {@code AdvertRejected} (log line and counter only; it never moves a timer).
 *     Route a packet to the instance by interface, family and VRID.</li>
 * <li>Adverts: {@code SendAdvert(priority)} uses the instance's own configured interval
 *     and VIP list; {@code SendPriorityZeroAdvert} likewise with priority 0.</li>
 * <li>{@code RunNotify} carries the effective priority (what keepalived passes);
 *     {@code RunGroupNotify} always 0. {@code MASTER_RX_LOWER_PRI} runs only
 *     notify_master_rx_lower_pri and the FIFO line, not the generic notify.</li>
 * <li>Start-up of a backup or faulty instance emits {@code RemoveVips} to clear addresses
 *     left by an earlier run (keepalived does the same); removing an absent address must be
 *     harmless.</li>
 * <li>Reload: send {@code Reload(settings)} to instances whose name, VRID, version and
 *     family are unchanged; create new instances (and send {@code Shutdown} to removed ones)
 *     otherwise. Sync groups are fixed at construction: rebuild them on a reload that
 *     changes membership.</li>
 * </ul>
 */
package io.javakeepalived.vrrp;
