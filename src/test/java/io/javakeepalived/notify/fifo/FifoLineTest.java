package io.javakeepalived.notify.fifo;

import io.javakeepalived.vrrp.NotifyState;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FifoLineTest {

    @Test
    void linesAsKeepalivedWritesThem() {
        // vrrp-notify-fifo-syncgroup.txt, keepalived 2.2.7
        assertEquals("INSTANCE \"VI_1\" BACKUP 100\n", FifoLine.instance("VI_1", FifoLine.word(NotifyState.BACKUP), 100));
        assertEquals("GROUP \"G1\" MASTER 0\n", FifoLine.group("G1", FifoLine.word(NotifyState.MASTER)));
        assertEquals("INSTANCE \"VI_2\" FAULT 150\n", FifoLine.instance("VI_2", "FAULT", 150));
        assertEquals("INSTANCE \"VI_1\" MASTER_RX_LOWER_PRI 150\n",
                FifoLine.instance("VI_1", FifoLine.word(NotifyState.MASTER_RX_LOWER_PRI), 150));
        assertEquals("GROUP \"G 1\" STOP 0\n", FifoLine.group("G 1", FifoLine.word(NotifyState.STOP)));
    }

    @Test
    void checkerLinesAsKeepalivedWritesThem() {
        // ipwrapper.c notify_fifo_vs / notify_fifo_rs: no quotes, no priority
        assertEquals("VS [10.0.0.1]:tcp:80 UP\n", FifoLine.virtualServer("[10.0.0.1]:tcp:80", true));
        assertEquals("RS [10.0.1.1]:tcp:8080 [10.0.0.1]:tcp:80 DOWN\n",
                FifoLine.realServer("[10.0.1.1]:tcp:8080", "[10.0.0.1]:tcp:80", false));
    }
}
