package io.javakeepalived.net;

/**
 * The IPVS generic-netlink commands this layer sends, with the setsockopt names keepalived logs
 * them by and libipvs's texts for their errors.
 */
public enum IpvsCommand {
    ADD_SERVICE(1, "IP_VS_SO_SET_ADD", 2),
    EDIT_SERVICE(2, "IP_VS_SO_SET_EDIT", 3),
    DELETE_SERVICE(3, "IP_VS_SO_SET_DEL", 4),
    GET_SERVICES(4, "IP_VS_SO_GET_SERVICES", 2),
    ADD_DEST(5, "IP_VS_SO_SET_ADDDEST", 7),
    EDIT_DEST(6, "IP_VS_SO_SET_EDITDEST", 9),
    DELETE_DEST(7, "IP_VS_SO_SET_DELDEST", 8),
    GET_DESTS(8, "IP_VS_SO_GET_DESTS", 4),
    START_DAEMON(9, "IP_VS_SO_SET_STARTDAEMON", 11),
    STOP_DAEMON(10, "IP_VS_SO_SET_STOPDAEMON", 12),
    SET_TIMEOUT(12, "IP_VS_SO_SET_TIMEOUT", 10),
    GET_TIMEOUT(13, "IP_VS_SO_GET_TIMEOUT", 5),
    FLUSH(17, "IP_VS_SO_SET_FLUSH", 5);

    /** IP_VS_BASE_CTL of include/uapi/linux/ip_vs.h. */
    private static final int BASE_CTL = 64 + 1024 + 64;
    private static final int ENOPROTOOPT = 92;

    private final int genl;
    private final String socketOptionName;
    private final int socketOption;

    IpvsCommand(int genl, String socketOptionName, int offset) {
        this.genl = genl;
        this.socketOptionName = socketOptionName;
        this.socketOption = BASE_CTL + offset;
    }

    /** IPVS_CMD_* of the generic-netlink family. */
    int genl() {
        return genl;
    }

    public String socketOptionName() {
        return socketOptionName;
    }

    public int socketOption() {
        return socketOption;
    }

    /** libipvs's ipvs_strerror: a text for this command and errno, else the C library's. */
    public String describe(int errno) {
        String own = switch (this) {
            case ADD_SERVICE -> errno == Errno.EEXIST ? "Service already exists"
                    : errno == Errno.ENOENT ? "Scheduler or persistence engine not found" : null;
            case EDIT_SERVICE -> errno == Errno.ENOENT ? "Scheduler or persistence engine not found" : null;
            case ADD_DEST -> errno == Errno.EEXIST ? "Destination already exists" : null;
            case EDIT_DEST, DELETE_DEST -> errno == Errno.ENOENT ? "No such destination" : null;
            case START_DAEMON -> errno == Errno.EEXIST ? "Daemon has already run" : null;
            case STOP_DAEMON -> errno == Errno.ESRCH ? "No daemon is running" : null;
            default -> null;
        };
        if (own != null) {
            return own;
        }
        return switch (errno) {
            case Errno.ESRCH -> "No such service";
            case Errno.EPERM -> "Permission denied (you must be root)";
            case Errno.EINVAL -> "Invalid operation.  Possibly wrong module version, address not unicast, ...";
            case ENOPROTOOPT -> "Protocol not available";
            case Errno.ENOMEM -> "Memory allocation problem";
            case Errno.EOPNOTSUPP -> "Operation not supported with IPv6";
            case Errno.EAFNOSUPPORT -> "Operation not supported with specified address family";
            case Errno.EMSGSIZE -> "Module is wrong version";
            default -> Errno.describe(errno);
        };
    }
}
