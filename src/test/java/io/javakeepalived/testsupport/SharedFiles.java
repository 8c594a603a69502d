package io.javakeepalived.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the team's shared directory (captures, references) next to the project base dir. */
public final class SharedFiles {

    private SharedFiles() {
    }

    /** {@code ../shared} relative to the project base dir (Maven runs tests with user.dir = base dir). */
    public static Path dir() {
        Path dir = Path.of(System.getProperty("user.dir")).resolve("../shared").normalize();
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("shared directory not found: " + dir
                    + " (expected ../shared next to the project base dir " + System.getProperty("user.dir") + ")");
        }
        return dir;
    }
}
