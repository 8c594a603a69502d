package io.javakeepalived.sys;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The operating-system calls the script runner ({@code PosixScriptRunner}) makes, so its timeout
 * and reaping logic can be driven by a fake in unit tests. {@link SystemProcessControl} is the
 * real one; the composition root ({@code cli}) builds it and hands it in.
 */
public interface ProcessControl {

    /** How a child ended: exit status, or the signal that killed it. */
    record Exit(boolean signaled, int code, boolean coreDumped) {
    }

    /** A new pipe for a child's output, to pass to {@link #spawn}. */
    OutputPipe outputPipe() throws IOException;

    /**
     * Starts {@code path} in a new session (pid = process group id), stdin from /dev/null,
     * stdout+stderr into {@code output} (or /dev/null when null), no other fds, default signal
     * dispositions, exactly this environment. The write end of {@code output} is closed in this
     * process afterwards, so its reader sees end of file once the child and whatever it started
     * have closed theirs.
     *
     * @return the pid
     * @throws IOException nothing was started
     */
    long spawn(String path, List<String> argv, List<String> env, OutputPipe output) throws IOException;

    /** Blocks until the child has terminated; it stays a zombie (its pid pinned) until {@link #reap}. */
    Exit awaitExit(long pid) throws IOException;

    /** Collects the terminated child. */
    void reap(long pid) throws IOException;

    /** kill(-pgid, signal); false when the group has no member. */
    boolean signalGroup(long pgid, int signal) throws IOException;

    /** Whether a live (non-zombie) process other than the leader is still in the group. */
    boolean groupHasLiveMembers(long pgid);

    /**
     * Opens {@code path} read-only and closes it again, as {@code uid}/{@code gid} with no
     * supplementary groups would (the file-system identity of one thread, no process started):
     * the test keepalived's {@code </path} scripts make through the shell.
     *
     * @return empty if it opened, else why not ({@code No such file or directory}, ...)
     */
    Optional<String> openReadOnlyAs(String path, int uid, int gid);

    /** The daemon's uid and gid. */
    int uid();

    int gid();
}
