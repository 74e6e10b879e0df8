#!/usr/bin/env bash
# HTTP load, side by side: the same API call against an account whose IP restriction is off, then
# on with a 1,000-entry allowlist, alternating rounds in one server process. Needs wrk (Debian:
# apt-get install wrk) and a built jar (mvn -B -q -DskipTests package). Loopback only.
#
#   gatehouse-bench/scripts/http-load.sh [rounds] [seconds-per-round]
set -euo pipefail
cd "$(dirname "$0")/../.."

ROUNDS="${1:-5}"
SECONDS_PER_ROUND="${2:-10}"
PORT="${GATEHOUSE_LOAD_PORT:-18181}"
JAR=gatehouse-server/target/gatehouse.jar
TOKEN="load-test-token-$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
WORK="$(mktemp -d)"
BASE="http://127.0.0.1:$PORT"

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }
[ -f "$JAR" ] || { echo "$JAR is missing: mvn -B -q -DskipTests package" >&2; exit 2; }

cleanup() {
  [ -n "${SERVER_PID:-}" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "starting Gatehouse on $BASE (H2 under $WORK)"
(cd "$WORK" && exec java -jar "$OLDPWD/$JAR" \
  --server.port="$PORT" \
  --gatehouse.bootstrap.account=load \
  --gatehouse.bootstrap.admin-email=load@example.test \
  --gatehouse.bootstrap.admin-password=load-test-password \
  --gatehouse.bootstrap.api-token="$TOKEN" \
  --gatehouse.api.failed-auth.max-failures=1000000 \
  >"$WORK/server.log" 2>&1) &
SERVER_PID=$!
for _ in $(seq 1 120); do
  curl -fs -o /dev/null -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/whoami" && break
  sleep 1
done

api() { curl -fsS -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' "$@"; }

echo "adding 1,000 entries (127.0.0.1 and 999 others), 20 per call"
api -o /dev/null -d '{"addresses":"127.0.0.1","label":"load client"}' "$BASE/api/v1/accounts/load/ip-allowlist/entries"
n=0
for batch in $(seq 0 49); do
  items=()
  for i in $(seq 1 20); do
    n=$((n + 1))
    [ "$n" -ge 1000 ] && break
    items+=("10.$((n / 250)).$((n % 250)).0/25")  # not adjacent: no merging
  done
  [ "${#items[@]}" -eq 0 ] && break
  list=$(IFS=,; echo "${items[*]}")
  api -o /dev/null -d "{\"addresses\":\"$list\"}" "$BASE/api/v1/accounts/load/ip-allowlist/entries"
done
api "$BASE/api/v1/accounts/load/ip-allowlist" | grep -o '"id"' | wc -l | xargs echo "entries:"

toggle() { api -o /dev/null -X PATCH -d "{\"enabled\":$1}" "$BASE/api/v1/accounts/load/ip-allowlist"; }
run() {
  wrk -t2 -c16 -d"${SECONDS_PER_ROUND}s" --latency -H "Authorization: Bearer $TOKEN" \
    "$BASE/api/v1/whoami" >"$WORK/wrk.txt"
  rps=$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk.txt")
  p50=$(awk '$1 == "50%" {print $2}' "$WORK/wrk.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$WORK/wrk.txt")
  non2xx=$(awk '/Non-2xx/ {print $5}' "$WORK/wrk.txt")
  echo "$1 $rps $p50 $p99 ${non2xx:-0}"
}

echo "warming up"
toggle false; wrk -t2 -c16 -d"${SECONDS_PER_ROUND}s" -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/whoami" >/dev/null

echo "round restriction requests/s p50 p99 non-2xx" >"$WORK/results.txt"
for round in $(seq 1 "$ROUNDS"); do
  toggle false; echo "$round $(run off)" | tee -a "$WORK/results.txt"
  toggle true;  echo "$round $(run on)"  | tee -a "$WORK/results.txt"
done
toggle false

echo
echo "medians over $ROUNDS rounds (GET /api/v1/whoami; the allowlist holds 1,000 entries)"
for mode in off on; do
  awk -v m="$mode" '$2 == m {print $3}' "$WORK/results.txt" | sort -n \
    | awk -v m="$mode" '{v[NR]=$1} END {print "restriction " m ": median " v[int((NR+1)/2)] " requests/s"}'
done
