package io.javakeepalived.check.probe.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.config.model.Checker.StatusRange;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusCodesTest {

    private static void assertDecides(StatusCodes codes, List<Integer> accepted, List<Integer> refused) {
        for (int code : accepted) {
            assertTrue(codes.accepts(code), "accepts " + code);
        }
        for (int code : refused) {
            assertFalse(codes.accepts(code), "refuses " + code);
        }
    }

    @Test
    void withoutAListAny2xxPasses() {
        assertDecides(new StatusCodes(List.of()), List.of(200, 204, 299), List.of(199, 301, 404, 503));
    }

    @Test
    void listsAndRangesAreUnited() {
        assertDecides(new StatusCodes(List.of(new StatusRange(200, 200), new StatusRange(301, 302),
                new StatusRange(404, 404))), List.of(200, 301, 302, 404), List.of(201, 299, 303, 503));
    }

    @Test
    void aStatusOutside100To599OrUnreadableNeverPasses() {
        assertDecides(new StatusCodes(List.of(new StatusRange(100, 599))), List.of(100, 599), List.of(0, 99, 600));
    }
}
