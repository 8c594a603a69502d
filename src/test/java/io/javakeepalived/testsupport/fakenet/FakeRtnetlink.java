package io.javakeepalived.testsupport.fakenet;

import io.javakeepalived.net.Errno;
import io.javakeepalived.net.ErrnoException;
import io.javakeepalived.net.InterfaceAddress;
import io.javakeepalived.net.IpRoute;
import io.javakeepalived.net.IpRule;
import io.javakeepalived.net.LinkInfo;
import io.javakeepalived.net.RtnetlinkSession;

import java.util.ArrayList;
import java.util.List;

/**
 * The kernel's address, route and rule tables in memory, answering as the kernel does: adding an
 * address that is there fails with EEXIST, deleting one that is not with EADDRNOTAVAIL (a route
 * ESRCH, a rule ENOENT). Every request that changed a table is written to {@link #journal()}, in
 * order, as {@code +addr 10.0.0.1/24}, {@code -route 10.1.0.0/16 ...}, {@code +rule ...}.
 */
public final class FakeRtnetlink implements RtnetlinkSession {
    private final List<LinkInfo> links;
    private final List<InterfaceAddress> addresses = new ArrayList<>();
    private final List<IpRoute> routes = new ArrayList<>();
    private final List<IpRule> rules = new ArrayList<>();
    private final List<String> journal = new ArrayList<>();

    public FakeRtnetlink(List<LinkInfo> links) {
        this.links = List.copyOf(links);
    }

    @Override
    public void addAddress(InterfaceAddress address) throws ErrnoException {
        if (find(address) >= 0) {
            throw new ErrnoException("RTM_NEWADDR " + address.cidr(), Errno.EEXIST);
        }
        addresses.add(address);
        journal.add("+addr " + address.cidr());
    }

    @Override
    public void deleteAddress(InterfaceAddress address) throws ErrnoException {
        int i = find(address);
        if (i < 0) {
            throw new ErrnoException("RTM_DELADDR " + address.cidr(), Errno.EADDRNOTAVAIL);
        }
        addresses.remove(i);
        journal.add("-addr " + address.cidr());
    }

    @Override
    public List<InterfaceAddress> addresses() {
        return List.copyOf(addresses);
    }

    @Override
    public List<LinkInfo> links() {
        return links;
    }

    @Override
    public List<InterfaceAddress> ourAddresses() {
        return addresses.stream().filter(InterfaceAddress::isOurs).toList();
    }

    @Override
    public void addRoute(IpRoute route) throws ErrnoException {
        if (routes.contains(route)) {
            throw new ErrnoException("RTM_NEWROUTE " + route, Errno.EEXIST);
        }
        routes.add(route);
        journal.add("+route " + route);
    }

    @Override
    public void deleteRoute(IpRoute route) throws ErrnoException {
        if (!routes.remove(route)) {
            throw new ErrnoException("RTM_DELROUTE " + route, Errno.ESRCH);
        }
        journal.add("-route " + route);
    }

    @Override
    public void addRule(IpRule rule) throws ErrnoException {
        if (rules.contains(rule)) {
            throw new ErrnoException("RTM_NEWRULE " + rule, Errno.EEXIST);
        }
        rules.add(rule);
        journal.add("+rule " + rule);
    }

    @Override
    public void deleteRule(IpRule rule) throws ErrnoException {
        if (!rules.remove(rule)) {
            throw new ErrnoException("RTM_DELRULE " + rule, Errno.ENOENT);
        }
        journal.add("-rule " + rule);
    }

    @Override
    public List<IpRoute> ourRoutes() {
        return routes.stream().filter(r -> r.protocol() == IpRoute.PROTO_KEEPALIVED).toList();
    }

    @Override
    public List<IpRule> ourRules() {
        return rules.stream().filter(r -> r.protocol() == IpRoute.PROTO_KEEPALIVED).toList();
    }

    /** The requests that changed a table, in order. */
    public List<String> journal() {
        return List.copyOf(journal);
    }

    @Override
    public void close() {
    }

    private int find(InterfaceAddress a) {
        for (int i = 0; i < addresses.size(); i++) {
            if (addresses.get(i).sameAddress(a)) {
                return i;
            }
        }
        return -1;
    }
}
