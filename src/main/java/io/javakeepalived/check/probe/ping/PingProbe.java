package io.javakeepalived.check.probe.ping;

import io.javakeepalived.check.probe.Probe;
import io.javakeepalived.check.probe.ProbeIo;
import io.javakeepalived.check.probe.ProbeResult;
import io.javakeepalived.config.model.Checker;
import io.javakeepalived.net.EchoOutcome;
import io.javakeepalived.net.EchoRequest;
import io.javakeepalived.net.IcmpEcho;

import java.util.function.Consumer;

/**
 * One PING_CHECK attempt: an echo request to connect_ip (from bindto, out of bind_if when
 * given) through the shared {@link IcmpEcho} port, whose thread delivers the outcome; it comes
 * back to the engine's thread through {@link ProbeIo#handBack}. The probe owns no socket.
 *
 * <p>A failure's reason is keepalived's line: "ICMP connection to address [10.0.0.2]:tcp:0
 * timeout." for silence, "ICMP connection to [10.0.0.2]:tcp:0 failed." when the request could not
 * be sent (keepalived also logs "send ICMP packet fail" then, and so do we).
 */
public final class PingProbe implements Probe {

    private final Checker.Ping checker;
    private final String service;
    private final IcmpEcho echo;

    private ProbeIo io;
    private IcmpEcho.Pending pending;
    private boolean finished;

    /**
     * @param service the real server as keepalived's log lines name it ("[10.0.0.2]:tcp:80")
     * @param echo    the daemon's one ICMP echo port
     */
    public PingProbe(Checker.Ping checker, String service, IcmpEcho echo) {
        this.checker = checker;
        this.service = service;
        this.echo = echo;
    }

    @Override
    public void start(ProbeIo io, Consumer<ProbeResult> done) {
        this.io = io;
        Checker.Connection c = checker.connection();
        EchoRequest request = new EchoRequest(c.connectIp(), c.bindTo(), c.bindInterface(), c.connectTimeout());
        pending = echo.send(request, outcome -> io.handBack(() -> {
            if (!finished) {
                finished = true;
                done.accept(result(outcome));
            }
        }));
    }

    private ProbeResult result(EchoOutcome outcome) {
        if (outcome instanceof EchoOutcome.Reply) {
            return ProbeResult.Success.plain();
        }
        if (outcome instanceof EchoOutcome.SendFailed f) {
            io.log("send ICMP packet fail - " + f.reason());
            return new ProbeResult.Failure("ICMP connection to " + service + " failed.");
        }
        return new ProbeResult.Failure("ICMP connection to address " + service + " timeout.");
    }

    @Override
    public void abort() {
        finished = true;
        if (pending != null) {
            pending.cancel();
        }
    }
}
