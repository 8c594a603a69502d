package io.javakeepalived.daemon;

import org.slf4j.Logger;

/**
 * The VRRP loop's log with keepalived's {@code -D}: lines keepalived prints only in detailed mode
 * (the core's DETAIL lines, socket and reload details) go out at INFO with {@code -D} and at
 * debug without it.
 *
 * @param log     where keepalived's lines go
 * @param enabled {@code -D}
 */
record DetailLog(Logger log, boolean enabled) {

    void detail(String text) {
        if (enabled) {
            log.info("{}", text);
        } else {
            log.debug("{}", text);
        }
    }
}
