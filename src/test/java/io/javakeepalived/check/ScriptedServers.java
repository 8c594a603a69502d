package io.javakeepalived.check;

import io.javakeepalived.check.probe.Probe;
import io.javakeepalived.check.probe.ProbeIo;
import io.javakeepalived.check.probe.ProbeResult;
import io.javakeepalived.config.model.Checker;
import io.javakeepalived.config.model.RealServer;
import io.javakeepalived.config.model.VirtualServer;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * Real servers whose answers the test sets: each TCP_CHECK (by connect port) and MISC_CHECK (by
 * its program) answers at once with what the test put for it; default: up.
 */
final class ScriptedServers implements CheckPlanner {

    private final Map<String, ProbeResult> answers = new HashMap<>();
    int started;

    void up(String key) {
        answers.put(key, ProbeResult.Success.plain());
    }

    void down(String key) {
        answers.put(key, new ProbeResult.Failure("connection refused"));
    }

    void weight(String key, int weight) {
        answers.put(key, new ProbeResult.Success(OptionalInt.of(weight)));
    }

    @Override
    public Optional<CheckPlan> plan(Checker checker, RealServer rs, VirtualServer vs) {
        if (checker instanceof Checker.Tcp t) {
            String key = t.connection().connectIp().getHostAddress() + ":" + t.connection().connectPort();
            return Optional.of(new CheckPlan(CheckerKind.TCP, t.timing(), standing -> probe(key), Duration.ofSeconds(10), ""));
        }
        if (checker instanceof Checker.Misc m) {
            String key = m.script().program();
            return Optional.of(new CheckPlan(CheckerKind.MISC, m.timing(), standing -> probe(key), Duration.ofSeconds(10), key));
        }
        return Optional.empty();
    }

    private Probe probe(String key) {
        return new Probe() {
            @Override
            public void start(ProbeIo io, Consumer<ProbeResult> done) {
                started++;
                done.accept(answers.getOrDefault(key, ProbeResult.Success.plain()));
            }

            @Override
            public void abort() {
            }
        };
    }
}
