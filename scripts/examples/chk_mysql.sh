#!/bin/sh
# Track script for the MySQL pair: exit 0 when the local MySQL answers, non-zero otherwise.
# Runs as script_user; keep it fast and bounded - the daemon kills it at its timeout anyway.
# MYSQL_CHECK_CMD lets a test or an unusual set-up replace the probe. Scripts get a clean
# environment (PATH only), so set it on the script line:
#   script "/usr/bin/env MYSQL_CHECK_CMD='mysqladmin -h 127.0.0.1 ping' /etc/javakeepalived/scripts/chk_mysql.sh"
if [ -n "$MYSQL_CHECK_CMD" ]; then
    exec $MYSQL_CHECK_CMD
fi
exec mysqladmin --connect-timeout=2 --silent ping
