/**
 * Life under systemd: the sd_notify protocol spoken without libsystemd, and a watchdog that
 * pings systemd only while the daemon's loops prove they turn.
 *
 * <ul>
 * <li>{@link io.javakeepalived.sys.NotifyTransport}: where notify datagrams go; the
 *     AF_UNIX implementation is {@code io.javakeepalived.sys.SdNotifySocket} (the only native
 *     part, built by {@code cli} and handed in).</li>
 * <li>{@link io.javakeepalived.daemon.systemd.ServiceNotifier}: the messages ({@code READY=1},
 *     {@code STATUS=}, {@code RELOADING=1}, {@code STOPPING=1}, {@code WATCHDOG=1}); nothing
 *     at all when {@code $NOTIFY_SOCKET} is unset.</li>
 * <li>{@link io.javakeepalived.daemon.systemd.SystemdLoopListener}: turns the VRRP loop's news
 *     (started, states changed, reload, stop) into those messages.</li>
 * <li>{@link io.javakeepalived.daemon.systemd.StateSummary}: the one-line status ("2 MASTER,
 *     1 BACKUP").</li>
 * <li>{@link io.javakeepalived.daemon.systemd.Watchdog} with
 *     {@link io.javakeepalived.daemon.systemd.Heartbeat}s: {@code WATCHDOG=1} every
 *     {@code WatchdogSec/2}, each one earned by every loop answering a ping.</li>
 * <li>{@link io.javakeepalived.daemon.systemd.WatchdogSettings}: {@code $WATCHDOG_USEC} and
 *     {@code $WATCHDOG_PID} as sd_watchdog_enabled(3) reads them.</li>
 * </ul>
 */
package io.javakeepalived.daemon.systemd;
