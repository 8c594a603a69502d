package io.javakeepalived.cli.getopt;

/**
 * One row of a getopt_long table: {@code struct option} plus its letter in the short-option string.
 *
 * @param letter   the short form ({@code 'f'} for {@code -f}), or {@link #NO_LETTER} for a long-only flag
 * @param name     the long form without its dashes ({@code "use-file"} for {@code --use-file})
 * @param argument whether the flag takes an argument, as getopt's {@code has_arg}
 */
public record Flag(char letter, String name, Argument argument) {

    /** The letter of a flag that has only a long form ({@code --signum}). */
    public static final char NO_LETTER = 0;

    /** getopt's {@code has_arg}: {@code no_argument}, {@code required_argument}, {@code optional_argument}. */
    public enum Argument {
        /** {@code -n}, {@code --dont-fork}; {@code --dont-fork=x} is an error. */
        NONE,
        /** {@code -fFILE}, {@code -f FILE}, {@code --use-file=FILE}, {@code --use-file FILE}. */
        REQUIRED,
        /**
         * {@code -t}, {@code -tLOG}, {@code --config-test}, {@code --config-test=LOG}: only an attached value
         * counts, so the word after {@code -t} is never taken for its argument.
         */
        OPTIONAL
    }

    public static Flag of(char letter, String name, Argument argument) {
        return new Flag(letter, name, argument);
    }

    /** A flag with no short form. */
    public static Flag longOnly(String name, Argument argument) {
        return new Flag(NO_LETTER, name, argument);
    }

    public boolean hasLetter() {
        return letter != NO_LETTER;
    }
}
