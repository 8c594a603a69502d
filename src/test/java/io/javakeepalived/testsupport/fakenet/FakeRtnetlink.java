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
 * order, as {@code +addr 10.0.0.1/24}, {@code -route 10.1.0.0/16 ...}, {@code +rule ...}. Links can
 * be added (a macvlan, a new index each), brought up and deleted.
 */
public final class FakeRtnetlink implements RtnetlinkSession {
    private final List<LinkInfo> links;
    private final List<InterfaceAddress> addresses = new ArrayList<>();
    private final List<IpRoute> routes = new ArrayList<>();
    private final List<IpRule> rules = new ArrayList<>();
    private final List<String> journal = new ArrayList<>();

    public FakeRtnetlink(List<LinkInfo> links) {
        this.links = new ArrayList<>(links);
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
        return List.copyOf(links);
    }

    @Override
    public LinkInfo createMacvlan(String name, int parentIndex, byte[] mac, int mode) throws ErrnoException {
        if (links.stream().anyMatch(l -> l.name().equals(name))) {
            throw new ErrnoException("RTM_NEWLINK macvlan " + name, Errno.EEXIST);
        }
        int index = links.stream().mapToInt(LinkInfo::index).max().orElse(0) + 1;
        LinkInfo l = new LinkInfo(index, name, LinkInfo.IFF_BROADCAST | LinkInfo.IFF_MULTICAST, LinkInfo.OPER_DOWN,
                false, mac, 1500, "macvlan", parentIndex, 0);
        links.add(l);
        return l;
    }

    @Override
    public void setLinkUp(int index, boolean up) throws ErrnoException {
        LinkInfo l = link(index);
        int flags = up ? l.flags() | LinkInfo.IFF_UP | LinkInfo.IFF_RUNNING | LinkInfo.IFF_LOWER_UP
                : l.flags() & ~(LinkInfo.IFF_UP | LinkInfo.IFF_RUNNING | LinkInfo.IFF_LOWER_UP);
        links.set(links.indexOf(l), new LinkInfo(index, l.name(), flags, up ? LinkInfo.OPER_UP : LinkInfo.OPER_DOWN,
                up, l.mac(), l.mtu(), l.kind(), l.linkIndex(), l.masterIndex()));
    }

    @Override
    public void deleteLink(int index) throws ErrnoException {
        links.remove(link(index));
        addresses.removeIf(a -> a.ifindex() == index);
    }

    private LinkInfo link(int index) throws ErrnoException {
        return links.stream().filter(l -> l.index() == index).findFirst()
                .orElseThrow(() -> new ErrnoException("RTM_NEWLINK " + index, Errno.ENODEV));
    }

    @Override
    public List<InterfaceAddress> ourAddresses() {
        return addresses.stream().filter(InterfaceAddress::isOurs).toList();
    }

    @Override
    public void addRoute(IpRoute route) throws ErrnoException {
        add(routes, route, "route");
    }

    @Override
    public void deleteRoute(IpRoute route) throws ErrnoException {
        delete(routes, route, "route", Errno.ESRCH);
    }

    @Override
    public void addRule(IpRule rule) throws ErrnoException {
        add(rules, rule, "rule");
    }

    @Override
    public void deleteRule(IpRule rule) throws ErrnoException {
        delete(rules, rule, "rule", Errno.ENOENT);
    }

    private <T> void add(List<T> table, T entry, String kind) throws ErrnoException {
        if (table.contains(entry)) {
            throw new ErrnoException("RTM_NEW" + kind.toUpperCase() + " " + entry, Errno.EEXIST);
        }
        table.add(entry);
        journal.add("+" + kind + " " + entry);
    }

    private <T> void delete(List<T> table, T entry, String kind, int missing) throws ErrnoException {
        if (!table.remove(entry)) {
            throw new ErrnoException("RTM_DEL" + kind.toUpperCase() + " " + entry, missing);
        }
        journal.add("-" + kind + " " + entry);
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
