package io.javakeepalived.config.bind;

import io.javakeepalived.config.ConfigNode;
import io.javakeepalived.config.model.Checker;
import io.javakeepalived.config.model.ScriptCommand;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The keyword table of each kind of checker (check_tcp.c, check_http.c, check_smtp.c,
 * check_dns.c, check_udp.c, check_ping.c, check_misc.c, check_file.c, check_bfd.c), the
 * network ones built on {@link CheckerBinder#common}.
 */
final class CheckerTables {
    private CheckerTables() {
    }

    private static final Set<String> DNS_TYPES = Set.of("A", "NS", "CNAME", "SOA", "MX", "TXT", "AAAA", "RRSIG",
            "DNSKEY");

    static final KeywordTable<LvsDrafts.Url> URL = new KeywordTable<LvsDrafts.Url>("url")
            .line("path", (u, n, c) -> u.path = Args.need(n, 0, "a URL path"))
            .line("digest", (u, n, c) -> {
                String d = Args.need(n, 0, "an MD5 digest of 32 hex digits");
                if (u.digest != null) {
                    c.error(n, "Digest '" + d + "' is a duplicate");
                } else if (d.length() != 32) {
                    c.error(n, "digest '" + d + "' character length should be 32 rather than " + d.length());
                } else if (!d.matches("[0-9a-fA-F]{32}")) {
                    c.error(n, "Unable to interpret hex digits in digest '" + d + "'");
                } else {
                    u.digest = d.toLowerCase(Locale.ROOT);
                }
            })
            .line("status_code", (u, n, c) -> {
                for (String s : n.args()) {
                    String[] parts = s.split("-", 2);
                    int min;
                    int max;
                    try {
                        min = Integer.parseInt(parts[0]);
                        max = parts.length > 1 ? Integer.parseInt(parts[1]) : min;
                    } catch (NumberFormatException e) {
                        min = -1;
                        max = -1;
                    }
                    if (min < 100 || min > 599 || max < 100 || max > 599 || min > max) {
                        c.error(n, "Invalid HTTP_GET status code '" + s + "', expected 100-599 or a range A-B");
                        continue;
                    }
                    u.status.add(new Checker.StatusRange(min, max));
                }
            })
            .line("virtualhost", (u, n, c) -> {
                if (n.argCount() < 1) {
                    c.error(n, "Missing HTTP_GET virtualhost name");
                } else {
                    u.virtualhost = n.arg(0);
                }
            })
            .line("regex", (u, n, c) -> {
                if (n.argCount() != 1) {
                    c.note(n.location(), "regex missing or too many fields");
                } else {
                    u.regex = n.arg(0);
                }
            })
            .line("regex_no_match", (u, n, c) -> u.regexNoMatch = true)
            .line("regex_options", (u, n, c) -> u.regexOptions.addAll(n.args()))
            .line("regex_min_offset", (u, n, c) -> u.regexMin = regexOffset(n, c))
            .line("regex_max_offset", (u, n, c) -> u.regexMax = regexOffset(n, c))
            .line("regex_stack", (u, n, c) -> {
                if (n.argCount() != 2) {
                    c.note(n.location(), "regex_stack requires start and max values");
                }
            });

    private static long regexOffset(ConfigNode n, BindContext c) {
        if (n.argCount() != 1 || !n.arg(0).matches("[0-9]+")) {
            c.note(n.location(), "Invalid " + n.keyword() + " specified");
            return 0;
        }
        return Long.parseLong(n.arg(0));
    }

    static final KeywordTable<LvsDrafts.Checker> TCP = CheckerBinder.common("TCP_CHECK", true);
    static final KeywordTable<LvsDrafts.Checker> PING = CheckerBinder.common("PING_CHECK", true);
    static final KeywordTable<LvsDrafts.Checker> HTTP = CheckerBinder.common("HTTP_GET", true)
            .line("nb_get_retry", (ch, n, c) -> {
                c.deprecated(n.location(), "nb_get_retry is deprecated - please use 'retry'");
                NumberArg.unsigned(n, c, "a retry count", 0, Numbers.UINT_MAX,
                        v -> "Invalid nb_get_retry value '" + v + "'")
                        .ifPresent(value -> ch.retry = value);
            })
            .line("virtualhost", (ch, n, c) -> {
                if (n.argCount() < 1) {
                    c.error(n, "HTTP_GET virtualhost name missing");
                } else {
                    ch.virtualhost = n.arg(0);
                }
            })
            .line("http_protocol", (ch, n, c) -> {
                if (n.argCount() < 1) {
                    c.error(n, "Missing http_protocol version, expected 1.0, 1.0C or 1.1");
                    return;
                }
                switch (n.arg(0)) {
                    case "1.0", "1.1" -> ch.httpProtocol = n.arg(0);
                    case "1.0C", "1.0c" -> ch.httpProtocol = "1.0C";
                    default -> c.error(n, "Invalid http_protocol version " + n.arg(0) + ", expected 1.0, 1.0C or 1.1");
                }
            })
            .line("enable_sni", (ch, n, c) -> LvsReaders.bool(n, c, "enable_sni").ifPresent(b -> ch.enableSni = b))
            .line("fast_recovery", (ch, n, c) -> LvsReaders.bool(n, c, "fast_recovery")
                    .ifPresent(b -> ch.fastRecovery = b))
            .block("url", (ch, n, c) -> {
                LvsDrafts.Url u = new LvsDrafts.Url();
                u.location = n.location();
                URL.dispatch(u, n.children(), c);
                if (u.path == null) {
                    c.error(n, "HTTP/SSL_GET checker url has no path, expected 'path P' - ignoring");
                    return;
                }
                if (u.regex == null && (u.regexNoMatch || !u.regexOptions.isEmpty() || u.regexMin != 0
                        || u.regexMax != 0)) {
                    c.note(n.location(), "regex parameters specified without regex");
                    u.regexNoMatch = false;
                    u.regexOptions.clear();
                    u.regexMin = 0;
                    u.regexMax = 0;
                }
                ch.urls.add(u);
            });
    /** SMTP_CHECK host { }: keepalived's deprecated form, the connection keywords of one more address. */
    static final KeywordTable<LvsDrafts.Checker> SMTP_HOST = CheckerBinder.common("host", true);
    static final KeywordTable<LvsDrafts.Checker> SMTP = CheckerBinder.common("SMTP_CHECK", true)
            .line("helo_name", (ch, n, c) -> {
                if (n.argCount() < 1) {
                    c.error(n, "SMTP_CHECK helo name missing");
                } else {
                    ch.helo = n.arg(0);
                }
            })
            .block("host", (ch, n, c) -> {
                LvsDrafts.Connection saved = ch.conn;
                LvsDrafts.Connection host = new LvsDrafts.Connection();
                host.dst = ch.rs.address;
                host.dstPort = ch.rs.port;
                host.location = n.location();
                ch.conn = host;
                c.note(n.location(), "SMTP_CHECK host { } is deprecated - use one SMTP_CHECK per address");
                SMTP_HOST.dispatch(ch, n.children(), c);
                ch.conn = saved;
                if (CheckerBinder.checkConnection(host, c, n.location())) {
                    ch.hosts.add(host);
                }
            });

    static final KeywordTable<LvsDrafts.Checker> DNS = CheckerBinder.common("DNS_CHECK", true)
            .line("type", (ch, n, c) -> {
                String t = Args.need(n, 0, "a DNS type (A, NS, CNAME, SOA, MX, TXT, AAAA)");
                if (!DNS_TYPES.contains(t.toUpperCase(Locale.ROOT))) {
                    c.error(n, "Unknown DNS check type " + t + ", expected A, NS, CNAME, SOA, MX, TXT or AAAA"
                            + " - ignoring");
                } else {
                    ch.dnsType = t.toUpperCase(Locale.ROOT);
                }
            })
            .line("name", (ch, n, c) -> {
                if (ch.dnsName != null) {
                    c.error(n, "DNS_CHECK name already specified - ignoring");
                    return;
                }
                String name = Args.need(n, 0, "a domain name");
                if ((name.startsWith(".") && name.length() > 1) || name.contains("..")) {
                    c.error(n, "DNS_CHECK name '" + name + "' has empty label - ignoring");
                    return;
                }
                ch.dnsName = name;
            });
    static final KeywordTable<LvsDrafts.Checker> UDP = CheckerBinder.common("UDP_CHECK", true)
            .line("payload", (ch, n, c) -> {
                if (n.argCount() < 1) {
                    c.error(n, "UDP_CHECK payload requires a payload");
                    return;
                }
                String hex = String.join("", n.args());
                if (!hex.matches("([0-9a-fA-F]{2})+")) {
                    c.error(n, "Invalid hex string for UDP_CHECK payload");
                    return;
                }
                ch.payload = hex.toLowerCase(Locale.ROOT);
            })
            .line("require_reply", (ch, n, c) -> {
                ch.requireReply = true;
                if (n.argCount() >= 1) {
                    String hex = String.join("", n.args());
                    if (!hex.matches("([0-9a-fA-FxX]{2})+")) {
                        c.error(n, "Invalid hex string for UDP_CHECK reply");
                        return;
                    }
                    ch.reply = hex.toLowerCase(Locale.ROOT);
                }
            })
            .line("min_reply_length", (ch, n, c) -> NumberArg.unsigned(n, c, "a length 0-65535", 0, 65535,
                    v -> "UDP_CHECK min length " + v + " not valid - must be between 0 & 65535")
                    .ifPresent(value -> ch.minReply = (int) value))
            .line("max_reply_length", (ch, n, c) -> NumberArg.unsigned(n, c, "a length 0-65535", 0, 65535,
                    v -> "UDP_CHECK max length " + v + " not valid - must be between 0 & 65535")
                    .ifPresent(value -> ch.maxReply = (int) value));
    static final KeywordTable<LvsDrafts.Checker> MISC = CheckerBinder.common("MISC_CHECK", false)
            .line("misc_path", (ch, n, c) -> {
                Optional<List<String>> argv = Scripts.commandLine(n);
                if (argv.isPresent()) {
                    ch.script = new ScriptCommand(n.arg(0), argv.get(), Optional.empty(), Optional.empty(), 0, 0,
                            n.location());
                }
            })
            .line("misc_timeout", (ch, n, c) -> NumberArg.unsigned(n, c, "a timeout in whole seconds", 0,
                    Numbers.UINT_MAX / Numbers.TIMER_HZ, v -> "Invalid misc_timeout value '" + v + "'")
                    .ifPresent(s -> ch.miscTimeout = s * Numbers.TIMER_HZ))
            .line("misc_dynamic", (ch, n, c) -> ch.dynamic = true)
            .line("user", (ch, n, c) -> {
                if (n.argCount() < 1) {
                    c.error(n, "No user specified for misc checker script");
                    return;
                }
                Optional<ScriptUsers.Ids> ids = c.scriptUsers().resolve(n.arg(0), n.arg(1), n.location());
                if (ids.isEmpty()) {
                    c.error(n, "Failed to set uid/gid for misc checker script: user '" + n.arg(0) + "' does not exist"
                            + " - removing");
                    ch.kind = null;
                    return;
                }
                ch.userSet = true;
                ch.miscUser = n.arg(0);
                ch.miscGroup = n.arg(1);
                ch.miscIds = ids.get();
            });
    static final KeywordTable<LvsDrafts.Checker> FILE = new KeywordTable<LvsDrafts.Checker>("FILE_CHECK")
            .line("track_file", (ch, n, c) -> {
                String f = Args.need(n, 0, "a track_file name");
                if (c.trackFile(f) == null) {
                    c.error(n, "track_file " + f + " not found, expected a track_file declared before");
                    return;
                }
                ch.trackFile = f;
            })
            .line("weight", (ch, n, c) -> {
                if (n.argCount() < 1) {
                    c.error(n, "track file weight missing");
                    return;
                }
                OptionalLong w = Numbers.signed(c, n.location(), n.arg(0), -65535, 65535);
                if (w.isEmpty()) {
                    c.error(n, "weight for track file must be in [-65535..65535] inclusive. Ignoring...");
                    return;
                }
                boolean reverse = false;
                if (n.argCount() >= 2) {
                    if (n.arg(1).equals("reverse")) {
                        reverse = true;
                    } else if (!n.arg(1).equals("noreverse")) {
                        c.error(n, "unknown track file weight option " + n.arg(1) + " - ignoring");
                        return;
                    }
                }
                ch.fileWeight = (int) w.getAsLong();
                ch.fileReverse = reverse;
            });
    static final KeywordTable<LvsDrafts.Checker> BFD = new KeywordTable<LvsDrafts.Checker>("BFD_CHECK")
            .line("name", (ch, n, c) -> {
                if (n.argCount() != 1) {
                    c.error(n, "BFD_CHECK - No or too many names specified - skipping checker");
                    ch.kind = null;
                } else if (c.bfd(n.arg(0)) == null) {
                    c.error(n, "BFD_CHECK - BFD " + n.arg(0) + " not configured");
                    ch.kind = null;
                } else if (ch.bfdName != null) {
                    c.error(n, "BFD_CHECK - BFD " + n.arg(0) + " already specified as " + ch.bfdName);
                    ch.kind = null;
                } else {
                    ch.bfdName = n.arg(0);
                }
            })
            .line("alpha", (ch, n, c) -> LvsReaders.bool(n, c, "alpha").ifPresent(b -> ch.alpha = b));
}
