package io.javakeepalived.daemon;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.slf4j.helpers.NOPLogger;

/** Whatever reading the configuration throws, the loop gets an outcome and the reload ends. */
class ReloadReaderTest {

    private static ReloadSource.Outcome readWith(ReloadSource source) throws InterruptedException {
        CountDownLatch woken = new CountDownLatch(1);
        ReloadReader reader = new ReloadReader(source, woken::countDown, NOPLogger.NOP_LOGGER);
        reader.start();
        assertTrue(woken.await(10, TimeUnit.SECONDS), "the loop was never woken: the reload would be stuck");
        return reader.take();
    }

    @Test
    void anErrorWhileReadingIsARejectionNotAStuckReload() throws Exception {
        ReloadSource.Outcome o = readWith(() -> {
            throw new StackOverflowError("definition nested without end");
        });
        ReloadSource.Rejected r = assertInstanceOf(ReloadSource.Rejected.class, o);
        assertTrue(r.reason().contains("StackOverflowError"), r.reason());
    }

    @Test
    void anOutOfMemoryErrorTheJvmSurvivedIsARejection() throws Exception {
        ReloadSource.Outcome o = readWith(() -> {
            throw new OutOfMemoryError("Java heap space");
        });
        assertInstanceOf(ReloadSource.Rejected.class, o);
    }

    @Test
    void aRuntimeExceptionIsARejection() throws Exception {
        assertInstanceOf(ReloadSource.Rejected.class, readWith(() -> {
            throw new IllegalStateException("bug");
        }));
    }
}
