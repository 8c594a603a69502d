package io.javakeepalived.sys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The signal dispositions of a process as the kernel reports them in {@code /proc/PID/status}:
 * {@code SigIgn} (ignored) and {@code SigCgt} (caught, i.e. a handler is installed) are
 * process-wide; {@code SigBlk} is the mask of the thread the file describes. Bit n-1 stands for
 * signal n. Reading them needs no native call, so start-up can check itself without loading jnr.
 */
record SignalMasks(long blocked, long ignored, long caught) {

    static SignalMasks ofSelf() {
        return of(Paths.get("/proc/self/status"));
    }

    static SignalMasks of(Path status) {
        try {
            return parse(new String(Files.readAllBytes(status), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses the text of a {@code /proc/PID/status} file. */
    static SignalMasks parse(String status) {
        return new SignalMasks(field(status, "SigBlk"), field(status, "SigIgn"), field(status, "SigCgt"));
    }

    boolean isBlocked(int sig) {
        return bit(blocked, sig);
    }

    boolean isIgnored(int sig) {
        return bit(ignored, sig);
    }

    boolean isCaught(int sig) {
        return bit(caught, sig);
    }

    /** Neither ignored nor caught: the kernel's default action applies. */
    boolean isDefault(int sig) {
        return !isIgnored(sig) && !isCaught(sig);
    }

    private static boolean bit(long mask, int sig) {
        if (sig < 1 || sig > 64) {
            throw new IllegalArgumentException("signal number out of range: " + sig);
        }
        return (mask >>> (sig - 1) & 1) != 0;
    }

    private static long field(String status, String name) {
        for (String line : status.split("\n")) {
            if (line.startsWith(name + ":")) {
                return Long.parseUnsignedLong(line.substring(name.length() + 1).trim(), 16);
            }
        }
        throw new IllegalArgumentException("no " + name + " line in process status");
    }
}
