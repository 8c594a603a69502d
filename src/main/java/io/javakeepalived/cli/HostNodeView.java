package io.javakeepalived.cli;

import io.javakeepalived.config.host.FileSystemView;
import io.javakeepalived.config.lint.NodeView;
import io.javakeepalived.config.model.IpPrefix;
import io.javakeepalived.config.model.ScriptCommand;
import io.javakeepalived.script.ScriptReadiness;

import java.net.InetAddress;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * This host as the configuration warnings see it: interface addresses from
 * {@link NetworkInterface} (the network namespace this process is in), scripts judged by
 * {@link ScriptReadiness} on the file system the loader used.
 */
final class HostNodeView implements NodeView {
    private final boolean addressesKnown;
    private final ScriptReadiness scripts;

    /**
     * @param addressesKnown false when the daemon will run in another network namespace
     *                       (net_namespace): this process cannot see its interfaces yet
     */
    HostNodeView(boolean addressesKnown, FileSystemView files) {
        this.addressesKnown = addressesKnown;
        this.scripts = new ScriptReadiness(files);
    }

    @Override
    public List<IpPrefix> addresses(String interfaceName) {
        if (!addressesKnown) {
            return List.of();
        }
        try {
            NetworkInterface nic = NetworkInterface.getByName(interfaceName);
            return nic == null ? List.of() : prefixes(nic);
        } catch (SocketException e) {
            return List.of();
        }
    }

    @Override
    public List<IpPrefix> allAddresses() {
        if (!addressesKnown) {
            return List.of();
        }
        List<IpPrefix> all = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                all.addAll(prefixes(nic));
            }
        } catch (SocketException e) {
            return List.of();
        }
        return all;
    }

    @Override
    public Optional<String> whyNotRunnable(ScriptCommand script, boolean scriptSecurity) {
        return scripts.whyNotRunnable(script, scriptSecurity);
    }

    private static List<IpPrefix> prefixes(NetworkInterface nic) {
        List<IpPrefix> out = new ArrayList<>();
        for (InterfaceAddress a : nic.getInterfaceAddresses()) {
            try {
                // without the IPv6 scope (%eth0), so that it equals the configured address
                out.add(new IpPrefix(InetAddress.getByAddress(a.getAddress().getAddress()), a.getNetworkPrefixLength()));
            } catch (UnknownHostException e) {
                // cannot happen for a 4- or 16-byte array
            }
        }
        return out;
    }
}
