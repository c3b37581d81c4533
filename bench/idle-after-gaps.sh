#!/bin/bash
# Idle cost after gaps: the app on the embedded default, races of conflicting creates (rolled-back appends leave holes
# in the global index), then app + its PostgreSQL measured idle; then kill -9, restart on the same data, measured again.
JAR=${JAR:-$(cd "$(dirname "$0")/.." && pwd)/app/target/tenantry.jar}; D=/tmp/idlegaps; PORT=18083
pkill -f "tenantry.data-dir=$D"; sleep 1; rm -rf $D; mkdir -p $D
start() { (java -jar $JAR --tenantry.data-dir=$D --server.port=$PORT --logging.level.root=WARN >> $D/app.log 2>&1 &)
  for i in $(seq 1 180); do sleep 1; curl -s -o /dev/null -w "%{http_code}" localhost:$PORT/actuator/health/readiness | grep -q 200 && break; done; }
pgpid() { pgrep -f "postgres -D $D/postgres" | head -1; }
measure() { JPID=$(pgrep -f "tenantry.data-dir=$D"); PG=$(pgpid)
  t() { local s=0; for p in $JPID $PG $(pgrep -P $PG); do [ -r /proc/$p/stat ] && s=$((s + $(awk '{print $14+$15}' /proc/$p/stat))); done; echo $s; }
  a=$(t); sleep $1; b=$(t); echo "$2: app + PostgreSQL $(awk -v d=$((b-a)) -v s=$1 'BEGIN{printf "%.2f", d/s}') % of a core over $1 s"; }
gaps() { PGPORT=$(ps -o args= -p $(pgpid) | sed -E 's/.* -p ([0-9]+).*/\1/'); psql -h 127.0.0.1 -p $PGPORT -U postgres -d postgres -tA -c "select (select max(global_index) from domain_event_entry) - (select count(*) from domain_event_entry) as holes, (select count(*) from domain_event_entry) as events" 2>/dev/null || echo "(psql failed)"; }
start
TOKEN=$(java -jar $JAR token --sub racer --data-dir $D 2>/dev/null | tail -1)
for round in $(seq 1 10); do
  for n in $(seq 1 30); do curl -s -o /dev/null -X POST localhost:$PORT/api/tenants -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d "{\"name\":\"Race $round\",\"slug\":\"race-$round\",\"tier\":\"POOLED\"}" & done; wait
done
echo "holes / events after the races: $(gaps)"
sleep ${SETTLE:-90}
measure ${WINDOW:-60} "idle after the races"
kill -9 $(pgrep -f "tenantry.data-dir=$D"); sleep 2; start
sleep ${SETTLE:-90}
measure ${WINDOW:-60} "idle after kill -9 and restart"
echo "holes / events: $(gaps)"
pkill -f "tenantry.data-dir=$D"
