package io.javakeepalived.sys;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A child JVM running a test main with this test run's class path, its stdout collected line
 * by line. Signals are sent with libc's kill to this child's pid only.
 */
final class ChildJvm implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final StringBuilder stderr = new StringBuilder();

    private ChildJvm(Process process) {
        this.process = process;
        Thread out = new Thread(() -> collect(process), "child-stdout-" + process.pid());
        out.setDaemon(true);
        out.start();
        Thread err = new Thread(() -> collectErr(process), "child-stderr-" + process.pid());
        err.setDaemon(true);
        err.start();
    }

    /** Starts {@code java [jvmOptions] mainClass args}. */
    static ChildJvm start(List<String> jvmOptions, Class<?> mainClass, String... args) throws IOException {
        return start(List.of(), Map.of(), jvmOptions, mainClass, args);
    }

    /**
     * Starts the JVM, optionally behind {@code sh -c '<shellPrefix>; exec java ...'} (to give it
     * dispositions a launcher would), with extra environment variables.
     */
    static ChildJvm start(List<String> shellPrefix, Map<String, String> env, List<String> jvmOptions,
            Class<?> mainClass, String... args) throws IOException {
        List<String> java = new ArrayList<>();
        java.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        java.add("-cp");
        java.add(System.getProperty("java.class.path"));
        java.addAll(jvmOptions);
        java.add(mainClass.getName());
        java.addAll(List.of(args));
        List<String> command = new ArrayList<>();
        if (shellPrefix.isEmpty()) {
            command.addAll(java);
        } else {
            command.add("/bin/sh");
            command.add("-c");
            command.add(String.join("; ", shellPrefix) + "; exec \"$@\"");
            command.add("sh");
            command.addAll(java);
        }
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(env);
        return new ChildJvm(pb.start());
    }

    long pid() {
        return process.pid();
    }

    void send(int sig) {
        NativeSignals.kill(process.pid(), sig);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The first line matching, waiting for it; fails the test with all output on timeout. */
    String await(Predicate<String> matches, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        synchronized (lines) {
            while (true) {
                for (String line : lines) {
                    if (matches.test(line)) {
                        return line;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    fail("no " + what + " within " + TIMEOUT + "; " + describe());
                }
                lines.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
    }

    String awaitLine(String exact) throws InterruptedException {
        return await(exact::equals, "line '" + exact + "'");
    }

    String awaitPrefix(String prefix) throws InterruptedException {
        return await(l -> l.startsWith(prefix), "line starting '" + prefix + "'");
    }

    /** Waits until {@code count} lines equal {@code exact}. */
    void awaitCount(String exact, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        synchronized (lines) {
            while (count(exact) < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    fail("expected " + count + " x '" + exact + "', got " + count(exact) + "; " + describe());
                }
                lines.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
    }

    int count(String exact) {
        synchronized (lines) {
            return (int) lines.stream().filter(exact::equals).count();
        }
    }

    List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** Waits for the process to end and returns its exit status. */
    int awaitExit() throws InterruptedException {
        assertTrue(process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS), () -> "still running; " + describe());
        return process.exitValue();
    }

    String describe() {
        synchronized (lines) {
            return "child " + process.pid() + (process.isAlive() ? " alive" : " exited " + process.exitValue())
                    + "\nstdout:\n  " + String.join("\n  ", lines) + "\nstderr:\n" + stderrText();
        }
    }

    private String stderrText() {
        synchronized (stderr) {
            return stderr.toString();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void collect(Process p) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                }
            }
        } catch (IOException e) {
            // process gone
        }
    }

    private void collectErr(Process p) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                synchronized (stderr) {
                    stderr.append("  ").append(line).append('\n');
                }
            }
        } catch (IOException e) {
            // process gone
        }
    }
}
