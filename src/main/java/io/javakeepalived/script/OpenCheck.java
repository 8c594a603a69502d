package io.javakeepalived.script;

import io.javakeepalived.sys.ProcessControl;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * keepalived's {@code </path} scripts ({@link io.javakeepalived.config.model.ScriptCommand#openTestPath()}),
 * run without a shell. keepalived gives such a command to /bin/sh as the script's user: the
 * redirection opens the file, there is nothing to execute, and the exit status says whether the
 * open worked. A migrated {@code script "</run/app.pid"} must not turn into a check that always
 * fails (a false weight drop or FAULT), so the runner makes the same test itself:
 *
 * <ul>
 * <li>a path: opened read-only as the script's uid/gid with no supplementary groups
 *     ({@link ProcessControl#openReadOnlyAs}); no process is started;</li>
 * <li>{@code /dev/tcp/HOST/PORT}, {@code /dev/udp/HOST/PORT}: what bash (RHEL's /bin/sh) does with
 *     them, a connect; Debian's dash has no such paths, so there keepalived's check always fails.</li>
 * </ul>
 * The result reads as the shell's would: exit status 0, or 1 with {@code PATH: reason} as output
 * (bash's wording). More shell than a lone redirection is refused with a reason rather than run
 * differently. An open that hangs (hung NFS) ends as timed out at the run's timeout.
 */
final class OpenCheck {

    private final ProcessControl control;
    private final Timers timers;
    private final AtomicLong sequence = new AtomicLong();

    OpenCheck(ProcessControl control, Timers timers) {
        this.control = control;
        this.timers = timers;
    }

    /**
     * @param path        {@code run}'s {@code openTestPath()}
     * @param refusal     why the runner cannot act as the script's user, if it cannot
     */
    CompletableFuture<ScriptResult> run(ScriptRun run, String path, Optional<String> refusal) {
        if (run.argv().size() != 1) {
            return CompletableFuture.completedFuture(new ScriptResult.NotRun("'" + run.command().configured()
                    + "' is shell syntax; javakeepalived runs no shell and of it supports only a lone </path"
                    + " (a readability test)"));
        }
        if (refusal.isPresent()) {
            return CompletableFuture.completedFuture(new ScriptResult.NotRun(refusal.get()));
        }
        CompletableFuture<ScriptResult> result = new CompletableFuture<>();
        long start = timers.nanoTime();
        Timers.Cancellable timeout = timers.after(run.timeout(), () -> result.complete(
                new ScriptResult.TimedOut(0, 0, Duration.ofNanos(timers.nanoTime() - start), "")));
        Thread t = new Thread(() -> {
            Optional<String> failed;
            try {
                failed = open(path, run);
            } catch (RuntimeException e) {
                failed = Optional.of(e.toString());
            }
            timeout.cancel();
            Duration elapsed = Duration.ofNanos(timers.nanoTime() - start);
            result.complete(new ScriptResult.Exited(0, failed.isPresent() ? 1 : 0, elapsed,
                    failed.map(why -> path + ": " + why).orElse("")));
        }, "script " + run.label() + " open #" + sequence.incrementAndGet());
        t.setDaemon(true);
        t.start();
        return result;
    }

    /** Empty if it opened (connected), else why not. */
    private Optional<String> open(String path, ScriptRun run) {
        String[] parts = path.split("/", -1); // "", "dev", "tcp", HOST, PORT
        boolean tcp = path.startsWith("/dev/tcp/");
        if ((tcp || path.startsWith("/dev/udp/")) && parts.length == 5) {
            int port;
            try {
                port = Integer.parseInt(parts[4]);
            } catch (NumberFormatException e) {
                return Optional.of("Servname not supported for ai_socktype");
            }
            return connect(tcp, parts[3], port, run.timeout());
        }
        return control.openReadOnlyAs(path, run.command().uid(), run.command().gid());
    }

    private static Optional<String> connect(boolean tcp, String host, int port, Duration timeout) {
        try {
            InetSocketAddress to = new InetSocketAddress(host, port);
            if (to.isUnresolved()) {
                return Optional.of("Name or service not known");
            }
            if (tcp) {
                try (Socket s = new Socket()) {
                    s.connect(to, (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis())));
                }
            } else {
                try (DatagramSocket s = new DatagramSocket()) {
                    s.connect(to);
                }
            }
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of("Invalid argument");
        } catch (IOException e) {
            String m = e.getMessage();
            return Optional.of(m == null ? e.getClass().getSimpleName() : m.replaceFirst(" \\(.*\\)$", ""));
        }
    }
}
