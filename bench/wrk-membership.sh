#!/bin/bash
# starts the app jar on the embedded default, one tenant with one member, wrk of the membership check; app CPU per check
JAR=${1:-$(cd "$(dirname "$0")/.." && pwd)/app/target/tenantry.jar}; D=/tmp/wrkcheck; pkill -f "tenantry.data-dir=$D"; sleep 1; rm -rf $D; mkdir -p $D
# the in-process orchestrator (embedded default) would add its consumer's CPU: the check alone is measured
(java -jar $JAR --tenantry.data-dir=$D --server.port=18082 --logging.level.root=WARN --tenantry.orchestrator.enabled=false > $D/app.log 2>&1 &)
for i in $(seq 1 120); do sleep 1; curl -s -o /dev/null -w "%{http_code}" localhost:18082/actuator/health/readiness | grep -q 200 && break; done
TOKEN=$(java -jar $JAR token --sub owner1 --data-dir $D 2>/dev/null | tail -1)
ID=$(curl -s -X POST localhost:18082/api/tenants -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d '{"name":"Wrk","slug":"wrk-1","tier":"POOLED","planId":"team"}' | python3 -c 'import sys,json; print(json.load(sys.stdin)["id"])')
curl -s -X POST localhost:18082/api/tenants/$ID/members -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d '{"userId":"m1","role":"MEMBER"}' >/dev/null; sleep 2
URL=http://127.0.0.1:18082/api/tenants/$ID/members/m1
JPID=$(pgrep -f "tenantry.data-dir=$D")
wrk -t2 -c8 -d20s -H "Authorization: Bearer $TOKEN" $URL > /dev/null
a=$(awk '{print $14+$15}' /proc/$JPID/stat)
[ -n "$JFR" ] && jcmd $JPID JFR.start name=m settings=profile filename=$D/m.jfr >/dev/null
wrk -t2 -c8 -d20s --latency -H "Authorization: Bearer $TOKEN" $URL > $D/wrk.txt
[ -n "$JFR" ] && jcmd $JPID JFR.stop name=m >/dev/null
b=$(awk '{print $14+$15}' /proc/$JPID/stat)
grep -E "Requests/sec|  50%|  99%|requests in|Non-2xx" $D/wrk.txt
reqs=$(grep "requests in" $D/wrk.txt | awk '{print $1}')
echo "app CPU: $((b-a)) ticks for $reqs requests = $(awk -v t=$((b-a)) -v r=$reqs 'BEGIN{printf "%.0f", t*10000/r}') µs per check"
pkill -f "tenantry.data-dir=$D"
