package io.javakeepalived.config.syntax;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Expands an include pattern like glob(3) with GLOB_BRACE | GLOB_MARK, which is what
 * keepalived calls: csh braces ({@code {a,b/{c,d}}}) first, then {@code * ? [...]} per path
 * component. Relative patterns are resolved against a base directory (the including file's)
 * and matches are returned as written (relative stays relative). Each brace alternative's
 * matches are sorted; directories get a trailing '/'.
 *
 * <p>Like keepalived's glob callbacks, it counts missing literal files and directories
 * that could not be listed, and remembers whether a wildcard was used; the include checks
 * (includem, includeb, includew) are decided from these.
 *
 * <p>It never throws: unusable paths count as missing. Work is bounded (brace alternatives,
 * directory entries, matches) so junk cannot make it walk the whole disk.
 */
final class Glob {
    static final int MAX_ALTERNATIVES = 1024;
    static final int MAX_MATCHES = 4096;
    static final int MAX_ENTRIES_SCANNED = 100_000;
    private static final int MAX_BRACE_DEPTH = 32;

    /**
     * @param matches        matched paths as written in the pattern (relative or absolute)
     * @param missingFiles   literal names that do not exist
     * @param missingDirs    directories that could not be listed
     * @param usedWildcards  whether some directory had to be listed for a wildcard
     */
    record Result(List<String> matches, int missingFiles, int missingDirs, boolean usedWildcards) {
        boolean anyMissing() {
            return missingFiles > 0 || missingDirs > 0;
        }
    }

    private final Path base;
    private final List<String> matches = new ArrayList<>();
    private int missingFiles;
    private int missingDirs;
    private boolean usedWildcards;
    private int entriesScanned;

    private Glob(Path base) {
        this.base = base;
    }

    static Result expand(String pattern, Path base) {
        Glob glob = new Glob(base);
        List<String> alternatives = new ArrayList<>();
        expandBraces(pattern, alternatives, 0);
        for (String alternative : alternatives) {
            List<String> found = glob.globOne(alternative);
            found.sort(null);
            for (String match : found) {
                if (glob.matches.size() < MAX_MATCHES) {
                    glob.matches.add(match);
                }
            }
        }
        return new Result(List.copyOf(glob.matches), glob.missingFiles, glob.missingDirs, glob.usedWildcards);
    }

    /** Whether the pattern has an unquoted '{' (keepalived's have_brace). */
    static boolean hasBrace(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '{') {
                return true;
            }
        }
        return false;
    }

    static void expandBraces(String pattern, List<String> out, int depth) {
        if (out.size() >= MAX_ALTERNATIVES) {
            return;
        }
        int open = -1;
        int close = -1;
        List<Integer> commas = new ArrayList<>();
        if (depth < MAX_BRACE_DEPTH) {
            for (int i = 0; i < pattern.length(); i++) {
                char c = pattern.charAt(i);
                if (c == '\\') {
                    i++;
                } else if (c == '{' && !(i + 1 < pattern.length() && pattern.charAt(i + 1) == '}')) {
                    int level = 0;
                    commas.clear();
                    for (int j = i; j < pattern.length(); j++) {
                        char d = pattern.charAt(j);
                        if (d == '\\') {
                            j++;
                        } else if (d == '{') {
                            level++;
                        } else if (d == '}') {
                            if (--level == 0) {
                                close = j;
                                break;
                            }
                        } else if (d == ',' && level == 1) {
                            commas.add(j);
                        }
                    }
                    if (close >= 0) {
                        open = i;
                    }
                    break;
                }
            }
        }
        if (open < 0) {
            out.add(pattern);
            return;
        }
        String prefix = pattern.substring(0, open);
        String suffix = pattern.substring(close + 1);
        int from = open + 1;
        List<Integer> cuts = new ArrayList<>(commas);
        cuts.add(close);
        for (int cut : cuts) {
            expandBraces(prefix + pattern.substring(from, cut) + suffix, out, depth + 1);
            from = cut + 1;
        }
    }

    private List<String> globOne(String pattern) {
        List<String> found = new ArrayList<>();
        if (pattern.isEmpty()) {
            return found;
        }
        if (!FnMatch.hasMagic(pattern)) {
            String literal = FnMatch.unescape(pattern);
            Path path = resolve(literal);
            if (path != null && Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                found.add(mark(literal, path));
            } else {
                missingFiles++;
            }
            return found;
        }
        boolean wantDirectory = pattern.endsWith("/");
        List<String> components = new ArrayList<>();
        for (String component : pattern.split("/")) {
            if (!component.isEmpty()) {
                components.add(component);
            }
        }
        List<String> prefixes = List.of(pattern.startsWith("/") ? "/" : "");
        for (int index = 0; index < components.size(); index++) {
            String component = components.get(index);
            boolean last = index == components.size() - 1;
            List<String> next = new ArrayList<>();
            if (!FnMatch.hasMagic(component)) {
                String literal = FnMatch.unescape(component);
                for (String prefix : prefixes) {
                    String candidate = prefix + literal;
                    if (!last) {
                        next.add(candidate + "/");
                        continue;
                    }
                    Path path = resolve(candidate);
                    if (path != null && Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                        next.add(candidate);
                    } else {
                        missingFiles++;
                    }
                }
            } else {
                usedWildcards = true;
                FnMatch matcher = FnMatch.compile(component);
                for (String prefix : prefixes) {
                    for (String name : list(prefix)) {
                        if (!matcher.matches(name)) {
                            continue;
                        }
                        if (last) {
                            next.add(prefix + name);
                        } else {
                            Path path = resolve(prefix + name);
                            if (path != null && Files.isDirectory(path)) {
                                next.add(prefix + name + "/");
                            }
                        }
                        if (next.size() >= MAX_MATCHES) {
                            break;
                        }
                    }
                }
            }
            prefixes = next;
            if (prefixes.isEmpty()) {
                break;
            }
        }
        for (String match : prefixes) {
            Path path = resolve(match);
            if (path == null || (wantDirectory && !Files.isDirectory(path))) {
                continue;
            }
            found.add(mark(match, path));
        }
        return found;
    }

    /** Entry names of the directory {@code prefix} (relative to base when relative), sorted. */
    private List<String> list(String prefix) {
        List<String> names = new ArrayList<>();
        Path directory = resolve(prefix.isEmpty() ? "." : prefix);
        if (directory == null) {
            missingDirs++;
            return names;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
            for (Path entry : stream) {
                if (++entriesScanned > MAX_ENTRIES_SCANNED) {
                    break;
                }
                Path name = entry.getFileName();
                if (name != null) {
                    names.add(name.toString());
                }
            }
        } catch (IOException | RuntimeException e) {
            missingDirs++;
        }
        names.sort(null);
        return names;
    }

    private Path resolve(String path) {
        try {
            return base.resolve(path);
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /** GLOB_MARK: a directory gets a trailing '/'. */
    private static String mark(String match, Path path) {
        if (!match.endsWith("/") && Files.isDirectory(path)) {
            return match + "/";
        }
        return match;
    }
}
