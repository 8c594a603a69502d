package io.javakeepalived.sys;

import io.javakeepalived.daemon.signal.KeepalivedSignal;
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

    /**
     * Makes HotSpot run {@code onSignal} (on a new thread) for every {@code signal} received.
     * For HUP, INT and TERM that were ignored at launch HotSpot returns without installing
     * anything; the caller sees that in the kernel's masks.
     *
     * @throws IllegalArgumentException     if HotSpot refuses the signal (HUP/INT/TERM under -Xrs)
     * @throws ReflectiveOperationException if a real-time signal cannot be aimed at (see class comment)
     */
    static void handle(KeepalivedSignal signal, Runnable onSignal) throws ReflectiveOperationException {
        sun.misc.Signal jdkSignal = signal.jdkName().isPresent()
                ? new sun.misc.Signal(signal.jdkName().get())
                : forNumber(signal.number(), signal.signalName().substring("SIG".length()));
        sun.misc.Signal.handle(jdkSignal, ignored -> onSignal.run());
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
