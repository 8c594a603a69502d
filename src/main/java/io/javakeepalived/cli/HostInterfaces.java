package io.javakeepalived.cli;

import io.javakeepalived.config.host.InterfaceDirectory;
import io.javakeepalived.config.host.InterfaceInfo;
import io.javakeepalived.config.host.LinkDumpDirectory;
import io.javakeepalived.net.LinkInfo;
import io.javakeepalived.net.Rtnetlink;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The interfaces the configuration is checked against: an rtnetlink link dump in the calling
 * thread's network namespace (so {@code nsenter --net} and setns are followed), /sys/class/net
 * only if rtnetlink cannot be opened.
 *
 * <p>The first dump starts at once on a thread of its own: it is what loads the native layer
 * (jnr, some 0.2 s of CPU), and done beside the reading of the file it adds little to the wall
 * time of {@code -t} and of the daemon's start. Later checks (reloads) dump when they start.
 */
final class HostInterfaces {
    private HostInterfaces() {
    }

    /** Call before the file is read; the prefetching thread inherits the caller's namespace. */
    static InterfaceDirectory overRtnetlink() {
        FutureTask<List<InterfaceInfo>> first = new FutureTask<>(HostInterfaces::dump);
        Thread t = new Thread(first, "interfaces");
        t.setDaemon(true);
        t.start();
        AtomicReference<FutureTask<List<InterfaceInfo>>> prefetched = new AtomicReference<>(first);
        return new LinkDumpDirectory(() -> {
            FutureTask<List<InterfaceInfo>> p = prefetched.getAndSet(null);
            return p == null ? dump() : await(p);
        }, InterfaceDirectory.system());
    }

    private static List<InterfaceInfo> dump() throws IOException {
        try (Rtnetlink rtnl = Rtnetlink.open()) {
            return rtnl.links().stream().map(HostInterfaces::info).toList();
        }
    }

    private static List<InterfaceInfo> await(FutureTask<List<InterfaceInfo>> p) throws IOException {
        try {
            return p.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading the interfaces", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    private static InterfaceInfo info(LinkInfo l) {
        return new InterfaceInfo(l.name(), l.arpType(), l.flags(), l.mtu());
    }
}
