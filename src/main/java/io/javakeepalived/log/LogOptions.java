package io.javakeepalived.log;

import java.io.OutputStream;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What {@link LogSetup#configure} sets up, from keepalived's logging switches:
 * {@code -l} → {@link #console}, {@code -D} → {@link #detail}, {@code -G} → not {@link #syslog},
 * {@code -S} → {@link #facility} (see {@link SyslogFacility#parseKeepalivedArgument}),
 * {@code -g FILE} → {@link #logFile}.
 *
 * @param ident         syslog ident: {@code Keepalived} (parent), {@code Keepalived_vrrp},
 *                      {@code Keepalived_healthcheckers}
 * @param facility      syslog facility code 0..23 (daemon = 3)
 * @param syslog        send to {@link #syslogSocket}
 * @param syslogSocket  the AF_UNIX datagram socket, normally {@code /dev/log}
 * @param console       write {@code %c: message} lines to {@link #consoleStream}
 * @param consoleStream where console lines go (stderr, like keepalived)
 * @param detail        log {@link LogMarkers#DETAIL} lines
 * @param debug         also log DEBUG (javakeepalived's own extra lines, never keepalived's)
 * @param logFile       append {@code -g}-style lines to this file, or null
 * @param zone          time zone of the stamps
 * @param pid           pid written in syslog lines
 */
public record LogOptions(String ident, int facility, boolean syslog, Path syslogSocket, boolean console,
        OutputStream consoleStream, boolean detail, boolean debug, Path logFile, ZoneId zone, long pid) {

    public static final String IDENT_PARENT = "Keepalived";
    public static final String IDENT_VRRP = "Keepalived_vrrp";
    public static final String IDENT_CHECKERS = "Keepalived_healthcheckers";
    /** The usual syslog socket. */
    public static final Path DEV_LOG = Path.of("/dev/log");

    public LogOptions {
        Objects.requireNonNull(ident, "ident");
        SyslogFacility.checked(facility);
        Objects.requireNonNull(syslogSocket, "syslogSocket");
        Objects.requireNonNull(consoleStream, "consoleStream");
        Objects.requireNonNull(zone, "zone");
    }

    /** Defaults: ident Keepalived_vrrp, facility daemon, syslog to /dev/log, no console, no -D. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Options from keepalived's command-line switches.
     *
     * @param logConsole  {@code -l} (keepalived honours it only with {@code -n})
     * @param logDetail   {@code -D}
     * @param noSyslog    {@code -G}
     * @param facilityArg the {@code -S} argument or null; an invalid one keeps daemon
     * @param logFile     the {@code -g} argument (empty: {@code /tmp/keepalived.log}) or null
     */
    public static LogOptions fromSwitches(boolean logConsole, boolean logDetail, boolean noSyslog, String facilityArg,
            String logFile) {
        Builder b = builder().console(logConsole).detail(logDetail).syslog(!noSyslog);
        if (facilityArg != null) {
            SyslogFacility.parseKeepalivedArgument(facilityArg).ifPresent(b::facility);
        }
        if (logFile != null) {
            // -g without FILE: keepalived's documented default
            b.logFile(logFile.isEmpty() ? LogFileOpener.DEFAULT : Path.of(logFile));
        }
        return b.build();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.ident = ident;
        b.facility = facility;
        b.syslog = syslog;
        b.syslogSocket = syslogSocket;
        b.console = console;
        b.consoleStream = consoleStream;
        b.detail = detail;
        b.debug = debug;
        b.logFile = logFile;
        b.zone = zone;
        b.pid = pid;
        return b;
    }

    public static final class Builder {
        private String ident = IDENT_VRRP;
        private int facility = SyslogFacility.DAEMON;
        private boolean syslog = true;
        private Path syslogSocket = DEV_LOG;
        private boolean console;
        private OutputStream consoleStream = System.err;
        private boolean detail;
        private boolean debug;
        private Path logFile;
        private ZoneId zone = ZoneId.systemDefault();
        private long pid = ProcessHandle.current().pid();

        public Builder ident(String v) { ident = v; return this; }
        public Builder facility(int v) { facility = v; return this; }
        public Builder syslog(boolean v) { syslog = v; return this; }
        public Builder syslogSocket(Path v) { syslogSocket = v; return this; }
        public Builder console(boolean v) { console = v; return this; }
        public Builder consoleStream(OutputStream v) { consoleStream = v; return this; }
        public Builder detail(boolean v) { detail = v; return this; }
        public Builder debug(boolean v) { debug = v; return this; }
        public Builder logFile(Path v) { logFile = v; return this; }
        public Builder zone(ZoneId v) { zone = v; return this; }
        public Builder pid(long v) { pid = v; return this; }

        public LogOptions build() {
            return new LogOptions(ident, facility, syslog, syslogSocket, console, consoleStream, detail, debug,
                    logFile, zone, pid);
        }
    }
}
