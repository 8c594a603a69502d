package io.javakeepalived.cli;

/**
 * What {@code -h} prints: the flags we act on, in keepalived's order (keepalived's flags we only accept
 * for compatibility are left out). Written out rather than generated from the flag table: it is the text
 * the earlier picocli-based parser printed, byte for byte, and {@code -f=FILE} still means what it shows.
 */
final class Usage {

    static final String TEXT = """
            Usage: javakeepalived [-CdDhIlnPvVX] [--strict] [-g[=FILE]] [-t[=LOG_FILE]]
                                  [-c=FILE] [-f=FILE] [-i=ID] [--metrics-listen=ADDR:PORT]
                                  [-p=FILE] [-r=FILE] [-S=FACILITY] [--signum=SIGFUNC]
            keepalived-compatible VRRP high-availability daemon.
              -f, --use-file=FILE       Use the specified configuration file (default
                                          /etc/javakeepalived/keepalived.conf).
              -P, --vrrp                Only run the VRRP subsystem.
              -C, --check               Only run the health-checker (LVS) subsystem.
              -l, --log-console         Log messages to the console too.
              -D, --log-detail          Detailed log messages.
              -S, --log-facility=FACILITY
                                        Syslog facility: 0-7 or local0-local7
                                          (LOCAL0-LOCAL7), or a facility name (default
                                          daemon).
              -g, --log-file[=FILE]     Also log to FILE (default /tmp/keepalived.log).
              -n, --dont-fork           Stay in the foreground.
              -d, --dump-conf           Dump the resolved configuration.
              -p, --pid=FILE            Pid file of the main process.
              -r, --vrrp_pid=FILE       Pid file of the VRRP subsystem.
              -c, --checkers_pid=FILE   Pid file of the checker subsystem.
              -i, --config-id=ID        Select @ID lines of the configuration (default:
                                          host name up to the first '.').
              -t, --config-test[=LOG_FILE]
                                        Check the configuration and exit: 0 ok, 2 fatal
                                          parse error, 4 cannot run, 5 errors (would run),
                                          6 script security. Messages go to stderr or
                                          LOG_FILE.
                  --strict              With -t: exit 5 when the configuration only has
                                          warnings (FILE:LINE: WARNING: ...) that
                                          keepalived itself lets through. javakeepalived
                                          only.
                  --signum=SIGFUNC      Print the signal number for STOP, RELOAD, DATA,
                                          STATS, STATS_CLEAR, JSON and exit.
                  --metrics-listen=ADDR:PORT
                                        Serve Prometheus metrics at http://ADDR:
                                          PORT/metrics ([IPV6]:PORT, or :PORT for all
                                          addresses). javakeepalived only; off by default.
              -X, --release-vips        Remove the VIPs on every exit from MASTER (what
                                          javakeepalived always does).
              -V, --dont-release-vrrp   At stop, leave the VIPs up and send no priority-0
                                          advert.
              -I, --dont-release-ipvs   At stop, leave the IPVS virtual and real servers in
                                          the kernel.
              -v, --version             Print the version and exit.
              -h, --help                Print this help and exit.
            """;

    private Usage() {
    }
}
