package io.javakeepalived.sys;

import io.javakeepalived.sys.signal.SignalCoverage;
import io.javakeepalived.sys.signal.SignalRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A stand-in daemon for {@link JvmSignalSourceIT}, run in a child JVM: installs the signal
 * source the way the daemon's main does and prints one line per event, so the test reads
 * what happened from stdout.
 *
 * <pre>
 * COVERAGE SIGRTMIN+2(36) JSON: DELIVERED via ...   one per signal, after install
 * INSTALLED 12345                                    install() returned; pid
 * STARTED                                            start() called
 * REQUEST JSON                                       one per request taken from the queue
 * CHILD SigIgn: ...                                  with --child-status: a child's masks
 * </pre>
 * STOP prints its line and exits 0, as the daemon does after releasing.
 *
 * <p>Options: {@code --fallback} (skip the HotSpot path for 36/63), {@code --start-after-ms N}
 * (hold requests for N ms before start), {@code --busy} (a thread spinning in Java, for JFR's
 * sampler), {@code --child-status} (after start, run {@code grep Sig /proc/self/status}).
 */
public final class SignalProbe {

    private SignalProbe() {
    }

    public static void main(String[] args) throws InterruptedException, IOException {
        boolean fallback = false;
        boolean busy = false;
        boolean childStatus = false;
        long startAfterMs = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--fallback" -> fallback = true;
                case "--busy" -> busy = true;
                case "--child-status" -> childStatus = true;
                case "--start-after-ms" -> startAfterMs = Long.parseLong(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        JvmSignalSource signals = JvmSignalSource.install(!fallback);
        for (SignalCoverage c : signals.coverage()) {
            System.out.println("COVERAGE " + c.describe());
        }
        System.out.println("INSTALLED " + ProcessHandle.current().pid());
        if (busy) {
            Thread spinner = new Thread(SignalProbe::spin, "busy");
            spinner.setDaemon(true);
            spinner.start();
        }
        Thread.sleep(startAfterMs);
        BlockingQueue<SignalRequest> loop = new LinkedBlockingQueue<>();
        signals.start(loop::offer);
        System.out.println("STARTED");
        if (childStatus) {
            Process child = new ProcessBuilder("grep", "^Sig", "/proc/self/status").redirectErrorStream(true).start();
            for (String line : new String(child.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                System.out.println("CHILD " + line);
            }
            child.waitFor();
        }
        while (true) {
            SignalRequest request = loop.take();
            System.out.println("REQUEST " + request);
            if (request == SignalRequest.STOP) {
                System.exit(0);
            }
        }
    }

    private static volatile long sink;

    private static void spin() {
        long x = 0;
        while (true) {
            x += System.nanoTime() & 7;
            sink = x;
        }
    }
}
