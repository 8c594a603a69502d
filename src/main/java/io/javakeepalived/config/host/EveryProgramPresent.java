package io.javakeepalived.config.host;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A file system on which every program a configuration names exists, belongs to root and is
 * executable (0755), found by PATH search under its own name. Loading with it gives the model
 * as written: the binder, like keepalived, drops a notify or track script whose program is
 * missing, and the warnings need exactly those scripts to say so. Every path the binder resolves
 * (realpath) is a program; every other path it looks at is a directory above one.
 */
public final class EveryProgramPresent implements FileSystemView {
    private final Set<String> programs = ConcurrentHashMap.newKeySet();

    @Override
    public Optional<FileStat> lstat(String path) {
        return Optional.of(programs.contains(path) ? program(path) : directory(path));
    }

    @Override
    public Optional<FileStat> stat(String path) {
        return Optional.of(program(path));
    }

    @Override
    public Optional<String> realPath(String path) {
        programs.add(path);
        return Optional.of(path);
    }

    /** One empty entry: a bare name is found as itself and keeps its name in the model. */
    @Override
    public List<String> searchPath() {
        return List.of("");
    }

    private static FileStat program(String path) {
        return new FileStat(0, 0, 0755, FileStat.Type.REGULAR, path);
    }

    private static FileStat directory(String path) {
        return new FileStat(0, 0, 0755, FileStat.Type.DIRECTORY, path);
    }
}
