package io.javakeepalived.sys;

import io.javakeepalived.sys.signal.KeepalivedSignal;
import io.javakeepalived.sys.signal.RequestRelay;
import io.javakeepalived.sys.signal.SignalCoverage;
import io.javakeepalived.sys.signal.SignalCoverage.Handling;
import io.javakeepalived.sys.signal.SignalRequest;
import io.javakeepalived.sys.signal.SignalSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The daemon's signals in a HotSpot JVM: HUP, INT, TERM, USR1, USR2 and the real-time
 * SIGRTMIN+2 (36, JSON) and SIGRTMAX-1 (63, STATS_CLEAR) all become {@link SignalRequest}s.
 *
 * <h2>Use</h2>
 * {@link #install()} as the first statement of {@code main}, {@link #start} when the loop's queue
 * exists, the pid file after that. See {@link io.javakeepalived.sys.signal.SignalSource} for
 * what is held before {@code start} and for the early-STOP rule. Log {@link #coverage()}.
 * The launcher (systemd unit, wrapper script) should set {@code _JAVA_SR_SIGNUM=}{@value
 * #JVM_SUSPEND_SIGNAL} in the environment and may start java through
 * {@code sh -c "trap '' 36 63; exec java ..."}; both are explained under "What is left".
 *
 * <h2>The problem</h2>
 * Exporters send 36 to the pid in the pid file. The default action of a real-time signal is to
 * end the process, and a JVM installs nothing for them (a plain JVM dies with status 164 = 128+36),
 * while {@code sun.misc.Signal} cannot even name them.
 *
 * <h2>How: HotSpot's own handler, aimed at numbers it cannot name</h2>
 * All seven signals go through {@code sun.misc.Signal.handle}. For HUP..USR2 that is the public
 * path; for 36 and 63 a Signal object is re-aimed at the number ({@link HotSpotSignals}), after
 * which HotSpot treats it like USR1: its async-signal-safe {@code UserHandler} counts the signal,
 * the Signal Dispatcher thread runs our handler on a fresh thread, and the handler does nothing
 * but {@link RequestRelay#offer}. No native code of ours runs in signal context, libc is not
 * needed on the normal path, and HUP and 36 share one mechanism. Then the kernel's view
 * ({@code /proc/self/status} SigCgt/SigIgn) is checked for every signal, and libc (jnr, loaded
 * only now) repairs what is wrong:
 * <ul>
 * <li>HUP/INT/TERM ignored at launch ({@code nohup}, a shell's background job, a supervisor):
 *     HotSpot then silently refuses them ({@code JVM_RegisterSignal} returns SIG_IGN for an
 *     ignored shutdown signal), so the daemon could neither reload nor stop. The disposition of
 *     USR1 (HotSpot's handler) is copied onto them with sigaction and the registration repeated:
 *     no instant in which they fall back to the default action.</li>
 * <li>36/63 not caught (a later JDK changed the private fields): set to SIG_IGN, so they are at
 *     least harmless; coverage says JSON and STATS_CLEAR are lost.</li>
 * </ul>
 *
 * <h2>Alternatives, tried on this machine (OpenJDK 17.0.15, Debian 12, 2 busy CPUs)</h2>
 * Start-up times are wall-clock medians of 15-21 runs of a JVM that sets up and exits;
 * {@code scripts/bench/signals/run.sh} re-measures them.
 * <ul>
 * <li><b>Re-exec with 36/63 blocked, read through signalfd</b> (keepalived's own way): works
 *     (every JVM thread inherits the mask; signalfd reads 36, 36, 63), but costs a second JVM
 *     boot and a second jnr load before the daemon can start: 636-713 ms against 296-393 ms
 *     for one JVM that installs this class and loads jnr, i.e. +300-400 ms. It also hands the
 *     blocked mask to every child (ProcessBuilder does not reset it: notify scripts would start
 *     with 36/63 blocked), runs JAVA_TOOL_OPTIONS agents twice, and the first JVM is as exposed
 *     during its boot as this one.</li>
 * <li><b>sigaction with a jnr-ffi callback as handler</b>: SIGSEGV inside jffi at the first
 *     burst, 5 runs out of 5 (the signal lands on a GC thread, which jffi tries to attach to
 *     the JVM). Not async-signal-safe; rejected.</li>
 * <li><b>SIG_IGN through libc</b>: harmless, but JSON never works; kept as the fallback.</li>
 * <li><b>-Xrs</b>: makes it worse: HUP/INT/TERM cannot be registered at all and HotSpot starts
 *     no dispatcher, so every user handler drops its signal. Detected and reported.</li>
 * <li><b>Naming them</b>: {@code new sun.misc.Signal("RTMIN+2")}, {@code ("36")},
 *     {@code ("RTMIN+16")} all throw; HotSpot's name table ({@code g_signal_info},
 *     {@code signals_posix.cpp}) has no real-time entry, and no JVM option adds one.</li>
 * </ul>
 * This class: hello-world 44 ms, a JVM that calls {@code install()} and exits 108 ms, most of
 * the difference one-off JDK bootstraps (lambdas, string concatenation, NIO) that the daemon
 * pays anyway; with those warm, {@code install()} takes 15-20 ms. The seven registrations
 * come first and touch none of that: 36 is caught about 8 ms after {@code main} starts (class
 * loading log: main at 37 ms, registered at 45 ms). jnr is loaded only for a repair.
 *
 * <h2>What is left</h2>
 * <ul>
 * <li>Start-up window: until {@code install()} runs (the JVM's boot, ~45 ms) a 36 still kills.
 *     The pid file is written after {@code install}, so exporters do not know us yet; a launcher
 *     that runs {@code trap '' 36 63} before exec'ing java closes the window (ignored
 *     dispositions survive exec; {@code install} then replaces them).</li>
 * <li>USR2 is HotSpot's thread-suspend signal on Linux ({@code SR_signum}, used by JFR's
 *     execution sampler). Taking USR2 for STATS means JFR sampling would arrive as STATS
 *     requests (measured: 405 in 5 s). Start the JVM with environment
 *     {@code _JAVA_SR_SIGNUM=}{@value #JVM_SUSPEND_SIGNAL}; coverage warns when it was not.</li>
 * </ul>
 */
public final class JvmSignalSource implements SignalSource {

    /**
     * The signal to give HotSpot for thread suspension ({@code _JAVA_SR_SIGNUM}) so that it
     * leaves USR2 to the daemon: SIGRTMIN+6, unused by keepalived, glibc and the JDK.
     */
    public static final int JVM_SUSPEND_SIGNAL = 40;

    /** Most urgent first: the real-time signals exporters send, then the rest. */
    private static final List<KeepalivedSignal> INSTALL_ORDER = List.of(
            KeepalivedSignal.RTMIN_PLUS_2, KeepalivedSignal.RTMAX_MINUS_1,
            KeepalivedSignal.USR1, KeepalivedSignal.USR2,
            KeepalivedSignal.HUP, KeepalivedSignal.TERM, KeepalivedSignal.INT);

    /** Handled by the JVM's own Java handler (Terminator) before we replace it. */
    private static final Set<KeepalivedSignal> SHUTDOWN_SIGNALS =
            EnumSet.of(KeepalivedSignal.HUP, KeepalivedSignal.INT, KeepalivedSignal.TERM);

    private static JvmSignalSource installed;

    private final RequestRelay relay;
    private final List<SignalCoverage> coverage;

    private JvmSignalSource(RequestRelay relay, List<SignalCoverage> coverage) {
        this.relay = relay;
        this.coverage = List.copyOf(coverage);
    }

    /**
     * Takes over the keepalived signals for this process. Call as the first statement of
     * {@code main}; later calls return the same source. Never throws: what could not be done
     * is in {@link #coverage()}.
     */
    public static JvmSignalSource install() {
        return install(true);
    }

    /** @param realTimeThroughHotSpot false skips the HotSpot path for 36/63 (tests the fallback) */
    static synchronized JvmSignalSource install(boolean realTimeThroughHotSpot) {
        if (installed == null) {
            RequestRelay relay = new RequestRelay(new ExitAsTheJvmWould());
            installed = new JvmSignalSource(relay, new Installer(relay, realTimeThroughHotSpot).run());
        }
        return installed;
    }

    @Override
    public void start(Consumer<? super SignalRequest> sink) {
        relay.start(sink);
    }

    @Override
    public List<SignalCoverage> coverage() {
        return coverage;
    }

    /** STOP before the loop exists: what HotSpot's own TERM handler would have done. */
    private static final class ExitAsTheJvmWould implements Consumer<KeepalivedSignal> {
        @Override
        public void accept(KeepalivedSignal s) {
            System.exit(128 + s.number());
        }
    }

    /** Hands one signal to the relay; a class, not a lambda, so registering bootstraps nothing. */
    private static final class Offer implements Runnable {
        private final RequestRelay relay;
        private final KeepalivedSignal signal;

        Offer(RequestRelay relay, KeepalivedSignal signal) {
            this.relay = relay;
            this.signal = signal;
        }

        @Override
        public void run() {
            relay.offer(signal);
        }
    }

    /**
     * One installation: first register everything with HotSpot, touching nothing that costs
     * start-up time (no /proc, no lambdas, no string building: a real-time signal still kills
     * until its registration is done); then check with the kernel, repair and describe.
     */
    private static final class Installer {
        private final RequestRelay relay;
        private final boolean realTimeThroughHotSpot;
        private final Map<KeepalivedSignal, HotSpotSignals.Previous> registered = new EnumMap<>(KeepalivedSignal.class);
        private final Map<KeepalivedSignal, Throwable> refused = new EnumMap<>(KeepalivedSignal.class);
        private final Map<KeepalivedSignal, String> mechanism = new EnumMap<>(KeepalivedSignal.class);
        private final Map<KeepalivedSignal, String> warning = new EnumMap<>(KeepalivedSignal.class);

        Installer(RequestRelay relay, boolean realTimeThroughHotSpot) {
            this.relay = relay;
            this.realTimeThroughHotSpot = realTimeThroughHotSpot;
        }

        List<SignalCoverage> run() {
            for (KeepalivedSignal s : INSTALL_ORDER) {
                if (s.realTime() && !realTimeThroughHotSpot) {
                    continue;
                }
                try {
                    registered.put(s, HotSpotSignals.handle(s, new Offer(relay, s)));
                } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                    refused.put(s, e);
                }
            }
            // Registered: from here on only what HotSpot refused can still kill; now the slow part.
            boolean reducedSignalUsage = true; // -Xrs: HotSpot refuses exactly HUP, INT and TERM
            for (KeepalivedSignal s : SHUTDOWN_SIGNALS) {
                reducedSignalUsage &= refused.get(s) instanceof IllegalArgumentException;
            }
            describeRegistrations();
            repair(readMasks(), reducedSignalUsage);
            return report(readMasks(), reducedSignalUsage);
        }

        private void describeRegistrations() {
            for (KeepalivedSignal s : INSTALL_ORDER) {
                HotSpotSignals.Previous previous = registered.get(s);
                if (previous != null) {
                    mechanism.put(s, s.realTime() ? "HotSpot user handler, Signal aimed at " + s.number()
                            : "HotSpot user handler");
                    if (previous == HotSpotSignals.Previous.HANDLER && !SHUTDOWN_SIGNALS.contains(s)) {
                        warning.put(s, "replaced a handler installed before ours, HotSpot's thread-suspend signal"
                                + " (JFR sampling would arrive as " + s.request() + "); start the JVM with"
                                + " _JAVA_SR_SIGNUM=" + JVM_SUSPEND_SIGNAL);
                    }
                } else if (refused.containsKey(s)) {
                    warning.put(s, "HotSpot refused: " + refused.get(s));
                } else {
                    warning.put(s, "HotSpot path not tried");
                }
            }
        }

        /** Undoes SIG_IGN inherited at launch; ignores what HotSpot could not take. */
        private void repair(SignalMasks now, boolean reducedSignalUsage) {
            if (now == null) {
                return;
            }
            KeepalivedSignal template = null; // one carrying HotSpot's handler, to copy from
            for (KeepalivedSignal t : registered.keySet()) {
                if (!SHUTDOWN_SIGNALS.contains(t) && now.isCaught(t.number())) {
                    template = t;
                    break;
                }
            }
            for (KeepalivedSignal s : INSTALL_ORDER) {
                int n = s.number();
                try {
                    if (registered.containsKey(s) && now.isIgnored(n) && template != null && !reducedSignalUsage) {
                        // HotSpot refuses an ignored HUP/INT/TERM: give it its own handler first.
                        NativeSignals.copyDisposition(template.number(), n);
                        HotSpotSignals.handle(s, new Offer(relay, s));
                        mechanism.put(s, mechanism.get(s) + ", after undoing SIG_IGN inherited at launch");
                    } else if (!registered.containsKey(s) && now.isDefault(n) && !SHUTDOWN_SIGNALS.contains(s)) {
                        NativeSignals.ignore(n);
                        mechanism.put(s, "SIG_IGN through libc");
                    }
                } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                    addWarning(s, "libc repair failed: " + e);
                }
            }
        }

        private List<SignalCoverage> report(SignalMasks end, boolean reducedSignalUsage) {
            List<SignalCoverage> out = new ArrayList<>();
            for (KeepalivedSignal s : KeepalivedSignal.values()) {
                boolean ours = registered.containsKey(s);
                Handling handling;
                if (end == null) {
                    handling = ours ? Handling.DELIVERED : Handling.DEFAULT_ACTION;
                    addWarning(s, "/proc/self/status unreadable: not verified");
                } else if (end.isCaught(s.number())) {
                    if (ours) {
                        handling = Handling.DELIVERED;
                    } else if (SHUTDOWN_SIGNALS.contains(s)) {
                        handling = Handling.DEFAULT_ACTION;
                        addWarning(s, "the JVM's own handler ends the process (exit 128+signal)");
                    } else {
                        handling = Handling.IGNORED;
                        addWarning(s, "caught by a handler that is not ours");
                    }
                } else if (end.isIgnored(s.number())) {
                    handling = Handling.IGNORED;
                    if (ours) {
                        addWarning(s, "ignored at launch and HotSpot leaves it so");
                    }
                } else {
                    handling = Handling.DEFAULT_ACTION;
                }
                if (reducedSignalUsage && handling == Handling.DELIVERED) {
                    // -Xrs: HotSpot's handler is installed but no dispatcher thread reads it.
                    handling = Handling.IGNORED;
                    addWarning(s, "-Xrs: HotSpot dispatches no signals");
                }
                if (handling != Handling.DELIVERED && !warning.containsKey(s)) {
                    warning.put(s, "request lost");
                }
                out.add(new SignalCoverage(s, handling, mechanism.getOrDefault(s, "nothing"),
                        warning.getOrDefault(s, "")));
            }
            return out;
        }

        private void addWarning(KeepalivedSignal s, String text) {
            warning.merge(s, text, (a, b) -> a + "; " + b);
        }

        private static SignalMasks readMasks() {
            try {
                return SignalMasks.ofSelf();
            } catch (RuntimeException e) {
                return null;
            }
        }
    }
}
