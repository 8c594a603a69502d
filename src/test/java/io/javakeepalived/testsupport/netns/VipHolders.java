package io.javakeepalived.testsupport.netns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.net.InterfaceAddress;
import io.javakeepalived.net.Rtnetlink;
import io.javakeepalived.testsupport.netns.NetnsLab.Node;

import java.io.IOException;
import java.net.InetAddress;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Samples a VIP on two nodes every 10 ms, through an rtnetlink socket opened in each node's
 * namespace (a netlink socket stays in the namespace it was made in); counts the samples in
 * which both hold it: what a client would see as split brain.
 */
public final class VipHolders implements AutoCloseable {
    private final AtomicInteger samples = new AtomicInteger();
    private final AtomicInteger both = new AtomicInteger();
    private final AtomicBoolean run = new AtomicBoolean(true);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Thread thread;

    public VipHolders(NetnsLab lab, Node x, Node y, String vipAddress) throws IOException {
        Rtnetlink rx = lab.call(x, Rtnetlink::open);
        Rtnetlink ry = lab.call(y, Rtnetlink::open);
        InetAddress vip = InetAddress.getByName(vipAddress);
        thread = new Thread(() -> {
            try (rx; ry) {
                while (run.get()) {
                    boolean inX = holds(rx, vip);
                    boolean inY = holds(ry, vip);
                    samples.incrementAndGet();
                    if (inX && inY) {
                        both.incrementAndGet();
                    }
                    Thread.sleep(10);
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "two-holders");
        thread.setDaemon(true);
        thread.start();
    }

    private static boolean holds(Rtnetlink r, InetAddress vip) throws IOException {
        for (InterfaceAddress x : r.addresses()) {
            if (x.address().equals(vip)) {
                return true;
            }
        }
        return false;
    }

    /** Samples so far. */
    public int samples() {
        return samples.get();
    }

    public void assertNeverBoth(int minSamples, Supplier<String> log) {
        assertNull(failure.get());
        assertTrue(samples.get() >= minSamples, samples + " samples");
        assertEquals(0, both.get(), () -> "both nodes held the VIP in " + both + " of " + samples
                + " samples\n" + log.get());
    }

    @Override
    public void close() throws InterruptedException {
        run.set(false);
        thread.join(2_000);
    }
}
