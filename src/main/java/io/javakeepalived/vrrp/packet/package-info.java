/**
 * VRRP packet codec and keepalived 2.2.7's receive policy. Pure code: no sockets, threads or
 * native calls.
 *
 * <h2>Receive path</h2>
 * The daemon does not write this by hand: {@code io.javakeepalived.vrrp.VridDemultiplexer} and
 * {@code io.javakeepalived.vrrp.InstanceReceiver} do it (and keep the policy current). In outline:
 * <pre>
 * ParseResult pr = VrrpCodec.parseIpv4(buf, 0, n);             // or parseIpv6(src, dst, hopLimit, ...)
 * if (pr instanceof Rejection r) { socketCounters.record(r); log(r.logLine(null)); return; }  // runt
 * ReceivedPacket p = (ReceivedPacket) pr;
 * Instance inst = byVrid.get(p.vrid());                          // none: Rejection.unknownVrid(...)
 * Verdict v = AdvertValidator.validate(p, inst.policy());
 * inst.counters().record(v);
 * if (v instanceof Verdict.Accepted a) inst.onAdvert(a.advert(), a.meta()); else log(((Rejection) v).logLine(inst.name()));
 * </pre>
 * A rejection never changes state and never resets a BACKUP's master-down timer, nor a MASTER's
 * advert timer (keepalived re-arms it on every packet, a flaw we do not copy).
 *
 * <h2>Send path</h2>
 * One {@link io.javakeepalived.vrrp.packet.AdvertTemplate} per (config, destination); each advert
 * is {@code template.writeVrrp(priority, buf)} or {@code writeIpv4Packet(priority, ipId, buf)},
 * allocation-free. The templates come from {@code InstanceSettings.advertTemplates()} (via
 * {@code InstanceReceiver.sendTemplates()}); the instance counts its adverts itself.
 *
 * <h2>Types</h2>
 * {@link io.javakeepalived.vrrp.packet.Advert} (value), {@link io.javakeepalived.vrrp.packet.ReceiveMeta},
 * {@link io.javakeepalived.vrrp.packet.ReceivedPacket} (raw parse), the sealed results
 * {@link io.javakeepalived.vrrp.packet.ParseResult}, {@link io.javakeepalived.vrrp.packet.DecodeResult},
 * {@link io.javakeepalived.vrrp.packet.Verdict} sharing {@link io.javakeepalived.vrrp.packet.Rejection},
 * {@link io.javakeepalived.vrrp.packet.RejectReason} → {@link io.javakeepalived.vrrp.packet.VrrpCounter},
 * {@link io.javakeepalived.vrrp.packet.ReceivePolicy}, {@link io.javakeepalived.vrrp.packet.PacketForge}
 * for tests and fault injection.
 */
package io.javakeepalived.vrrp.packet;
