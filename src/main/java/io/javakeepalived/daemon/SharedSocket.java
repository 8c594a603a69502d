package io.javakeepalived.daemon;

import io.javakeepalived.net.VrrpSocket;
import io.javakeepalived.vrrp.VridDemultiplexer;

/**
 * One VRRP socket of the {@link SocketPool} and the instances reading it (its demultiplexer),
 * with the IPv4 identification its adverts count up. Loop thread only.
 */
final class SharedSocket {
    final VrrpSocket socket;
    final VridDemultiplexer demux;
    private int ipId = 1;

    SharedSocket(VrrpSocket socket, VridDemultiplexer demux) {
        this.socket = socket;
        this.demux = demux;
    }

    /** The IPv4 header's identification for the next advert: 1 to 65535, then round again. */
    int nextIpId() {
        int id = ipId;
        ipId = id == 0xffff ? 1 : id + 1;
        return id;
    }
}
