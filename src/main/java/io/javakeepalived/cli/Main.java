package io.javakeepalived.cli;

import java.io.PrintStream;

import picocli.CommandLine;

/** Entry point of {@code java -jar javakeepalived.jar}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(System.out, System.err, args));
    }

    /** Runs the command line and returns the exit code; never throws (an operator sees messages, not traces). */
    public static int run(PrintStream out, PrintStream err, String... args) {
        CommandLine cl = commandLine(new KeepalivedCommand(out, err));
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
