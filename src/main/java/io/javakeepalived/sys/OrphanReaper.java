package io.javakeepalived.sys;

import io.javakeepalived.util.Eintr;

import jnr.ffi.LastError;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the zombies of processes the daemon did not start. Why: as PID 1 of a container, or
 * as a child subreaper ({@code PR_SET_CHILD_SUBREAPER}, as some supervisors run it), the daemon
 * inherits every orphan below it - the background child a notify hook left running, for one -
 * and nobody else will {@code wait} for them: each would stay a zombie, holding its pid, until the
 * container runs out. keepalived's own children are reaped by its SIGCHLD handler; ours by the
 * script runner ({@link ProcessSpawner#awaitExit}, then {@link ProcessSpawner#reap}), which this
 * must not race: a zombie is looked at with {@code waitid(P_ALL, WNOWAIT)} first and collected
 * only when it is not one {@link ProcessSpawner} started.
 *
 * <p>Nothing else in the daemon starts processes (no ProcessBuilder), so any other child is an
 * orphan.
 */
public final class OrphanReaper {
    private static final int P_ALL = 0;
    private static final int WNOHANG = 1;
    private static final int PR_GET_CHILD_SUBREAPER = 37;
    private static final int SIGINFO_BYTES = 128;
    private static final int SI_PID_OFFSET = 16;

    /** The libc functions used here. Public only because jnr-ffi implements it elsewhere. */
    public interface LibC {
        int getpid();

        int prctl(int option, Pointer arg2, long arg3, long arg4, long arg5);

        int waitid(int idtype, int id, Pointer infop, int options);

        int waitpid(int pid, Pointer status, int options);
    }

    private static final class Holder {
        static final LibC LIBC = LibraryLoader.create(LibC.class).load("c");
        static final Runtime RUNTIME = Runtime.getRuntime(LIBC);
    }

    private OrphanReaper() {
    }

    /** Whether orphans are reparented to this process: it is PID 1 (of its namespace) or a subreaper. */
    public static boolean adoptsOrphans() {
        LibC c = Holder.LIBC;
        if (c.getpid() == 1) {
            return true;
        }
        Pointer flag = Memory.allocateDirect(Holder.RUNTIME, 4, true);
        return c.prctl(PR_GET_CHILD_SUBREAPER, flag, 0, 0, 0) == 0 && flag.getInt(0) != 0;
    }

    /**
     * Collects every terminated child that {@link ProcessSpawner} did not start, without blocking.
     * Stops at the first zombie that is one of ours (its runner collects it in a moment; the next
     * call gets past it).
     *
     * @return the pids collected
     */
    public static List<Integer> reapOrphans() {
        LibC c = Holder.LIBC;
        Pointer info = Memory.allocateDirect(Holder.RUNTIME, SIGINFO_BYTES, true);
        List<Integer> reaped = new ArrayList<>();
        while (true) {
            synchronized (ProcessSpawner.CHILDREN) {
                info.putInt(SI_PID_OFFSET, 0);
                long rc = Eintr.retrying(() -> c.waitid(P_ALL, 0, info, ProcessSpawner.WEXITED | WNOHANG | ProcessSpawner.WNOWAIT),
                        () -> LastError.getLastError(Holder.RUNTIME));
                int pid = info.getInt(SI_PID_OFFSET);
                // rc < 0: ECHILD, no children at all; pid 0: children, none terminated
                if (rc != 0 || pid == 0 || ProcessSpawner.CHILDREN.contains(pid)) {
                    return reaped;
                }
                if (c.waitpid(pid, null, WNOHANG) != pid) {
                    return reaped; // gone meanwhile (not ours to wait for): look again next time
                }
                reaped.add(pid);
            }
        }
    }
}
