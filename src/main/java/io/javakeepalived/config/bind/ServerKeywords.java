package io.javakeepalived.config.bind;

/**
 * The keywords virtual_server and real_server share (check_parser.c installs the same
 * handlers in both blocks): the checker timing a real server inherits, the forwarding method,
 * smtp_alert, virtualhost and snmp_name. Only keepalived's wording differs between the two.
 */
final class ServerKeywords {
    private ServerKeywords() {
    }

    /**
     * How keepalived's messages name the server and two of its keywords.
     *
     * @param server           "virtual" or "real"
     * @param delayBeforeRetry the delay_before_retry keyword as the message writes it
     * @param delayLoop        the delay_loop keyword as the message writes it
     */
    record Names(String server, String delayBeforeRetry, String delayLoop) {
    }

    static final Names VIRTUAL = new Names("virtual", "delay before retry", "delay loop");
    static final Names REAL = new Names("real", "delay_before_retry", "delay_loop");

    static <D extends LvsDrafts.Server> KeywordTable<D> add(KeywordTable<D> t, Names names) {
        String server = names.server() + " server";
        return t
                .line("retry", (s, n, c) -> LvsReaders.serverRetry(n, c).ifPresent(r -> s.retry = r))
                .line("delay_before_retry", (s, n, c) -> LvsReaders.timer(n, c, 0, server + " "
                        + names.delayBeforeRetry()).ifPresent(v -> s.delayBeforeRetry = v))
                .line("warmup", (s, n, c) -> LvsReaders.timer(n, c, 0, server + " warmup")
                        .ifPresent(v -> s.warmup = v))
                .line("connect_timeout", (s, n, c) -> LvsReaders.timerMax(n, c, 1, Numbers.UINT_MAX,
                        server + " connect_timeout").ifPresent(v -> s.connectTimeout = v))
                .line("delay_loop", (s, n, c) -> LvsReaders.timer(n, c, 1, server + " " + names.delayLoop())
                        .ifPresent(v -> s.delayLoop = v))
                .line("lvs_method", (s, n, c) -> LvsReaders.forwarding(n, c, names.server(), s.forwarding)
                        .ifPresent(f -> s.forwarding = f))
                .line("smtp_alert", (s, n, c) -> LvsReaders.bool(n, c, names.server() + "_server smtp_alert")
                        .ifPresent(b -> s.smtpAlert = b))
                .line("virtualhost", (s, n, c) -> {
                    if (n.argCount() < 1) {
                        c.error(n, server + " virtualhost missing");
                    } else {
                        s.virtualhost = n.arg(0);
                    }
                })
                .line("snmp_name", (s, n, c) -> {
                    if (n.argCount() != 1) {
                        c.error(n, server + " snmp_name missing or extra parameters");
                    }
                });
    }
}
