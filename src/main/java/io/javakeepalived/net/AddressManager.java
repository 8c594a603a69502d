package io.javakeepalived.net;

import java.io.IOException;
import java.util.List;

/**
 * The kernel's address and link tables, as the daemon needs them: add and remove virtual
 * addresses, list addresses (to find VIPs a killed predecessor left, by
 * {@link InterfaceAddress#PROTO_JAVAKEEPALIVED}) and list links. {@link Rtnetlink} is the real one.
 * Failures are {@link ErrnoException}s such as {@code RTM_NEWADDR 10.0.0.1/24 dev eth0: File exists}
 * ({@link Errno#EEXIST}).
 */
public interface AddressManager {
    void addAddress(InterfaceAddress address) throws IOException;

    void deleteAddress(InterfaceAddress address) throws IOException;

    /** Every address of every interface, both families. */
    List<InterfaceAddress> addresses() throws IOException;

    List<LinkInfo> links() throws IOException;
}
