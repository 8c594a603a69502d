package io.javakeepalived.sys;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** {@link ProcessControl} on this host: posix_spawn and friends, and /proc for group membership. */
public final class SystemProcessControl implements ProcessControl {

    @Override
    public OutputPipe outputPipe() throws IOException {
        return NativePipe.open();
    }

    @Override
    public long spawn(String path, List<String> argv, List<String> env, OutputPipe output) throws IOException {
        if (output == null) {
            return ProcessSpawner.spawn(path, argv, env, null);
        }
        NativePipe pipe = (NativePipe) output;
        try {
            return ProcessSpawner.spawnToFd(path, argv, env, pipe.writeFd());
        } finally {
            pipe.closeWriteEnd();
        }
    }

    @Override
    public Exit awaitExit(long pid) throws IOException {
        ProcessSpawner.Exit e = ProcessSpawner.awaitExit(pid);
        return new Exit(e.signaled(), e.code(), e.coreDumped());
    }

    @Override
    public void reap(long pid) throws IOException {
        ProcessSpawner.reap(pid);
    }

    @Override
    public boolean signalGroup(long pgid, int signal) throws IOException {
        return ProcessSpawner.signalGroup(pgid, signal);
    }

    @Override
    public boolean groupHasLiveMembers(long pgid) {
        return !liveMembers(pgid).isEmpty();
    }

    /** Pids of the live processes other than {@code pgid} itself whose process group is {@code pgid}. */
    static List<Long> liveMembers(long pgid) {
        List<Long> found = new java.util.ArrayList<>();
        try (DirectoryStream<Path> proc = Files.newDirectoryStream(Path.of("/proc"))) {
            for (Path p : proc) {
                String name = p.getFileName().toString();
                if (name.isEmpty() || !Character.isDigit(name.charAt(0))) {
                    continue;
                }
                long pid = Long.parseLong(name);
                if (pid == pgid) {
                    continue;
                }
                ProcStat st = ProcStat.read(pid);
                if (st != null && st.pgrp() == pgid && st.state() != 'Z' && st.state() != 'X') {
                    found.add(pid);
                }
            }
        } catch (IOException e) {
            // /proc unreadable: answer "maybe", the caller then waits for the SIGKILL step
            found.add(-1L);
        }
        return found;
    }

    @Override
    public Optional<String> openReadOnlyAs(String path, int uid, int gid) {
        return OpenAsUser.open(path, uid, gid);
    }

    @Override
    public int uid() {
        return ProcessSpawner.uid();
    }

    @Override
    public int gid() {
        return ProcessSpawner.gid();
    }

    /** The fields of /proc/PID/stat the runner and its tests look at. */
    public record ProcStat(long pid, char state, long ppid, long pgrp) {
        /** null if the process is gone. */
        public static ProcStat read(long pid) {
            String s;
            try {
                s = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            } catch (IOException e) {
                return null;
            }
            int close = s.lastIndexOf(')');
            if (close < 0) {
                return null;
            }
            String[] f = s.substring(close + 2).split(" ");
            return new ProcStat(pid, f[0].charAt(0), Long.parseLong(f[1]), Long.parseLong(f[2]));
        }
    }
}
