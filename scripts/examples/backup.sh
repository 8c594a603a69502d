#!/bin/sh
# notify_backup hook: runs when the instance named in $1 enters BACKUP.
# Replace the body with what your service needs (e.g. make MySQL writable on master).
logger -t javakeepalived-notify "instance ${1:-?} is now BACKUP"
