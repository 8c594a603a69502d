package io.javakeepalived.check.probe.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.config.model.Checker.StatusRange;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusCodesTest {

    @Test
    void withoutAListAny2xxPasses() {
        StatusCodes codes = new StatusCodes(List.of());
        assertTrue(codes.accepts(200));
        assertTrue(codes.accepts(299));
        assertFalse(codes.accepts(199));
        assertFalse(codes.accepts(301));
        assertFalse(codes.accepts(503));
    }

    @Test
    void listsAndRangesAreUnited() {
        StatusCodes codes = new StatusCodes(List.of(new StatusRange(200, 200), new StatusRange(301, 302),
                new StatusRange(404, 404)));
        assertTrue(codes.accepts(200));
        assertFalse(codes.accepts(201));
        assertTrue(codes.accepts(301));
        assertTrue(codes.accepts(302));
        assertFalse(codes.accepts(303));
        assertTrue(codes.accepts(404));
    }

    @Test
    void aStatusOutside100To599OrUnreadableNeverPasses() {
        StatusCodes all = new StatusCodes(List.of(new StatusRange(100, 599)));
        assertFalse(all.accepts(0));
        assertFalse(all.accepts(99));
        assertFalse(all.accepts(600));
        assertTrue(all.accepts(599));
    }
}
