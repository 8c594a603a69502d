package io.javakeepalived.daemon;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReloadRequestsTest {

    @Test
    void oneRequestOneReload() {
        ReloadRequests r = new ReloadRequests();
        assertTrue(r.request());
        assertTrue(r.running());
        assertFalse(r.finished(), "nothing queued");
        assertFalse(r.running());
        assertTrue(r.request(), "the next HUP starts a new reload");
    }

    @Test
    void requestsDuringAReloadBecomeOneMore() {
        ReloadRequests r = new ReloadRequests();
        assertTrue(r.request());
        assertFalse(r.request());
        assertFalse(r.request());
        assertFalse(r.request());
        assertTrue(r.queued());
        assertTrue(r.finished(), "one queued reload starts");
        assertTrue(r.running());
        assertFalse(r.queued());
        assertFalse(r.finished(), "the three HUPs were coalesced into that one");
        assertFalse(r.running());
    }

    @Test
    void finishingWithoutAReloadIsAnError() {
        assertThrows(IllegalStateException.class, () -> new ReloadRequests().finished());
    }
}
