/**
 * The VRRP core: one {@link io.javakeepalived.vrrp.VrrpInstance} per {@code vrrp_instance},
 * {@link io.javakeepalived.vrrp.SyncGroup} on top, driven by
 * {@link io.javakeepalived.vrrp.Event}s and answering with
 * {@link io.javakeepalived.vrrp.Action}s. Pure: no sockets, threads, clock or native code
 * (enforced by ArchitectureTest). The codec lives in {@code io.javakeepalived.vrrp.packet}.
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
 * <li>Describe each instance once: {@link io.javakeepalived.vrrp.InstanceSettings} with its
 *     {@link io.javakeepalived.vrrp.WireSettings} (interface, auth, unicast peers, checksum
 *     compatibility) and its {@link io.javakeepalived.vrrp.Vip}s. The receive policy and the send
 *     templates are both derived from it, so they cannot disagree.</li>
 * <li>Receive: one {@link io.javakeepalived.vrrp.VridDemultiplexer} per socket (family,
 *     interface, unicast/multicast; {@code SocketKey.of(settings)}), one
 *     {@link io.javakeepalived.vrrp.InstanceReceiver} per instance added to it. Per readable
 *     socket: {@code beginRound()}, then while {@code !roundOver()} read one datagram,
 *     {@code route(VrrpCodec.parseIpv4(buf, 0, n))} (IPv6: {@code parseIpv6(src, dst from
 *     IPV6_PKTINFO, hop limit from IPV6_HOPLIMIT, ...)}) and act on the {@code Dispatch}:
 *     {@code Deliver} → {@code instance().handle(event(), now)}; {@code Dropped} → log
 *     {@code logLine()} if {@code logged(log_unknown_vrids)} (already counted per socket);
 *     {@code Ignored} → nothing (instance INIT/FAULT). The instance counts and logs what it
 *     is handed: rejections arrive as {@code AdvertRejected} with keepalived's text and reason
 *     and come back as {@code Action.Log}; never log them a second time. On reload or
 *     instance replacement re-add receivers ({@code remove}/{@code add}): the socket key
 *     may change.</li>
 * <li>Only adverts that passed the codec and the receive policy (TTL, version, auth,
 *     v2 interval, VIP list, unicast peer) become {@code AdvertReceived}; anything else
 *     becomes {@code AdvertRejected} (log line and counters only; it never moves a timer).</li>
 * <li>Send: for {@code SendAdvert(priority)} (or {@code SendPriorityZeroAdvert}: 0) write
 *     every template of {@code receiver.sendTemplates()} - asked for at send time, it changes
 *     on reload and when the old unicast checksum is detected - and send each to
 *     {@code template.destination()}: IPv4 {@code writeIpv4Packet(priority, ipId++, ...)} on an
 *     IP_HDRINCL socket (TTL inside: 255, or unicast_ttl), IPv6 {@code writeVrrp} with hop
 *     limit 255 (unicast: unicast_ttl) and traffic class 0xc0. The instance has already counted
 *     the advert once ({@code advert_sent}), however many peers get a copy.</li>
 * <li>Counters: {@code VrrpInstance.counters()} is the instance's only counter set, with
 *     keepalived's JSON names ({@link io.javakeepalived.vrrp.packet.VrrpCounter}); packets for
 *     no instance ({@code runt}, {@code unknown_vrid}) are in {@code VridDemultiplexer.counters()}.
 *     For keepalived.stats / JSON print the fourteen {@code inKeepalivedStats()} ones.</li>
 * <li>{@code RunNotify} carries the effective priority (what keepalived passes);
 *     {@code RunGroupNotify} always 0. {@code MASTER_RX_LOWER_PRI} runs only
 *     notify_master_rx_lower_pri and the FIFO line, not the generic notify; {@code SPLIT_BRAIN}
 *     (javakeepalived's) only the generic notify and the FIFO line.</li>
 * <li>{@code SplitBrainSeen}: log its {@code text()} outside any per-advert rate limit; the
 *     core emits one per episode ({@code SplitBrainWatch}). {@code HeartbeatPathNotice} likewise,
 *     at WARNING ({@code HeartbeatPathWatch}).</li>
 * <li>Heartbeat paths: an advert that came over a second path ({@code heartbeat_path}) is the
 *     same {@code AdvertReceived}, validated the same way, with {@code path} set: the core
 *     breaks equal-priority ties with the path's addresses and keeps the VRRP path's address
 *     as the master's while that path carries it.</li>
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
