#!/bin/sh
# notify_master hook: runs when the instance named in $1 enters MASTER.
# Replace the body with what your service needs (e.g. make MySQL writable on master).
logger -t javakeepalived-notify "instance ${1:-?} is now MASTER"
