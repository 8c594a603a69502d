# Sourced by scripts/test.sh and scripts/demo.sh: install_missing WHO COMMAND:PACKAGE...
# installs (apt-get, Debian) the package of every COMMAND that is not on the PATH. Packages
# must not start services here (keepalived's postinst would try): policy-rc.d answers "not
# allowed" for the duration of the install, and is removed only if we made it.
install_missing() {
    local who=$1 pair need=()
    shift
    for pair in "$@"; do
        command -v "${pair%%:*}" >/dev/null 2>&1 || need+=("${pair#*:}")
    done
    [ ${#need[@]} -gt 0 ] || return 0
    if [ "$(id -u)" -ne 0 ]; then
        echo "$who: missing ${need[*]}; run as root to install them" >&2
        return 1
    fi
    echo "$who: installing ${need[*]}"
    local made_policy=""
    if [ ! -e /usr/sbin/policy-rc.d ]; then
        printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
        chmod 755 /usr/sbin/policy-rc.d
        made_policy=yes
    fi
    local rc=0
    DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null ||
        rc=$?
    if [ -n "$made_policy" ]; then rm -f /usr/sbin/policy-rc.d; fi
    return $rc
}
