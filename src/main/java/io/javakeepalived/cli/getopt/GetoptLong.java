package io.javakeepalived.cli.getopt;

import java.util.ArrayList;
import java.util.List;

/**
 * GNU getopt_long's reading of a command line, so that every command line keepalived accepts means
 * the same here: short flags cluster ({@code -nlD}); a required argument is the rest of the word or the
 * next word, whatever it looks like ({@code -fFILE}, {@code -f FILE}); an optional one only the rest of
 * the word ({@code -tLOG}, {@code --config-test=LOG}); a long flag may be shortened to any unambiguous
 * prefix ({@code --use} for {@code --use-file}); words that are not flags are collected wherever they
 * stand (getopt's permutation), and {@code --} ends the flags. One deviation: {@code -f=FILE} means
 * {@code -f FILE} (see {@link #attachedValue}).
 *
 * <p>Pure: it neither prints nor exits. Every problem is collected, in keepalived's wording where
 * keepalived has its own ({@code Unknown option}, {@code Missing parameter}) and getopt's elsewhere,
 * and parsing goes on, so that one run reports them all as keepalived does.
 */
public final class GetoptLong {

    private final List<Flag> table;

    public GetoptLong(List<Flag> table) {
        this.table = List.copyOf(table);
    }

    /** One flag as given: the row it matched, how it was spelled ({@code -f}, {@code --use-file}), its argument or null. */
    public record Given(Flag flag, String spelled, String value) {
    }

    /**
     * @param given    the flags in command-line order (a repeated flag appears each time: the last one wins)
     * @param operands the words that are not flags, in order
     * @param errors   one line each, without the program name
     */
    public record Result(List<Given> given, List<String> operands, List<String> errors) {
    }

    public Result parse(String... args) {
        List<Given> given = new ArrayList<>();
        List<String> operands = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        int i = 0;
        while (i < args.length) {
            String word = args[i++];
            if (word.equals("--")) {
                operands.addAll(List.of(args).subList(i, args.length));
                break;
            }
            if (word.startsWith("--")) {
                i = longFlag(word, args, i, given, errors);
            } else if (word.startsWith("-") && word.length() > 1) {
                i = shortFlags(word, args, i, given, errors);
            } else {
                operands.add(word); // "-" alone is an operand too, as in getopt
            }
        }
        return new Result(List.copyOf(given), List.copyOf(operands), List.copyOf(errors));
    }

    /** {@code --name}, {@code --name=value}, {@code --name value}; returns the index of the next word. */
    private int longFlag(String word, String[] args, int next, List<Given> given, List<String> errors) {
        int eq = word.indexOf('=');
        String name = eq < 0 ? word.substring(2) : word.substring(2, eq);
        String attached = eq < 0 ? null : word.substring(eq + 1);
        List<Flag> candidates = longCandidates(name);
        if (candidates.isEmpty()) {
            errors.add("Unknown option: '" + word + "'");
            return next;
        }
        if (candidates.size() > 1) {
            StringBuilder names = new StringBuilder();
            for (Flag f : candidates) {
                names.append(" '--").append(f.name()).append('\'');
            }
            errors.add("Option '--" + name + "' is ambiguous; possibilities:" + names);
            return next;
        }
        Flag flag = candidates.get(0);
        String spelled = "--" + flag.name();
        switch (flag.argument()) {
            case NONE -> {
                if (attached != null) {
                    errors.add("Option '" + spelled + "' doesn't allow an argument");
                } else {
                    given.add(new Given(flag, spelled, null));
                }
            }
            case OPTIONAL -> given.add(new Given(flag, spelled, attached));
            case REQUIRED -> {
                return required(new Given(flag, spelled, attached), args, next, given, errors);
            }
        }
        return next;
    }

    /** A cluster {@code -nlD}, {@code -nf FILE}, {@code -nfFILE}; returns the index of the next word. */
    private int shortFlags(String word, String[] args, int next, List<Given> given, List<String> errors) {
        for (int j = 1; j < word.length(); j++) {
            char letter = word.charAt(j);
            String spelled = "-" + letter;
            Flag flag = byLetter(letter);
            if (flag == null) {
                errors.add("Unknown option: '" + spelled + "'"); // getopt goes on with the next letter
                continue;
            }
            String rest = attachedValue(word.substring(j + 1));
            switch (flag.argument()) {
                case NONE -> given.add(new Given(flag, spelled, null));
                case OPTIONAL -> {
                    given.add(new Given(flag, spelled, rest.isEmpty() ? null : rest));
                    return next;
                }
                case REQUIRED -> {
                    return required(new Given(flag, spelled, rest.isEmpty() ? null : rest), args, next, given, errors);
                }
            }
        }
        return next;
    }

    /**
     * A flag whose argument is required: the attached one ({@code flag.value()}), else the next word, whatever
     * it looks like; returns the index of the word after the ones used.
     */
    private static int required(Given flag, String[] args, int next, List<Given> given, List<String> errors) {
        if (flag.value() != null) {
            given.add(flag);
            return next;
        }
        if (next < args.length) {
            given.add(new Given(flag.flag(), flag.spelled(), args[next]));
            return next + 1;
        }
        errors.add(missingParameter(flag.spelled()));
        return next;
    }

    /**
     * The rest of a short flag's word as its argument, less one leading {@code '='}: {@code -f=FILE} and
     * {@code -t=LOG} worked with the parser before this one and are what {@code -h} shows. getopt would keep
     * the {@code '='} (a file named "=FILE"), which nobody means.
     */
    private static String attachedValue(String rest) {
        return rest.startsWith("=") ? rest.substring(1) : rest;
    }

    /** The flag named exactly, else every flag the name is a prefix of (getopt_long's abbreviations). */
    private List<Flag> longCandidates(String name) {
        List<Flag> prefixed = new ArrayList<>();
        for (Flag f : table) {
            if (f.name().equals(name)) {
                return List.of(f);
            }
            if (!name.isEmpty() && f.name().startsWith(name)) {
                prefixed.add(f);
            }
        }
        return prefixed;
    }

    private Flag byLetter(char letter) {
        for (Flag f : table) {
            if (f.hasLetter() && f.letter() == letter) {
                return f;
            }
        }
        return null;
    }

    /** keepalived's wording for a flag whose argument is absent. */
    public static String missingParameter(String spelled) {
        return "Missing parameter for option: '" + spelled + "'";
    }
}
