package io.javakeepalived.testsupport.fakenet;

import io.javakeepalived.net.Errno;
import io.javakeepalived.net.ErrnoException;
import io.javakeepalived.net.InterfaceAddress;
import io.javakeepalived.net.LinkInfo;
import io.javakeepalived.net.RtnetlinkSession;

import java.util.ArrayList;
import java.util.List;

/**
 * The kernel's address table in memory, answering as the kernel does: adding an address that
 * is there fails with EEXIST, deleting one that is not with EADDRNOTAVAIL.
 */
public final class FakeRtnetlink implements RtnetlinkSession {
    private final List<LinkInfo> links;
    private final List<InterfaceAddress> addresses = new ArrayList<>();

    public FakeRtnetlink(List<LinkInfo> links) {
        this.links = List.copyOf(links);
    }

    @Override
    public void addAddress(InterfaceAddress address) throws ErrnoException {
        if (find(address) >= 0) {
            throw new ErrnoException("RTM_NEWADDR " + address.cidr(), Errno.EEXIST);
        }
        addresses.add(address);
    }

    @Override
    public void deleteAddress(InterfaceAddress address) throws ErrnoException {
        int i = find(address);
        if (i < 0) {
            throw new ErrnoException("RTM_DELADDR " + address.cidr(), Errno.EADDRNOTAVAIL);
        }
        addresses.remove(i);
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
