#!/usr/bin/env bash
# The README's demo. Until the VRRP daemon exists it shows what does: the build, and
# keepalived-compatible `-t` on the shipped configs and on a broken one, with exit codes.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -f target/javakeepalived.jar ] || [ -n "$(find src pom.xml -newer target/javakeepalived.jar -print -quit)" ]; then
    echo "== building target/javakeepalived.jar"
    command -v mvn >/dev/null 2>&1 || { echo "demo: Maven is missing; run scripts/test.sh once (it installs what is missing)" >&2; exit 1; }
    mvn -B -q package -DskipTests
fi
jk() { scripts/javakeepalived "$@"; }

echo "== $(jk --version)"
# The example configs name their scripts under /etc/javakeepalived/scripts, where the
# package installs them; for the demo, point a copy at the scripts in this checkout.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for conf in conf/keepalived.conf conf/examples/*/*.conf; do
    mkdir -p "$work/$(dirname "$conf")"
    sed "s|/etc/javakeepalived/scripts/|$PWD/scripts/examples/|g" "$conf" > "$work/$conf"
    set +e
    out=$(jk -t -f "$work/$conf" 2>&1); rc=$?
    set -e
    printf '%-45s -t exit %d\n' "$conf" "$rc"
    [ -n "$out" ] && printf '%s\n' "$out" | sed "s|$work/||; s/^/    /"
done

echo "== a config with mistakes (typo, missing value, bad VRID)"
cat > "$work/broken.conf" <<'CONF'
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 300
    priorty 100
    advert_int 1
    virtual_ipaddress {
        192.0.2.10/24
    }
}
CONF
set +e
jk -t -f "$work/broken.conf" 2>&1 | sed "s|$work/||; s/^/    /"; rc=${PIPESTATUS[0]}
set -e
echo "    -t exit $rc"
echo "== signal numbers exporters ask for: JSON=$(jk --signum=JSON) STATS_CLEAR=$(jk --signum=STATS_CLEAR)"
