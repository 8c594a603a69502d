package io.javakeepalived;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The main sources as the architecture rules read them: each file's package and code, with
 * comments and string / char literals blanked (a class named in javadoc or in a logger name is
 * not a dependency), and every reference to one of our packages or to jnr that the code makes,
 * through an import or a fully qualified name.
 */
final class SourceScan {

    /** Where the product's sources live, relative to the module (surefire runs there). */
    static final Path MAIN = Path.of("src/main/java");

    static final String BASE = "io.javakeepalived";

    /** Our package names, then an optional chain of class names, then an optional {@code .*}. */
    private static final Pattern OURS = Pattern.compile(
            "(?<![\\w.])(io\\.javakeepalived(?:\\.[a-z_][a-z0-9_]*)*)((?:\\.[A-Z][A-Za-z0-9_]*)*)(\\.\\*)?");
    private static final Pattern JNR = Pattern.compile("(?<![\\w.])jnr\\.[a-z][\\w.]*");
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);

    private SourceScan() {
    }

    /** One source file: its package and its code with comments and literals blanked, lines kept. */
    record Source(Path file, String packageName, String code) {

        /** The code's lines, 0-based. */
        List<String> lines() {
            return code.lines().toList();
        }

        /** Everything this file refers to in our packages or in jnr, in order. */
        List<Reference> references() {
            List<Reference> out = new ArrayList<>();
            List<String> lines = lines();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (PACKAGE.matcher(line).find()) {
                    continue;
                }
                Matcher m = OURS.matcher(line);
                while (m.find()) {
                    List<String> classes = m.group(2).isEmpty() ? List.of()
                            : List.of(m.group(2).substring(1).split("\\."));
                    out.add(new Reference(this, i + 1, m.group(1), classes, m.group(3) != null));
                }
                Matcher j = JNR.matcher(line);
                while (j.find()) {
                    out.add(new Reference(this, i + 1, j.group(), List.of(), false));
                }
            }
            return out;
        }

        /** The first top-level segment under {@code io.javakeepalived}, e.g. {@code daemon}. */
        String topLevel() {
            return SourceScan.topLevel(packageName);
        }

        @Override
        public String toString() {
            return MAIN.relativize(file).toString();
        }
    }

    /**
     * One use of another package in the code.
     *
     * @param packageName the package named, e.g. {@code io.javakeepalived.net} or {@code jnr.ffi.Pointer}
     *                    (for jnr the whole name as written)
     * @param classes     the class names after it, outermost first (may end in a static member's
     *                    name, e.g. {@code [Errno, EINTR]}); empty for a package-only name
     * @param wildcard    an on-demand import ({@code .*}): the classes used cannot be told
     */
    record Reference(Source from, int line, String packageName, List<String> classes, boolean wildcard) {

        boolean isJnr() {
            return packageName.startsWith("jnr.");
        }

        @Override
        public String toString() {
            String name = packageName + (classes.isEmpty() ? "" : "." + String.join(".", classes));
            return from + ":" + line + " " + name + (wildcard ? ".*" : "");
        }
    }

    /** Every {@code .java} file under {@code root}, in path order. */
    static List<Source> read(Path root) throws IOException {
        List<Source> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                out.add(parse(f, Files.readString(f)));
            }
        }
        return out;
    }

    static Source parse(Path file, String text) {
        String code = blankCommentsAndLiterals(text);
        Matcher m = PACKAGE.matcher(code);
        return new Source(file, m.find() ? m.group(1) : "", code);
    }

    /** {@code io.javakeepalived.sys.signal} → {@code io.javakeepalived.daemon}. */
    static String topLevel(String packageName) {
        String[] parts = packageName.split("\\.");
        return parts.length < 3 ? packageName : parts[0] + "." + parts[1] + "." + parts[2];
    }

    /** {@code io.javakeepalived.sys.signal} → {@code daemon.signal}, for messages. */
    static String shortName(String packageName) {
        return packageName.startsWith(BASE + ".") ? packageName.substring(BASE.length() + 1) : packageName;
    }

    /**
     * Blanks {@code /* ... *}{@code /} and {@code //} comments and the insides of string, text block
     * and char literals; newlines stay, so line numbers still match the file.
     */
    static String blankCommentsAndLiterals(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        int n = s.length();
        while (i < n) {
            if (s.startsWith("/*", i)) {
                i = skip(s, i, s.indexOf("*/", i + 2), 2, out);
            } else if (s.startsWith("//", i)) {
                int end = s.indexOf('\n', i);
                i = end < 0 ? n : end;
            } else if (s.startsWith("\"\"\"", i)) {
                out.append("\"\"");
                i = skip(s, i, s.indexOf("\"\"\"", i + 3), 3, out);
            } else if (s.charAt(i) == '"' || s.charAt(i) == '\'') {
                char quote = s.charAt(i);
                int j = i + 1;
                while (j < n && s.charAt(j) != quote && s.charAt(j) != '\n') {
                    j += s.charAt(j) == '\\' ? 2 : 1;
                }
                out.append(quote).append(quote);
                i = j + 1;
            } else {
                out.append(s.charAt(i++));
            }
        }
        return out.toString();
    }

    /** Skips from {@code start} to {@code end + closerLength}, keeping only the newlines. */
    private static int skip(String s, int start, int end, int closerLength, StringBuilder out) {
        int stop = end < 0 ? s.length() : end + closerLength;
        for (int k = start; k < stop; k++) {
            if (s.charAt(k) == '\n') {
                out.append('\n');
            }
        }
        return stop;
    }
}
