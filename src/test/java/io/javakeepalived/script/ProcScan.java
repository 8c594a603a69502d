package io.javakeepalived.script;

import io.javakeepalived.sys.SystemProcessControl;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What /proc says about processes, for the integration tests. */
public final class ProcScan {
    private ProcScan() {
    }

    public static List<SystemProcessControl.ProcStat> all() {
        List<SystemProcessControl.ProcStat> out = new ArrayList<>();
        try (DirectoryStream<Path> proc = Files.newDirectoryStream(Path.of("/proc"))) {
            for (Path p : proc) {
                String n = p.getFileName().toString();
                if (!n.isEmpty() && Character.isDigit(n.charAt(0))) {
                    SystemProcessControl.ProcStat st = SystemProcessControl.ProcStat.read(Long.parseLong(n));
                    if (st != null) {
                        out.add(st);
                    }
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out;
    }

    /** Every process (zombies included) whose process group is {@code pgid}. */
    public static List<SystemProcessControl.ProcStat> group(long pgid) {
        return all().stream().filter(s -> s.pgrp() == pgid).toList();
    }

    /** Zombie children of this JVM. */
    public static List<SystemProcessControl.ProcStat> ourZombies() {
        long me = ProcessHandle.current().pid();
        return all().stream().filter(s -> s.ppid() == me && s.state() == 'Z').toList();
    }

    /** Waits up to {@code millis} for the group to be gone; returns what is left. */
    public static List<SystemProcessControl.ProcStat> awaitGroupGone(long pgid, long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000;
        List<SystemProcessControl.ProcStat> left = group(pgid);
        while (!left.isEmpty() && System.nanoTime() < end) {
            Thread.sleep(20);
            left = group(pgid);
        }
        return left;
    }

    public static boolean alive(long pid) {
        SystemProcessControl.ProcStat st = SystemProcessControl.ProcStat.read(pid);
        return st != null && st.state() != 'Z';
    }
}
