package io.javakeepalived.testsupport;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The shared material (keepalived samples, captures, reference outputs) lives in a
 * directory {@code shared} beside the project checkout: project {@code /work/main} uses
 * {@code /work/shared}. Tests find it from the project directory (surefire runs them with
 * {@code user.dir} set to it).
 */
public final class SharedFiles {

    private SharedFiles() {
    }

    /** The shared directory; fails the test with a clear message if it is not there. */
    public static Path dir() {
        Path project = Paths.get(System.getProperty("user.dir")).toAbsolutePath().normalize();
        Path shared = project.resolveSibling("shared");
        if (!Files.isDirectory(shared)) {
            fail("Shared test files not found: expected a directory '" + shared + "' beside the project directory '"
                    + project + "' (check out the 'shared' material next to the repository)");
        }
        return shared;
    }

    /** A file or directory inside the shared directory; fails if it does not exist. */
    public static Path resolve(String relative) {
        Path path = dir().resolve(relative);
        if (!Files.exists(path)) {
            fail("Shared test file not found: '" + path + "'");
        }
        return path;
    }
}
