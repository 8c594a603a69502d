package io.javakeepalived.sys;

import jnr.ffi.LibraryLoader;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A child JVM for {@link OrphanReaperTest}: makes itself a child subreaper (as a container's
 * PID 1 is), spawns a script that leaves a background child behind, and prints what it sees:
 * {@code adopts true|false}, {@code zombies PIDS} (its terminated children not yet collected),
 * {@code reaped PIDS}, {@code script PID}.
 */
public final class SubreaperMain {
    private static final int PR_SET_CHILD_SUBREAPER = 36;

    /** prctl, for the test only. */
    public interface Prctl {
        int prctl(int option, long arg2, long arg3, long arg4, long arg5);
    }

    private SubreaperMain() {
    }

    public static void main(String[] args) throws Exception {
        boolean subreaper = args.length > 0 && args[0].equals("subreaper");
        if (subreaper) {
            LibraryLoader.create(Prctl.class).load("c").prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
        }
        System.out.println("adopts " + OrphanReaper.adoptsOrphans());
        long script = ProcessSpawner.spawn("/bin/sh", List.of("sh", "-c", "sleep 0.3 & exit 0"), List.of(), null);
        System.out.println("script " + script);
        ProcessSpawner.awaitExit(script); // a zombie of ours now, not collected yet
        Thread.sleep(800); // the orphaned sleep has ended meanwhile
        System.out.println("zombies " + zombies());
        System.out.println("reaped " + OrphanReaper.reapOrphans()); // the script's zombie is ours: left alone
        ProcessSpawner.reap(script);
        System.out.println("reaped " + OrphanReaper.reapOrphans());
        System.out.println("zombies " + zombies());
    }

    private static List<Long> zombies() throws IOException {
        // each thread lists the children it started; orphans join the first thread's list
        StringBuilder children = new StringBuilder();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                children.append(Files.readString(task.resolve("children"))).append(' ');
            }
        }
        List<Long> out = new ArrayList<>();
        for (String child : children.toString().trim().split(" +")) {
            if (child.isEmpty()) {
                continue;
            }
            String stat = Files.readString(Path.of("/proc/" + child + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            if (f[0].equals("Z")) {
                out.add(Long.parseLong(child));
            }
        }
        Collections.sort(out);
        return out;
    }
}
