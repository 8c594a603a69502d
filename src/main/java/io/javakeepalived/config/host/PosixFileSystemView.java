package io.javakeepalived.config.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link FileSystemView} over java.nio's "unix" attribute view (uid, gid, mode). */
final class PosixFileSystemView implements FileSystemView {
    /** glibc's _CS_PATH, used by execvp when PATH is unset. */
    private static final String DEFAULT_PATH = "/bin:/usr/bin";

    private final String path;

    PosixFileSystemView() {
        this(System.getenv("PATH"));
    }

    PosixFileSystemView(String path) {
        this.path = path == null ? DEFAULT_PATH : path;
    }

    @Override
    public Optional<FileStat> lstat(String file) {
        return read(file, LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public Optional<FileStat> stat(String file) {
        return read(file);
    }

    private static Optional<FileStat> read(String file, LinkOption... options) {
        try {
            Path p = Path.of(file);
            Map<String, Object> unix = Files.readAttributes(p, "unix:uid,gid,mode", options);
            BasicFileAttributes basic = Files.readAttributes(p, BasicFileAttributes.class, options);
            FileStat.Type type = basic.isSymbolicLink() ? FileStat.Type.SYMLINK
                    : basic.isDirectory() ? FileStat.Type.DIRECTORY
                    : basic.isRegularFile() ? FileStat.Type.REGULAR : FileStat.Type.OTHER;
            int mode = ((Integer) unix.get("mode")) & 07777;
            return Optional.of(new FileStat((Integer) unix.get("uid"), (Integer) unix.get("gid"), mode, type,
                    basic.fileKey() != null ? basic.fileKey() : p.toAbsolutePath().normalize().toString()));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException
                 | ClassCastException | SecurityException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<String> realPath(String file) {
        try {
            return Optional.of(Path.of(file).toRealPath().toString());
        } catch (IOException | InvalidPathException | SecurityException e) {
            return Optional.empty();
        }
    }

    @Override
    public List<String> searchPath() {
        List<String> dirs = new ArrayList<>();
        for (String dir : path.split(":", -1)) {
            dirs.add(dir);
        }
        return List.copyOf(dirs);
    }
}
