#!/usr/bin/env bash
# Runs every test: unit tests and, as root, the integration tests in network namespaces.
# Installs what a fresh Debian 12 machine lacks first (apt-get), then `mvn -B verify`.
# Under CI=true an integration test that cannot run fails the run instead of skipping.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v java >/dev/null 2>&1 || need+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || need+=(maven)
command -v ip >/dev/null 2>&1 || need+=(iproute2)
command -v nft >/dev/null 2>&1 || need+=(nftables)
command -v tcpdump >/dev/null 2>&1 || need+=(tcpdump)
command -v tshark >/dev/null 2>&1 || need+=(tshark)
command -v keepalived >/dev/null 2>&1 || need+=(keepalived)
command -v systemd-analyze >/dev/null 2>&1 || need+=(systemd)
# the example set-ups' stub services (ExampleSetupsIT): a web server and the check's probe
command -v python3 >/dev/null 2>&1 || need+=(python3)
command -v curl >/dev/null 2>&1 || need+=(curl)
command -v pgrep >/dev/null 2>&1 || need+=(procps)

if [ ${#need[@]} -gt 0 ]; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "scripts/test.sh: missing ${need[*]}; run as root to install them" >&2
        exit 1
    fi
    echo "scripts/test.sh: installing ${need[*]}"
    # Packages must not start services here (keepalived's postinst would try): policy-rc.d
    # answers "not allowed" for the duration of the install, and is removed only if we made it.
    made_policy=""
    if [ ! -e /usr/sbin/policy-rc.d ]; then
        printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
        chmod 755 /usr/sbin/policy-rc.d
        made_policy=yes
    fi
    # (exec below replaces this shell, so an EXIT trap would never run: clean up explicitly)
    cleanup_policy() { if [ -n "$made_policy" ]; then rm -f /usr/sbin/policy-rc.d; fi; }
    trap cleanup_policy EXIT
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
    cleanup_policy
    trap - EXIT
fi

exec mvn -B verify "$@"
