package io.javakeepalived.daemon;

import io.javakeepalived.daemon.dump.DumpFiles;
import io.javakeepalived.daemon.dump.ConfiguredGlobals;

import java.time.Clock;
import java.util.Objects;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the VRRP loop logs, keeps time, dumps, notifies and reloads.
 *
 * @param logDetail {@code -D}: DETAIL lines of the core are logged at INFO too
 * @param clock     monotonic nanoseconds (timer deadlines are on it)
 * @param log       where keepalived's lines go
 * @param wallClock wall time, for the dumps (last transition, timer deadlines)
 * @param globals   global definitions the dumps show
 * @param dumps     where the dump files go ({@code $TMPDIR} or /tmp by default)
 * @param reloadSource   where a RELOAD request gets the new configuration (read off the loop thread)
 */
public record LoopOptions(boolean logDetail, LongSupplier clock, Logger log, Clock wallClock,
                          ConfiguredGlobals globals, DumpFiles dumps, NotifySink notifySink,
                          ReloadSource reloadSource) {
    public LoopOptions {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(wallClock, "wallClock");
        Objects.requireNonNull(globals, "globals");
        Objects.requireNonNull(dumps, "dumps");
        Objects.requireNonNull(notifySink, "notifySink");
        Objects.requireNonNull(reloadSource, "reloadSource");
    }

    public static LoopOptions defaults() {
        return new LoopOptions(false, System::nanoTime, LoggerFactory.getLogger("Keepalived_vrrp"),
                Clock.systemUTC(), ConfiguredGlobals.defaults(), DumpFiles.fromEnvironment(), NotifySink.NONE,
                ReloadSource.NONE);
    }

    public LoopOptions withLogDetail(boolean d) {
        return new LoopOptions(d, clock, log, wallClock, globals, dumps, notifySink, reloadSource);
    }

    public LoopOptions withLog(Logger l) {
        return new LoopOptions(logDetail, clock, l, wallClock, globals, dumps, notifySink, reloadSource);
    }

    public LoopOptions withGlobals(ConfiguredGlobals g) {
        return new LoopOptions(logDetail, clock, log, wallClock, g, dumps, notifySink, reloadSource);
    }

    public LoopOptions withDumps(DumpFiles d) {
        return new LoopOptions(logDetail, clock, log, wallClock, globals, d, notifySink, reloadSource);
    }

    public LoopOptions withNotifySink(NotifySink n) {
        return new LoopOptions(logDetail, clock, log, wallClock, globals, dumps, n, reloadSource);
    }

    public LoopOptions withReload(ReloadSource source) {
        return new LoopOptions(logDetail, clock, log, wallClock, globals, dumps, notifySink, source);
    }
}
