package io.javakeepalived.config.syntax;

/**
 * Something that produces lines to process: a file, the files an include matched, the
 * remaining lines of a multi-line definition, a ~SEQ/~LST generator, the rest of a line
 * after a brace. The reader keeps them on a stack and always takes from the top one, which
 * is how nesting (a ~SEQ inside a definition inside an include) comes out in order.
 */
interface LineSupplier {

    /** The next line, or null when this supplier has no more. */
    Candidate next();

    /**
     * True when {@link #next()} is known to return null now. Generated lines are dropped
     * from the stack as soon as they are used up, so a long chain of them (a line with many
     * braces, a definition that expands into itself) does not pile up.
     */
    default boolean exhausted() {
        return false;
    }
}
