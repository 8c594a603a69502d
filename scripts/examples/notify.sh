#!/bin/sh
# Generic notify hook: called as  notify.sh INSTANCE|GROUP NAME STATE PRIORITY
# (keepalived's convention; STATE is MASTER, BACKUP, FAULT or STOP).
logger -t javakeepalived-notify "$1 $2 is now $3 (priority $4)"
