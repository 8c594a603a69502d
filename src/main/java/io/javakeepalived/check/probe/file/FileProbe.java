package io.javakeepalived.check.probe.file;

import io.javakeepalived.check.probe.Probe;
import io.javakeepalived.check.probe.ProbeIo;
import io.javakeepalived.check.probe.ProbeResult;
import io.javakeepalived.track.TrackFileValue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * FILE_CHECK: reads the track_file (at most 127 bytes, a local file: no wait worth a thread) and
 * turns its value into a status as keepalived's track_file does for a real server: with a weight,
 * value × weight (negated with reverse) is added to the real server's weight, and the lowest
 * status is a failure; with weight 0 a non-zero value fails (with reverse, a zero one). A missing
 * file reads as 0.
 */
public final class FileProbe implements Probe {

    private final Path path;
    private final int weight;
    private final boolean reverse;
    private final int configuredWeight;

    public FileProbe(Path path, int weight, boolean reverse, int configuredWeight) {
        this.path = Objects.requireNonNull(path, "path");
        this.weight = weight;
        this.reverse = reverse;
        this.configuredWeight = configuredWeight;
    }

    @Override
    public void start(ProbeIo io, Consumer<ProbeResult> done) {
        long value = 0;
        try (InputStream in = Files.newInputStream(path)) {
            byte[] buf = in.readNBytes(TrackFileValue.READ_LIMIT);
            if (TrackFileValue.parse(buf, buf.length) instanceof TrackFileValue.Parsed.Value v) {
                value = v.value();
            }
        } catch (NoSuchFileException e) {
            value = 0;
        } catch (IOException e) {
            done.accept(new ProbeResult.Failure("cannot read " + path + ": " + e.getMessage()));
            return;
        }
        int status = TrackFileValue.status(value, weight, reverse);
        if (status == TrackFileValue.FAULT) {
            done.accept(new ProbeResult.Failure("value " + value + " in " + path));
        } else {
            done.accept(new ProbeResult.Success(OptionalInt.of(configuredWeight + status)));
        }
    }

    @Override
    public void abort() {
        // nothing outlives start()
    }
}
