package io.javakeepalived.track;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProcScannerTest {

    @Test
    void listsNumericDirectoriesWithCommStateAndTheStartOfTheCommandLine() {
        try (FakeProc proc = new FakeProc()) {
            proc.add(1, "systemd", 'S', "/sbin/init", "splash")
                    .add(4242, "nginx", 'S', "nginx: master process /usr/sbin/nginx")
                    .add(777, "defunct", 'Z');
            List<ProcEntry> all = new ProcScanner(proc.root).scan(true, 12);
            all = all.stream().sorted(Comparator.comparingInt(ProcEntry::pid)).toList();
            assertEquals(List.of(1, 777, 4242), all.stream().map(ProcEntry::pid).toList(), "self, uptime skipped");
            assertEquals("systemd", all.get(0).comm());
            assertArrayEquals("/sbin/init\0s".getBytes(StandardCharsets.UTF_8), all.get(0).cmdline(), "12 bytes");
            assertTrue(all.get(1).zombie());
            assertEquals(0, all.get(1).cmdline().length);
            ProcEntry nginx = new ProcScanner(proc.root).scan(true, 0).stream().filter(p -> p.pid() == 4242)
                    .findFirst().orElseThrow();
            assertNull(nginx.cmdline(), "cmdline not read when no tracker needs it");
        }
    }

    @Test
    void statParsingTakesTheCommBetweenTheFirstParentheses() {
        assertEquals(new ProcScanner.Stat("a b", 'R'), ProcScanner.parseStat("12 (a b) R 1".getBytes()));
        assertEquals(new ProcScanner.Stat("x(", 'S'), ProcScanner.parseStat("12 (x() S 1".getBytes()));
        assertEquals(new ProcScanner.Stat("we", 'i'), ProcScanner.parseStat("12 (we) ird) S 1".getBytes()),
                "cut at the first ')' as keepalived does");
        assertNull(ProcScanner.parseStat("garbage".getBytes()));
    }
}
