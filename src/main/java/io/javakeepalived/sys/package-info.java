/**
 * Operating-system glue for the daemon's process, outside networking: signals, script processes,
 * the notify FIFO, sd_notify and syslog datagrams. With {@code io.javakeepalived.net} it is the
 * native layer: the only product code that imports {@code jnr.*} (and this package the only one
 * touching {@code sun.misc}). It imports nothing of javakeepalived but {@code util}.
 *
 * <h2>How the rest of the daemon reaches it</h2>
 * Through the port types defined here, never through a concrete class: the composition root
 * ({@code io.javakeepalived.cli}) builds the adapters and hands them in, so every other package
 * can be tested with fakes.
 * <ul>
 * <li>{@link io.javakeepalived.sys.signal.SignalSource} and its vocabulary
 *     ({@code io.javakeepalived.sys.signal}): keepalived's signals as daemon requests;
 *     {@link io.javakeepalived.sys.JvmSignalSource} is the production source; its class comment
 *     explains the approach, the alternatives measured, and what is left.</li>
 * <li>{@link io.javakeepalived.sys.ProcessControl}: spawn, wait, reap, signal a process group;
 *     {@link io.javakeepalived.sys.SystemProcessControl} over
 *     {@link io.javakeepalived.sys.ProcessSpawner} (posix_spawn in a new session with clean
 *     signals and fds, waitid(WNOWAIT)/waitpid, kill of a process group) is the real one, used by
 *     the script runner.</li>
 * <li>{@link io.javakeepalived.sys.FifoSystem}: mkfifo, chown, a non-blocking open and write, for
 *     the notify FIFO; {@link io.javakeepalived.sys.NativeFifos} is the real one.</li>
 * <li>{@link io.javakeepalived.sys.NotifyTransport}: the sd_notify datagram socket
 *     ({@code $NOTIFY_SOCKET}, path or abstract); {@link io.javakeepalived.sys.SdNotifySocket}
 *     is the real one.</li>
 * <li>{@link io.javakeepalived.sys.ThreadScheduler}: nice, SCHED_RR, RLIMIT_RTTIME, mlockall,
 *     CPU affinity and the name of one thread, for keepalived's scheduling keywords;
 *     {@link io.javakeepalived.sys.LinuxThreadScheduler} is the real one.</li>
 * <li>{@link io.javakeepalived.sys.SyslogTransport}: datagrams to {@code /dev/log};
 *     {@link io.javakeepalived.sys.UnixDatagramTransport} is the real one. It and
 *     {@code SdNotifySocket} share {@code UnixDatagramSocket}, the unbound non-blocking socket
 *     they open on demand and drop after an error; each keeps its own retry policy.</li>
 * </ul>
 *
 * <h2>Inside</h2>
 * <ul>
 * <li>{@code HotSpotSignals}: registration through HotSpot's own handler, including for the
 *     real-time numbers the JDK cannot name.</li>
 * <li>{@code NativeSignals}: the few libc calls (sigaction, kill) for repairs and tests.</li>
 * <li>{@code SignalMasks}: the kernel's view, from {@code /proc/self/status}.</li>
 * </ul>
 */
package io.javakeepalived.sys;
