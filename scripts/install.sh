#!/usr/bin/env bash
# Installs javakeepalived on a host without dpkg (RHEL, Arch, a tarball deployment), in the
# same layout as the .deb, relocated under PREFIX (default /usr/local) and DESTDIR (default
# none; a staging root for image builds and packagers):
#
#   PREFIX/share/javakeepalived/javakeepalived.jar   PREFIX/sbin/javakeepalived (launcher)
#   PREFIX/share/javakeepalived/javakeepalived.jsa   class-data archive, built here (not
#                                                    with DESTDIR: it records the jar's path)
#   PREFIX/share/doc/javakeepalived/...              README, copyright, examples
#   /etc/javakeepalived/keepalived.conf              kept if present (new one as .dist)
#   /etc/javakeepalived/scripts/                     where the examples expect scripts
#   /etc/default/javakeepalived                      kept if present
#   SYSTEMD_UNIT_DIR/javakeepalived.service          default /etc/systemd/system; ExecStart
#                                                    points at PREFIX/sbin/javakeepalived
#
#   mvn -B package && sudo scripts/install.sh
#   sudo scripts/install.sh --uninstall            # removes the program files, keeps /etc
#   PREFIX=/usr DESTDIR=/tmp/stage scripts/install.sh
#
# Then: systemctl enable --now javakeepalived (after editing keepalived.conf).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/layout.sh

PREFIX=${PREFIX:-/usr/local}
DESTDIR=${DESTDIR:-}
SYSCONFDIR=${SYSCONFDIR:-/etc}
SYSTEMD_UNIT_DIR=${SYSTEMD_UNIT_DIR:-/etc/systemd/system}
uninstall=""
for arg in "$@"; do
    case "$arg" in
        --uninstall) uninstall=yes ;;
        -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
        *) echo "install.sh: unknown argument $arg" >&2; exit 1 ;;
    esac
done
case "$PREFIX" in
    /*) ;;
    *) echo "install.sh: PREFIX must be absolute: $PREFIX" >&2; exit 1 ;;
esac

d() { printf '%s%s' "$DESTDIR" "$1"; }
share=$(d "$PREFIX/share/javakeepalived")
sbin=$(d "$PREFIX/sbin")
doc=$(d "$PREFIX/share/doc/javakeepalived")
unit=$(d "$SYSTEMD_UNIT_DIR/javakeepalived.service")
etc=$(d "$SYSCONFDIR/javakeepalived")
default=$(d "$SYSCONFDIR/default/javakeepalived")
systemd_running() { [ -z "$DESTDIR" ] && [ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1; }

if [ -n "$uninstall" ]; then
    if systemd_running; then
        systemctl disable --now javakeepalived.service >/dev/null 2>&1 || true
    fi
    rm -f "$share/javakeepalived.jar" "$share/javakeepalived.jsa" "$share/cds-archive.sh" "$sbin/javakeepalived" "$unit"
    rm -rf "$doc"
    rmdir "$share" 2>/dev/null || true
    if systemd_running; then
        systemctl daemon-reload || true
    fi
    echo "javakeepalived removed; its configuration stays in $etc and $default"
    exit 0
fi

require_jar install.sh
umask 022
install_program "$share" "$sbin"
install -d "$(dirname "$unit")" "$etc/scripts" "$(dirname "$default")"
sed "s|^ExecStart=/usr/sbin/javakeepalived |ExecStart=$PREFIX/sbin/javakeepalived |" \
    systemd/javakeepalived.service > "$unit.tmp"
chmod 0644 "$unit.tmp"
mv -f "$unit.tmp" "$unit"
install_docs "$doc"
# The archive maps only for the jar at the path the launcher will use, and for this Java
# runtime: built where it will run. After a Java upgrade, run the same line again.
rm -f "$share/javakeepalived.jsa"
if [ -n "$DESTDIR" ]; then
    echo "install.sh: no class-data archive under DESTDIR; on the host run" \
         "$PREFIX/share/javakeepalived/cds-archive.sh $PREFIX/sbin/javakeepalived $PREFIX/share/javakeepalived/javakeepalived.jsa"
elif ! "$share/cds-archive.sh" "$sbin/javakeepalived" "$share/javakeepalived.jsa" >/dev/null 2>&1; then
    echo "install.sh: no class-data archive built (start-up is slower); see $share/cds-archive.sh" >&2
fi
# configuration is the operator's: never overwritten (as dpkg does with conffiles)
if [ -e "$etc/keepalived.conf" ]; then
    install -m 0644 conf/keepalived.conf "$etc/keepalived.conf.dist"
    echo "install.sh: kept $etc/keepalived.conf; the shipped one is keepalived.conf.dist"
else
    install -m 0644 conf/keepalived.conf "$etc/keepalived.conf"
fi
if [ ! -e "$default" ]; then
    install -m 0644 conf/default/javakeepalived "$default"
fi
if systemd_running; then
    systemctl daemon-reload || true
fi
echo "javakeepalived installed in $(d "$PREFIX"); edit $etc/keepalived.conf, then: systemctl enable --now javakeepalived"
