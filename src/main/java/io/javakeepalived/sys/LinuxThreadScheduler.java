package io.javakeepalived.sys;

import java.io.IOException;
import java.util.List;

import jnr.ffi.LastError;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;

/**
 * {@link ThreadScheduler} over libc (jnr-ffi). Linux numbering; the structures are those of the
 * 64-bit ABIs the daemon ships for (rlim_t and the cpu_set_t words are 8 bytes).
 */
public final class LinuxThreadScheduler implements ThreadScheduler {
    private static final int PR_SET_NAME = 15;
    private static final int PRIO_PROCESS = 0;
    private static final int SCHED_RR = 2;
    private static final int SCHED_RESET_ON_FORK = 0x40000000;
    private static final int RLIMIT_RTTIME = 15;
    private static final int MCL_CURRENT = 1;
    private static final int MCL_FUTURE = 2;
    private static final int MCL_ONFAULT = 4;
    private static final int EINVAL = 22;
    /** sizeof(cpu_set_t): 1024 CPUs. */
    private static final int CPU_SET_BYTES = 128;

    /** The libc functions used here. Public only because jnr-ffi implements it elsewhere. */
    public interface LibC {
        int gettid();

        int prctl(int option, String name, long arg3, long arg4, long arg5);

        int setpriority(int which, int who, int prio);

        int sched_setscheduler(int pid, int policy, Pointer param);

        int setrlimit(int resource, Pointer rlim);

        int mlockall(int flags);

        int sched_setaffinity(int pid, long cpusetsize, Pointer mask);

        String strerror(int errnum);
    }

    private static final class Holder {
        static final LibC LIBC = LibraryLoader.create(LibC.class).load("c");
        static final Runtime RUNTIME = Runtime.getRuntime(LIBC);
    }

    @Override
    public int currentThread() {
        return Holder.LIBC.gettid();
    }

    @Override
    public void nameCurrentThread(String name) {
        Holder.LIBC.prctl(PR_SET_NAME, name, 0, 0, 0); // cannot fail for the calling thread; longer names are cut
    }

    @Override
    public void setNice(int tid, int nice) throws IOException {
        check(Holder.LIBC.setpriority(PRIO_PROCESS, tid, nice));
    }

    @Override
    public void setRoundRobin(int tid, int priority) throws IOException {
        Pointer param = Memory.allocateDirect(Holder.RUNTIME, 4, true);
        param.putInt(0, priority);
        check(Holder.LIBC.sched_setscheduler(tid, SCHED_RR | SCHED_RESET_ON_FORK, param));
    }

    @Override
    public void limitRealtime(long softMicros, long hardMicros) throws IOException {
        Pointer rlim = Memory.allocateDirect(Holder.RUNTIME, 16, true);
        rlim.putLong(0, softMicros);
        rlim.putLong(8, hardMicros);
        check(Holder.LIBC.setrlimit(RLIMIT_RTTIME, rlim));
    }

    @Override
    public void onRealtimeOveruse(Runnable warning) {
        sun.misc.Signal.handle(new sun.misc.Signal("XCPU"), s -> warning.run());
    }

    @Override
    public void lockMemory() throws IOException {
        if (Holder.LIBC.mlockall(MCL_CURRENT | MCL_FUTURE | MCL_ONFAULT) == 0) {
            return;
        }
        if (errno() != EINVAL) {
            check(-1);
        }
        // before Linux 4.4 there is no MCL_ONFAULT: lock what is mapped now, as keepalived built there does
        check(Holder.LIBC.mlockall(MCL_CURRENT | MCL_FUTURE));
    }

    @Override
    public void setAffinity(int tid, List<Integer> cpus) throws IOException {
        Pointer mask = Memory.allocateDirect(Holder.RUNTIME, CPU_SET_BYTES, true);
        for (int cpu : cpus) {
            if (cpu < 0 || cpu >= CPU_SET_BYTES * 8) {
                throw new IOException(Holder.LIBC.strerror(EINVAL));
            }
            int word = cpu / 64;
            mask.putLong(word * 8L, mask.getLong(word * 8L) | 1L << (cpu % 64));
        }
        check(Holder.LIBC.sched_setaffinity(tid, CPU_SET_BYTES, mask));
    }

    private static void check(int rc) throws IOException {
        if (rc != 0) {
            throw new IOException(Holder.LIBC.strerror(errno()));
        }
    }

    private static int errno() {
        return LastError.getLastError(Holder.RUNTIME);
    }
}
