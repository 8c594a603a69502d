#!/usr/bin/env bash
# Builds target/javakeepalived_<version>_all.deb from the shaded jar with dpkg-deb alone (no
# Maven plugin, no debhelper): the layout below, conffiles, Depends on a Java 17+ headless
# runtime, and maintainer scripts that work with or without a running systemd.
#
#   mvn -B package && scripts/package.sh        # prints the path of the .deb
#
#   /usr/share/javakeepalived/javakeepalived.jar   the daemon
#   /usr/share/javakeepalived/cds-archive.sh       builds /var/cache/javakeepalived/javakeepalived.jsa,
#                                                  the class-data archive, at configure time and
#                                                  again when a Java runtime changes (trigger)
#   /usr/sbin/javakeepalived                       the launcher (scripts/javakeepalived)
#   /lib/systemd/system/javakeepalived.service     the unit
#   /etc/javakeepalived/keepalived.conf            conffile: a template to edit
#   /etc/javakeepalived/scripts/                   where the examples expect their scripts
#   /etc/default/javakeepalived                    conffile: KEEPALIVED_OPTIONS, JAVA_OPTS
#   /usr/share/doc/javakeepalived/                 README, copyright, examples (configs + scripts)
#
# VERSION overrides the version (default: pom.xml's, "-SNAPSHOT" becoming "~SNAPSHOT" so a
# release sorts after its snapshots).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/layout.sh

require_jar package.sh
if [ -z "${VERSION:-}" ]; then
    # the project's own <version> is the first one in pom.xml (before any dependency's)
    VERSION=$(sed -n 's:^  <version>\(.*\)</version>.*:\1:p' pom.xml | head -n 1)
fi
version=${VERSION//-/\~}
if ! [[ "$version" =~ ^[0-9][A-Za-z0-9.+~]*$ ]]; then
    echo "package.sh: '$version' is not a Debian version" >&2
    exit 1
fi

root=target/deb-root
rm -rf "$root"
umask 022
install -d "$root/DEBIAN" "$root/lib/systemd/system" "$root/etc/javakeepalived/scripts" "$root/etc/default"
install_program "$root/usr/share/javakeepalived" "$root/usr/sbin"
install -m 0644 systemd/javakeepalived.service "$root/lib/systemd/system/javakeepalived.service"
install -m 0644 conf/keepalived.conf "$root/etc/javakeepalived/keepalived.conf"
install -m 0644 conf/default/javakeepalived "$root/etc/default/javakeepalived"
install_docs "$root/usr/share/doc/javakeepalived"
for s in postinst prerm postrm; do
    install -m 0755 "scripts/debian/$s" "$root/DEBIAN/$s"
done
printf '%s\n' /etc/javakeepalived/keepalived.conf /etc/default/javakeepalived > "$root/DEBIAN/conffiles"
# a Java runtime installed or upgraded under /usr/lib/jvm voids the archive: postinst rebuilds it
echo "interest-noawait /usr/lib/jvm" > "$root/DEBIAN/triggers"

size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
cat > "$root/DEBIAN/control" <<CONTROL
Package: javakeepalived
Version: $version
Architecture: all
Maintainer: The javakeepalived authors <javakeepalived@users.noreply.github.com>
Installed-Size: $size
Depends: default-jre-headless (>= 2:1.17) | java17-runtime-headless, util-linux, iproute2
Suggests: keepalived
Section: net
Priority: optional
Homepage: https://github.com/javakeepalived/javakeepalived
Description: keepalived-compatible VRRP high-availability daemon in Java
 Reads keepalived.conf unchanged and speaks VRRP (RFC 3768/5798) with keepalived
 nodes: virtual addresses with gratuitous ARP and neighbour adverts, notify
 scripts, keepalived's signals, dumps and log lines. Runs under systemd with
 readiness, status and a watchdog that follows the VRRP loop itself.
CONTROL

deb="target/javakeepalived_${version}_all.deb"
rm -f "$deb"
dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >/dev/null
echo "$deb"
