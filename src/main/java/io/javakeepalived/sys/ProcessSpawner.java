package io.javakeepalived.sys;

import io.javakeepalived.util.Eintr;

import jnr.ffi.LastError;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Starts, waits for and signals script processes through glibc's {@code posix_spawn(3)}, the way
 * keepalived's fork + setpgid + execve does, without forking the JVM.
 *
 * <p>Each child is started with:
 * <ul>
 * <li>{@code POSIX_SPAWN_SETSID}: a new session, so its pid is also its process group id and it
 *     has no controlling terminal; killing {@code -pid} reaches the script and everything it
 *     started (unless a descendant made its own session);</li>
 * <li>{@code POSIX_SPAWN_SETSIGMASK} with an empty mask and {@code POSIX_SPAWN_SETSIGDEF} for
 *     every signal: the JVM thread's blocked set and any SIG_IGN the daemon installed (the
 *     real-time signals, for instance) do not leak into the script;</li>
 * <li>fd 0 from {@code /dev/null}, fds 1 and 2 to {@code /dev/null} or to the given file, and
 *     every other descriptor closed ({@code posix_spawn_file_actions_addclosefrom_np}, glibc
 *     2.34+; on an older libc each fd listed in {@code /proc/self/fd} is closed instead);</li>
 * <li>exactly the given environment and argv; {@code path} is executed as is (no PATH search);</li>
 * <li>working directory {@code /}, as keepalived's daemonized processes have (glibc 2.34+; an older
 *     libc leaves the JVM's).</li>
 * </ul>
 * Changing uid/gid is not posix_spawn's business: the caller puts {@code setpriv} in front.
 *
 * <p>{@link #awaitExit} waits with {@code WNOWAIT}, so the child stays a zombie until
 * {@link #reap}: while it is one, its pid (and so its process group id) cannot be reused, and
 * signalling the group is safe. The child's parent is the calling thread as far as
 * {@code PR_SET_PDEATHSIG} is concerned: spawn from a thread that outlives the child.
 *
 * <p>glibc on 64-bit Linux (x86_64, aarch64); the opaque libc structures get generous buffers.
 */
public final class ProcessSpawner {

    private static final short POSIX_SPAWN_SETSIGDEF = 0x04;
    private static final short POSIX_SPAWN_SETSIGMASK = 0x08;
    private static final short POSIX_SPAWN_SETSID = 0x80;
    private static final int O_RDONLY = 0;
    private static final int O_WRONLY = 1;
    private static final int O_APPEND = 02000;
    private static final int P_PID = 1;
    static final int WEXITED = 4;
    static final int WNOWAIT = 0x01000000;
    private static final int CLD_EXITED = 1;
    private static final int CLD_KILLED = 2;
    private static final int CLD_DUMPED = 3;
    private static final int ESRCH = 3;
    /** posix_spawnattr_t is 336 bytes, posix_spawn_file_actions_t 80, sigset_t 128, siginfo_t 128. */
    private static final int OPAQUE_BYTES = 1024;
    /**
     * The children spawned here and not yet reaped: {@link OrphanReaper} must leave them to
     * {@link #awaitExit}. Spawning and reaping hold its lock, so a child that dies before its pid
     * is recorded is not taken for an orphan.
     */
    static final Set<Integer> CHILDREN = new HashSet<>();

    /** How a child ended. */
    /**
     * How a child ended.
     *
     * @param signaled   killed by a signal rather than exited
     * @param code       the exit status (0..255), or the signal number when {@code signaled}
     * @param coreDumped the signal left a core dump
     */
    public record Exit(boolean signaled, int code, boolean coreDumped) {
    }

    /** The libc functions used here. Public only because jnr-ffi implements it elsewhere. */
    public interface LibC {
        int posix_spawn(Pointer pid, String path, Pointer fileActions, Pointer attr, String[] argv, String[] envp);

        int posix_spawnattr_init(Pointer attr);

        int posix_spawnattr_destroy(Pointer attr);

        int posix_spawnattr_setflags(Pointer attr, short flags);

        int posix_spawnattr_setsigmask(Pointer attr, Pointer sigset);

        int posix_spawnattr_setsigdefault(Pointer attr, Pointer sigset);

        int posix_spawn_file_actions_init(Pointer fileActions);

        int posix_spawn_file_actions_destroy(Pointer fileActions);

        int posix_spawn_file_actions_addopen(Pointer fileActions, int fd, String path, int oflag, int mode);

        int posix_spawn_file_actions_adddup2(Pointer fileActions, int fd, int newfd);

        int posix_spawn_file_actions_addclose(Pointer fileActions, int fd);

        int sigemptyset(Pointer set);

        int waitid(int idtype, int id, Pointer infop, int options);

        int waitpid(int pid, Pointer status, int options);

        int kill(int pid, int sig);

        int getuid();

        int getgid();

        int umask(int mask);

        String strerror(int errnum);
    }

    /** Only where glibc is 2.34 or newer (addchdir_np: 2.29). */
    public interface ClosefromLibC {
        int posix_spawn_file_actions_addclosefrom_np(Pointer fileActions, int from);

        int posix_spawn_file_actions_addchdir_np(Pointer fileActions, String path);
    }

    private static final class Holder {
        static final LibC LIBC = LibraryLoader.create(LibC.class).load("c");
        static final Runtime RUNTIME = Runtime.getRuntime(LIBC);
        static final ClosefromLibC CLOSEFROM = loadClosefrom();

        private static ClosefromLibC loadClosefrom() {
            try {
                return LibraryLoader.create(ClosefromLibC.class).failImmediately().load("c");
            } catch (LinkageError | RuntimeException e) {
                return null;
            }
        }
    }

    private ProcessSpawner() {
    }

    /**
     * Starts {@code path} with this argv and environment in a new session.
     *
     * @param output file that receives stdout and stderr (opened for append by the child), or
     *               null for {@code /dev/null}
     * @return the child's pid, which is also its process group and session id
     * @throws IOException the spawn failed (the message names the errno), e.g. the program could
     *                     not be executed; no child is left behind then
     */
    public static long spawn(String path, List<String> argv, List<String> env, Path output) throws IOException {
        return spawn(path, argv, env, output == null ? "/dev/null" : output.toString(), -1);
    }

    /**
     * Like {@link #spawn(String, List, List, Path)}, with stdout and stderr onto {@code outputFd}
     * (a pipe's write end), which the child gets as fds 1 and 2 and nothing else.
     */
    static long spawnToFd(String path, List<String> argv, List<String> env, int outputFd) throws IOException {
        return spawn(path, argv, env, null, outputFd);
    }

    private static long spawn(String path, List<String> argv, List<String> env, String outputPath, int outputFd)
            throws IOException {
        Objects.requireNonNull(path, "path");
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("argv is empty");
        }
        LibC c = Holder.LIBC;
        Runtime rt = Holder.RUNTIME;
        Pointer attr = Memory.allocateDirect(rt, OPAQUE_BYTES, true);
        Pointer actions = Memory.allocateDirect(rt, OPAQUE_BYTES, true);
        Pointer sigs = Memory.allocateDirect(rt, OPAQUE_BYTES, true);
        Pointer pid = Memory.allocateDirect(rt, 8, true);
        check(c.posix_spawnattr_init(attr), "posix_spawnattr_init");
        try {
            check(c.posix_spawn_file_actions_init(actions), "posix_spawn_file_actions_init");
            try {
                check(c.posix_spawnattr_setflags(attr,
                        (short) (POSIX_SPAWN_SETSID | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF)),
                        "posix_spawnattr_setflags");
                c.sigemptyset(sigs);
                check(c.posix_spawnattr_setsigmask(attr, sigs), "posix_spawnattr_setsigmask");
                // Every signal 1..64 back to SIG_DFL. Not sigfillset(): glibc leaves out its two
                // internal signals, which posix_spawn would then hand over as SIG_IGN.
                sigs.putLong(0, -1L);
                check(c.posix_spawnattr_setsigdefault(attr, sigs), "posix_spawnattr_setsigdefault");
                check(c.posix_spawn_file_actions_addopen(actions, 0, "/dev/null", O_RDONLY, 0), "addopen stdin");
                if (outputPath != null) {
                    check(c.posix_spawn_file_actions_addopen(actions, 1, outputPath, O_WRONLY | O_APPEND, 0),
                            "addopen stdout");
                } else {
                    check(c.posix_spawn_file_actions_adddup2(actions, outputFd, 1), "adddup2 stdout");
                }
                check(c.posix_spawn_file_actions_adddup2(actions, 1, 2), "adddup2 stderr");
                closeTheRest(actions);
                synchronized (CHILDREN) {
                    int rc = c.posix_spawn(pid, path, actions, attr, argv.toArray(String[]::new),
                            env.toArray(String[]::new));
                    if (rc != 0) {
                        throw new IOException("posix_spawn " + path + ": " + c.strerror(rc));
                    }
                    CHILDREN.add(pid.getInt(0));
                }
                return pid.getInt(0);
            } finally {
                c.posix_spawn_file_actions_destroy(actions);
            }
        } finally {
            c.posix_spawnattr_destroy(attr);
        }
    }

    private static void closeTheRest(Pointer actions) throws IOException {
        if (Holder.CLOSEFROM != null) {
            check(Holder.CLOSEFROM.posix_spawn_file_actions_addchdir_np(actions, "/"), "addchdir_np");
            check(Holder.CLOSEFROM.posix_spawn_file_actions_addclosefrom_np(actions, 3), "addclosefrom_np");
            return;
        }
        // Older glibc: close what is open now. An fd closed meanwhile is ignored by glibc (EBADF).
        List<Integer> fds = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
            for (Path p : dir) {
                int fd = Integer.parseInt(p.getFileName().toString());
                if (fd > 2) {
                    fds.add(fd);
                }
            }
        }
        for (int fd : fds) {
            check(Holder.LIBC.posix_spawn_file_actions_addclose(actions, fd), "addclose " + fd);
        }
    }

    /**
     * Blocks until child {@code pid} has terminated, and leaves it a zombie (see {@link #reap}).
     * Interrupting the thread does not end the wait.
     */
    public static Exit awaitExit(long pid) throws IOException {
        LibC c = Holder.LIBC;
        Pointer info = Memory.allocateDirect(Holder.RUNTIME, 128, true);
        int child = Math.toIntExact(pid);
        if (Eintr.retrying(() -> c.waitid(P_PID, child, info, WEXITED | WNOWAIT), ProcessSpawner::errno) != 0) {
            throw new IOException("waitid(" + pid + "): " + c.strerror(errno()));
        }
        // siginfo_t on 64-bit Linux: si_signo, si_errno, si_code, pad, si_pid, si_uid, si_status
        int code = info.getInt(8);
        int status = info.getInt(24);
        return switch (code) {
            case CLD_EXITED -> new Exit(false, status & 0xff, false);
            case CLD_KILLED -> new Exit(true, status, false);
            case CLD_DUMPED -> new Exit(true, status, true);
            default -> throw new IOException("waitid(" + pid + "): unexpected si_code " + code);
        };
    }

    /** Collects a terminated child (after {@link #awaitExit}); its pid may be reused from then on. */
    public static void reap(long pid) throws IOException {
        LibC c = Holder.LIBC;
        int child = Math.toIntExact(pid);
        if (Eintr.retrying(() -> c.waitpid(child, null, 0), ProcessSpawner::errno) < 0) {
            throw new IOException("waitpid(" + pid + "): " + c.strerror(errno()));
        }
        synchronized (CHILDREN) {
            CHILDREN.remove(child);
        }
    }

    /**
     * Sends {@code signal} to every process in process group {@code pgid} (signal 0 only checks
     * that the group has a member).
     *
     * @return false if the group has no member left (ESRCH)
     */
    public static boolean signalGroup(long pgid, int signal) throws IOException {
        if (pgid <= 1) {
            throw new IllegalArgumentException("process group " + pgid);
        }
        LibC c = Holder.LIBC;
        if (c.kill(-Math.toIntExact(pgid), signal) == 0) {
            return true;
        }
        int errno = errno();
        if (errno == ESRCH) {
            return false;
        }
        throw new IOException("kill(-" + pgid + ", " + signal + "): " + c.strerror(errno));
    }

    /** The daemon's real uid. */
    public static int uid() {
        return Holder.LIBC.getuid();
    }

    /** The daemon's real gid. */
    public static int gid() {
        return Holder.LIBC.getgid();
    }

    /**
     * Sets the daemon's file-creation mask, which every child spawned here inherits (umask(2)
     * cannot fail); returns the previous one.
     */
    public static int umask(int mask) {
        return Holder.LIBC.umask(mask);
    }

    /** Whether glibc offers posix_spawn_file_actions_addclosefrom_np here. */
    static boolean hasClosefrom() {
        return Holder.CLOSEFROM != null;
    }

    private static int errno() {
        return LastError.getLastError(Holder.RUNTIME);
    }

    private static void check(int rc, String call) throws IOException {
        if (rc != 0) {
            throw new IOException(call + ": " + Holder.LIBC.strerror(rc));
        }
    }
}
