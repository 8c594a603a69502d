package io.javakeepalived.log;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Opens the {@code -g} log file the way keepalived's {@code fopen_safe()} does since
 * CVE-2018-19044/19045: without following a symbolic link (O_NOFOLLOW; Java's
 * {@link LinkOption#NOFOLLOW_LINKS} as an open option), created 0600, and only a regular file.
 * Why: the default is {@code /tmp/keepalived.log}, in a directory anyone can write, and root
 * appends to it - a link planted there would have root append to {@code /etc/shadow}, a FIFO
 * would block the daemon in open().
 */
final class LogFileOpener {
    /** keepalived's default when {@code -g} has no argument. */
    static final Path DEFAULT = Path.of("/tmp/keepalived.log");

    private LogFileOpener() {
    }

    /** An appending stream to {@code file}; the message of the exception says why not. */
    static OutputStream open(Path file) throws IOException {
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)
                && !Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isRegularFile()) {
            throw new IOException(Files.isSymbolicLink(file) ? "is a symbolic link, not followed"
                    : "not a regular file");
        }
        try {
            return Channels.newOutputStream(Files.newByteChannel(file, Set.of(StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))));
        } catch (IOException e) {
            // a link planted between the check and the open ends here (ELOOP)
            throw new IOException(Files.isSymbolicLink(file) ? "is a symbolic link, not followed"
                    : e instanceof FileSystemException f && f.getReason() != null ? f.getReason()
                    : e.getClass().getSimpleName(), e);
        }
    }
}
