package io.javakeepalived.sys;

import io.javakeepalived.sys.signal.KeepalivedSignal;
import java.lang.reflect.Field;

/**
 * Registration of Java signal handlers with HotSpot, including for numbers the JDK cannot name.
 * The only class that touches {@code sun.misc}.
 *
 * <p>{@code sun.misc.Signal.handle} works for any number HotSpot does not reserve: it installs
 * HotSpot's own {@code UserHandler} with sigaction (async-signal-safe: it bumps a counter in
 * {@code pending_signals[NSIG+1]} and posts a semaphore) and the "Signal Dispatcher" thread
 * then calls the Java handler on a new thread. Only the lookup is missing: the constructor takes
 * a name, and HotSpot's name table ({@code g_signal_info} in {@code signals_posix.cpp}) has no
 * real-time entries, so {@code new Signal("RTMIN+2")} and {@code new Signal("36")} fail.
 *
 * <p>So this builds a Signal for a name the table knows ("USR2", chosen only because it exists)
 * and, before the object is used anywhere, rewrites the {@code number} and {@code name} fields of
 * the {@code jdk.internal.misc.Signal} inside it with {@code sun.misc.Unsafe}. The JDK's tables
 * key handlers by that object (hash = number), so from then on it is an ordinary Signal for the
 * real-time number. Checked on OpenJDK 17; any change of those private fields in a later JDK
 * makes {@link #forNumber} throw, and the caller falls back to ignoring the signal.
 */
final class HotSpotSignals {

    /** Any signal name HotSpot's table has; the object built for it is re-aimed. */
    private static final String CARRIER = "USR2";

    private HotSpotSignals() {
    }

    /** What the signal's disposition was before {@link #handle} replaced it. */
    enum Previous {
        /** SIG_DFL: nothing was replaced. */
        DEFAULT,
        /** SIG_IGN; for HUP, INT and TERM HotSpot then leaves it ignored and installs nothing. */
        IGNORED,
        /** Some handler: a Java one (HUP/INT/TERM: the JVM's shutdown handler) or a native one. */
        HANDLER
    }

    /**
     * Makes HotSpot run {@code onSignal} (on a new thread) for every {@code signal} received.
     * Nothing here bootstraps lambdas or string concatenation: it runs first thing in main,
     * while a real-time signal still kills.
     *
     * @throws IllegalArgumentException     if HotSpot refuses the signal (HUP/INT/TERM under -Xrs)
     * @throws ReflectiveOperationException if a real-time signal cannot be aimed at (see class comment)
     */
    static Previous handle(KeepalivedSignal signal, Runnable onSignal) throws ReflectiveOperationException {
        sun.misc.Signal jdkSignal = signal.realTime()
                ? forNumber(signal.number(), signal.signalName().substring("SIG".length()))
                : new sun.misc.Signal(signal.jdkName().orElseThrow());
        sun.misc.SignalHandler old = sun.misc.Signal.handle(jdkSignal, new Handler(onSignal));
        if (old == sun.misc.SignalHandler.SIG_DFL) {
            return Previous.DEFAULT;
        }
        return old == sun.misc.SignalHandler.SIG_IGN ? Previous.IGNORED : Previous.HANDLER;
    }

    private static final class Handler implements sun.misc.SignalHandler {
        private final Runnable onSignal;

        Handler(Runnable onSignal) {
            this.onSignal = onSignal;
        }

        @Override
        public void handle(sun.misc.Signal ignored) {
            onSignal.run();
        }
    }

    /**
     * A Signal for {@code number}.
     *
     * @param number a signal number HotSpot has no name for, e.g. 36
     * @param name   what {@code getName()} should say, without "SIG", e.g. "RTMIN+2"
     * @throws ReflectiveOperationException if the JDK's private fields are not what this expects
     */
    static sun.misc.Signal forNumber(int number, String name) throws ReflectiveOperationException {
        sun.misc.Signal carrier = new sun.misc.Signal(CARRIER);
        Field inner = sun.misc.Signal.class.getDeclaredField("iSignal");
        inner.setAccessible(true); // module jdk.unsupported opens sun.misc
        Object internal = inner.get(carrier);
        Class<?> internalClass = internal.getClass();
        sun.misc.Unsafe unsafe = unsafe();
        unsafe.putInt(internal, unsafe.objectFieldOffset(internalClass.getDeclaredField("number")), number);
        unsafe.putObject(internal, unsafe.objectFieldOffset(internalClass.getDeclaredField("name")), name);
        if (carrier.getNumber() != number || !carrier.getName().equals(name)) {
            throw new NoSuchFieldException("jdk.internal.misc.Signal did not take number " + number
                    + " (reads " + carrier.getNumber() + " " + carrier.getName() + ")");
        }
        return carrier;
    }

    private static sun.misc.Unsafe unsafe() throws ReflectiveOperationException {
        Field f = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
        f.setAccessible(true);
        return (sun.misc.Unsafe) f.get(null);
    }
}
