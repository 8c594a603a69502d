package io.javakeepalived.check.probe.socket;

import io.javakeepalived.check.probe.ProbeIo;
import io.javakeepalived.check.probe.ProbeResult;

import java.nio.channels.Channel;
import java.util.function.Consumer;

/**
 * The bookkeeping of one channel-based attempt, kept in one place so every probe keeps the
 * contract the same way: the result is reported at most once, and only after the channel is
 * closed and the step timer cancelled; after an abort nothing is reported at all.
 */
public final class ChannelAttempt {
    private final Consumer<ProbeResult> done;
    private final StepTimer timer;
    private Channel channel;
    private boolean finished;

    public ChannelAttempt(ProbeIo io, Consumer<ProbeResult> done) {
        this.done = done;
        this.timer = new StepTimer(io);
    }

    /** The attempt's one timer: arm it for each step. */
    public StepTimer timer() {
        return timer;
    }

    /** Makes {@code ch} the attempt's channel, closed when the attempt ends. */
    public <C extends Channel> C own(C ch) {
        this.channel = ch;
        return ch;
    }

    /** True once the attempt reported or was aborted: late callbacks do nothing. */
    public boolean finished() {
        return finished;
    }

    /** Closes everything and reports {@code result}, the first time only. */
    public void finish(ProbeResult result) {
        if (finished) {
            return;
        }
        abort();
        done.accept(result);
    }

    /** Closes everything; nothing will be reported. */
    public void abort() {
        finished = true;
        timer.cancel();
        ProbeSockets.closeQuietly(channel);
    }
}
