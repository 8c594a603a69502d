package io.javakeepalived.track;

import io.javakeepalived.config.model.ReferenceAddress;
import io.javakeepalived.net.EchoOutcome;
import io.javakeepalived.net.EchoRequest;
import io.javakeepalived.net.IcmpEcho;
import io.javakeepalived.script.ScriptLog;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Executor;

/**
 * One vrrp_reference checked over one interface: on each look of the checker loop's grid it sends
 * one ICMP echo request through the daemon's shared {@link IcmpEcho} port; the outcome comes back
 * on the port's thread, is handed to the checker loop's thread and counted there by the
 * {@link ReferenceHealth}, whose events go to the same sink as the other trackers'. The timeout
 * is never longer than the interval, so one request is out at a time.
 */
public final class ReferenceTracker implements PolledTracker {

    private final ReferenceAddress reference;
    private final Optional<String> interfaceName;
    private final ReferenceHealth health;
    private final IcmpEcho echo;
    private final Executor loop;
    private final CheckerLoop.Sink sink;
    private final ScriptLog log;
    private IcmpEcho.Pending pending;
    private boolean retired;
    /** Remade on the checker loop's thread after each outcome; read by the VRRP loop for the dumps. */
    private volatile ReferenceView view;

    /**
     * @param loop the checker loop (outcomes are handed to its thread)
     * @param sink where the events go: the checker loop's sink
     */
    public ReferenceTracker(ReferenceAddress reference, Optional<String> interfaceName, ReferenceHealth health,
                            IcmpEcho echo, Executor loop, CheckerLoop.Sink sink, ScriptLog log) {
        this.reference = Objects.requireNonNull(reference, "reference");
        this.interfaceName = Objects.requireNonNull(interfaceName, "interfaceName");
        this.health = Objects.requireNonNull(health, "health");
        this.echo = Objects.requireNonNull(echo, "echo");
        this.loop = Objects.requireNonNull(loop, "loop");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.log = Objects.requireNonNull(log, "log");
        this.view = view();
    }

    private ReferenceView view() {
        long rtt = health.lastRoundTripNanos();
        return new ReferenceView(reference, interfaceName, health.standing(), health.result(),
                rtt < 0 ? OptionalLong.empty() : OptionalLong.of(rtt), health.requests(), health.misses(),
                health.tracking());
    }

    /** The tracker as it stood after its last outcome. Any thread. */
    public ReferenceView published() {
        return view;
    }

    /** "10.0.0.254 on eth0": where the echo requests go, for log lines. */
    static String where(ReferenceAddress reference, Optional<String> interfaceName) {
        return io.javakeepalived.config.model.Text.address(reference.address())
                + interfaceName.map(i -> " on " + i).orElse("");
    }

    @Override
    public String name() {
        return ReferenceHealth.trackerName(reference.name()) + interfaceName.map(i -> " on " + i).orElse("");
    }

    @Override
    public Duration interval() {
        return reference.interval();
    }

    public ReferenceAddress reference() {
        return reference;
    }

    public Optional<String> interfaceName() {
        return interfaceName;
    }

    public ReferenceHealth health() {
        return health;
    }

    @Override
    public List<TrackScriptState.Delivery> initialEvents() {
        return health.initialEvents();
    }

    @Override
    public List<TrackScriptState.Delivery> poll(long nowNanos) {
        if (!retired) {
            EchoRequest request = new EchoRequest(reference.address(), Optional.empty(), interfaceName,
                    reference.timeout());
            pending = echo.send(request, outcome -> loop.execute(() -> counted(outcome)));
        }
        return List.of(); // the outcome comes later, through the sink
    }

    private void counted(EchoOutcome outcome) {
        if (retired) {
            return; // replaced by a reload in the meantime
        }
        TrackScriptState.Update u = health.record(outcome);
        view = view();
        for (String line : u.log()) {
            log.log(ScriptLog.Level.INFO, line);
        }
        for (TrackScriptState.Delivery d : u.events()) {
            sink.post(d.instance(), d.event());
        }
    }

    /** Looks no more and drops the outcome still to come (a reload replaced it). Checker loop thread. */
    void retire() {
        retired = true;
        if (pending != null) {
            pending.cancel();
        }
    }
}
