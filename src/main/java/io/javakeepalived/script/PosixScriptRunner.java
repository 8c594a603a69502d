package io.javakeepalived.script;

import io.javakeepalived.config.host.FileStat;
import io.javakeepalived.config.host.FileSystemView;
import io.javakeepalived.config.model.ScriptCommand;
import io.javakeepalived.sys.OutputPipe;
import io.javakeepalived.sys.ProcessControl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs scripts the way keepalived means to (lib/notify.c {@code system_call_script}), minus its
 * weak spots.
 *
 * <h2>What a script gets</h2>
 * <ul>
 * <li>execve of the configured argv (plus any appended arguments) exactly as split from the
 *     configuration: no shell, so no redirections, globbing or {@code ;}. A bare program name is
 *     looked up in this runner's PATH; argv[0] is the path found.</li>
 * <li>Its own session and process group (pid = pgid = sid), no controlling terminal.</li>
 * <li>The configured uid and gid, supplementary groups cleared; a parent-death signal SIGTERM
 *     (as keepalived sets), so a script outliving a crashed daemon is told to stop.</li>
 * <li>A clean environment: {@link #DEFAULT_ENVIRONMENT} ({@code PATH=/usr/sbin:/usr/bin:/sbin:/bin})
 *     or what {@link Options#environment()} says, nothing inherited from the JVM; working
 *     directory {@code /}; every signal at its default disposition and none blocked.</li>
 * <li>stdin from /dev/null; stdout and stderr into a pipe that {@link OutputTail} reads to its
 *     end, keeping the last {@link Options#outputTailBytes()} bytes as {@link ScriptResult#output()}
 *     (0: /dev/null). Not a file: a background child that keeps the descriptor and writes for
 *     years (the notify FIFO script's, a daemon a hook starts) would fill /tmp, often RAM; the
 *     pipe costs the tail's memory and a reader thread for as long as someone holds it.</li>
 * <li>No other descriptor: everything from fd 3 up is closed in the child before exec.</li>
 * </ul>
 *
 * <h2>Timeout and reaping</h2>
 * At the run's timeout the whole process group gets SIGTERM, and SIGKILL 2 s later
 * ({@link Options#killGrace()}); both go to {@code -pgid}, never to anything else. The result is
 * then {@link ScriptResult.TimedOut}. If the script itself dies on the SIGTERM, the run ends as soon as
 * nothing else is left in its group (looked up in /proc); otherwise the group gets its SIGKILL on time. The
 * leader is waited for with {@code WNOWAIT} and reaped only after the last group signal, so its
 * pid, and therefore the group id, cannot have been reused by the time a signal is sent. Every
 * child is reaped, on a thread of its own that started it and waits for it; the future completes
 * on that thread. A process that put itself into another session escapes the group kill, as with
 * keepalived.
 *
 * <h2>Why posix_spawn + setpriv (options measured on Debian 12, JDK 17, glibc 2.36)</h2>
 * <ul>
 * <li>{@link ProcessBuilder}: cannot set a process group or session, uid or gid; reports a death
 *     by signal N as exit status 128+N (indistinguishable from {@code exit 143}, which keepalived's
 *     log lines tell apart); leaves SIG_IGN dispositions the daemon installed in place. It would
 *     still need {@code setsid} and {@code setpriv} wrappers and a native kill(-pgid).</li>
 * <li>Forking the JVM through jnr ({@code fork}/{@code setuid} in the child) is unsafe in a
 *     multi-threaded JVM: only async-signal-safe calls are allowed between fork and exec, and
 *     Java code is not that.</li>
 * <li>jnr-posix's {@code posix_spawnp}: no SETSID flag, no closefrom, no WNOWAIT wait; not
 *     simpler than binding the libc calls directly.</li>
 * <li>Chosen: glibc {@code posix_spawn} bound with jnr-ffi ({@link io.javakeepalived.sys.ProcessSpawner}):
 *     {@code POSIX_SPAWN_SETSID}, signal mask and defaults reset, file actions for fds 0-2,
 *     {@code addclosefrom_np(3)}, {@code chdir /}; the exact wait status through
 *     {@code waitid}. posix_spawn cannot change credentials, so the program it starts is
 *     {@code setpriv --reuid=U --regid=G --clear-groups --pdeathsig=TERM -- PROGRAM ARGS}
 *     (util-linux, present on every Debian/RHEL): setpriv changes credentials and execs the
 *     script in the same process, so the pid we hold is the script's, already in its own
 *     session. Measured here: pid = pgid = sid, uid 65534 with no supplementary group, SigIgn and
 *     SigBlk zero, only fds 0-2, the parent-death signal survives the credential change.
 *     When the daemon is not root, setpriv is skipped and scripts run as the daemon's own user
 *     (any other uid is refused with a reason).</li>
 * </ul>
 *
 * <h2>Why a run did not start</h2>
 * Before spawning, the program is looked up and checked (exists, regular file, executable by the
 * uid/gid it will run as, keepalived's rule). Each failure becomes {@link ScriptResult.NotRun}
 * with a reason ready to log, as does a failed spawn. Failures of the exec itself after setpriv
 * (a file busy being written, say) show as exit status 126/127 with setpriv's message in the
 * output. A script without a shebang line is run by /bin/sh (setpriv execs with execvp, which
 * falls back to the shell on ENOEXEC; measured), as keepalived runs such files through
 * system(); without setpriv (daemon not root) it fails with "Exec format error".
 *
 * <h2>keepalived's {@code </path} checks</h2>
 * A command whose program is {@code </path} is keepalived's readability test, which it runs
 * through the shell; {@link OpenCheck} makes the test without one (the open as the script's user).
 */
public final class PosixScriptRunner implements ScriptRunner {

    /** What every script's environment holds unless {@link Options#environment()} says otherwise. */
    public static final List<String> DEFAULT_ENVIRONMENT = List.of("PATH=/usr/sbin:/usr/bin:/sbin:/bin");
    /** Time between SIGTERM and SIGKILL to a timed-out script's process group (keepalived: 2 s). */
    public static final Duration DEFAULT_KILL_GRACE = Duration.ofSeconds(2);
    /** How much of a script's output is kept. */
    public static final int DEFAULT_OUTPUT_TAIL_BYTES = 2048;
    /** While a killed group's leader has not died, SIGKILL is repeated this often (keepalived: 10 s). */
    static final Duration KILL_REPEAT = Duration.ofSeconds(10);
    /**
     * How long a finished run waits for its output pipe to end: the script's last lines may still
     * be in the pipe; a background child holding it is not waited for longer.
     */
    static final Duration OUTPUT_LINGER = Duration.ofMillis(200);

    /**
     * Settings.
     *
     * @param environment     {@code NAME=value} entries, exactly the scripts' environment; its
     *                        PATH is also where bare program names are looked up
     * @param outputTailBytes how many trailing bytes of stdout+stderr to keep; 0 sends both to /dev/null
     * @param setpriv         setpriv(1); empty: scripts can only run as the daemon's own user
     * @param killGrace       SIGTERM to SIGKILL
     */
    public record Options(List<String> environment, int outputTailBytes, Optional<Path> setpriv, Duration killGrace) {
        public Options {
            environment = List.copyOf(environment);
            if (outputTailBytes < 0) {
                throw new IllegalArgumentException("outputTailBytes " + outputTailBytes);
            }
            Objects.requireNonNull(setpriv, "setpriv");
            Objects.requireNonNull(killGrace, "killGrace");
        }

        /** The defaults: clean PATH, 2 KiB of output, setpriv from /usr/bin or /bin, 2 s grace. */
        public static Options defaults() {
            Optional<Path> setpriv = Optional.empty();
            for (String p : List.of("/usr/bin/setpriv", "/bin/setpriv", "/usr/sbin/setpriv", "/sbin/setpriv")) {
                if (Files.isExecutable(Path.of(p))) {
                    setpriv = Optional.of(Path.of(p));
                    break;
                }
            }
            return new Options(DEFAULT_ENVIRONMENT, DEFAULT_OUTPUT_TAIL_BYTES, setpriv, DEFAULT_KILL_GRACE);
        }

        public Options withOutputTailBytes(int bytes) {
            return new Options(environment, bytes, setpriv, killGrace);
        }

        public Options withEnvironment(List<String> env) {
            return new Options(env, outputTailBytes, setpriv, killGrace);
        }

        public Options withKillGrace(Duration grace) {
            return new Options(environment, outputTailBytes, setpriv, grace);
        }

        /** The directories of the environment's PATH. */
        List<String> searchPath() {
            for (String e : environment) {
                if (e.startsWith("PATH=")) {
                    return List.of(e.substring(5).split(":"));
                }
            }
            return List.of();
        }
    }

    private final Options options;
    private final ProcessControl control;
    private final Timers timers;
    private final FileSystemView files;
    private final int ourUid;
    private final int ourGid;
    private final Set<Running> running = ConcurrentHashMap.newKeySet();
    private final AtomicLong sequence = new AtomicLong();
    private final OpenCheck openCheck;

    PosixScriptRunner(Options options, ProcessControl control, Timers timers, FileSystemView files) {
        this.options = Objects.requireNonNull(options, "options");
        this.control = Objects.requireNonNull(control, "control");
        this.timers = Objects.requireNonNull(timers, "timers");
        this.files = Objects.requireNonNull(files, "files");
        this.ourUid = control.uid();
        this.ourGid = control.gid();
        this.openCheck = new OpenCheck(control, timers);
    }

    /** A runner on this host with {@link Options#defaults()}. */
    public static PosixScriptRunner create(ProcessControl control) {
        return create(Options.defaults(), control);
    }

    /**
     * A runner on this host, starting processes through {@code control} (the native
     * {@code SystemProcessControl}, which only the composition root builds).
     */
    public static PosixScriptRunner create(Options options, ProcessControl control) {
        return new PosixScriptRunner(options, control, Timers.system(), FileSystemView.system());
    }

    public Options options() {
        return options;
    }

    /** How many runs have been asked for and not yet reaped. */
    public int runningCount() {
        return running.size();
    }

    @Override
    public CompletableFuture<ScriptResult> run(ScriptRun run) {
        Objects.requireNonNull(run, "run");
        Optional<String> openTest = run.command().openTestPath();
        if (openTest.isPresent()) {
            return openCheck.run(run, openTest.get(), notAsRoot(run.command()));
        }
        CompletableFuture<ScriptResult> result = new CompletableFuture<>();
        Plan plan;
        try {
            plan = plan(run);
        } catch (RefusedException e) {
            result.complete(new ScriptResult.NotRun(e.getMessage()));
            return result;
        }
        Running r = new Running(run, plan, result);
        running.add(r);
        Thread t = new Thread(r::spawnAndWait, "script " + run.label() + " #" + sequence.incrementAndGet());
        t.setDaemon(true);
        t.start();
        return result;
    }

    /**
     * Ends every running script now as if its timeout had passed (SIGTERM to each group, SIGKILL
     * after the grace), e.g. when the daemon stops.
     *
     * @return completes when all of them have been reaped
     */
    public CompletableFuture<Void> terminateAll() {
        List<CompletableFuture<ScriptResult>> all = new ArrayList<>();
        for (Running r : running) {
            all.add(r.result);
            r.timeout();
        }
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
    }

    /* Preparation ------------------------------------------------------------------------ */

    private record Plan(String path, List<String> argv) {
    }

    private static final class RefusedException extends Exception {
        RefusedException(String message) {
            super(message, null, false, false);
        }
    }

    private Plan plan(ScriptRun run) throws RefusedException {
        ScriptCommand cmd = run.command();
        String program = resolve(cmd.program());
        Optional<String> notRunnable = notRunnable(files, program, cmd.uid(), cmd.gid());
        if (notRunnable.isPresent()) {
            throw new RefusedException(notRunnable.get());
        }
        List<String> scriptArgv = new ArrayList<>(run.argv());
        scriptArgv.set(0, program);
        if (ourUid != 0) {
            Optional<String> refused = notAsRoot(cmd);
            if (refused.isPresent()) {
                throw new RefusedException(refused.get());
            }
            return new Plan(program, scriptArgv);
        }
        if (options.setpriv().isEmpty()) {
            if (cmd.uid() != ourUid || cmd.gid() != ourGid) {
                throw new RefusedException("cannot run as uid " + cmd.uid() + " gid " + cmd.gid()
                        + ": setpriv (util-linux) not found");
            }
            return new Plan(program, scriptArgv);
        }
        String setpriv = options.setpriv().get().toString();
        List<String> argv = new ArrayList<>(List.of(setpriv, "--reuid=" + cmd.uid(), "--regid=" + cmd.gid(),
                "--clear-groups", "--pdeathsig=TERM", "--"));
        argv.addAll(scriptArgv);
        return new Plan(setpriv, argv);
    }

    /** Why a daemon not running as root cannot act as the command's user, if it cannot. */
    private Optional<String> notAsRoot(ScriptCommand cmd) {
        if (ourUid == 0 || cmd.uid() == ourUid && cmd.gid() == ourGid) {
            return Optional.empty();
        }
        return Optional.of("cannot run as uid " + cmd.uid() + " gid " + cmd.gid() + ": the daemon runs as uid "
                + ourUid + ", not root");
    }

    /** A bare name is looked up in the scripts' PATH; anything with a slash is taken as is. */
    private String resolve(String program) throws RefusedException {
        if (program.contains("/")) {
            return program;
        }
        for (String dir : options.searchPath()) {
            if (dir.isEmpty()) {
                continue;
            }
            String candidate = dir.endsWith("/") ? dir + program : dir + "/" + program;
            Optional<FileStat> st = files.stat(candidate);
            if (st.isPresent() && st.get().isRegular()) {
                return candidate;
            }
        }
        throw new RefusedException(program + " not found in PATH " + String.join(":", options.searchPath()));
    }

    /**
     * Why {@code program} (a path) cannot be executed as {@code uid}/{@code gid}: missing, not a
     * regular file, or no execute bit for that user; empty when it can.
     */
    static Optional<String> notRunnable(FileSystemView files, String program, int uid, int gid) {
        Optional<FileStat> found = files.stat(program);
        if (found.isEmpty()) {
            return Optional.of(program + ": No such file or directory");
        }
        FileStat st = found.get();
        if (!st.isRegular()) {
            return Optional.of(program + " is not a regular file");
        }
        if (!executable(st, uid, gid)) {
            return Optional.of(program + " is not executable by uid " + uid + " gid " + gid
                    + " (mode " + Integer.toOctalString(st.mode() & 07777) + ", owner " + st.uid() + ":" + st.gid() + ")");
        }
        return Optional.empty();
    }

    /** keepalived's is_executable() (lib/notify.c). */
    static boolean executable(FileStat st, int uid, int gid) {
        int mode = st.mode();
        return (uid == 0 && (mode & (FileStat.S_IXUSR | FileStat.S_IXGRP | FileStat.S_IXOTH)) != 0)
                || (uid == st.uid() && (mode & FileStat.S_IXUSR) != 0)
                || (uid != st.uid() && ((gid == st.gid() && (mode & FileStat.S_IXGRP) != 0)
                || (gid != st.gid() && (mode & FileStat.S_IXOTH) != 0)));
    }

    /* One run --------------------------------------------------------------------------- */

    private enum Phase { STARTING, RUNNING, TERM_SENT, KILL_SENT, EXITED }

    /** One started script: its thread spawns and waits, the timer thread signals. */
    private final class Running {
        final ScriptRun run;
        final Plan plan;
        final CompletableFuture<ScriptResult> result;
        long pid;
        long startNanos;
        Phase phase = Phase.STARTING;
        boolean stopRequested;
        Timers.Cancellable timer;
        OutputTail output;

        Running(ScriptRun run, Plan plan, CompletableFuture<ScriptResult> result) {
            this.run = run;
            this.plan = plan;
            this.result = result;
        }

        void spawnAndWait() {
            ScriptResult outcome;
            try {
                outcome = execute();
            } catch (IOException | RuntimeException e) {
                outcome = new ScriptResult.NotRun("cannot execute " + plan.argv().get(0) + ": " + e.getMessage());
            } finally {
                running.remove(this);
            }
            result.complete(outcome);
        }

        private ScriptResult execute() throws IOException {
            OutputPipe pipe = options.outputTailBytes() > 0 ? control.outputPipe() : null;
            long spawned;
            try {
                spawned = control.spawn(plan.path(), plan.argv(), options.environment(), pipe);
            } catch (IOException e) {
                if (pipe != null) {
                    pipe.close();
                }
                return new ScriptResult.NotRun("cannot execute " + plan.path() + ": " + e.getMessage());
            }
            if (pipe != null) {
                output = OutputTail.drain(pipe, options.outputTailBytes(),
                        Thread.currentThread().getName() + " output");
            }
            synchronized (this) {
                pid = spawned;
                startNanos = timers.nanoTime();
                if (stopRequested) {
                    phase = Phase.RUNNING;
                    timeout();
                } else {
                    phase = Phase.RUNNING;
                    timer = timers.after(run.timeout(), this::timeout);
                }
            }
            ProcessControl.Exit exit;
            try {
                exit = control.awaitExit(spawned);
            } catch (IOException e) {
                // Someone else reaped it (SIGCHLD set to SIG_IGN?): its outcome is unknowable.
                synchronized (this) {
                    cancelTimer();
                    phase = Phase.EXITED;
                }
                return new ScriptResult.NotRun("started as pid " + spawned + " but its end could not be seen: "
                        + e.getMessage());
            }
            long elapsedNanos;
            Phase atExit;
            synchronized (this) {
                elapsedNanos = timers.nanoTime() - startNanos;
                atExit = phase;
                if (phase == Phase.RUNNING) {
                    cancelTimer();
                } else if (phase == Phase.TERM_SENT && !control.groupHasLiveMembers(pid)) {
                    cancelTimer(); // the script died of the SIGTERM and left nothing behind
                } else if (phase == Phase.TERM_SENT) {
                    // Others are still in the group, perhaps only still dying of the same SIGTERM.
                    // Look again now and then; whatever is left gets its SIGKILL on time. The
                    // zombie leader keeps the group id from being reused meanwhile.
                    long pause = 5;
                    while (phase == Phase.TERM_SENT) {
                        try {
                            wait(pause);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            break;
                        }
                        if (phase == Phase.TERM_SENT && !control.groupHasLiveMembers(pid)) {
                            break;
                        }
                        pause = Math.min(pause * 2, 200);
                    }
                    atExit = phase;
                }
                cancelTimer();
                phase = Phase.EXITED;
            }
            control.reap(spawned);
            Duration elapsed = Duration.ofNanos(elapsedNanos);
            String out = readTail();
            if (atExit == Phase.RUNNING) {
                return exit.signaled()
                        ? new ScriptResult.Signaled(spawned, exit.code(), exit.coreDumped(), elapsed, out)
                        : new ScriptResult.Exited(spawned, exit.code(), elapsed, out);
            }
            return new ScriptResult.TimedOut(spawned, atExit == Phase.KILL_SENT ? Signals.SIGKILL : Signals.SIGTERM,
                    elapsed, out);
        }

        /** Timer thread: the timeout passed (or {@link #terminateAll()}). */
        synchronized void timeout() {
            if (phase == Phase.STARTING) {
                stopRequested = true;
                return;
            }
            if (phase != Phase.RUNNING) {
                return;
            }
            cancelTimer();
            phase = Phase.TERM_SENT;
            signal(Signals.SIGTERM);
            timer = timers.after(options.killGrace(), this::kill);
        }

        /** Timer thread: the grace after SIGTERM passed. */
        synchronized void kill() {
            if (phase != Phase.TERM_SENT && phase != Phase.KILL_SENT) {
                return;
            }
            phase = Phase.KILL_SENT;
            signal(Signals.SIGKILL);
            notifyAll();
            // Until the leader is reaped, repeat now and then (a process in D state ignores it for a while).
            timer = timers.after(KILL_REPEAT, this::kill);
        }

        private void signal(int sig) {
            try {
                control.signalGroup(pid, sig);
            } catch (IOException e) {
                // EPERM cannot happen as root; nothing else to try
            }
        }

        private void cancelTimer() {
            if (timer != null) {
                timer.cancel();
                timer = null;
            }
        }

        /** The output so far, once the pipe has ended or {@link #OUTPUT_LINGER} has passed. */
        private String readTail() {
            if (output == null) {
                return "";
            }
            output.awaitEnd(OUTPUT_LINGER);
            return output.text();
        }
    }
}
