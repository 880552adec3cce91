#!/usr/bin/env bash
# The torrent benchmark in one command: builds the Equinode jar (cli/target/equinode.jar) and the
# benchmarks jar, then runs bench.py with the arguments given (see benchmarks/README.md).
# --no-build first skips the build.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
if [ "${1:-}" = "--no-build" ]; then
  shift
else
  "$root/mvnw" -B -q -f "$root/pom.xml" -pl cli,benchmarks -am package -DskipTests \
    -Dspotless.check.skip=true
fi
exec /usr/bin/python3 "$here/bench.py" "$@"
