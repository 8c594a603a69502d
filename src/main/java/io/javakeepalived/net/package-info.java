/**
 * The native network layer. With {@code io.javakeepalived.sys} (signals, processes, FIFOs, the
 * sd_notify and syslog sockets) it is the native layer: the only product code that calls the
 * kernel through jnr-ffi; nothing else imports {@code jnr.*} (ArchitectureTest enforces it). It
 * imports nothing of javakeepalived but {@code util}, and is thin on purpose: sockets, frames
 * and netlink messages, no VRRP logic. The daemon reaches it through the interfaces here
 * ({@link io.javakeepalived.net.VrrpSocket}, {@link io.javakeepalived.net.AddressManager},
 * {@link io.javakeepalived.net.LinkLayerAnnouncer}, ...); the concrete classes belong to the
 * composition root ({@code io.javakeepalived.cli}); ArchitectureTest names the daemon files
 * that still build them.
 *
 * <h2>Parts</h2>
 * <ul>
 * <li>{@link io.javakeepalived.net.VrrpSocket} / {@link io.javakeepalived.net.RawVrrpSocket}: raw
 *   IP protocol 112 (or 51) per (interface, family, multicast group | unicast address), set up
 *   like keepalived's send and read sockets. IPv4 adverts get our own IP header (IP_HDRINCL):
 *   TOS 0xc0, TTL 255 or unicast_ttl, incrementing id per socket, no DF. IPv6 adverts get the
 *   source via IPV6_PKTINFO, hop limit via IPV6_HOPLIMIT, TCLASS 0xc0, and the kernel computes
 *   (sending) and verifies (receiving, bad ones dropped) the checksum at offset 6.</li>
 * <li>{@link io.javakeepalived.net.Rtnetlink} ({@link io.javakeepalived.net.AddressManager}):
 *   add/delete addresses tagged {@code IFA_PROTO} {@value io.javakeepalived.net.InterfaceAddress#PROTO_JAVAKEEPALIVED},
 *   dump addresses and links, macvlan create/up/delete.
 *   {@link io.javakeepalived.net.RtnetlinkMonitor}: link and address events.</li>
 * <li>{@link io.javakeepalived.net.GratuitousArpSender} and
 *   {@link io.javakeepalived.net.NeighbourAdvertSender} ({@link io.javakeepalived.net.LinkLayerAnnouncer}):
 *   whole Ethernet frames over AF_PACKET, byte for byte keepalived's.</li>
 * <li>{@link io.javakeepalived.net.IcmpEcho} / {@link io.javakeepalived.net.IcmpEchoPort}: ICMP and
 *   ICMPv6 echo for every PING_CHECK (and any other user) through one ping socket per family
 *   (raw when ping_group_range excludes us) and one receive thread; outcomes come back on that
 *   thread.</li>
 * <li>{@link io.javakeepalived.net.Poller}, {@link io.javakeepalived.net.EventFd}: poll(2) over
 *   the fds above plus a wake-up fd for other threads.
 *   {@link io.javakeepalived.net.NetNamespace}: run code in another network namespace.</li>
 * <li>Pure, unit-tested helpers: {@link io.javakeepalived.net.Ipv4Header},
 *   {@link io.javakeepalived.net.InetChecksum}, {@link io.javakeepalived.net.ArpFrame},
 *   {@link io.javakeepalived.net.NeighbourAdvertFrame}, {@code RtnlCodec}.</li>
 * </ul>
 *
 * <h2>For the daemon</h2>
 * <ul>
 * <li><b>Threads.</b> VRRP sockets, announcers, the monitor and the poller are not thread-safe:
 *   one event-loop thread owns them. {@link io.javakeepalived.net.Rtnetlink} is synchronized
 *   (blocking request/ACK, 5 s timeout) and may be called from anywhere; calling it from the loop
 *   blocks the loop for one kernel round trip (well under a millisecond normally).
 *   {@link io.javakeepalived.net.EventFd#signal()} is the one call meant for other threads.</li>
 * <li><b>fds.</b> All sockets are close-on-exec (scripts do not inherit them) and, except the
 *   rtnetlink request socket, non-blocking. Poll {@code fd()} for input, then read until the
 *   receive call returns false / 0. Each {@link io.javakeepalived.net.RawVrrpSocket} holds two fds
 *   (send, receive); share one per (interface, family, group) and demultiplex by VRID.</li>
 * <li><b>Namespaces.</b> Sockets and interface-name lookups belong to the network namespace of the
 *   thread that opened them; open everything inside {@link io.javakeepalived.net.NetNamespace#call}
 *   for keepalived's {@code net_namespace}.</li>
 * <li><b>Errors.</b> Every failure is an {@link io.javakeepalived.net.ErrnoException}
 *   ({@code IOException}) whose message is ready to log, e.g.
 *   {@code setsockopt(IP_ADD_MEMBERSHIP) on eth0: No such device} or
 *   {@code RTM_NEWADDR 10.0.0.1/24 dev eth0: File exists (ipv4: Address already assigned)} (the
 *   parenthesis is the kernel's extended ACK when it gives one); test
 *   {@link io.javakeepalived.net.ErrnoException#errno()} against {@link io.javakeepalived.net.Errno}
 *   (EEXIST on add, EADDRNOTAVAIL on delete of a missing IPv4 address, EAGAIN when a send queue is
 *   full, ENOBUFS becomes {@link io.javakeepalived.net.NetlinkEvent.Overrun}). EINTR is retried
 *   inside. Wrong arguments (bad MAC length, IPv6 address to ARP) are
 *   {@code IllegalArgumentException}.</li>
 * <li><b>Allocation.</b> Send paths reuse per-socket direct buffers; pass the same
 *   {@code InetAddress} objects each time to avoid {@code getAddress()} copies. Receive reuses the
 *   caller's buffer and {@link io.javakeepalived.net.ReceivedPacketInfo}.</li>
 * <li><b>Platform.</b> 64-bit little-endian Linux (x86_64, aarch64); IFA_PROTO needs kernel ≥ 5.18
 *   (older kernels accept and ignore it, so leftovers cannot be recognised there);
 *   IPV6_MULTICAST_ALL needs ≥ 4.20.</li>
 * </ul>
 */
package io.javakeepalived.net;
