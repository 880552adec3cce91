#!/usr/bin/env bash
# Mempool acceptance through sendrawtransaction, Equinode beside litecoind, in one run.
# Builds the node's jar and the benchmarks' jar, then runs SendRawBench with the arguments given
# (see benchmarks/README.md, "sendrawtransaction beside litecoind"). Works from any directory.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# A JDK 21 or newer: JAVA_HOME when it qualifies, else the newest under /usr/lib/jvm.
java_major() {
  "$1" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = //p' | sed 's/^1\.//; s/\..*//'
}
java_bin=""
for candidate in ${JAVA_HOME:+"$JAVA_HOME/bin/java"} $(ls -d /usr/lib/jvm/*/bin/java 2>/dev/null | sort -rV); do
  if [ -x "$candidate" ] && [ "$(java_major "$candidate")" -ge 21 ] 2>/dev/null; then
    java_bin=$candidate
    break
  fi
done
if [ -z "$java_bin" ]; then
  echo "sendraw-bench: needs a JDK 21 or newer (JAVA_HOME or /usr/lib/jvm)" >&2
  exit 1
fi

cd "$root"
./mvnw -B -q -pl cli,benchmarks -am package -DskipTests -Dspotless.check.skip=true
exec "$java_bin" -cp benchmarks/target/benchmarks.jar \
  org.equinode.benchmarks.sendraw.SendRawBench --java "$java_bin" \
  --equinode-jar cli/target/equinode.jar "$@"
