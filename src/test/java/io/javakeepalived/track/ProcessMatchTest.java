package io.javakeepalived.track;

import io.javakeepalived.config.model.TrackProcess.ParamMatch;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProcessMatchTest {

    private static ProcEntry proc(String comm, String... argv) {
        StringBuilder sb = new StringBuilder();
        for (String a : argv) {
            sb.append(a).append('\0');
        }
        return new ProcEntry(100, comm, sb.toString().getBytes(StandardCharsets.UTF_8), false);
    }

    @Test
    void byCommWithoutFullCommand() {
        ProcessMatch m = new ProcessMatch("haproxy", List.of(), ParamMatch.NONE, false);
        assertTrue(m.matches(proc("haproxy", "/usr/sbin/haproxy", "-f", "x")));
        assertFalse(m.matches(proc("haproxy-wrap", "haproxy")));
        assertFalse(m.matches(new ProcEntry(5, "haproxy", null, true)), "zombies never count");
        assertTrue(m.usesComm());
        assertEquals(0, m.cmdlineBytes());
    }

    @Test
    void fullCommandComparesArgvZeroExactly() {
        ProcessMatch m = new ProcessMatch("/usr/sbin/haproxy", List.of(), ParamMatch.NONE, true);
        assertTrue(m.matches(proc("haproxy", "/usr/sbin/haproxy", "-f", "x")));
        assertFalse(m.matches(proc("haproxy", "haproxy", "-f", "x")));
        assertFalse(m.matches(new ProcEntry(5, null, new byte[0], false)), "kernel threads have no cmdline");
        assertFalse(m.usesComm());
    }

    @Test
    void exactParametersMeanExactlyThese() {
        ProcessMatch m = new ProcessMatch("sleep", List.of("1000", "x"), ParamMatch.EXACT, true);
        assertEquals(5 + 1 + 7 + 1, m.cmdlineBytes());
        assertTrue(m.matches(proc("sleep", "sleep", "1000", "x")));
        assertFalse(m.matches(proc("sleep", "sleep", "1000", "x", "y")));
        assertFalse(m.matches(proc("sleep", "sleep", "1000")));
        assertFalse(m.matches(proc("sleep", "sleep", "1000", "xx")));
        ProcessMatch none = new ProcessMatch("sleep", List.of(), ParamMatch.EXACT, true);
        assertTrue(none.matches(proc("sleep", "sleep")), "param_match without parameters: none allowed");
        assertFalse(none.matches(proc("sleep", "sleep", "1")));
    }

    @Test
    void partialMeansTheseWholeArgumentsFirst() {
        ProcessMatch m = new ProcessMatch("sleep", List.of("1000"), ParamMatch.PARTIAL, true);
        assertTrue(m.matches(proc("sleep", "sleep", "1000")));
        assertTrue(m.matches(proc("sleep", "sleep", "1000", "more")));
        assertFalse(m.matches(proc("sleep", "sleep", "10000")));
        assertFalse(m.matches(proc("sleep", "sleep", "x", "1000")));
    }

    @Test
    void initialLetsTheLastArgumentBeAPrefix() {
        ProcessMatch m = new ProcessMatch("java", List.of("-jar", "app"), ParamMatch.INITIAL, true);
        assertTrue(m.matches(proc("java", "java", "-jar", "app")));
        assertTrue(m.matches(proc("java", "java", "-jar", "app-1.2.jar", "--x")));
        assertFalse(m.matches(proc("java", "java", "-jarx", "app")));
        assertFalse(m.matches(proc("java", "java", "-jar")));
    }
}
