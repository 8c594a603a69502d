/**
 * The notify FIFO ({@code notify_fifo} / {@code vrrp_notify_fifo} / {@code lvs_notify_fifo} and their
 * {@code _script}s):
 * keepalived's one-line-per-transition stream, in order, for readers that want every transition
 * rather than a script per transition.
 *
 * <ul>
 * <li>{@link io.javakeepalived.notify.fifo.FifoLine}: pure. {@code INSTANCE "VI_1" MASTER 150} /
 *     {@code GROUP "G1" BACKUP 0}, keepalived 2.2.7's format and state words; the checkers'
 *     {@code VS [10.0.0.1]:tcp:80 UP} / {@code RS [10.0.1.1]:tcp:80 [10.0.0.1]:tcp:80 DOWN}.</li>
 * <li>{@code NotifyFifo}: one FIFO: mkfifo 0600 and chown to its user if missing (an existing one
 *     that is not ours or its user's, or is writable by others, is refused), the fifo script
 *     started with the path appended, then opened read-write and non-blocking as keepalived does
 *     (lines wait in the pipe for a late reader; a full pipe drops the line, counted and logged at
 *     most once a minute); opened again if its reader removes or replaces it; removed at close if
 *     we created it.</li>
 * <li>{@link io.javakeepalived.notify.fifo.NotifyFifoWriter}: the daemon's handle: each VRRP line to
 *     notify_fifo and vrrp_notify_fifo, each LVS line ({@code lvs(...)}) to notify_fifo and
 *     lvs_notify_fifo.</li>
 * <li>{@link io.javakeepalived.sys.FifoSystem}: the system calls, implemented in
 *     {@code io.javakeepalived.sys.NativeFifos} (this package does not touch jnr).</li>
 * </ul>
 *
 * <h2>For the daemon</h2>
 * Build the writer with {@code NotifyFifoWriter.fromConfig(global.fifos(), new Context(
 * fifoSystem, runner, log, UserDirectory.system(), global.scriptUser(), System::nanoTime))}
 * with the {@code FifoSystem} the composition root built, passing the daemon's own script runner, so that {@code terminateAll()} at stop also ends the
 * fifo script; then call {@code instance(...)} / {@code group(...)} where keepalived sends
 * notifies (after notify_* and the generic notify), {@code instancePriority(...)} with
 * notify_priority_changes. Writes never block and may come from the VRRP loop. On reload close the
 * old writer and build a new one (keepalived does the same: the FIFO may have changed).
 */
package io.javakeepalived.notify.fifo;
