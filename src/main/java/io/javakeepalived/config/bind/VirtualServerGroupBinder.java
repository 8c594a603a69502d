package io.javakeepalived.config.bind;

import io.javakeepalived.config.ConfigErrorKind;
import io.javakeepalived.config.ConfigFatalException;
import io.javakeepalived.config.ConfigNode;
import io.javakeepalived.config.SourceLocation;
import io.javakeepalived.config.model.AddressFamily;
import io.javakeepalived.config.model.VirtualServerGroup;

import java.math.BigInteger;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * virtual_server_group blocks (check_parser.c vsg_handler, vsg_entry): address ranges
 * (IP-END, IP-LASTBYTE, IP/LEN) with an optional port, and fwmarks with an optional family.
 */
final class VirtualServerGroupBinder {
    private VirtualServerGroupBinder() {
    }

    static void virtualServerGroup(ConfigNode n, BindContext c) throws ConfigFatalException {
        LvsDrafts.Vsg g = new LvsDrafts.Vsg();
        g.name = Args.need(n, 0, "a group name");
        g.location = n.location();
        c.virtualServerGroups.add(g);
        List<String> extra = n.args().subList(1, n.argCount());
        if (!extra.isEmpty()) {
            c.error(n, "Block virtual_server_group has extra parameters " + extra.get(0) + " ...");
        }
        for (ConfigNode line : n.children()) {
            if (line.hasBlock()) {
                c.report(ConfigErrorKind.UNEXPECTED_BLOCK_START, line.location(),
                        "Unexpected '{' in virtual_server_group, expected address or fwmark lines - ignoring it");
            }
            vsgEntry(g, line, c);
        }
        if (g.entries.isEmpty()) {
            c.error(n, "virtual server group " + g.name + " has no entries - removing");
            c.virtualServerGroups.remove(g);
        } else if (g.haveV4 && g.haveV6 && g.fwmarkNoFamily) {
            c.error(n, "virtual server group " + g.name + " cannot have IPv4, IPv6 and fwmark without family"
                    + " - removing");
            c.virtualServerGroups.remove(g);
        }
    }

    private static void vsgEntry(LvsDrafts.Vsg g, ConfigNode line, BindContext c) throws ConfigFatalException {
        SourceLocation at = line.location();
        String first = line.keyword();
        if (first.equals("fwmark")) {
            String v = Args.need(line, 0, "a firewall mark");
            OptionalLong mark = Numbers.unsigned(c, at, v, 0, Numbers.UINT_MAX);
            if (mark.isEmpty()) {
                c.error(at, "(" + g.name + "): fwmark '" + v + "' must be in [0, 4294967295] - ignoring");
                return;
            }
            Optional<AddressFamily> fam = Optional.empty();
            if (line.argCount() > 1) {
                String f = line.arg(1);
                if (f.equals("inet")) {
                    fam = Optional.of(AddressFamily.IPV4);
                    g.haveV4 = true;
                } else if (f.equals("inet6")) {
                    fam = Optional.of(AddressFamily.IPV6);
                    g.haveV6 = true;
                } else {
                    c.error(at, "(" + g.name + "): fwmark '" + mark.getAsLong() + "' family " + f
                            + " unknown, expected inet or inet6 - ignoring");
                    return;
                }
            } else {
                g.fwmarkNoFamily = true;
            }
            g.entries.add(new VirtualServerGroup.Fwmark(mark.getAsLong(), fam, at));
            return;
        }
        OptionalInt port = LvsReaders.port(line.arg(0), c, at);
        if (port.isEmpty()) {
            c.error(at, "Invalid virtual server group IP address " + first + "/port/" + line.arg(0) + " - skipping");
            return;
        }
        Optional<InetAddress> start = InetText.sockaddr(first);
        if (start.isEmpty()) {
            c.error(at, "Invalid virtual server group IP address " + first + ", expected IP, IP-END or IP/LEN"
                    + " - skipping");
            return;
        }
        AddressFamily fam = AddressFamily.of(start.get());
        InetAddress end = start.get();
        int slash = first.indexOf('/');
        int dash = first.indexOf('-');
        if (slash >= 0) {
            String m = first.substring(slash + 1);
            int mask;
            try {
                mask = Integer.parseInt(m);
            } catch (NumberFormatException e) {
                mask = -1;
            }
            if (mask <= 0 || mask > fam.maxPrefix()) {
                c.error(at, "Invalid netmask - " + first + " - skipping");
                return;
            }
            BigInteger a = new BigInteger(1, start.get().getAddress());
            BigInteger hostBits = BigInteger.ONE.shiftLeft(fam.maxPrefix() - mask).subtract(BigInteger.ONE);
            if (!a.and(hostBits).equals(BigInteger.ZERO)) {
                c.error(at, "Address mask bits not empty - " + first + " - skipping");
                return;
            }
            end = fromBig(a.or(hostBits), fam);
        } else if (dash >= 0) {
            String tail = first.substring(dash + 1);
            if ((fam == AddressFamily.IPV4 && tail.contains(".")) || (fam == AddressFamily.IPV6 && tail.contains(":"))) {
                Optional<InetAddress> e = InetText.parse(tail);
                if (e.isEmpty()) {
                    c.error(at, "Invalid range end " + first + " - skipping");
                    return;
                }
                if (AddressFamily.of(e.get()) != fam) {
                    c.error(at, "Range address families do not match " + first + " - skipping");
                    return;
                }
                if (new BigInteger(1, e.get().getAddress()).compareTo(new BigInteger(1, start.get().getAddress())) < 0) {
                    c.error(at, "Address range end is less than address range start - " + first + " - skipping");
                    return;
                }
                end = e.get();
            } else {
                long range;
                try {
                    range = Long.parseLong(tail, fam == AddressFamily.IPV6 ? 16 : 10);
                } catch (NumberFormatException ex) {
                    c.report(ConfigErrorKind.INVALID_NUMBER, at, "Virtual server group range '"
                            + first + "' has extra characters at end, expected a number");
                    return;
                }
                if (range > (fam == AddressFamily.IPV6 ? 0xFFFF : 255)) {
                    c.report(ConfigErrorKind.INVALID_NUMBER, at, "Virtual server group range '"
                            + first + "' end '" + tail + "' too large");
                    return;
                }
                byte[] b = start.get().getAddress().clone();
                int startLow;
                if (fam == AddressFamily.IPV4) {
                    startLow = b[3] & 0xFF;
                    b[3] = (byte) range;
                } else {
                    startLow = ((b[14] & 0xFF) << 8) | (b[15] & 0xFF);
                    b[14] = (byte) (range >> 8);
                    b[15] = (byte) range;
                }
                if (startLow >= range) {
                    c.error(at, "Address range end is not greater than address range start - " + first + " - skipping");
                    return;
                }
                end = fromBig(new BigInteger(1, b), fam);
            }
        }
        g.entries.add(new VirtualServerGroup.AddressRange(start.get(), end, port.getAsInt(), at));
        if (fam == AddressFamily.IPV4) {
            g.haveV4 = true;
        } else {
            g.haveV6 = true;
        }
    }

    private static InetAddress fromBig(BigInteger v, AddressFamily fam) {
        int len = fam == AddressFamily.IPV4 ? 4 : 16;
        byte[] raw = v.toByteArray();
        byte[] out = new byte[len];
        int copy = Math.min(len, raw.length);
        System.arraycopy(raw, raw.length - copy, out, len - copy, copy);
        return InetText.toAddress(out);
    }
}
