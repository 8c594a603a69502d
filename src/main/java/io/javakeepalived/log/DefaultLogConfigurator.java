package io.javakeepalived.log;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * logback's start-up configuration when no logback.xml is present (found through
 * META-INF/services): INFO and above to stderr in keepalived's console form, {@code -D} lines
 * off; unless {@code -Dlogback.configurationFile} names a file. {@link LogSetup#configure} replaces it once the command line is known.
 */
public final class DefaultLogConfigurator extends ContextAwareBase implements Configurator {

    @Override
    public ExecutionStatus configure(LoggerContext ctx) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY; // an explicit logback file wins
        }
        DetailFilter detail = new DetailFilter(false);
        detail.setContext(ctx);
        detail.start();
        ctx.addTurboFilter(detail);
        LogSetup.defaultFilter(detail);
        ch.qos.logback.classic.Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(LogSetup.consoleAppender(ctx, System.err,
                KeepalivedLayouts.console(java.time.ZoneId.systemDefault())));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
