package io.javakeepalived.config.syntax;

import java.util.Objects;
import java.util.Random;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settings of {@link ConfigReader} beyond the file and the config id.
 *
 * @param random            source of {@code ${_RANDOM}} values
 * @param checkAllIncludes  start with every include check on, as keepalived's
 *                          {@code -e/--all-config} does (every include problem is an error)
 * @param notes             receives what keepalived logs without counting it as a
 *                          configuration error (e.g. a plain include that matched nothing),
 *                          already formatted as {@code FILE:LINE: message}
 */
public record ReaderOptions(RandomGenerator random, boolean checkAllIncludes, Consumer<String> notes) {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigReader.class);

    public ReaderOptions {
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(notes, "notes");
    }

    /** Time-seeded random values, keepalived's include checks, notes logged at INFO. */
    public static ReaderOptions defaults() {
        return new ReaderOptions(new Random(), false, LOG::info);
    }

    public ReaderOptions withRandomSeed(long seed) {
        return new ReaderOptions(new Random(seed), checkAllIncludes, notes);
    }

    public ReaderOptions withCheckAllIncludes(boolean all) {
        return new ReaderOptions(random, all, notes);
    }

    public ReaderOptions withNotes(Consumer<String> sink) {
        return new ReaderOptions(random, checkAllIncludes, sink);
    }
}
