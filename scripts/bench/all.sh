#!/usr/bin/env bash
# Every benchmark, one after the other, keepalived and javakeepalived side by side in each:
# start-up (v2 1 s, v3 0.1 s), jitter (0.01 s adverts, idle and loaded), failover (kill, link,
# term at v2 1 s and v3 0.1 / 0.05 / 0.01 s), scale (1 / 100 / 500 / 1,000 instances) and the
# LVS checkers (HTTP_GET; in the IPVS VM when this kernel has no IPVS).
#
#   sudo scripts/bench/all.sh [-n RUNS] [--quick] [--skip NAME,...] > bench.md
#
# RUNS (default 20) is the runs per failover row and the start-up runs; --quick runs 3 of each,
# 10 s windows and 100 real servers, to see that everything works (the figures then mean
# little). NAME is one of startup, jitter, failover, scale, checkers. Each part prints its own
# header (date, machine, load average) and table; a part that fails is reported and the others
# still run. About 1 h 30 with the defaults, 15 min with --quick.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
runs=20 quick="" skip="," window=60
while [ $# -gt 0 ]; do
    case "$1" in
        -n) runs=$2; shift 2 ;;
        --quick) quick=yes runs=3 window=10; shift ;;
        --skip) skip=",$2,"; shift 2 ;;
        -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
        *) echo "all.sh: unknown argument $1" >&2; exit 1 ;;
    esac
done
[ "$(id -u)" = 0 ] || { echo "all.sh: run as root (network namespaces)" >&2; exit 1; }
failed=()
part() {
    local name=$1
    shift
    case $skip in *",$name,"*) return ;; esac
    echo
    echo "## $name: $*"
    echo
    "$@" || failed+=("$name ($*)")
}
part startup bash "$here/startup.sh" -n "$runs"
part startup bash "$here/startup.sh" -n "$runs" --v3
part jitter bash "$here/jitter.sh" -s "$window"
for timing in "" "--v3 0.1" "--v3 0.05" "--v3 0.01"; do
    # shellcheck disable=SC2086 # timing is two words or none
    part failover bash "$here/failover.sh" -n "$runs" $timing
done
part scale bash "$here/scale.sh" ${quick:+--window 10}
part checkers bash "$here/checkers.sh" ${quick:+-n 100 -d 10}
if [ ${#failed[@]} -gt 0 ]; then
    printf 'all.sh: failed: %s\n' "${failed[@]}" >&2
    exit 1
fi
