#!/bin/sh
# notify_stop hook: runs when the instance named in $1 is stopped (daemon shutting down).
# Replace the body with what your service needs (e.g. make MySQL writable on master).
logger -t javakeepalived-notify "instance ${1:-?} is now STOP"
