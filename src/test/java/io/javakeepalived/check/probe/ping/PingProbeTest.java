package io.javakeepalived.check.probe.ping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.check.probe.ProbeResult;
import io.javakeepalived.net.EchoOutcome;
import io.javakeepalived.net.EchoRequest;
import io.javakeepalived.net.IcmpEcho;
import io.javakeepalived.testsupport.probe.Checkers;
import io.javakeepalived.testsupport.probe.ProbeRig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The probe's side of PING_CHECK, against a port that answers as the test says. */
class PingProbeTest {
    private static final String SERVICE = "[10.0.0.2]:tcp:80";

    /** Answers each request with {@code outcome} from another thread, as the real port does. */
    private static final class FakeEcho implements IcmpEcho {
        final List<EchoRequest> requests = new ArrayList<>();
        final EchoOutcome outcome;
        boolean cancelled;

        FakeEcho(EchoOutcome outcome) {
            this.outcome = outcome;
        }

        @Override
        public Pending send(EchoRequest request, Consumer<EchoOutcome> deliver) {
            requests.add(request);
            Thread t = new Thread(() -> deliver.accept(outcome));
            t.start();
            return () -> cancelled = true;
        }

        @Override
        public void close() {
        }
    }

    private static ProbeResult check(FakeEcho echo, ProbeRig rig) {
        return rig.run(new PingProbe(Checkers.ping("10.0.0.2", Duration.ofSeconds(3)), SERVICE, echo),
                Duration.ofSeconds(5));
    }

    @Test
    void aReplyPassesAndTheRequestCarriesConnectIpAndConnectTimeout() throws Exception {
        FakeEcho echo = new FakeEcho(new EchoOutcome.Reply(1000));
        try (ProbeRig rig = new ProbeRig()) {
            assertEquals(ProbeResult.Success.plain(), check(echo, rig));
        }
        assertEquals(List.of(EchoRequest.to(Checkers.address("10.0.0.2"), Duration.ofSeconds(3))), echo.requests);
    }

    @Test
    void silenceIsKeepalivedsTimeoutLine() throws Exception {
        try (ProbeRig rig = new ProbeRig()) {
            assertEquals(new ProbeResult.Failure("ICMP connection to address " + SERVICE + " timeout."),
                    check(new FakeEcho(new EchoOutcome.TimedOut()), rig));
        }
    }

    @Test
    void aFailedSendIsLoggedAndFails() throws Exception {
        try (ProbeRig rig = new ProbeRig()) {
            assertEquals(new ProbeResult.Failure("ICMP connection to " + SERVICE + " failed."),
                    check(new FakeEcho(new EchoOutcome.SendFailed("sendmsg: Network is unreachable")), rig));
            assertEquals(List.of("send ICMP packet fail - sendmsg: Network is unreachable"), rig.logged());
        }
    }

    @Test
    void anAbortedProbeCancelsItsRequestAndNeverReports() throws Exception {
        FakeEcho echo = new FakeEcho(new EchoOutcome.Reply(1));
        try (ProbeRig rig = new ProbeRig()) {
            PingProbe probe = new PingProbe(Checkers.ping("10.0.0.2", Duration.ofSeconds(3)), SERVICE, echo);
            probe.start(rig, r -> {
                throw new AssertionError("reported after abort: " + r);
            });
            probe.abort();
            rig.idle(Duration.ofMillis(100));
        }
        assertTrue(echo.cancelled);
    }
}
