package io.javakeepalived.sys;

import io.javakeepalived.util.Eintr;

import jnr.constants.platform.OpenFlags;
import jnr.ffi.LastError;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Runtime;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;

import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Opens a file read-only as another user without starting a process: what keepalived's
 * {@code </path} scripts test (its shell, running as the script's user, opens the file).
 *
 * <p>How: on a thread of its own, which ends right after, the file-system identity is switched to
 * the user's uid and gid with {@code setfsuid}/{@code setfsgid} and the supplementary groups are
 * cleared, as setpriv {@code --clear-groups} does for real scripts. On Linux all three are
 * attributes of the calling thread: glibc's setfsuid/setfsgid are plain system calls, and
 * setgroups goes through {@code syscall(2)} here because glibc's wrapper would change every thread
 * of the JVM. The kernel then checks permissions as that user, and a non-zero fsuid drops
 * CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH from the thread, so root's override does not apply;
 * for uid 0 the daemon's own capabilities apply, as they would to a root script. The identity is
 * put back before the thread ends, so no other code ever runs with it.
 *
 * <p>{@code O_NONBLOCK}: a FIFO opens at once even without a writer (the shell would wait until
 * the check's timeout); {@code O_NOCTTY}: a terminal does not become ours.
 */
public final class OpenAsUser {

    /** The libc functions used here. */
    public interface LibC {
        int setfsuid(int uid);

        int setfsgid(int gid);

        int getgroups(int size, @Out int[] list);

        long syscall(long number, long arg1, @In int[] arg2);

        int open(String path, int flags, int mode);

        int close(int fd);

        String strerror(int errnum);
    }

    private static final class Holder {
        static final LibC LIBC = LibraryLoader.create(LibC.class).load("c");
        static final Runtime RUNTIME = Runtime.getRuntime(LIBC);
    }

    /** setgroups(2) by number, the only way to change one thread's groups. */
    private static final long SYS_SETGROUPS = switch (System.getProperty("os.arch")) {
        case "amd64", "x86_64" -> 116;
        case "aarch64" -> 159;
        default -> -1;
    };

    private OpenAsUser() {
    }

    /**
     * @return empty if {@code path} opened read-only as {@code uid}/{@code gid}, else why not
     */
    static Optional<String> open(String path, int uid, int gid) {
        AtomicReference<Optional<String>> answer = new AtomicReference<>(Optional.of("not attempted"));
        Thread t = new Thread(() -> answer.set(openHere(path, uid, gid)), "open-as-" + uid);
        t.setDaemon(true);
        t.start();
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return answer.get();
    }

    /** On a thread that does nothing else: switch, open, close, switch back. */
    private static Optional<String> openHere(String path, int uid, int gid) {
        LibC c = Holder.LIBC;
        int[] groups = currentGroups(c);
        int oldFsgid = c.setfsgid(-1);
        int oldFsuid = c.setfsuid(-1);
        try {
            if (groups.length > 0) {
                if (SYS_SETGROUPS < 0 || c.syscall(SYS_SETGROUPS, 0, null) != 0) {
                    return Optional.of("cannot drop supplementary groups to test as uid " + uid
                            + (SYS_SETGROUPS < 0 ? " (unknown architecture)" : ": " + c.strerror(errno())));
                }
            }
            c.setfsgid(gid);
            c.setfsuid(uid);
            // Both return the previous value whatever happens; -1 asks without changing.
            if (c.setfsgid(-1) != gid || c.setfsuid(-1) != uid) {
                return Optional.of("cannot take the identity of uid " + uid + " gid " + gid + " (no CAP_SETUID?)");
            }
            int flags = OpenFlags.O_RDONLY.intValue() | OpenFlags.O_NONBLOCK.intValue()
                    | OpenFlags.O_NOCTTY.intValue() | OpenFlags.O_CLOEXEC.intValue();
            int fd = (int) Eintr.retrying(() -> c.open(path, flags, 0), OpenAsUser::errno);
            if (fd < 0) {
                return Optional.of(c.strerror(errno()));
            }
            c.close(fd);
            return Optional.empty();
        } finally {
            c.setfsuid(oldFsuid);
            c.setfsgid(oldFsgid);
            if (groups.length > 0 && SYS_SETGROUPS >= 0) {
                c.syscall(SYS_SETGROUPS, groups.length, groups);
            }
        }
    }

    private static int[] currentGroups(LibC c) {
        int n = c.getgroups(0, null);
        if (n <= 0) {
            return new int[0];
        }
        int[] list = new int[n];
        int got = c.getgroups(n, list);
        return got < 0 ? new int[0] : Arrays.copyOf(list, got);
    }

    private static int errno() {
        return LastError.getLastError(Holder.RUNTIME);
    }
}
