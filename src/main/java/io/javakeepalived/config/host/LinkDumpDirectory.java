package io.javakeepalived.config.host;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The interfaces as the kernel lists them for the calling thread's network namespace: an
 * rtnetlink link dump (RTM_GETLINK), as keepalived reads them before it checks a configuration.
 * /sys/class/net is not that: sysfs shows the namespace it was mounted in, so a daemon entered
 * into a namespace with setns or {@code nsenter --net} would check its configuration against the
 * host's interfaces ({@code ip netns exec} remounts /sys, which hid this).
 *
 * <p>One dump per {@link #snapshot()}, which a configuration check takes once and asks every
 * question of; a lone {@link #lookup} dumps for itself. The dump itself is the composition root's
 * (over the native layer), handed in as a {@link LinkDump}; if it fails the fallback answers.
 */
public final class LinkDumpDirectory implements InterfaceDirectory {

    /** One reading of every link of the namespace. */
    @FunctionalInterface
    public interface LinkDump {
        List<InterfaceInfo> links() throws IOException;
    }

    private final LinkDump dump;
    private final InterfaceDirectory fallback;

    public LinkDumpDirectory(LinkDump dump, InterfaceDirectory fallback) {
        this.dump = dump;
        this.fallback = fallback;
    }

    @Override
    public Optional<InterfaceInfo> lookup(String name) {
        return snapshot().lookup(name);
    }

    @Override
    public InterfaceDirectory snapshot() {
        try {
            return InterfaceDirectory.of(dump.links().toArray(new InterfaceInfo[0]));
        } catch (IOException e) {
            return fallback.snapshot();
        }
    }
}
