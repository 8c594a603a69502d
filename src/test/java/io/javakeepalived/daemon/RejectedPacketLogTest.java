package io.javakeepalived.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.javakeepalived.vrrp.packet.RejectReason;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A flood of rejected adverts gives one line per instance and reason per minute, then a count. */
class RejectedPacketLogTest {
    final AtomicLong now = new AtomicLong(5_000_000_000L);
    ListAppender<ILoggingEvent> seen;
    RejectedPacketLog rejects;

    @BeforeEach
    void setUp() {
        LoggerContext ctx = new LoggerContext();
        Logger logger = ctx.getLogger("Keepalived_vrrp");
        logger.setLevel(ch.qos.logback.classic.Level.INFO);
        seen = new ListAppender<>();
        seen.setContext(ctx);
        seen.start();
        logger.addAppender(seen);
        rejects = new RejectedPacketLog(logger, now::get);
    }

    List<String> lines() {
        return seen.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    void advanceMillis(long ms) {
        now.addAndGet(ms * 1_000_000L);
    }

    @Test
    void floodOfOneReasonIsOneLineThenASummaryPerInterval() {
        for (int i = 0; i < 600; i++) { // ten adverts a second for a minute
            rejects.log("VI_1", RejectReason.AUTH_FAILURE, "(VI_1) received an invalid passwd!");
            rejects.flush();
            advanceMillis(100);
        }
        assertEquals(List.of("(VI_1) received an invalid passwd!"), lines());
        assertEquals(599, rejects.suppressed("VI_1", RejectReason.AUTH_FAILURE));
        rejects.flush(); // the minute is over: the count comes without waiting for the next packet
        assertEquals(List.of("(VI_1) received an invalid passwd!",
                "(VI_1) received an invalid passwd! ... 599 more suppressed"), lines());
        assertEquals(seen.list.get(1).getLevel(), ch.qos.logback.classic.Level.INFO);
    }

    @Test
    void reasonsAndInstancesHaveTheirOwnWindows() {
        assertTrue(rejects.log("VI_1", RejectReason.TTL, "(VI_1) invalid TTL/HL. Received 64 and expect 255"));
        assertTrue(rejects.log("VI_1", RejectReason.CHECKSUM, "(VI_1) Invalid VRRP checksum"));
        assertTrue(rejects.log("VI_2", RejectReason.TTL, "(VI_2) invalid TTL/HL. Received 64 and expect 255"));
        assertTrue(rejects.log("IPV4/eth0/multicast", RejectReason.RUNT, "runt"));
        assertFalse(rejects.log("VI_1", RejectReason.TTL, "(VI_1) invalid TTL/HL. Received 1 and expect 255"));
        assertEquals(4, lines().size());
    }

    @Test
    void aQuietReasonLogsAgainAfterTheInterval() {
        assertTrue(rejects.log("VI_1", RejectReason.VERSION, "(VI_1) wrong version. Received 3 and expect 2"));
        advanceMillis(RejectedPacketLog.INTERVAL.toMillis());
        rejects.flush();
        assertTrue(rejects.log("VI_1", RejectReason.VERSION, "(VI_1) wrong version. Received 3 and expect 2"));
        assertEquals(2, lines().size(), "nothing was suppressed, so no summary: " + lines());
    }
}
