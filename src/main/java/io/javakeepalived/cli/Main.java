package io.javakeepalived.cli;

import io.javakeepalived.sys.signal.SignalSource;
import io.javakeepalived.sys.JvmSignalSource;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import picocli.CommandLine;

/** Entry point of {@code java -jar javakeepalived.jar}. */
public final class Main {
    private Main() {
    }

    /** Options after which no daemon runs: the signal handlers are not worth installing for them. */
    private static final Set<String> ONE_SHOT = Set.of("-t", "--config-test", "-d", "--dump-conf", "-v",
            "--version", "-h", "--help", "--signum");

    public static void main(String[] args) {
        // First statement: from here no keepalived signal (36, 63 from exporters) can kill us.
        SignalSource signals = isOneShot(args) ? null : JvmSignalSource.install();
        Supplier<SignalSource> source = signals != null ? () -> signals : JvmSignalSource::install;
        System.exit(run(System.out, System.err, source, args));
    }

    /** True when the arguments ask for a one-shot action (-t, -d, -v, -h, --signum) in a plain form. */
    static boolean isOneShot(String[] args) {
        for (String a : args) {
            int eq = a.indexOf('=');
            if (ONE_SHOT.contains(eq > 0 ? a.substring(0, eq) : a)) {
                return true;
            }
        }
        return false;
    }

    /** Runs the command line and returns the exit code; never throws (an operator sees messages, not traces). */
    public static int run(PrintStream out, PrintStream err, String... args) {
        return run(out, err, JvmSignalSource::install, args);
    }

    /** As {@link #run(PrintStream, PrintStream, String...)} with the daemon's signal source given. */
    static int run(PrintStream out, PrintStream err, Supplier<? extends SignalSource> signals, String... args) {
        List<String> line = new ArrayList<>();
        line.add("javakeepalived");
        line.addAll(List.of(args));
        CommandLine cl = commandLine(new KeepalivedCommand(out, err, signals, line));
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("javakeepalived: " + ex.getMessage());
            err.println("Try 'javakeepalived --help' for more information.");
            return 1;
        });
        cl.setExecutionExceptionHandler((ex, c, parseResult) -> {
            err.println("javakeepalived: internal error: " + ex);
            return 1;
        });
        return cl.execute(args);
    }

    /** The parser with getopt's habits: clustered short flags ({@code -nlD}), and a repeated flag's last value wins. */
    static CommandLine commandLine(KeepalivedCommand command) {
        CommandLine cl = new CommandLine(command);
        cl.setPosixClusteredShortOptionsAllowed(true);
        cl.setOverwrittenOptionsAllowed(true);
        return cl;
    }
}
