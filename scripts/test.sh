#!/usr/bin/env bash
# Runs every test: unit tests and, as root, the integration tests in network namespaces.
# Installs what a fresh Debian 12 machine lacks first (apt-get), then `mvn -B verify`.
# Under CI=true an integration test that cannot run fails the run instead of skipping.
set -euo pipefail
cd "$(dirname "$0")/.."

. scripts/lib/install-missing.sh
install_missing scripts/test.sh \
    java:openjdk-17-jdk-headless mvn:maven ip:iproute2 nft:nftables tcpdump:tcpdump \
    tshark:tshark keepalived:keepalived systemd-analyze:systemd \
    python3:python3 curl:curl pgrep:procps \
    qemu-system-x86_64:qemu-system-x86 busybox:busybox-static vtysh:frr nginx:nginx
# python3, curl, pgrep: ExampleSetupsIT's stub services; qemu, busybox: IpvsVmIT's VM
# (../shared/tools/ipvs-vm), the only kernel here with IPVS; frr (zebra, bgpd, vtysh): BgpFrrIT;
# nginx: the real servers of the LVS-DR example in that VM (LvsDrNginxVmCase)

exec mvn -B verify "$@"
