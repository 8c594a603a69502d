package io.javakeepalived.track;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Lists processes from a /proc tree (keepalived's {@code read_procs()}): the numeric directories,
 * for each the comm and state from {@code PID/stat} and/or the first bytes of {@code PID/cmdline}.
 * Only the process directories are read, not their threads ({@code PID/task}), so threads are
 * never counted. A process that ends between the listing and the reading is skipped. The root is
 * a parameter so that tests can use a fake tree.
 *
 * <p>cmdline is read only when asked (keepalived avoids it too: reading it can make the kernel
 * page in a swapped-out process's memory), and only as many bytes as the longest configured
 * name plus parameters need.
 */
public final class ProcScanner {

    private final Path root;
    private final byte[] buf = new byte[4096];

    public ProcScanner(Path root) {
        this.root = Objects.requireNonNull(root, "root");
    }

    /** The system's /proc. */
    public static ProcScanner system() {
        return new ProcScanner(Path.of("/proc"));
    }

    /**
     * Lists the processes.
     *
     * @param comm         read each process's comm and state
     * @param cmdlineBytes read up to this many bytes of each cmdline (0: none)
     * @return the processes, or null if the root cannot be listed (not a /proc tree)
     */
    public List<ProcEntry> scan(boolean comm, int cmdlineBytes) {
        String[] names = root.toFile().list();
        if (names == null) {
            return null;
        }
        List<ProcEntry> out = new ArrayList<>();
        String base = root.toString() + "/";
        for (String d : names) {
            int pid = pid(d);
            if (pid <= 0) {
                continue;
            }
            String name = null;
            boolean zombie = false;
            if (comm) {
                byte[] stat = read(base + d + "/stat", 512);
                if (stat == null) {
                    continue;
                }
                Stat s = parseStat(stat);
                if (s == null) {
                    continue;
                }
                name = s.comm();
                zombie = s.state() == 'Z';
            }
            byte[] cmdline = null;
            if (cmdlineBytes > 0) {
                cmdline = read(base + d + "/cmdline", cmdlineBytes);
                if (cmdline == null) {
                    continue;
                }
            }
            out.add(new ProcEntry(pid, name, cmdline, zombie));
        }
        return out;
    }

    /** comm and state from a {@code /proc/PID/stat} line. */
    record Stat(String comm, char state) {
    }

    /**
     * keepalived's parsing: comm is what lies between the first {@code (} (looked for from the
     * third byte on) and the first {@code )} after it; the state is the second byte after that.
     * A comm containing {@code )} is cut there, as in keepalived.
     */
    static Stat parseStat(byte[] stat) {
        int open = -1;
        for (int i = 2; i < stat.length; i++) {
            if (stat[i] == '(') {
                open = i;
                break;
            }
        }
        if (open < 0) {
            return null;
        }
        int close = -1;
        for (int i = open + 1; i < stat.length; i++) {
            if (stat[i] == ')') {
                close = i;
                break;
            }
        }
        if (close < 0) {
            return null;
        }
        char state = close + 2 < stat.length ? (char) stat[close + 2] : '?';
        return new Stat(new String(stat, open + 1, close - open - 1, StandardCharsets.UTF_8), state);
    }

    private static int pid(String d) {
        if (d.isEmpty() || d.length() > 10 || d.charAt(0) < '1' || d.charAt(0) > '9') {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v > Integer.MAX_VALUE ? -1 : (int) v;
    }

    /** Up to {@code max} bytes of a file; null if it cannot be read (the process has gone). */
    private byte[] read(String file, int max) {
        byte[] b = max <= buf.length ? buf : new byte[max];
        int n = 0;
        try (FileInputStream in = new FileInputStream(file)) {
            while (n < max) {
                int r = in.read(b, n, max - n);
                if (r <= 0) {
                    break;
                }
                n += r;
            }
        } catch (IOException e) {
            return null;
        }
        return Arrays.copyOf(b, n);
    }
}
