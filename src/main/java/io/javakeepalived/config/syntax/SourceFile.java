package io.javakeepalived.config.syntax;

import io.javakeepalived.config.ConfigErrorKind;
import io.javakeepalived.config.SourceLocation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The physical lines of one configuration file, numbered from 1.
 *
 * <p>Bytes are decoded as UTF-8; invalid sequences become U+FFFD rather than failing. A
 * line ends at '\n'; trailing '\r's are dropped (CRLF files read normally); a NUL byte ends
 * the line's text, as it does for keepalived's C strings. A leading UTF-8 byte order mark
 * is dropped.
 */
final class SourceFile {
    /** Files larger than this are refused rather than read into memory. */
    static final long MAX_BYTES = 64L * 1024 * 1024;
    /**
     * Longer lines are cut (and reported). keepalived reads at most 1023 characters per line;
     * the cap keeps brace splitting, which re-reads the rest of a line per brace, cheap.
     */
    static final int MAX_LINE_LENGTH = 16 * 1024;

    private final String display;
    private final String text;
    private final Reporter reporter;
    private int position;
    private int lineNumber;

    private SourceFile(String display, String text, Reporter reporter) {
        this.display = display;
        this.text = text;
        this.reporter = reporter;
    }

    /**
     * @param path    the file to read
     * @param display  the name used in locations
     * @param reporter told about lines that are cut
     * @throws IOException when the file cannot be read (or is too large: {@link TooLargeException})
     */
    static SourceFile read(Path path, String display, Reporter reporter) throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(path)) {
            bytes = in.readNBytes((int) MAX_BYTES + 1);
        }
        if (bytes.length > MAX_BYTES) {
            throw new TooLargeException();
        }
        return new SourceFile(display, decode(bytes), reporter);
    }

    private static String decode(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        String text;
        try {
            text = decoder.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            // cannot happen with REPLACE; fall back to a lossless byte-per-char reading
            text = new String(bytes, StandardCharsets.ISO_8859_1);
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    String display() {
        return display;
    }

    /** The next physical line (possibly empty), or null at the end of the file. */
    Candidate next() {
        if (position >= text.length()) {
            return null;
        }
        int newline = text.indexOf('\n', position);
        int end = newline < 0 ? text.length() : newline;
        String line = text.substring(position, end);
        position = newline < 0 ? text.length() : newline + 1;
        lineNumber++;
        int nul = line.indexOf('\0');
        if (nul >= 0) {
            line = line.substring(0, nul);
        }
        int length = line.length();
        while (length > 0 && line.charAt(length - 1) == '\r') {
            length--;
        }
        SourceLocation location = new SourceLocation(display, lineNumber);
        if (length > MAX_LINE_LENGTH) {
            reporter.error(ConfigErrorKind.GENERAL_ERROR, location, "Line is " + length + " characters long, expected"
                    + " at most " + MAX_LINE_LENGTH + " - ignoring the rest of it");
            length = MAX_LINE_LENGTH;
        }
        return new Candidate(line.substring(0, length), location, true, 0);
    }

    /** The location of the line last returned (line 0 before the first). */
    SourceLocation location() {
        return new SourceLocation(display, lineNumber);
    }

    static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        TooLargeException() {
            super("it is larger than " + (MAX_BYTES / (1024 * 1024)) + " MiB, expected a configuration file");
        }
    }
}
