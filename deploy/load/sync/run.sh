#!/usr/bin/env bash
# The sync pull benchmark (not a test): builds platforms if needed, then runs PullBenchmark.java with the flags
# production would use (C2 on, no TieredStopAtLevel). Loopback only, bounded (one pass of -Ddeals deals per case).
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
cd "$root"
if [[ ! -f platforms/target/classpath.txt ]] || ! ls platforms/target/platforms-*-SNAPSHOT.jar >/dev/null 2>&1; then
  ./mvnw -B -ntp -q -pl platforms -am package -DskipTests
fi
jar="$(ls platforms/target/platforms-*-SNAPSHOT.jar | grep -v tests | head -1)"
exec java -Xmx512m -Dsun.net.httpserver.nodelay=true -Ddeals="${DEALS:-20000}" -cp "$jar:$(cat platforms/target/classpath.txt)" \
  deploy/load/sync/PullBenchmark.java
