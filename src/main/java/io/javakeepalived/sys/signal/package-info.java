/**
 * Signals as daemon requests, in pure Java: the port through which the daemon hears of signals,
 * kept beside its native implementation so that {@code sys} depends on nothing above it. The
 * keepalived signal table
 * ({@link io.javakeepalived.sys.signal.KeepalivedSignal}: HUP reload, TERM/INT stop, USR1 data,
 * USR2 stats, SIGRTMAX-1 stats-clear, SIGRTMIN+2 JSON), the requests themselves
 * ({@link io.javakeepalived.sys.signal.SignalRequest}, also the {@code --signum} table), and the
 * {@link io.javakeepalived.sys.signal.SignalSource} the daemon reads them from.
 *
 * <p>The production source, which has to talk to HotSpot and libc, is
 * {@code io.javakeepalived.sys.JvmSignalSource}. What the daemon's {@code main} does:
 * <pre>
 * public static void main(String[] args) {
 *     SignalSource signals = JvmSignalSource.install();   // first statement: from here no
 *                                                         // keepalived signal can kill us
 *     ... parse arguments, read the configuration ...
 *     signals.coverage().forEach(c -&gt; (c.hasWarning() ? log::warn : log::debug).accept(c.describe()));
 *     signals.start(request -&gt; loop.post(request));     // as soon as the loop's queue exists
 *     ... write the pid file (exporters find us only now), run the loop ...
 * }
 * </pre>
 * The loop then handles RELOAD, STOP (exit 0 when released), DATA, STATS, STATS_CLEAR and JSON
 * as ordinary events.
 */
package io.javakeepalived.sys.signal;
