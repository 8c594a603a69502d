package io.javakeepalived.testsupport.fakenet;

import io.javakeepalived.net.VipDropTable;

import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** keepalived's no_accept table in memory: whether it is there, the dropped VIPs, each call. */
public final class FakeVipDropTable implements VipDropTable {
    public boolean installed;
    public boolean leftover;
    public final Set<Inet4Address> dropped = new LinkedHashSet<>();
    public final List<String> calls = new ArrayList<>();

    @Override
    public boolean install() {
        calls.add("install");
        boolean was = leftover || installed;
        installed = true;
        dropped.clear();
        return was;
    }

    @Override
    public void drop(List<Inet4Address> addresses) {
        calls.add("drop " + addresses);
        dropped.addAll(addresses);
    }

    @Override
    public void accept(List<Inet4Address> addresses) {
        calls.add("accept " + addresses);
        if (!dropped.containsAll(addresses)) {
            throw new IllegalStateException("not in the set: " + addresses); // the kernel says ENOENT
        }
        dropped.removeAll(addresses);
    }

    @Override
    public void delete() {
        calls.add("delete");
        installed = false;
        dropped.clear();
    }

    @Override
    public void close() {
        calls.add("close");
    }
}
