#!/usr/bin/env bash
# Issue 21's benchmark in one command, from the repository's root or from bench/: builds the app and the benchmarks,
# then prints ingestion as a ratio to Asterisk-Java's raw rate (same replayed traffic, same run) and the cold start
# (fresh data dir / existing) of the app as the README runs it. Run it on a quiet machine: both share its cores.
#   bench/run.sh [--copies=100] [--runs=3]
set -euo pipefail
cd "$(dirname "$0")/.."
copies=100
runs=3
for a in "$@"; do
  case "$a" in
    --copies=*) copies="${a#--copies=}" ;;
    --runs=*) runs="${a#--runs=}" ;;
  esac
done
rm -f bench/target/hotline-bench.jar   # the repackage keeps a jar whose classes did not change, with stale libraries
./mvnw -B -q package -pl hotline-ui,bench -am -DskipTests
java -cp bench/target/hotline-bench.jar -Dloader.main=kz.hotline114.bench.IngestionBenchmark \
     org.springframework.boot.loader.launch.PropertiesLauncher --copies="$copies" --paced-seconds=0 \
  | grep -a -E '^==|events sent|until the last|INGESTION RATIO'
java -cp bench/target/hotline-bench.jar -Dloader.main=kz.hotline114.bench.ColdStartBenchmark \
     org.springframework.boot.loader.launch.PropertiesLauncher --runs="$runs"
