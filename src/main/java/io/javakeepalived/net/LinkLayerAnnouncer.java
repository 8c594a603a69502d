package io.javakeepalived.net;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;

/**
 * Tells the link that an address now lives at this host's MAC: a gratuitous ARP for IPv4
 * ({@link GratuitousArpSender}), an unsolicited Neighbour Advertisement for IPv6
 * ({@link NeighbourAdvertSender}). One instance per (interface, source MAC); one call sends one
 * frame, pacing and repeats are the caller's. Not thread-safe.
 */
public interface LinkLayerAnnouncer extends Closeable {
    void announce(InetAddress address) throws IOException;

    @Override
    void close();
}
