package io.javakeepalived.vrrp.packet;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The few vrrp_instance values of a capture's .conf the golden tests need. A scraper for these
 * four flat files, not a config parser: one instance, one keyword per line.
 */
record CaptureConf(int vrid, int priority, int advertIntervalCentis, int version, AuthType authType,
                   String authPass, List<InetAddress> vips, InetAddress unicastSrc, List<InetAddress> unicastPeers) {

    static CaptureConf read(Path file) throws IOException {
        String text = Files.readString(file);
        int vrid = Integer.parseInt(value(text, "virtual_router_id"));
        int priority = Integer.parseInt(value(text, "priority"));
        int interval = new BigDecimal(value(text, "advert_int")).multiply(BigDecimal.valueOf(100)).intValueExact();
        String v = optionalValue(text, "version");
        int version = v == null ? 2 : Integer.parseInt(v);
        String authTypeText = optionalValue(text, "auth_type");
        AuthType auth = authTypeText == null ? AuthType.NONE
                : authTypeText.equals("PASS") ? AuthType.SIMPLE_PASSWORD : AuthType.IP_AH;
        String pass = optionalValue(text, "auth_pass");
        String src = optionalValue(text, "unicast_src_ip");
        return new CaptureConf(vrid, priority, interval, version, auth, pass == null ? "" : pass,
                block(text, "virtual_ipaddress"), src == null ? null : InetAddress.getByName(src),
                block(text, "unicast_peer"));
    }

    private static String value(String text, String keyword) {
        String v = optionalValue(text, keyword);
        if (v == null) {
            throw new IllegalArgumentException("no " + keyword);
        }
        return v;
    }

    private static String optionalValue(String text, String keyword) {
        Matcher m = Pattern.compile("(?m)^\\s*" + keyword + "\\s+(\\S+)\\s*$").matcher(text);
        return m.find() ? m.group(1) : null;
    }

    private static List<InetAddress> block(String text, String keyword) throws IOException {
        Matcher m = Pattern.compile(keyword + "\\s*\\{([^}]*)\\}").matcher(text);
        List<InetAddress> out = new ArrayList<>();
        if (m.find()) {
            for (String line : m.group(1).split("\n")) {
                String t = line.trim();
                if (!t.isEmpty()) {
                    out.add(InetAddress.getByName(t.split("[/\\s]")[0]));
                }
            }
        }
        return out;
    }
}
