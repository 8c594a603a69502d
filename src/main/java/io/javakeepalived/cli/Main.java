package io.javakeepalived.cli;

import io.javakeepalived.sys.signal.SignalSource;
import io.javakeepalived.sys.JvmSignalSource;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Entry point of {@code java -jar javakeepalived.jar}. */
public final class Main {
    private Main() {
    }

    /**
     * jnr-ffi compiles an x86 machine-code stub per native method unless told not to: its
     * assembler, the stubs' pages and their classes cost ~12 MB of resident memory for a gain of
     * tens of nanoseconds per call, on paths that make a few calls a second per instance. The
     * generic path it falls back to allocates nothing per call either (VrrpLoopIT measures the
     * loop on real sockets in this mode; the pom sets it for every test). An operator's own -D
     * setting wins.
     */
    static final String X86_STUBS = "jnr.ffi.x86asm.enabled";

    public static void main(String[] args) {
        if (System.getProperty(X86_STUBS) == null) {
            System.setProperty(X86_STUBS, "false"); // before any jnr class is loaded
        }
        // Parsing is a few microseconds and loads no library; right after it, no keepalived signal (36, 63
        // from exporters) can kill us. A one-shot run (-t, -v ...) is not worth the handlers.
        KeepalivedOptions options = KeepalivedOptions.parse(args);
        SignalSource signals = options.isOneShot() ? null : JvmSignalSource.install();
        Supplier<SignalSource> source = signals != null ? () -> signals : JvmSignalSource::install;
        System.exit(run(System.out, System.err, source, options, args));
    }

    /** True when the arguments ask for no daemon: a one-shot action (-t, -d, -v, -h, --signum) or a usage error. */
    static boolean isOneShot(String[] args) {
        return KeepalivedOptions.parse(args).isOneShot();
    }

    /** Runs the command line and returns the exit code; never throws (an operator sees messages, not traces). */
    public static int run(PrintStream out, PrintStream err, String... args) {
        return run(out, err, JvmSignalSource::install, args);
    }

    /** As {@link #run(PrintStream, PrintStream, String...)} with the daemon's signal source given. */
    static int run(PrintStream out, PrintStream err, Supplier<? extends SignalSource> signals, String... args) {
        return run(out, err, signals, KeepalivedOptions.parse(args), args);
    }

    private static int run(PrintStream out, PrintStream err, Supplier<? extends SignalSource> signals,
                           KeepalivedOptions options, String[] args) {
        if (!options.usageErrors.isEmpty()) {
            for (String error : options.usageErrors) {
                err.println("javakeepalived: " + error);
            }
            err.println("Try 'javakeepalived --help' for more information.");
            return 1; // keepalived's exit code for a bad command line
        }
        if (options.help) {
            out.print(Usage.TEXT);
            out.flush();
            return 0;
        }
        List<String> line = new ArrayList<>();
        line.add("javakeepalived");
        line.addAll(List.of(args));
        try {
            return new KeepalivedCommand(options, out, err, signals, line).run();
        } catch (RuntimeException e) {
            err.println("javakeepalived: internal error: " + e);
            return 1;
        }
    }
}
