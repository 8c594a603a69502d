package io.javakeepalived.daemon.dump;

import java.util.Objects;

/**
 * Something an instance or sync group tracks (interface, script, file, process, BFD) with its
 * weight.
 *
 * @param name    interface / script / file / process / BFD name
 * @param weight  configured weight
 * @param reverse {@code weight N reverse}
 * @param command for a tracked script, its command text ({@link NotifyScript#commandText()}),
 *                which keepalived.json lists under {@code track_script}; null otherwise
 */
public record Tracked(String name, int weight, boolean reverse, String command) {

    public Tracked {
        Objects.requireNonNull(name, "name");
    }

    public static Tracked of(String name, int weight) {
        return new Tracked(name, weight, false, null);
    }

    public static Tracked script(String name, int weight, boolean reverse, String command) {
        return new Tracked(name, weight, reverse, command);
    }

    String reverseSuffix() {
        return reverse ? " reverse" : "";
    }
}
