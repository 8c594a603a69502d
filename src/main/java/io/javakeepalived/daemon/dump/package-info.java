/**
 * The VRRP state dumps keepalived 2.2.7 writes on signals, in its formats: keepalived.data
 * (SIGUSR1, {@link io.javakeepalived.daemon.dump.DataDumpWriter}), keepalived_parent.data,
 * keepalived.stats (SIGUSR2 and STATS_CLEAR, {@link io.javakeepalived.daemon.dump.StatsDumpWriter})
 * and keepalived.json (SIGRTMIN+2, {@link io.javakeepalived.daemon.dump.JsonDumpWriter}).
 * keepalived-exporter reads them; the tests hold them to keepalived's own sample files and to the
 * exporter's reading rules.
 *
 * <h2>What the daemon does on a dump request</h2>
 * <pre>
 * // on the VRRP thread, so the state is consistent:
 * VrrpStateSnapshot snap = new VrrpStateSnapshot(ConfiguredGlobals.of(config), statics..., instances..., ...);
 * // each InstanceSnapshot: new InstanceSnapshot(identity, status, transport, ..., instance.counters().snapshot())
 * DumpFiles files = DumpFiles.fromEnvironment();          // $TMPDIR if absolute, else /tmp
 * // USR1:
 * log.info(DumpMessages.parentData(pid));  files.writeParentData(globals);   // global_defs as the parent shows them
 * log.info(DumpMessages.vrrpData(pid));    files.writeData(snap);
 * // USR2 / STATS_CLEAR (SIGRTMAX-1 = 63):
 * log.info(DumpMessages.vrrpStats(pid, clear));  files.writeStats(snap);  if (clear) zero the counters;
 * // JSON (SIGRTMIN+2 = 36):
 * log.info(DumpMessages.vrrpJson(pid));    files.writeJson(snap);        // nothing without instances
 * </pre>
 * An IOException from {@link io.javakeepalived.daemon.dump.DumpFiles} should be logged as keepalived
 * does ({@code Can't open dump file keepalived.data (13: Permission denied)}) and never stop the daemon.
 *
 * <h2>Model</h2>
 * Immutable records; where keepalived has defaults, a part has a constant or a factory holding them:
 * {@link io.javakeepalived.daemon.dump.VrrpStateSnapshot} holds
 * {@link io.javakeepalived.daemon.dump.ConfiguredGlobals} (the configuration model's global_defs and top-level keywords),
 * {@link io.javakeepalived.daemon.dump.InstanceSnapshot} (state, priorities, timers, VIP texts,
 * tracked objects as {@link io.javakeepalived.daemon.dump.Tracked}, notify scripts as
 * {@link io.javakeepalived.daemon.dump.NotifyScript}, counters keyed by
 * {@link io.javakeepalived.vrrp.packet.VrrpCounter}), {@link io.javakeepalived.daemon.dump.ScriptSnapshot},
 * {@link io.javakeepalived.daemon.dump.SyncGroupSnapshot}, {@link io.javakeepalived.daemon.dump.SockPoolEntry}
 * and {@link io.javakeepalived.daemon.dump.InterfaceSnapshot}. VIPs, routes and rules are given
 * as keepalived formats them ({@code 10.77.0.100/24 dev eth0 scope global set}: {@code set} while
 * the address is configured).
 */
package io.javakeepalived.daemon.dump;
