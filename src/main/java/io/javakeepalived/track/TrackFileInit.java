package io.javakeepalived.track;

import io.javakeepalived.config.model.TrackFile;
import io.javakeepalived.script.ScriptLog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * {@code init_file [VALUE] [overwrite]} of a track_file, as keepalived 2.2.7's
 * {@code track_file_end_handler()} does it when the configuration is loaded:
 * <ul>
 * <li>without {@code overwrite}: the file is written only if nothing exists at the path;</li>
 * <li>with {@code overwrite}: also over an existing regular file, except on a reload (an operator's
 *     value survives SIGHUP); anything else at the path is left alone with
 *     {@code Cannot initialise track file NAME - it is not a regular file}.</li>
 * </ul>
 * The file gets {@code VALUE\n}, written to a temporary file beside it and renamed into place (so a
 * reader never sees it half written), mode 0644 (keepalived's 0666 under its umask 022).
 */
public final class TrackFileInit {

    private TrackFileInit() {
    }

    /**
     * Applies {@code file}'s init_file, if it has one.
     *
     * @param reload whether this is a reload (SIGHUP) rather than the start
     * @return whether the file was written
     */
    public static boolean apply(TrackFile file, boolean reload, ScriptLog log) {
        if (file.init().isEmpty()) {
            return false;
        }
        TrackFile.Init init = file.init().get();
        Path path = Path.of(file.path());
        if (Files.exists(path)) {
            if (!init.overwrite()) {
                return false;
            }
            if (!Files.isRegularFile(path)) {
                log.log(ScriptLog.Level.WARNING, "Cannot initialise track file " + file.name()
                        + " - it is not a regular file");
                return false;
            }
            if (reload) {
                return false;
            }
        }
        try {
            write(path, init.value());
            return true;
        } catch (IOException e) {
            log.log(ScriptLog.Level.WARNING, "Unable to initialise track file " + file.name() + " (" + path + "): "
                    + e.getMessage());
            return false;
        }
    }

    private static void write(Path path, int value) throws IOException {
        Path dir = path.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, path.getFileName().toString(), ".tmp");
        try {
            Files.writeString(tmp, value + "\n", StandardCharsets.US_ASCII);
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            try {
                Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
