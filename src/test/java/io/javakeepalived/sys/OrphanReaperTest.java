package io.javakeepalived.sys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A process that adopts orphans (here a child subreaper; a container's PID 1 is the same) collects
 * the zombie a script's background child leaves, and never the script itself, which its runner
 * waits for. Runs in a child JVM: being a subreaper would change how this one's children end.
 */
class OrphanReaperTest {

    @Test
    void aSubreaperCollectsOrphansButNotItsOwnScripts() throws Exception {
        try (ChildJvm child = ChildJvm.start(List.of(), SubreaperMain.class, "subreaper")) {
            assertEquals(0, child.awaitExit(), child.describe());
            List<String> lines = child.lines();
            assertEquals("adopts true", lines.get(0), child.describe());
            String script = lines.get(1).substring("script ".length());
            // two zombies: the script (ours, not yet collected) and the sleep it left behind
            List<String> zombies = new ArrayList<>(List.of(lines.get(2).replaceAll("zombies \\[|\\]", "")
                    .split(", ")));
            assertTrue(zombies.size() == 2 && zombies.remove(script), child.describe());
            String orphan = zombies.get(0);
            assertEquals("reaped []", lines.get(3), "the script's zombie is its runner's: " + child.describe());
            assertEquals("reaped [" + orphan + "]", lines.get(4), child.describe());
            assertEquals("zombies []", lines.get(5), child.describe());
        }
    }

    @Test
    void anOrdinaryProcessAdoptsNothing() throws Exception {
        try (ChildJvm child = ChildJvm.start(List.of(), SubreaperMain.class, "plain")) {
            assertEquals(0, child.awaitExit(), child.describe());
            assertEquals("adopts false", child.lines().get(0), child.describe());
        }
    }
}
