package io.javakeepalived.config.syntax;

import io.javakeepalived.config.SourceLocation;

import java.util.List;

/**
 * Produces the lines of a {@code ~SEQ} or {@code ~LST}: before handing out each copy of the
 * text, it sets the loop variable(s) as ordinary definitions, so the copy's {@code $VAR}
 * is replaced when the copy is processed (and the variables stay defined afterwards, as in
 * keepalived).
 */
final class SequenceGenerator implements LineSupplier {

    private final Definitions definitions;
    private final List<String> variables;
    private final String text;
    private final SourceLocation location;
    private final int depth;

    // ~SEQ
    private final boolean numeric;
    private final boolean hex;
    private long next;
    private final long step;
    private final long last;

    // ~LST
    private final List<List<String>> valueSets;
    private int nextSet;

    private boolean done;

    private SequenceGenerator(Definitions definitions, List<String> variables, String text, SourceLocation location,
                              int depth, boolean numeric, boolean hex, long start, long step, long last,
                              List<List<String>> valueSets) {
        this.definitions = definitions;
        this.variables = variables;
        this.text = text;
        this.location = location;
        this.depth = depth;
        this.numeric = numeric;
        this.hex = hex;
        this.next = start;
        this.step = step;
        this.last = last;
        this.valueSets = valueSets;
    }

    static SequenceGenerator sequence(Definitions definitions, String variable, long start, long step, long end,
                                      boolean hex, String text, SourceLocation location, int depth) {
        return new SequenceGenerator(definitions, List.of(variable), text, location, depth, true, hex, start, step, end,
                List.of());
    }

    static SequenceGenerator list(Definitions definitions, List<String> variables, List<List<String>> valueSets,
                                  String text, SourceLocation location, int depth) {
        return new SequenceGenerator(definitions, List.copyOf(variables), text, location, depth, false, false, 0, 0, 0,
                List.copyOf(valueSets));
    }

    @Override
    public boolean exhausted() {
        return done;
    }

    @Override
    public Candidate next() {
        if (done) {
            return null;
        }
        if (numeric) {
            long value = next;
            definitions.define(variables.get(0), hex ? Long.toHexString(value) : Long.toString(value), false);
            long following = value + step;
            boolean overflow = ((value ^ following) & (step ^ following)) < 0;
            if (overflow || (step > 0 && following > last) || (step < 0 && following < last)) {
                done = true;
            }
            next = following;
        } else {
            List<String> values = valueSets.get(nextSet++);
            for (int i = 0; i < variables.size(); i++) {
                definitions.define(variables.get(i), values.get(i), false);
            }
            done = nextSet >= valueSets.size();
        }
        return new Candidate(text, location, false, depth);
    }
}
