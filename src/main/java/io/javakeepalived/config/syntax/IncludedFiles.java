package io.javakeepalived.config.syntax;

import java.util.List;

/**
 * The lines of the files one include (or the main file) provides, read one file after the
 * other in match order. Files are opened only when reached, as keepalived does, so a
 * problem with the second match is reported after the first match's lines.
 */
final class IncludedFiles implements LineSupplier {
    private final Includes includes;
    private final List<String> matches;
    private final Includes.Origin origin;
    private final int savedCheck;
    private Includes.OpenFile current;
    private int nextMatch;
    private int opened;

    /**
     * @param matches    paths still to open (empty for the main file)
     * @param origin     the include these come from (null for the main file)
     * @param savedCheck include checks in force when the include was read; restored when
     *                   each of its files ends
     * @param first      a file already open, or null
     */
    IncludedFiles(Includes includes, List<String> matches, Includes.Origin origin, int savedCheck,
                  Includes.OpenFile first) {
        this.includes = includes;
        this.matches = matches;
        this.origin = origin;
        this.savedCheck = savedCheck;
        this.current = first;
        this.opened = first == null ? 0 : 1;
    }

    @Override
    public Candidate next() {
        while (true) {
            if (current != null) {
                Candidate line = current.source().next();
                if (line != null) {
                    return line;
                }
                includes.close(current, savedCheck);
                current = null;
            }
            if (nextMatch >= matches.size()) {
                if (opened == 0 && origin != null) {
                    includes.noFileOpened(origin);
                }
                return null;
            }
            current = includes.openMatch(matches.get(nextMatch++), origin, savedCheck);
            if (current != null) {
                opened++;
            }
        }
    }
}
