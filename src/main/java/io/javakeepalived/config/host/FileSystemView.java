package io.javakeepalived.config.host;

import java.util.List;
import java.util.Optional;

/**
 * The file system as keepalived's script checks see it (lib/notify.c): stat without and with
 * following symbolic links, realpath, and the PATH used to find bare command names. Tests
 * replace it so that results do not depend on the host.
 */
public interface FileSystemView {

    /** lstat(2): the entry itself, symbolic links not followed; empty if it does not exist. */
    Optional<FileStat> lstat(String path);

    /** stat(2): symbolic links followed; empty if the file does not exist. */
    Optional<FileStat> stat(String path);

    /** realpath(3): absolute, without symbolic links, "." or ".."; empty if it cannot be resolved. */
    Optional<String> realPath(String path);

    /** The directories of PATH, in order, for bare command names. */
    List<String> searchPath();

    /** The real file system of this host and the PATH of this process. */
    static FileSystemView system() {
        return new PosixFileSystemView();
    }
}
