package io.javakeepalived.testsupport.fakenet;

import io.javakeepalived.net.Errno;
import io.javakeepalived.net.IpvsCommand;
import io.javakeepalived.net.IpvsDest;
import io.javakeepalived.net.IpvsException;
import io.javakeepalived.net.IpvsService;
import io.javakeepalived.net.IpvsServiceKey;
import io.javakeepalived.net.IpvsTable;
import io.javakeepalived.net.IpvsTimeouts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An IPVS table in memory that answers as the kernel does (EEXIST on adding what is there, ESRCH
 * for a missing service, ENOENT for a missing dest) and records every change it was asked for,
 * as {@code add dest 10.0.0.1:tcp:80 -> 10.0.0.2:80 w1}.
 */
public final class FakeIpvsTable implements IpvsTable {
    private final Map<IpvsServiceKey, IpvsService> services = new LinkedHashMap<>();
    private final Map<IpvsServiceKey, List<IpvsDest>> dests = new LinkedHashMap<>();
    private final List<String> commands = new ArrayList<>();
    private IpvsTimeouts timeouts = new IpvsTimeouts(900, 120, 300);

    /** The changes asked for so far (failed ones too); cleared by {@link #clearCommands}. */
    public List<String> commands() {
        return List.copyOf(commands);
    }

    public void clearCommands() {
        commands.clear();
    }

    /** The table as {@code ipvsadm -Ln} would list it, one line per service and dest, in order. */
    public List<String> listing() {
        List<String> out = new ArrayList<>();
        services.values().forEach(s -> {
            out.add(s.key().describe() + " " + s.scheduler() + (s.timeout() > 0 ? " persistent " + s.timeout() : ""));
            dests.get(s.key()).forEach(d -> out.add("  -> " + d.describe() + " " + fwd(d) + " " + d.weight()));
        });
        return out;
    }

    private static String fwd(IpvsDest d) {
        return switch (d.forwarding()) {
            case IpvsDest.MASQ -> "Masq";
            case IpvsDest.DROUTE -> "Route";
            case IpvsDest.TUNNEL -> "Tunnel";
            default -> "Local";
        };
    }

    @Override
    public List<IpvsService> services() {
        return List.copyOf(services.values());
    }

    @Override
    public List<IpvsDest> dests(IpvsServiceKey service) throws IpvsException {
        List<IpvsDest> d = dests.get(service);
        if (d == null) {
            throw new IpvsException(IpvsCommand.GET_DESTS, Errno.ESRCH, service.describe());
        }
        return List.copyOf(d);
    }

    @Override
    public void addService(IpvsService s) throws IpvsException {
        commands.add("add service " + s.key().describe() + " " + s.scheduler());
        if (services.containsKey(s.key())) {
            throw new IpvsException(IpvsCommand.ADD_SERVICE, Errno.EEXIST, s.key().describe());
        }
        services.put(s.key(), s);
        dests.put(s.key(), new ArrayList<>());
    }

    @Override
    public void editService(IpvsService s) throws IpvsException {
        commands.add("edit service " + s.key().describe() + " " + s.scheduler());
        need(IpvsCommand.EDIT_SERVICE, s);
        services.put(s.key(), s);
    }

    @Override
    public void deleteService(IpvsService s) throws IpvsException {
        commands.add("delete service " + s.key().describe());
        need(IpvsCommand.DELETE_SERVICE, s);
        services.remove(s.key());
        dests.remove(s.key());
    }

    @Override
    public void addDest(IpvsService s, IpvsDest d) throws IpvsException {
        commands.add("add dest " + s.key().describe() + " -> " + d.describe() + " w" + d.weight());
        List<IpvsDest> list = need(IpvsCommand.ADD_DEST, s);
        if (list.stream().anyMatch(d::sameServer)) {
            throw new IpvsException(IpvsCommand.ADD_DEST, Errno.EEXIST, s.key().describe() + " -> " + d.describe());
        }
        list.add(d);
    }

    @Override
    public void editDest(IpvsService s, IpvsDest d) throws IpvsException {
        commands.add("edit dest " + s.key().describe() + " -> " + d.describe() + " w" + d.weight());
        List<IpvsDest> list = need(IpvsCommand.EDIT_DEST, s);
        int i = indexOf(list, d);
        if (i < 0) {
            throw new IpvsException(IpvsCommand.EDIT_DEST, Errno.ENOENT, s.key().describe() + " -> " + d.describe());
        }
        list.set(i, d);
    }

    @Override
    public void deleteDest(IpvsService s, IpvsDest d) throws IpvsException {
        commands.add("delete dest " + s.key().describe() + " -> " + d.describe());
        List<IpvsDest> list = need(IpvsCommand.DELETE_DEST, s);
        int i = indexOf(list, d);
        if (i < 0) {
            throw new IpvsException(IpvsCommand.DELETE_DEST, Errno.ENOENT, s.key().describe() + " -> " + d.describe());
        }
        list.remove(i);
    }

    @Override
    public void flush() {
        commands.add("flush");
        services.clear();
        dests.clear();
    }

    @Override
    public IpvsTimeouts timeouts() {
        return timeouts;
    }

    @Override
    public void setTimeouts(IpvsTimeouts t) {
        commands.add("timeouts " + t.tcp() + " " + t.tcpFin() + " " + t.udp());
        timeouts = t;
    }

    @Override
    public void close() {
    }

    private List<IpvsDest> need(IpvsCommand cmd, IpvsService s) throws IpvsException {
        List<IpvsDest> list = dests.get(s.key());
        if (list == null) {
            throw new IpvsException(cmd, Errno.ESRCH, s.key().describe());
        }
        return list;
    }

    private static int indexOf(List<IpvsDest> list, IpvsDest d) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).sameServer(d)) {
                return i;
            }
        }
        return -1;
    }
}
