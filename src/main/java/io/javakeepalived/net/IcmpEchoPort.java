package io.javakeepalived.net;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The real {@link IcmpEcho}: an IPv4 and (when the kernel has IPv6) an IPv6 {@link EchoSocket},
 * opened in the namespace of the thread that calls {@link #open()}, and one daemon thread
 * ("icmp-echo") that polls both, matches replies to requests and delivers timeouts. Requests are
 * sent at once on the caller's thread (under a lock), so a check's round trip does not wait for
 * the receive thread to wake.
 */
public final class IcmpEchoPort implements IcmpEcho {
    /** Replies read per socket per wake-up, so a flood of ICMP cannot starve the timeouts. */
    private static final int BURST = 256;
    private static final long MAX_WAIT_MS = 1000;

    private final EchoSocket v4;
    private final EchoSocket v6;
    private final EventFd wake;
    private final Poller poller = new Poller();
    private final PendingEchoes pending = new PendingEchoes(ThreadLocalRandom.current().nextInt(0x10000));
    private final ConcurrentLinkedQueue<Runnable> failedSends = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private volatile boolean running = true;

    private IcmpEchoPort(EchoSocket v4, EchoSocket v6, EventFd wake) {
        this.v4 = v4;
        this.v6 = v6;
        this.wake = wake;
        poller.add(v4.fd());
        if (v6 != null) {
            poller.add(v6.fd());
        }
        poller.add(wake.fd());
        thread = new Thread(this::run, "icmp-echo");
        thread.setDaemon(true);
    }

    /**
     * Opens the sockets in the calling thread's network namespace and starts the receive thread.
     * A kernel without IPv6 gives a port whose IPv6 requests fail with {@link EchoOutcome.SendFailed}.
     */
    public static IcmpEchoPort open() throws ErrnoException {
        EchoSocket v4 = EchoSocket.open(false);
        EchoSocket v6 = null;
        EventFd wake = null;
        try {
            try {
                v6 = EchoSocket.open(true);
            } catch (ErrnoException e) {
                if (e.errno() != Errno.EAFNOSUPPORT) {
                    throw e;
                }
            }
            wake = new EventFd();
            IcmpEchoPort port = new IcmpEchoPort(v4, v6, wake);
            port.thread.start();
            return port;
        } catch (ErrnoException | RuntimeException e) {
            v4.close();
            if (v6 != null) {
                v6.close();
            }
            if (wake != null) {
                wake.close();
            }
            throw e;
        }
    }

    /** Whether requests go out on unprivileged ping sockets (else raw sockets). */
    public boolean unprivileged() {
        return !v4.raw;
    }

    @Override
    public Pending send(EchoRequest request, Consumer<EchoOutcome> outcome) {
        byte[] target = request.target().getAddress();
        EchoSocket socket = target.length == 16 ? v6 : v4;
        if (socket == null) {
            return failLater(outcome, "IPv6 is not available for ICMPv6 echo");
        }
        int ifindex;
        try {
            ifindex = request.interfaceName().isPresent() ? NetInterfaces.indexOf(request.interfaceName().get()) : 0;
        } catch (ErrnoException e) {
            return failLater(outcome, e.getMessage());
        }
        byte[] source = request.source().map(InetAddress::getAddress).orElse(null);
        PendingEchoes.Entry entry;
        synchronized (pending) {
            entry = pending.add(target, System.nanoTime(), request.timeout().toNanos(), outcome);
            if (entry == null) {
                return failLater(outcome, "too many ICMP echo requests waiting");
            }
            try {
                socket.send(entry.sequence, target, source, ifindex);
            } catch (ErrnoException e) {
                pending.remove(entry);
                return failLater(outcome, e.getMessage());
            }
        }
        signal();
        PendingEchoes.Entry sent = entry;
        return () -> {
            synchronized (pending) {
                pending.remove(sent);
            }
        };
    }

    /** A failure is delivered like any outcome: later, on the port's thread. */
    private Pending failLater(Consumer<EchoOutcome> outcome, String reason) {
        AtomicBoolean cancelled = new AtomicBoolean();
        failedSends.add(() -> {
            if (!cancelled.get()) {
                outcome.accept(new EchoOutcome.SendFailed(reason));
            }
        });
        signal();
        return () -> cancelled.set(true);
    }

    private void signal() {
        try {
            wake.signal();
        } catch (ErrnoException e) {
            // the eventfd is gone only after close(): nobody waits for outcomes any more
        }
    }

    private void run() {
        byte[] from4 = new byte[4];
        byte[] from16 = new byte[16];
        List<Runnable> deliveries = new ArrayList<>();
        while (running) {
            try {
                long untilNext;
                synchronized (pending) {
                    untilNext = pending.untilNextDeadline(System.nanoTime());
                }
                long waitMs = untilNext < 0 ? MAX_WAIT_MS
                        : Math.min(MAX_WAIT_MS, TimeUnit.NANOSECONDS.toMillis(untilNext + 999_999));
                poller.poll((int) waitMs);
                wake.drain();
                receive(v4, from4, deliveries);
                if (v6 != null) {
                    receive(v6, from16, deliveries);
                }
                synchronized (pending) {
                    for (PendingEchoes.Entry e : pending.expire(System.nanoTime())) {
                        deliveries.add(() -> e.outcome.accept(new EchoOutcome.TimedOut()));
                    }
                }
                Runnable r;
                while ((r = failedSends.poll()) != null) {
                    deliveries.add(r);
                }
                deliver(deliveries);
            } catch (ErrnoException e) {
                if (running) {
                    throw new IllegalStateException("ICMP echo receive thread: " + e.getMessage(), e);
                }
            }
        }
    }

    private void receive(EchoSocket socket, byte[] from, List<Runnable> deliveries) throws ErrnoException {
        for (int i = 0; i < BURST; i++) {
            int sequence = socket.receive(from);
            if (sequence == EchoSocket.DRAINED) {
                return;
            }
            if (sequence == EchoPacket.NOT_A_REPLY) {
                continue;
            }
            long now = System.nanoTime();
            synchronized (pending) {
                PendingEchoes.Entry e = pending.answer(sequence, from);
                if (e != null) {
                    deliveries.add(() -> e.outcome.accept(new EchoOutcome.Reply(now - e.sentAt)));
                }
            }
        }
    }

    /** Outcomes run outside the lock: a consumer may send its next request from inside. */
    private static void deliver(List<Runnable> deliveries) {
        for (Runnable r : deliveries) {
            r.run();
        }
        deliveries.clear();
    }

    @Override
    public void close() {
        running = false;
        signal();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        wake.close();
        v4.close();
        if (v6 != null) {
            v6.close();
        }
    }
}
