package io.javakeepalived.config.syntax;

import io.javakeepalived.config.ConfigErrorKind;
import io.javakeepalived.config.SourceLocation;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The files being read, innermost last, and the rules for opening them: the main file, and
 * the files an include pattern matches.
 *
 * <p>Relative include patterns are resolved against the directory of the including file
 * (keepalived changes into that directory). Locations name an included file by that
 * directory joined with the match, so a file included as {@code conf.d/a.conf} from
 * {@code /etc/keepalived/keepalived.conf} shows as {@code /etc/keepalived/conf.d/a.conf}.
 *
 * <p>An include of a file that is already being read (an include loop) is refused with an
 * error, and includes nest at most {@value #MAX_DEPTH} files deep; keepalived has neither
 * guard and would loop until it runs out of file descriptors.
 */
final class Includes {
    static final int MAX_DEPTH = 32;

    /** A file being read. */
    record OpenFile(SourceFile source, Path directory, Path identity, String displayDirectory) {
    }

    private final Reporter reporter;
    private final TextBudget budget;
    private final Deque<OpenFile> open = new ArrayDeque<>();
    private int includeCheck;

    /** @param includeCheck checks in force before any include_check line (keepalived -e sets all) */
    Includes(Reporter reporter, int includeCheck, TextBudget budget) {
        this.reporter = reporter;
        this.budget = budget;
        this.includeCheck = includeCheck;
    }

    /** The file being read, or null when none is. */
    OpenFile current() {
        return open.peekLast();
    }

    int includeCheck() {
        return includeCheck;
    }

    void setIncludeCheck(int includeCheck) {
        this.includeCheck = includeCheck;
    }

    /** Directory of the file being read, as an absolute path (for ${_PWD}). */
    String currentDirectory() {
        OpenFile file = current();
        Path directory = file != null ? file.directory() : Paths.get("").toAbsolutePath();
        return directory.toString();
    }

    /**
     * Opens the main configuration file, or reports FILE_NOT_FOUND saying why it cannot be
     * read and returns null.
     */
    LineSupplier openMain(Path mainFile) {
        String display = mainFile.toString();
        String problem = unusable(mainFile);
        if (problem == null) {
            if (!admitted(mainFile, display, null)) {
                return null;
            }
            try {
                SourceFile source = SourceFile.read(mainFile, display, reporter);
                Path parent = Paths.get(display).getParent();
                return new IncludedFiles(this, List.of(), null, includeCheck,
                        push(source, mainFile, parent == null ? null : parent.toString()));
            } catch (IOException | RuntimeException e) {
                problem = reason(e);
            }
        }
        reporter.error(ConfigErrorKind.FILE_NOT_FOUND, null,
                "Configuration file '" + display + "' cannot be opened: " + problem);
        return null;
    }

    /**
     * The lines of the files an include line matches, or null when there are none to read.
     *
     * @param type the checks the include variant adds ({@link IncludeCheck#typeOf})
     */
    LineSupplier include(String pattern, int type, SourceLocation at) {
        OpenFile includer = current();
        Path base = includer != null ? includer.directory() : Paths.get("").toAbsolutePath();
        int checks = includeCheck | type;
        Glob.Result result = Glob.expand(pattern, base);
        reporter.included(includer != null ? includer.source().display() : "(command line)", pattern,
                result.matches().size());
        if (result.matches().isEmpty()) {
            if (result.anyMissing()) {
                fileError(Glob.hasBrace(pattern) ? IncludeCheck.BRACE_MATCH : IncludeCheck.MATCH, checks, at,
                        "Config files missing '" + pattern + "' (looked in " + base + "), expected the file to exist");
            } else if (result.usedWildcards()) {
                fileError(IncludeCheck.WILDCARD_MATCH, checks, at,
                        "No config files matched '" + pattern + "' (looked in " + base + "), expected at least one match");
            }
            return null;
        }
        if (result.anyMissing()) {
            fileError(IncludeCheck.BRACE_MATCH, checks, at, "Some config files missing: '" + pattern + "' (looked in "
                    + base + "), expected every brace alternative to match a file");
            if ((checks & IncludeCheck.BRACE_MATCH) != 0) {
                return null;
            }
        }
        String displayBase = includer != null ? includer.displayDirectory() : null;
        return new IncludedFiles(this, result.matches(), new Origin(pattern, base, displayBase, type, at),
                includeCheck, null);
    }

    /** Where an include's matches are resolved and reported. */
    record Origin(String pattern, Path base, String displayBase, int type, SourceLocation at) {
    }

    /**
     * Opens one match of an include; reports why and returns null if it cannot be read.
     * The checks are those in force when the include was read plus the variant's.
     */
    OpenFile openMatch(String match, Origin origin, int savedCheck) {
        int checks = savedCheck | origin.type();
        String display = displayName(origin.displayBase(), match);
        if (match.endsWith("/")) {
            fileError(IncludeCheck.READABLE, checks, origin.at(),
                    "Configuration file '" + display + "' is a directory, expected a file - skipping it");
            return null;
        }
        Path path;
        try {
            path = origin.base().resolve(match);
        } catch (InvalidPathException e) {
            fileError(IncludeCheck.READABLE, checks, origin.at(),
                    "Configuration file '" + display + "' is not a valid path, expected a file name - skipping it");
            return null;
        }
        if (!Files.isRegularFile(path) || isExecutable(path)) {
            fileError(IncludeCheck.READABLE, checks, origin.at(), "Configuration file '" + display
                    + "' is executable or not a regular file, expected a regular non-executable file - skipping it");
            return null;
        }
        Path identity = identity(path);
        for (OpenFile file : open) {
            if (file.identity().equals(identity)) {
                reporter.error(ConfigErrorKind.GENERAL_ERROR, origin.at(), "Include loop: '" + display
                        + "' is already being read (" + chain(display) + ") - skipping it, expected a file"
                        + " not to include itself");
                return null;
            }
        }
        if (open.size() >= MAX_DEPTH) {
            reporter.error(ConfigErrorKind.GENERAL_ERROR, origin.at(), "Includes nested too deep at '" + display
                    + "' - skipping it, expected at most " + MAX_DEPTH + " nested include files");
            return null;
        }
        if (!admitted(path, display, origin.at())) {
            return null;
        }
        try {
            SourceFile source = SourceFile.read(path, display, reporter);
            Path displayParent = Paths.get(display).getParent();
            return push(source, path, displayParent == null ? null : displayParent.toString());
        } catch (IOException | RuntimeException e) {
            fileError(IncludeCheck.READABLE, checks, origin.at(), "Configuration file '" + display
                    + "' cannot be opened: " + reason(e) + ", expected a readable file - skipping it");
            return null;
        }
    }

    /** False if the file is too large for what is left of the {@link TextBudget} (the read then stops). */
    private boolean admitted(Path path, String display, SourceLocation includedAt) {
        long size;
        try {
            size = Files.size(path);
        } catch (IOException | RuntimeException e) {
            return true; // reading it will say why it cannot be read
        }
        return budget.admitFile(size, display, includedAt, path);
    }

    private OpenFile push(SourceFile source, Path path, String displayDirectory) {
        Path absolute = path.toAbsolutePath();
        Path directory = absolute.getParent();
        if (directory == null) {
            directory = absolute;
        }
        try {
            directory = directory.toRealPath();
        } catch (IOException | RuntimeException e) {
            directory = directory.normalize();
        }
        OpenFile file = new OpenFile(source, directory, identity(path), displayDirectory);
        open.addLast(file);
        return file;
    }

    /** Closes the innermost file and restores the checks in force when its include was read. */
    void close(OpenFile file, int savedCheck) {
        if (open.peekLast() == file) {
            open.removeLast();
        } else {
            open.remove(file);
        }
        includeCheck = savedCheck;
    }

    void noFileOpened(Origin origin) {
        reporter.info(origin.at(), "None of the files matching '" + origin.pattern()
                + "' could be read, expected at least one readable file");
    }

    /**
     * Reports an include problem: a configuration error when the check it belongs to is in
     * force, otherwise only a note (keepalived prints it but does not count it).
     */
    private void fileError(int check, int checksInForce, SourceLocation at, String message) {
        if ((checksInForce & check) != 0) {
            reporter.error(ConfigErrorKind.FILE_NOT_FOUND, at, message);
        } else {
            reporter.info(at, message);
        }
    }

    private String chain(String display) {
        StringJoiner joiner = new StringJoiner(" includes ");
        Iterator<OpenFile> files = open.iterator();
        while (files.hasNext()) {
            joiner.add(files.next().source().display());
        }
        joiner.add(display);
        return joiner.toString();
    }

    private static String displayName(String displayBase, String match) {
        try {
            if (displayBase == null || match.startsWith("/")) {
                return Paths.get(match).normalize().toString() + (match.endsWith("/") ? "/" : "");
            }
            return Paths.get(displayBase).resolve(match).normalize() + (match.endsWith("/") ? "/" : "");
        } catch (InvalidPathException e) {
            return match;
        }
    }

    private static Path identity(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException | RuntimeException e) {
            return path.toAbsolutePath().normalize();
        }
    }

    /** Why the main file cannot be used, or null if it looks usable. */
    private static String unusable(Path path) {
        try {
            if (!Files.exists(path)) {
                return "No such file or directory";
            }
            if (Files.isDirectory(path)) {
                return "Is a directory, expected a regular file";
            }
            if (!Files.isRegularFile(path)) {
                return "not a regular file, expected a regular file";
            }
            if (isExecutable(path)) {
                return "it is executable, expected a regular non-executable file";
            }
            return null;
        } catch (RuntimeException e) {
            return reason(e);
        }
    }

    private static boolean isExecutable(Path path) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
            return permissions.contains(PosixFilePermission.OWNER_EXECUTE)
                    || permissions.contains(PosixFilePermission.GROUP_EXECUTE)
                    || permissions.contains(PosixFilePermission.OTHERS_EXECUTE);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static String reason(Exception e) {
        if (e instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "Permission denied";
        }
        if (e instanceof SourceFile.TooLargeException) {
            return e.getMessage();
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
