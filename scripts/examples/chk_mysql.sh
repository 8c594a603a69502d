#!/bin/sh
# Track script for the MySQL pair: exit 0 when the local MySQL answers, non-zero otherwise.
# Runs as script_user; keep it fast and bounded - the daemon kills it at its timeout anyway.
# MYSQL_CHECK_CMD lets a test or an unusual set-up replace the probe.
if [ -n "$MYSQL_CHECK_CMD" ]; then
    exec $MYSQL_CHECK_CMD
fi
exec mysqladmin --connect-timeout=2 --silent ping
