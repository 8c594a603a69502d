#!/bin/sh
# Track script for the nginx pair: exit 0 while an nginx master process is running and the
# local site answers. NGINX_CHECK_URL overrides the probed URL; scripts get a clean environment
# (PATH only), so set it on the script line:
#   script "/usr/bin/env NGINX_CHECK_URL=http://127.0.0.1:8080/ /etc/javakeepalived/scripts/chk_nginx.sh"
url=${NGINX_CHECK_URL:-http://127.0.0.1/}
pidof nginx >/dev/null 2>&1 || exit 1
if command -v curl >/dev/null 2>&1; then
    exec curl --silent --fail --max-time 1 --output /dev/null "$url"
fi
exit 0
