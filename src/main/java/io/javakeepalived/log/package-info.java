/**
 * Logging in keepalived 2.2.7's forms, on SLF4J + logback, set up in code.
 *
 * <h2>Start-up</h2>
 * <pre>
 * LogSetup.LogHandle logs = LogSetup.configure(LogOptions.fromSwitches(
 *         cli.logConsole &amp;&amp; cli.dontFork,   // -l (keepalived honours it only with -n)
 *         cli.logDetail,                      // -D
 *         cli.noSyslog,                       // -G
 *         cli.logFacility,                    // -S arg or null: 0-7 / local0-7 = LOCALn, user, daemon
 *         cli.logFile),                       // -g FILE or null
 *         UnixDatagramTransport::new);        // the native layer's /dev/log sender
 * logs.problems().forEach(p -&gt; log.error(p));
 * ... at exit: logs.close();
 * </pre>
 * The syslog ident defaults to {@code Keepalived_vrrp}; use
 * {@code LogOptions.fromSwitches(...).toBuilder().ident(LogOptions.IDENT_PARENT).build()} for lines
 * that keepalived's parent process would log. Before {@code configure} runs, the
 * {@link io.javakeepalived.log.DefaultLogConfigurator} prints INFO lines to stderr.
 *
 * <h2>Writing log lines</h2>
 * <ul>
 * <li>keepalived's LOG_INFO / LOG_WARNING / LOG_ERR lines: {@code log.info/warn/error} with the
 * exact keepalived text ({@code "({}) Entering MASTER STATE"}); the level becomes the syslog
 * severity, {@link io.javakeepalived.log.LogMarkers#NOTICE} and friends override it.</li>
 * <li>lines keepalived prints only with {@code -D}: {@code log.info(LogMarkers.DETAIL, ...)};
 * guard costly arguments with {@link io.javakeepalived.log.LogSetup#detailEnabled()}.</li>
 * <li>javakeepalived's own diagnostics: DEBUG (off unless {@link io.javakeepalived.log.LogOptions#debug()}).</li>
 * <li>repetitive per-packet warnings: {@link io.javakeepalived.log.RateLimitedLog}.</li>
 * </ul>
 *
 * <h2>Forms</h2>
 * syslog {@code <30>Nov 23 02:24:41 Keepalived_vrrp[10798]: (VI_1) Entering MASTER STATE} (one
 * AF_UNIX datagram to /dev/log, never blocking: see {@link io.javakeepalived.log.SyslogAppender});
 * console {@code Mon Nov 23 02:17:24 2026: (VI_1) Entering MASTER STATE} on stderr; log file
 * {@code Mon Nov 23 02:17:24.123456789 2026: ...}.
 */
package io.javakeepalived.log;
