#!/bin/sh
# An LVS-DR real server of conf/examples/lvs-dr-nginx (run as root on 192.0.2.121 and .122,
# e.g. from a systemd unit or rc.local; nginx itself listens on *:80 as installed).
# The director forwards the clients' packets for the VIP unchanged, so this host must take
# 192.0.2.91 as its own: on lo, /32. It must not answer ARP for it (the clients would send
# to this host instead of the director) nor announce it as a source: arp_ignore=1 answers
# only for addresses of the asking interface, arp_announce=2 picks the best local source.
#   real-server.sh start|stop [VIP]
set -e
vip=${2:-192.0.2.91}
case "$1" in
start)
    sysctl -q -w net.ipv4.conf.all.arp_ignore=1 net.ipv4.conf.all.arp_announce=2
    ip addr replace "$vip/32" dev lo
    ;;
stop)
    ip addr del "$vip/32" dev lo 2>/dev/null || true
    ;;
*)
    echo "usage: $0 start|stop [VIP]" >&2
    exit 2
    ;;
esac
