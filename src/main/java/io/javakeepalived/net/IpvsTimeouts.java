package io.javakeepalived.net;

/** The kernel's IPVS connection timeouts in seconds (ipvsadm --set); 0 in a request leaves one as it is. */
public record IpvsTimeouts(int tcp, int tcpFin, int udp) {
}
