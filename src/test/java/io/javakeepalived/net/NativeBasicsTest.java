package io.javakeepalived.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Native calls that need no privileges: error texts, name lookups, eventfd and poll. */
class NativeBasicsTest {
    @Test
    void errnoExceptionNamesCallSubjectAndErrorText() {
        ErrnoException e = new ErrnoException("setsockopt(IP_ADD_MEMBERSHIP) on eth0", Errno.ENODEV);
        assertEquals("setsockopt(IP_ADD_MEMBERSHIP) on eth0: No such device", e.getMessage());
        assertEquals(Errno.ENODEV, e.errno());
        assertEquals("ENODEV", e.errnoName());
        assertEquals("setsockopt(IP_ADD_MEMBERSHIP) on eth0", e.operation());
        assertEquals("RTM_NEWADDR 10.0.0.1/24 dev eth0: File exists",
                new ErrnoException("RTM_NEWADDR 10.0.0.1/24 dev eth0", Errno.EEXIST).getMessage());
        assertEquals("x: Invalid argument (bad prefix)", new ErrnoException("x", Errno.EINVAL, "bad prefix").getMessage());
        assertEquals("errno 4095", Errno.name(4095));
    }

    @Test
    void interfaceLookups() throws Exception {
        int lo = NetInterfaces.indexOf("lo");
        assertTrue(lo > 0);
        assertEquals("lo", NetInterfaces.nameOf(lo));
        ErrnoException e = assertThrows(ErrnoException.class, () -> NetInterfaces.indexOf("nosuch0"));
        assertEquals("if_nametoindex(nosuch0): No such device", e.getMessage());
        assertThrows(ErrnoException.class, () -> NetInterfaces.nameOf(999_999));
        assertThrows(IllegalArgumentException.class, () -> NetInterfaces.indexOf("a-name-that-is-too-long"));
    }

    @Test
    void eventFdWakesThePoller() throws Exception {
        try (EventFd ev = new EventFd()) {
            Poller p = new Poller();
            p.add(ev.fd());
            assertEquals(0, p.poll(0), "nothing signalled");
            Thread t = new Thread(() -> {
                try {
                    ev.signal();
                    ev.signal();
                } catch (ErrnoException e) {
                    throw new IllegalStateException(e);
                }
            });
            t.start();
            assertEquals(1, p.poll(5000));
            t.join();
            assertTrue(p.isReady(ev.fd()));
            assertEquals(ev.fd(), p.readyFd(0));
            assertEquals(2, ev.drain());
            assertEquals(0, ev.drain(), "drained");
            assertEquals(0, p.poll(0));
            assertFalse(p.isReady(ev.fd()));
            assertEquals(0, p.pollNanos(200_000), "ppoll: 0.2 ms, nothing signalled");
            ev.signal();
            assertEquals(1, p.pollNanos(-1), "ppoll without a timeout returns on input");
            assertTrue(p.isReady(ev.fd()));
            assertEquals(1, ev.drain());
            p.remove(ev.fd());
        }
    }
}
