#!/usr/bin/env bash
# The long fuzz run: 10 million mutated packets through the codec and the receive path into the
# core, and 10 million mutated configs from file to core (reader, binder, lint, mapping, instances),
# in a 256 MB heap, one thread unless -Djavakeepalived.fuzz.threads=N (configs only: N workers, each
# on its own seed derived from the run's, one ledger). Prints the seed first and one summary line per
# kind; fails if any mutation ended in an exception the code did not turn into its own result.
# A config mutation costs ~0.35 ms of CPU, nearly all in the code under test (reader and binder
# ~45 %, the -t dump ~18 %, the mutation itself ~12 %, lint, mapping and the core the rest): on a
# shared machine run it under `nice -n 19`.
#
#   scripts/fuzz-long.sh                                   # 10M of each
#   scripts/fuzz-long.sh -Djavakeepalived.fuzz.iterations=1000000
#   scripts/fuzz-long.sh -Djavakeepalived.fuzz.configs=2000000 -Djavakeepalived.fuzz.minutes=30
#   scripts/fuzz-long.sh -Djavakeepalived.fuzz.seed=N -Dtest=LongConfigFuzz   # rerun one kind
#   nice -n 19 scripts/fuzz-long.sh -Dtest=LongConfigFuzz -Djavakeepalived.fuzz.threads=2
#
# Not part of `mvn verify` or scripts/test.sh: CI keeps the 120,000-packet FuzzTest and the
# config property tests.
set -euo pipefail
cd "$(dirname "$0")/.."
exec mvn -B -Plongfuzz test "$@"
