/**
 * Operating-system glue for the daemon's process, outside networking: signals and script
 * processes. With
 * {@code io.javakeepalived.net}, the only package allowed to import {@code jnr.*} (and the only
 * one touching {@code sun.misc}).
 *
 * <ul>
 * <li>{@link io.javakeepalived.sys.JvmSignalSource}: the production
 *     {@link io.javakeepalived.daemon.signal.SignalSource}; its class comment explains the
 *     approach, the alternatives measured, and what is left.</li>
 * <li>{@code HotSpotSignals}: registration through HotSpot's own handler, including for the
 *     real-time numbers the JDK cannot name.</li>
 * <li>{@code NativeSignals}: the few libc calls (sigaction, kill) for repairs and tests.</li>
 * <li>{@code SignalMasks}: the kernel's view, from {@code /proc/self/status}.</li>
 * <li>{@link io.javakeepalived.sys.ProcessSpawner}: posix_spawn in a new session with clean
 *     signals and fds, waitid(WNOWAIT)/waitpid, kill of a process group; used by
 *     {@link io.javakeepalived.notify.PosixScriptRunner}.</li>
 * <li>{@link io.javakeepalived.sys.NativeFifos}: mkfifo, chown, a non-blocking open and write, for
 *     the notify FIFO ({@link io.javakeepalived.notify.fifo.FifoSystem}).</li>
 * <li>{@link io.javakeepalived.sys.SdNotifySocket}: the sd_notify datagram socket
 *     ({@code $NOTIFY_SOCKET}, path or abstract) behind
 *     {@link io.javakeepalived.daemon.systemd.NotifyTransport}.</li>
 * <li>{@link io.javakeepalived.sys.UnixDatagramTransport}: datagrams to {@code /dev/log}. It and
 *     {@code SdNotifySocket} share {@code UnixDatagramSocket}, the unbound non-blocking socket
 *     they open on demand and drop after an error; each keeps its own retry policy.</li>
 * </ul>
 */
package io.javakeepalived.sys;
