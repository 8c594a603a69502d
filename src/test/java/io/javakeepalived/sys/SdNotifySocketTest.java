package io.javakeepalived.sys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.sys.NotifyTransport;
import io.javakeepalived.testsupport.NotifyReceiver;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sd_notify datagrams reach a real AF_UNIX socket, path or abstract, as systemd would read them. */
class SdNotifySocketTest {
    @TempDir
    Path dir;

    @Test
    void unsetEmptyOrUnsupportedAddressesMeanNoNotifications() {
        assertTrue(SdNotifySocket.forAddress(null).isEmpty());
        assertTrue(SdNotifySocket.forAddress("").isEmpty());
        assertTrue(SdNotifySocket.forAddress("@").isEmpty());
        assertTrue(SdNotifySocket.forAddress("vsock:2:1234").isEmpty());
        assertTrue(SdNotifySocket.forAddress("relative/path").isEmpty());
        assertTrue(SdNotifySocket.forAddress("/" + "x".repeat(120)).isEmpty(), "longer than sun_path");
    }

    @Test
    void pathSocketReceivesEachMessageAsOneDatagram() throws Exception {
        try (NotifyReceiver r = NotifyReceiver.atPath(dir.resolve("notify"));
             NotifyTransport t = SdNotifySocket.forAddress(r.address()).orElseThrow()) {
            assertTrue(t.send("READY=1\nSTATUS=1 MASTER"));
            assertTrue(t.send("WATCHDOG=1"));
            assertNotNull(r.await(m -> m.text().equals("WATCHDOG=1"), 5000));
            assertEquals(List.of("READY=1\nSTATUS=1 MASTER", "WATCHDOG=1"),
                    r.messages().stream().map(NotifyReceiver.Message::text).toList());
        }
    }

    @Test
    void abstractSocketIsReachedThroughAtName() throws Exception {
        String name = "javakeepalived-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        try (NotifyReceiver r = NotifyReceiver.abstractName(name);
             NotifyTransport t = SdNotifySocket.forAddress(r.address()).orElseThrow()) {
            assertEquals("@" + name, t.target());
            assertTrue(t.send("STOPPING=1"));
            assertNotNull(r.await(m -> m.has("STOPPING=1"), 5000), "datagram at the abstract name");
        }
    }

    @Test
    void noReceiverIsAFailedSendNotAThrow() {
        NotifyTransport t = SdNotifySocket.forAddress(dir.resolve("absent").toString()).orElseThrow();
        assertFalse(t.send("READY=1"));
        assertNotNull(t.lastError());
        t.close();
    }
}
