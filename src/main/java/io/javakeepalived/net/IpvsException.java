package io.javakeepalived.net;

import java.io.IOException;

/**
 * The kernel refused an IPVS command. The message is keepalived's line for it, e.g.
 * {@code IPVS cmd IP_VS_SO_SET_ADDDEST(1159) error: Destination already exists(17) (10.0.0.1:tcp:80 -> 10.0.0.2:80)}:
 * the command by its setsockopt name (as keepalived names it even over netlink), libipvs's text
 * for the errno, and the service and dest it was about.
 */
public final class IpvsException extends IOException {
    private static final long serialVersionUID = 1L;

    private final int errno;
    private final IpvsCommand command;

    public IpvsException(IpvsCommand command, int errno, String subject) {
        super("IPVS cmd " + command.socketOptionName() + "(" + command.socketOption() + ") error: "
                + command.describe(errno) + "(" + errno + ")" + (subject.isEmpty() ? "" : " (" + subject + ")"));
        this.errno = errno;
        this.command = command;
    }

    public int errno() {
        return errno;
    }

    public IpvsCommand command() {
        return command;
    }

    /** What keepalived lets pass (logged, not an error): adding what is there, deleting what is not. */
    public boolean harmless() {
        return switch (command) {
            case ADD_SERVICE, ADD_DEST -> errno == Errno.EEXIST;
            case DELETE_DEST -> errno == Errno.ENOENT;
            case DELETE_SERVICE -> errno == Errno.ESRCH || errno == Errno.ENOENT;
            default -> false;
        };
    }

    /** A dest to edit that is not there (keepalived then adds it). */
    public boolean destMissing() {
        return command == IpvsCommand.EDIT_DEST && errno == Errno.ENOENT;
    }
}
