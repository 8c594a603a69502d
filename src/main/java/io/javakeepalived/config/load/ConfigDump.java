package io.javakeepalived.config.load;

import io.javakeepalived.config.model.KeepalivedConfig;
import io.javakeepalived.config.model.Text;
import io.javakeepalived.config.model.VrrpInstance;

import java.lang.reflect.RecordComponent;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The resolved configuration as text, for {@code -d}: keepalived's section headings, then every
 * setting with the value javakeepalived will use (defaults filled in), indented by nesting.
 * Unset optional values are left out; passwords are not printed.
 */
public final class ConfigDump {
    private ConfigDump() {
    }

    public static String render(KeepalivedConfig c) {
        StringBuilder out = new StringBuilder();
        section(out, "Global definitions");
        fields(out, c.topLevel(), 1);
        fields(out, c.global(), 1);
        if (!c.staticAddresses().isEmpty() || !c.staticRoutes().isEmpty() || !c.staticRules().isEmpty()) {
            section(out, "Static configuration");
            list(out, "Static addresses", c.staticAddresses(), 1);
            list(out, "Static routes", c.staticRoutes(), 1);
            list(out, "Static rules", c.staticRules(), 1);
        }
        if (!c.scripts().isEmpty() || !c.trackFiles().isEmpty() || !c.trackProcesses().isEmpty()) {
            section(out, "VRRP Scripts");
            for (var s : c.scripts()) {
                line(out, 1, "VRRP Script = " + s.name());
                fields(out, s, 2);
            }
            for (var f : c.trackFiles()) {
                line(out, 1, "Track file = " + f.name());
                fields(out, f, 2);
            }
            for (var p : c.trackProcesses()) {
                line(out, 1, "Track process = " + p.name());
                fields(out, p, 2);
            }
        }
        if (!c.references().isEmpty()) {
            section(out, "VRRP Reference addresses");
            for (var r : c.references()) {
                line(out, 1, "Reference = " + r.name());
                fields(out, r, 2);
            }
        }
        if (!c.syncGroups().isEmpty()) {
            section(out, "VRRP Sync groups");
            for (var g : c.syncGroups()) {
                line(out, 1, "VRRP Sync Group = " + g.name());
                fields(out, g, 2);
            }
        }
        if (!c.instances().isEmpty()) {
            section(out, "VRRP Topology");
            for (VrrpInstance i : c.instances()) {
                line(out, 1, "VRRP Instance = " + i.name());
                fields(out, i, 2);
            }
        }
        if (!c.garpGroups().isEmpty() || !c.linkbeatInterfaces().isEmpty() || !c.interfaceDelays().isEmpty()
                || !c.bfdInstances().isEmpty() || !c.trackGroups().isEmpty()) {
            section(out, "Other VRRP settings");
            list(out, "garp_group", c.garpGroups(), 1);
            list(out, "linkbeat_interfaces", c.linkbeatInterfaces(), 1);
            list(out, "interface_up_down_delays", c.interfaceDelays(), 1);
            list(out, "bfd_instance", c.bfdInstances(), 1);
            list(out, "track_group", c.trackGroups(), 1);
        }
        if (!c.virtualServers().isEmpty() || !c.virtualServerGroups().isEmpty()) {
            section(out, "LVS Topology");
            for (var g : c.virtualServerGroups()) {
                line(out, 1, "Virtual Server Group = " + g.name());
                fields(out, g, 2);
            }
            for (var vs : c.virtualServers()) {
                line(out, 1, "Virtual Server = " + vs.describe());
                fields(out, vs, 2);
            }
            c.ssl().ifPresent(s -> {
                line(out, 1, "SSL context");
                fields(out, s, 2);
            });
        }
        c.vrrpStartFailure().ifPresent(d -> {
            section(out, "VRRP will not start");
            line(out, 1, d.toString());
        });
        return out.toString();
    }

    private static void section(StringBuilder out, String title) {
        out.append("------< ").append(title).append(" >------\n");
    }

    private static void line(StringBuilder out, int depth, String text) {
        out.append("  ".repeat(depth)).append(text).append('\n');
    }

    private static void list(StringBuilder out, String title, Collection<?> items, int depth) {
        if (items.isEmpty()) {
            return;
        }
        line(out, depth, title + " (" + items.size() + "):");
        for (Object o : items) {
            value(out, null, o, depth + 1);
        }
    }

    private static void fields(StringBuilder out, Record r, int depth) {
        for (RecordComponent rc : r.getClass().getRecordComponents()) {
            String name = rc.getName();
            if (name.equals("location") || name.equals("name") || name.equals("words")) {
                continue;
            }
            Object v;
            try {
                v = rc.getAccessor().invoke(r);
            } catch (ReflectiveOperationException e) {
                continue;
            }
            if (name.equals("password")) {
                if (v instanceof Optional<?> o && o.isPresent()) {
                    line(out, depth, "password = <hidden>");
                }
                continue;
            }
            value(out, name, v, depth);
        }
    }

    private static void value(StringBuilder out, String name, Object v, int depth) {
        String prefix = name == null ? "" : name + " = ";
        if (v == null) {
            return;
        }
        if (v instanceof Optional<?> o) {
            o.ifPresent(x -> value(out, name, x, depth));
            return;
        }
        if (v instanceof OptionalInt o) {
            if (o.isPresent()) {
                line(out, depth, prefix + o.getAsInt());
            }
            return;
        }
        if (v instanceof OptionalLong o) {
            if (o.isPresent()) {
                line(out, depth, prefix + o.getAsLong());
            }
            return;
        }
        if (v instanceof VrrpInstance.Authentication a) {
            line(out, depth, prefix + a.type() + " (password hidden)");
            return;
        }
        if (v instanceof Collection<?> col) {
            if (col.isEmpty()) {
                return;
            }
            line(out, depth, (name == null ? "" : name) + " (" + col.size() + "):");
            for (Object o : col) {
                value(out, null, o, depth + 1);
            }
            return;
        }
        if (v instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                return;
            }
            line(out, depth, (name == null ? "" : name) + ":");
            m.forEach((k, x) -> line(out, depth + 1, k + " " + (x instanceof Collection<?> c
                    ? String.join(" ", c.stream().map(String::valueOf).toList()) : x)));
            return;
        }
        if (v instanceof InetAddress a) {
            line(out, depth, prefix + Text.address(a));
            return;
        }
        if (v instanceof Duration d) {
            line(out, depth, prefix + Text.seconds(d) + "s");
            return;
        }
        if (v instanceof io.javakeepalived.config.model.ScriptCommand s) {
            line(out, depth, prefix + s.configured() + ", uid:gid " + s.uid() + ":" + s.gid());
            return;
        }
        if (v instanceof io.javakeepalived.config.model.IpAddressSpec || v instanceof io.javakeepalived.config.model.RouteSpec
                || v instanceof io.javakeepalived.config.model.RuleSpec
                || v instanceof io.javakeepalived.config.model.IpPrefix) {
            line(out, depth, prefix + v);
            return;
        }
        if (v instanceof io.javakeepalived.config.model.TrackedObject t) {
            line(out, depth, prefix + t.name() + " weight " + t.weight() + (t.reverse() ? " reverse" : ""));
            return;
        }
        if (v instanceof Record r) {
            StringBuilder inner = new StringBuilder();
            fields(inner, r, depth + 1);
            if (inner.length() > 0 || name == null) {
                line(out, depth, (name == null ? r.getClass().getSimpleName() : name) + ":");
                out.append(inner);
            }
            return;
        }
        line(out, depth, prefix + v);
    }
}
