package io.javakeepalived.config.lint;

import io.javakeepalived.config.host.FileSystemView;
import io.javakeepalived.config.model.IpPrefix;
import io.javakeepalived.config.model.ScriptCommand;
import io.javakeepalived.script.ScriptReadiness;
import io.javakeepalived.testsupport.FakeFileSystem;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A node for the checks: interfaces with addresses given by hand, scripts on an in-memory file system. */
final class FakeNode implements NodeView {
    private final Map<String, List<IpPrefix>> addresses = new LinkedHashMap<>();
    private FileSystemView files = FakeFileSystem.typicalHost();

    /** The node of the issue: eth0 at 10.9.9.1/24, lo at 127.0.0.1/8. */
    static FakeNode issueNode() {
        return new FakeNode().address("lo", "127.0.0.1/8").address("eth0", "10.9.9.1/24");
    }

    FakeNode address(String nic, String cidr) {
        String[] p = cidr.split("/");
        try {
            addresses.computeIfAbsent(nic, n -> new ArrayList<>())
                    .add(new IpPrefix(InetAddress.getByName(p[0]), Integer.parseInt(p[1])));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(cidr, e);
        }
        return this;
    }

    FakeNode files(FileSystemView fs) {
        files = fs;
        return this;
    }

    @Override
    public List<IpPrefix> addresses(String interfaceName) {
        return addresses.getOrDefault(interfaceName, List.of());
    }

    @Override
    public List<IpPrefix> allAddresses() {
        return addresses.values().stream().flatMap(List::stream).toList();
    }

    @Override
    public Optional<String> whyNotRunnable(ScriptCommand script, boolean scriptSecurity) {
        return new ScriptReadiness(files).whyNotRunnable(script, scriptSecurity);
    }
}
