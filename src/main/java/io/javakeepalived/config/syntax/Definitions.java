package io.javakeepalived.config.syntax;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * The table of {@code $NAME=value} definitions, with keepalived's predefined ones:
 * {@code _PWD} (directory of the file being read), {@code _INSTANCE} (the config id),
 * {@code _RANDOM [MIN [MAX]]}, {@code _HASH} ({@code #}) and {@code _BANG} ({@code !}).
 * A configuration may redefine any of them.
 */
final class Definitions {

    /** Predefined definitions whose value is computed at each use. */
    enum Builtin { PWD, INSTANCE, RANDOM }

    static final class Definition {
        final String name;
        /** Lines of a multi-line value are separated by '\n'. */
        String value;
        boolean multiline;
        Builtin builtin;

        Definition(String name, String value, boolean multiline, Builtin builtin) {
            this.name = name;
            this.value = value;
            this.multiline = multiline;
            this.builtin = builtin;
        }

        /** Only {@code _RANDOM} takes parameters ({@code ${_RANDOM 1 10}}). */
        boolean takesParameters() {
            return builtin == Builtin.RANDOM;
        }
    }

    private static final long RANDOM_DEFAULT_MAX = 32767;

    private final Map<String, Definition> byName = new HashMap<>();
    private final String configId;
    private final RandomGenerator random;
    private final Supplier<String> currentDirectory;
    private final Consumer<String> note;

    /**
     * @param configId         value of {@code ${_INSTANCE}}; null reads as empty
     * @param random           source of {@code ${_RANDOM}}
     * @param currentDirectory directory of the file being read, for {@code ${_PWD}}
     * @param note             where to say things keepalived only logs
     */
    Definitions(String configId, RandomGenerator random, Supplier<String> currentDirectory, Consumer<String> note) {
        this.configId = configId == null ? "" : configId;
        this.random = random;
        this.currentDirectory = currentDirectory;
        this.note = note;
        put(new Definition("_PWD", null, false, Builtin.PWD));
        put(new Definition("_INSTANCE", null, false, Builtin.INSTANCE));
        put(new Definition("_RANDOM", null, false, Builtin.RANDOM));
        put(new Definition("_HASH", "#", false, null));
        put(new Definition("_BANG", "!", false, null));
    }

    private void put(Definition definition) {
        byName.put(definition.name, definition);
    }

    Definition get(String name) {
        return byName.get(name);
    }

    /** Sets (or replaces, including a predefined one) a definition. */
    Definition define(String name, String value, boolean multiline) {
        Definition definition = byName.get(name);
        if (definition == null) {
            definition = new Definition(name, value, multiline, null);
            put(definition);
        } else {
            definition.value = value;
            definition.multiline = multiline;
            definition.builtin = null;
        }
        return definition;
    }

    /**
     * The text a use of the definition is replaced with.
     *
     * @param parameters the digits-and-spaces text after the name inside {@code ${...}}, or null
     */
    String valueOf(Definition definition, String parameters) {
        if (definition.builtin == null) {
            return definition.value;
        }
        return switch (definition.builtin) {
            case PWD -> currentDirectory.get();
            case INSTANCE -> configId;
            case RANDOM -> randomValue(parameters);
        };
    }

    private String randomValue(String parameters) {
        long min = 0;
        long max = RANDOM_DEFAULT_MAX;
        if (parameters != null) {
            String[] numbers = parameters.trim().split("[ ]+");
            min = parseBounded(numbers[0]);
            if (numbers.length > 1) {
                max = parseBounded(numbers[1]);
            }
            if (numbers.length > 2) {
                note.accept("Too many parameters or extra text for ${_RANDOM " + parameters.trim()
                        + "}, expected at most MIN and MAX - using " + min + " and " + max);
            }
        }
        if (max < min) {
            long swap = max;
            max = min;
            min = swap;
        }
        return Long.toString(min + random.nextLong(max - min + 1));
    }

    /** Parameters are digits only; values beyond 2^32 are clamped (keepalived reads them as unsigned long). */
    private static long parseBounded(String digits) {
        if (digits.length() > 10) {
            return 1L << 32;
        }
        return Math.min(Long.parseLong(digits), 1L << 32);
    }

    static boolean isNameStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    static boolean isNamePart(char c) {
        return isNameStart(c) || (c >= '0' && c <= '9');
    }
}
