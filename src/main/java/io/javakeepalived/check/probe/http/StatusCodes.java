package io.javakeepalived.check.probe.http;

import io.javakeepalived.config.model.Checker;

import java.util.BitSet;
import java.util.List;

/** The status codes a url accepts: keepalived's bit set over 100..599 (default 200-299). */
final class StatusCodes {
    static final int MIN = 100;
    static final int MAX = 599;

    private final BitSet accepted = new BitSet(MAX - MIN + 1);

    StatusCodes(List<Checker.StatusRange> ranges) {
        List<Checker.StatusRange> effective = ranges.isEmpty() ? List.of(new Checker.StatusRange(200, 299)) : ranges;
        for (Checker.StatusRange r : effective) {
            int from = Math.max(MIN, r.min());
            int to = Math.min(MAX, r.max());
            if (from <= to) {
                accepted.set(from - MIN, to - MIN + 1);
            }
        }
    }

    /** False for anything outside 100..599, including 0 (a status line keepalived cannot read). */
    boolean accepts(int status) {
        return status >= MIN && status <= MAX && accepted.get(status - MIN);
    }
}
