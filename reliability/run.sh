#!/usr/bin/env bash
# Tenantry's reliability battery. Builds the jars (unless --no-build), runs the CI-sized scenarios (app
# integration tests RaceBatteryIT, DuplicateDeliveryIT, OutsideSystemFailureIT, which write app/target/reliability/*.txt;
# skipped with --long-only, or with a message when they are not on this branch), then the long scenarios, each on a
# PostgreSQL and a Kafka hosted by the driver's JVM (nothing else needed but a JDK 17):
#   kill9     kill -9 of the app under a write load, restart, retries by Idempotency-Key
#   database  PostgreSQL stopped and started under load
#   kafka     the Kafka broker down for 60 s under load
#   soak      10 minutes of steady load: heap, connection pool, processor lag
#   webhooks  webhook receivers down for 10 minutes, failing every third call, hanging, under steady load
# Each prints its block (load applied, faults injected, counts checked, PASS/FAIL) and writes it to
# reliability/results/<scenario>.txt; the script exits non-zero if anything failed. About 32 minutes in all.
#
# reliability/run.sh [--no-build] [--long-only] [--scenarios kill9,database,kafka,soak,webhooks] [--quick]
#                    [--soak-minutes 10] [--kafka-down-seconds 60] [--db-down-seconds 12] [--clients N] ...
# --quick: a 2-minute soak, a 20-second Kafka outage and a 2-minute receiver outage (about 13 minutes). Other
# --name value options go to the scenarios (see io.tenantry.bench.reliability).
set -euo pipefail
cd "$(dirname "$0")/.."
build=true
its=true
scenarios=all
args=()
while [ $# -gt 0 ]; do
    case "$1" in
        --no-build) build=false ;;
        --long-only) its=false ;;
        --quick) args+=(--soak-minutes 2 --kafka-down-seconds 20 --receiver-down-seconds 120) ;;
        --scenarios) scenarios="$2"; shift ;;
        --scenarios=*) scenarios="${1#--scenarios=}" ;;
        --*=*) name="${1%%=*}"; args+=("$name" "${1#*=}") ;;
        --*) [ $# -ge 2 ] || { echo "option $1 needs a value" >&2; exit 2; }; args+=("$1" "$2"); shift ;;
        *) echo "usage: reliability/run.sh [--no-build] [--long-only] [--scenarios a,b] [--quick] [--name value ...]" >&2
           exit 2 ;;
    esac
    shift
done
start=$(date +%s)
status=0
mkdir -p reliability/results

if $build; then
    echo "-- building (./mvnw -B -o -q -DskipTests package)"
    ./mvnw -B -o -q -DskipTests package
fi

if $its; then
    tests=(RaceBatteryIT DuplicateDeliveryIT OutsideSystemFailureIT)
    present=()
    for test in "${tests[@]}"; do
        if [ -n "$(find app/src/test -name "$test.java" -print -quit)" ]; then present+=("$test"); fi
    done
    if [ ${#present[@]} -eq 0 ]; then
        echo "-- CI-sized scenarios (4, 5, 7) skipped: none of ${tests[*]} is on this branch"
    else
        echo "-- CI-sized scenarios: ${present[*]}"
        its_start=$(date +%s)
        rm -rf app/target/reliability
        if ./mvnw -B -o -pl app -am test -Dtest="$(IFS=,; echo "${tests[*]}")" -Dsurefire.failIfNoSpecifiedTests=false \
                > reliability/results/its.log 2>&1; then
            echo "   passed in $(( $(date +%s) - its_start )) s (log: reliability/results/its.log)"
        else
            status=1
            echo "   FAILED after $(( $(date +%s) - its_start )) s: see reliability/results/its.log"
            grep -E "Tests run:|FAIL|ERROR\]" reliability/results/its.log | tail -20 || true
        fi
        for report in app/target/reliability/*.txt; do
            [ -f "$report" ] || continue
            echo
            echo "== $report"
            cat "$report"
        done
    fi
fi

echo
echo "-- long scenarios: $scenarios"
if ! java -jar bench/target/tenantry-bench.jar reliability "$scenarios" ${args[@]+"${args[@]}"}; then
    status=1
fi
echo "reliability/run.sh took $(( $(date +%s) - start )) s: $([ $status -eq 0 ] && echo PASS || echo FAIL)"
exit $status
