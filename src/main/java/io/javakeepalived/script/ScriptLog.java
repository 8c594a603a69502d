package io.javakeepalived.script;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the script machinery writes its lines. The daemon can route them into its own log
 * pipeline; tests record them. keepalived's own wording (track scripts) goes at INFO.
 */
@FunctionalInterface
public interface ScriptLog {

    /** How loud a line is. */
    enum Level {
        /** Only with -D: every start, the output of successful runs. */
        DEBUG,
        /** Normal operation: keepalived's lines, hook results. */
        INFO,
        /** Something did not run or did not end by itself. */
        WARNING
    }

    void log(Level level, String line);

    /** Lines to an slf4j logger of this name. */
    static ScriptLog slf4j(String name) {
        Logger logger = LoggerFactory.getLogger(name);
        return (level, line) -> {
            switch (level) {
                case DEBUG -> logger.debug(line);
                case INFO -> logger.info(line);
                case WARNING -> logger.warn(line);
            }
        };
    }
}
