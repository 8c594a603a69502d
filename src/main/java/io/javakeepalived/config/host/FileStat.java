package io.javakeepalived.config.host;

/**
 * The parts of stat(2) that keepalived's script checks look at.
 *
 * @param uid      owner
 * @param gid      group
 * @param mode     permission bits including setuid/setgid/sticky (07777)
 * @param type     file type
 * @param fileKey  identity of the file (device and inode), for "is this the same file"
 */
public record FileStat(int uid, int gid, int mode, Type type, Object fileKey) {
    public enum Type { REGULAR, DIRECTORY, SYMLINK, OTHER }

    public static final int S_ISUID = 04000;
    public static final int S_ISGID = 02000;
    public static final int S_ISVTX = 01000;
    public static final int S_IXUSR = 0100;
    public static final int S_IXGRP = 010;
    public static final int S_IXOTH = 01;
    public static final int S_IWGRP = 020;
    public static final int S_IWOTH = 02;

    public boolean isDirectory() {
        return type == Type.DIRECTORY;
    }

    public boolean isRegular() {
        return type == Type.REGULAR;
    }
}
