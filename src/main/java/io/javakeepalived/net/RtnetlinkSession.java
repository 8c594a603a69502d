package io.javakeepalived.net;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * An open rtnetlink request channel as the VRRP loop uses it: the {@link AddressManager} and
 * {@link RouteManager} requests, the addresses a killed predecessor left, and closing. {@link Rtnetlink} is the real
 * one; a test may put a table in memory behind it.
 */
public interface RtnetlinkSession extends AddressManager, RouteManager, Closeable {

    /** The addresses this daemon (or a killed predecessor) added: those with our IFA_PROTO. */
    List<InterfaceAddress> ourAddresses() throws IOException;

    @Override
    void close();
}
