#!/usr/bin/env bash
# The long fuzz run: 10 million mutated packets through the codec and the receive path into the
# core, and 10 million mutated configs from file to core (reader, binder, lint, mapping, instances),
# one thread, in a 256 MB heap. Prints the seed first and one summary line per kind; fails if any
# mutation ended in an exception the code did not turn into its own result.
#
#   scripts/fuzz-long.sh                                   # 10M of each
#   scripts/fuzz-long.sh -Djavakeepalived.fuzz.iterations=1000000
#   scripts/fuzz-long.sh -Djavakeepalived.fuzz.configs=2000000 -Djavakeepalived.fuzz.minutes=30
#   scripts/fuzz-long.sh -Djavakeepalived.fuzz.seed=N -Dtest=LongConfigFuzz   # rerun one kind
#
# Not part of `mvn verify` or scripts/test.sh: CI keeps the 120,000-packet FuzzTest and the
# config property tests.
set -euo pipefail
cd "$(dirname "$0")/.."
exec mvn -B -Plongfuzz test "$@"
