package io.javakeepalived.track;

import java.util.Objects;

/**
 * One process as /proc shows it, with only what process tracking looks at.
 *
 * @param pid     the process id (a directory name under /proc)
 * @param comm    the kernel's name for it (at most 15 bytes; from {@code /proc/PID/stat}), or null if not read
 * @param cmdline the start of {@code /proc/PID/cmdline} (arguments separated by NUL bytes), or null if not read
 * @param zombie  state {@code Z}: exited, not yet reaped; never counted
 */
public record ProcEntry(int pid, String comm, byte[] cmdline, boolean zombie) {
    public ProcEntry {
        if (pid <= 0) {
            throw new IllegalArgumentException("pid " + pid);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProcEntry p && p.pid == pid && Objects.equals(p.comm, comm)
                && java.util.Arrays.equals(p.cmdline, cmdline) && p.zombie == zombie;
    }

    @Override
    public int hashCode() {
        return pid;
    }

    @Override
    public String toString() {
        return "ProcEntry[" + pid + " " + comm + (zombie ? " Z" : "") + "]";
    }
}
