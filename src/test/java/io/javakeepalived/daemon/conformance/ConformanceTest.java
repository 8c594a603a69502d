package io.javakeepalived.daemon.conformance;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Replays every scenario under src/test/resources/conformance/&lt;case&gt;/scenario.txt as
 * one dynamic test. The format is described in conformance/README.md.
 */
class ConformanceTest {

    @TestFactory
    Stream<DynamicTest> scenarios() throws IOException, URISyntaxException {
        URL root = ConformanceTest.class.getResource("/conformance");
        assertTrue(root != null, "conformance resources missing");
        List<Path> cases;
        try (Stream<Path> s = Files.list(Path.of(root.toURI()))) {
            cases = s.filter(Files::isDirectory).sorted().toList();
        }
        assertFalse(cases.isEmpty(), "no conformance cases");
        return cases.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(),
                dir.resolve("scenario.txt").toUri(), () -> replay(dir)));
    }

    private static void replay(Path dir) throws IOException {
        String name = dir.getFileName().toString();
        String text = Files.readString(dir.resolve("scenario.txt"), StandardCharsets.UTF_8);
        Scenario sc = ScenarioParser.parse(name, text);
        assertFalse(sc.comments.isEmpty(), name + ": say in a comment what the case shows, in RFC terms");
        assertFalse(sc.checks.isEmpty() && sc.finals.isEmpty(), name + ": a case without expectations");
        Simulation.Result r = Simulation.run(sc);
        if (name.equals(System.getProperty("conformance.trace"))) {
            // mvn test -Dtest=ConformanceTest -Dconformance.trace=<case> prints what happened
            r.trace().stream().filter(e -> !(e.action() instanceof io.javakeepalived.vrrp.Action.ArmTimer))
                    .forEach(System.out::println);
        }
        if (!r.ok()) {
            fail(name + ": " + r.failures().size() + " problem(s)\n"
                    + r.failures().stream().map(f -> "  " + f).collect(Collectors.joining("\n")));
        }
    }

    /* The runner itself must be able to fail. */

    private static final String TWO_ROUTERS = """
            # two routers, v2, A wins the election
            router A 10.77.0.1
            router B 10.77.0.2
            instance A VI_1 vrid=77 priority=100 vips=10.77.0.100/24
            instance B VI_1 vrid=77 priority=90 vips=10.77.0.100/24
            at 0 A: start
            at 0 B: start
            """;

    @Test
    void aWrongTimeIsReported() {
        Simulation.Result ok = Simulation.run(ScenarioParser.parse("t", TWO_ROUTERS
                + "at 3.609375 A: state BACKUP -> MASTER\n"));
        assertTrue(ok.ok(), ok.failures().toString());
        Simulation.Result bad = Simulation.run(ScenarioParser.parse("t", TWO_ROUTERS
                + "at 3.6 A: state BACKUP -> MASTER\n"));
        assertEquals(1, bad.failures().size(), bad.failures().toString());
    }

    @Test
    void theOrderOfOneRoutersActionsIsChecked() {
        Simulation.Result bad = Simulation.run(ScenarioParser.parse("t", TWO_ROUTERS + """
                at 3.609375 A: add vips 10.77.0.100/24
                at 3.609375 A: advert priority 100
                """));
        assertEquals(1, bad.failures().size(), bad.failures().toString());
    }

    @Test
    void strictCategoriesCatchUnlistedActions() {
        Simulation.Result bad = Simulation.run(ScenarioParser.parse("t", TWO_ROUTERS + "strict state\n"
                + "at 3.609375 A: state BACKUP -> MASTER\n"));
        // the two INIT -> BACKUP changes are not listed
        assertEquals(2, bad.failures().size(), bad.failures().toString());
    }

    @Test
    void neverAndCountAreChecked() {
        Simulation.Result bad = Simulation.run(ScenarioParser.parse("t", TWO_ROUTERS + """
                never 0 10 A: advert
                count 3 0 5 A: advert priority 100
                """));
        assertEquals(2, bad.failures().size(), bad.failures().toString());
    }
}
