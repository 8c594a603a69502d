package io.javakeepalived.net;

/** A change the kernel announced on the rtnetlink multicast groups ({@link RtnetlinkMonitor}). */
public sealed interface NetlinkEvent {
    /** RTM_NEWLINK (created or changed: flags, carrier, name, MAC) or RTM_DELLINK. */
    record Link(boolean deleted, LinkInfo link) implements NetlinkEvent {}

    /** RTM_NEWADDR or RTM_DELADDR. */
    record Address(boolean deleted, InterfaceAddress address) implements NetlinkEvent {}

    /**
     * The socket's receive queue overflowed (ENOBUFS): events were lost. The owner must re-read
     * the full state ({@link AddressManager#links()}, {@link AddressManager#addresses()}).
     */
    record Overrun() implements NetlinkEvent {}
}
