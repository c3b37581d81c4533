#!/usr/bin/env bash
# Tenantry's benchmark: builds the jars (unless --no-build) and runs every figure of the benchmark against one
# PostgreSQL: the local one on 127.0.0.1:5432 (a fresh database, dropped afterwards; PGHOST, PGPORT, PGUSER,
# PGPASSWORD to point elsewhere) or, when none answers, the app's embedded default. Needs a JDK 17 and pgbench.
# --quick: small sizes (about 3 minutes). Prints one table; writes bench/results/summary.{txt,json}.
set -euo pipefail
cd "$(dirname "$0")/.."
build=true
args=()
for arg in "$@"; do
    case "$arg" in
        --no-build) build=false ;;
        --quick) args+=(--quick true) ;;
        --app-args=*) args+=(--app-args "${arg#--app-args=}") ;;
        --jar=*) args+=(--jar "${arg#--jar=}") ;;
        *) echo "usage: bench/run.sh [--quick] [--no-build] [--app-args='--some.property=value ...'] [--jar=other/tenantry.jar]" >&2; exit 2 ;;
    esac
done
command -v pgbench >/dev/null || { echo "pgbench is needed (Debian: apt-get install postgresql-client)" >&2; exit 2; }
start=$(date +%s)
if $build; then
    ./mvnw -B -q -DskipTests package
fi
args+=(--pg-host "${PGHOST:-127.0.0.1}" --pg-port "${PGPORT:-5432}" --pg-user "${PGUSER:-postgres}")
if [ -n "${PGPASSWORD:-}" ]; then args+=(--pg-password "$PGPASSWORD"); fi
java -jar bench/target/tenantry-bench.jar all "${args[@]}"
echo "bench/run.sh took $(( $(date +%s) - start )) s"
