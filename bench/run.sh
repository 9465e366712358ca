#!/usr/bin/env bash
# `make bench`: build the jar, serve it over a fresh embedded PostgreSQL in $BENCH_DIR, load the synthetic corpus,
# then measure each scenario with wrk (through the API) beside pgbench (the same SQL, straight to the database) and a
# no-database endpoint (the HTTP ceiling). See bench/README.md. Every setting is an environment variable:
: "${BENCH_DOCUMENTS:=1000000}"       # documents to generate and load
: "${BENCH_SEED:=42}"                 # corpus seed: the same seed and size give the same rows
: "${BENCH_DURATION:=30s}"            # per scenario, for wrk and pgbench alike
: "${BENCH_WARMUP:=5s}"               # an unmeasured wrk run before each scenario (JIT, caches)
: "${BENCH_JIT_WARMUP:=10s}"           # before the measurements, each scenario in turn, then until the JIT is idle (0s: none)
: "${BENCH_CONNECTIONS:=32}"          # wrk connections (throughput: the machine saturated)
: "${BENCH_LATENCY_CONNECTIONS:=2}"   # wrk connections of the latency run (one request per core at a time)
: "${BENCH_THREADS:=2}"               # wrk threads and pgbench threads
: "${BENCH_PGBENCH_CLIENTS:=16}"      # pgbench clients: the API's pool size (quarkus.datasource.jdbc.max-size)
: "${BENCH_IDS:=10000}"               # distinct document ids the document scenario cycles through
: "${BENCH_DEEP_PAGES:=300}"          # how many `next` links to follow for the deep cursor page
: "${BENCH_LOAD_THREADS:=2}"          # loader threads (each generates batches and COPYs them on its own connection)
: "${BENCH_DEFER_INDEXES:=true}"      # build the bulk tables' secondary indexes after the COPY (false: maintain them per row)
: "${BENCH_SEARCH_CANDIDATES:=500}"   # the API's fonds.search.candidates (the pgbench search scripts use the same)
: "${BENCH_DIR:=target/bench}"        # working directory: database, logs, request lists, results
: "${BENCH_RESULTS:=$BENCH_DIR/RESULTS.md}"
: "${BENCH_KEEP:=false}"              # true: keep the database in $BENCH_DIR/pg (it is always rebuilt at the start)
: "${BENCH_BASELINE_ROUNDS:=2}"       # pgbench runs of each scenario over the hand-written predicates (0: none), see below
: "${BENCH_STREAMS:=true}"            # stream the whole archive as CMIF and harvest it with OAI-PMH ListRecords (false: skip)
: "${BENCH_ONLY_STREAMS:=false}"      # true: measure only the HTTP ceiling, the streams and the bulk export/import
: "${BENCH_EXCHANGE:=true}"           # export the whole archive as NDJSON, then import that file into a second, empty Fonds
: "${BENCH_GROWTH_DOCUMENTS:=100000}" # first measure the growth scenarios over a corpus of this size (0: skip), see below
: "${BENCH_SCENARIOS:=}"              # only these scenarios (names separated by spaces; empty: every one)
: "${BENCH_PGBENCH:=true}"            # false: no pgbench (the API alone)
: "${BENCH_BUILD:=true}"              # false: use the jar in target/quarkus-app as it is (the growth run does)
: "${BENCH_COMPARE=bench/RESULTS.md}" # the committed run whose newest results table this one is compared with (empty: none)
# the scenarios the growth run measures at BENCH_GROWTH_DOCUMENTS, to print how their cost grows to BENCH_DOCUMENTS
GROWTH_SCENARIOS="document_embed_all search_documents_rare search_documents_common search_documents_phrase search_agents search_places"
set -Eeuo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s (%s)\n' "$*" "$(date -u +%H:%M:%S)"; }
fail() { printf 'bench: %s\n' "$*" >&2; exit 1; }
trap 'fail "failed at line $LINENO: $BASH_COMMAND"' ERR

SERVER_PID=""
IMPORT_PID=""
PG_PID=""
LOADER_PID=""
SAMPLER_PID=""
cleanup() {
  local rc=$?
  trap - ERR
  [[ -z "$SAMPLER_PID" ]] || kill "$SAMPLER_PID" 2>/dev/null || true
  if [[ -n "$LOADER_PID" ]] && kill -0 "$LOADER_PID" 2>/dev/null; then
    echo "bench: stopping the loader (pid $LOADER_PID)"
    kill -TERM "$LOADER_PID" 2>/dev/null || true
    wait "$LOADER_PID" 2>/dev/null || true
  fi
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    echo "bench: stopping the API (pid $SERVER_PID)"
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$SERVER_PID" 2>/dev/null && { echo "bench: the API did not stop, killing it"; kill -KILL "$SERVER_PID"; }
  fi
  if [[ -n "$IMPORT_PID" ]] && kill -0 "$IMPORT_PID" 2>/dev/null; then
    echo "bench: stopping the importing API (pid $IMPORT_PID)"
    kill -TERM "$IMPORT_PID" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$IMPORT_PID" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$IMPORT_PID" 2>/dev/null && kill -KILL "$IMPORT_PID"
  fi
  # the API stops its PostgreSQL as it stops; one left behind (the API killed) is stopped here, by its own pid
  if [[ -n "$PG_PID" ]] && kill -0 "$PG_PID" 2>/dev/null; then
    echo "bench: stopping PostgreSQL (pid $PG_PID)"
    kill -INT "$PG_PID" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$PG_PID" 2>/dev/null || break; sleep 0.5; done
  fi
  if [[ "$BENCH_KEEP" != true && $rc -eq 0 ]]; then rm -rf "$BENCH_DIR/pg" "$BENCH_DIR/pg-import" "$BENCH_DIR/archive.ndjson"; fi
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

[[ $BENCH_DURATION =~ ^[0-9]+s$ && $BENCH_WARMUP =~ ^[0-9]+s$ && $BENCH_JIT_WARMUP =~ ^[0-9]+s$ ]] \
  || fail "BENCH_DURATION, BENCH_WARMUP and BENCH_JIT_WARMUP are seconds: 30s"
for tool in java jq curl psql pgbench; do
  command -v "$tool" >/dev/null || fail "$tool is needed (psql and pgbench: Debian package postgresql-client)"
done
if ! command -v wrk >/dev/null; then
  step "installing wrk"
  [[ $(id -u) -eq 0 ]] || fail "wrk is needed: apt-get install wrk"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
fi

free_port() {
  local p
  for p in $(seq "$1" $(($1 + 200))); do
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
  done
  fail "no free port from $1"
}

step "building the jar and the corpus generator"
[[ $BENCH_BUILD != true ]] || ./mvnw -B -q package -Dmaven.test.skip=true
rm -rf "$BENCH_DIR"
mkdir -p "$BENCH_DIR/classes" "$BENCH_DIR/requests"
CP="$BENCH_DIR/classes:target/classes:target/quarkus-app/lib/main/*"
javac -nowarn -d "$BENCH_DIR/classes" -cp "$CP" src/test/java/org/fonds/bench/CorpusGenerator.java \
  src/test/java/org/fonds/bench/BenchStatements.java

# Growth (issue 13): the growth scenarios first over a small corpus, by this very script in $BENCH_DIR/growth (its own
# API and database, stopped and removed when it is done; no pgbench, no streams), then everything over the big one.
if ((BENCH_GROWTH_DOCUMENTS > 0)); then
  step "the growth run: $BENCH_GROWTH_DOCUMENTS documents in $BENCH_DIR/growth ($GROWTH_SCENARIOS)"
  env -u BENCH_PORT BENCH_DIR="$BENCH_DIR/growth" BENCH_RESULTS="$BENCH_DIR/growth/RESULTS.md" \
    BENCH_DOCUMENTS="$BENCH_GROWTH_DOCUMENTS" BENCH_GROWTH_DOCUMENTS=0 BENCH_BUILD=false BENCH_STREAMS=false \
    BENCH_EXCHANGE=false BENCH_BASELINE_ROUNDS=0 BENCH_PGBENCH=false BENCH_COMPARE= BENCH_KEEP=false \
    BENCH_SCENARIOS="$GROWTH_SCENARIOS" bash bench/run.sh 2>&1 | sed -u 's/^/  [growth] /'
  [[ -s "$BENCH_DIR/growth/figures.tsv" ]] || fail "the growth run left no figures"
fi

step "starting the API over a fresh embedded PostgreSQL in $BENCH_DIR/pg"
PORT=${BENCH_PORT:-$(free_port 18080)}
BASE="http://127.0.0.1:$PORT"
# the per-client rate limit is off: wrk's connections are one client sending thousands of requests a second
FONDS_JWT_DEV_KEY_DIR="$BENCH_DIR/jwt" FONDS_EMBEDDED_DATA_DIR="$BENCH_DIR/pg" QUARKUS_HTTP_PORT="$PORT" FONDS_SEARCH_CANDIDATES="$BENCH_SEARCH_CANDIDATES" FONDS_RATE_LIMIT_ENABLED=false java -jar target/quarkus-app/quarkus-run.jar \
  >"$BENCH_DIR/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 240); do
  kill -0 "$SERVER_PID" 2>/dev/null || { tail -30 "$BENCH_DIR/server.log" >&2; fail "the API exited at start"; }
  curl -sf "$BASE/q/health/ready" >/dev/null && break
  sleep 0.5
done
curl -sf "$BASE/q/health/ready" >/dev/null || { tail -30 "$BENCH_DIR/server.log" >&2; fail "the API is not ready"; }
PG_PID=$(sed -n 1p "$BENCH_DIR/pg/postmaster.pid")
PG_PORT=$(sed -n 4p "$BENCH_DIR/pg/postmaster.pid")
PGPASSWORD=$(cat "$BENCH_DIR/pg/fonds-superuser.password")
export PGPASSWORD PGHOST=localhost PGPORT="$PG_PORT" PGUSER=postgres PGDATABASE=fonds
echo "API on $BASE (pid $SERVER_PID), PostgreSQL on port $PG_PORT (pid $PG_PID)"
sql() { psql -X -q -At -v ON_ERROR_STOP=1 "$@"; }
wanted() { [[ -z $BENCH_SCENARIOS || " $BENCH_SCENARIOS " == *" $1 "* ]]; } # scenario → measured in this run?

step "loading $BENCH_DOCUMENTS documents (seed $BENCH_SEED)"
# in the background, so that a signal reaches the traps at once rather than when the load is over
java -cp "$CP" org.fonds.bench.CorpusGenerator --jdbc-url "jdbc:postgresql://localhost:$PG_PORT/fonds" \
  --password-file "$BENCH_DIR/pg/fonds-superuser.password" --documents "$BENCH_DOCUMENTS" --seed "$BENCH_SEED" \
  --threads "$BENCH_LOAD_THREADS" --defer-indexes "$BENCH_DEFER_INDEXES" >"$BENCH_DIR/load.log" 2>&1 &
LOADER_PID=$!
tail -f --pid="$LOADER_PID" "$BENCH_DIR/load.log" &
wait "$LOADER_PID" || { LOADER_PID=""; fail "the loader failed (see $BENCH_DIR/load.log)"; }
LOADER_PID=""
LOADED=$(grep '^LOADED ' "$BENCH_DIR/load.log") || fail "the loader did not finish"
LOADED_WITH_INDEXES=$(grep '^LOADED_WITH_INDEXES ' "$BENCH_DIR/load.log" || true)
t0=$(date +%s)
sql -c "VACUUM (ANALYZE)"
VACUUM_SECONDS=$(($(date +%s) - t0))
echo "VACUUM (ANALYZE) in ${VACUUM_SECONDS} s"

step "preparing the requests"
# ids in a fixed pseudo-random order; the same list for wrk (paths) and pgbench (bench.document_ids)
sql <<SQL
CREATE SCHEMA bench;
CREATE TABLE bench.document_ids AS
    SELECT row_number() OVER (ORDER BY md5(id::text))::int AS n, id FROM document
    WHERE visibility = 'PUBLISHED' AND deleted_at IS NULL -- what wrk's anonymous requests may see
    ORDER BY md5(id::text) LIMIT $BENCH_IDS;
ALTER TABLE bench.document_ids ADD PRIMARY KEY (n);
ANALYZE bench.document_ids;
-- pgbench runs the API's SQL as the API does: as a member of its role fonds_api (whose password is new at every
-- start), through the views, with an anonymous caller (migration V12)
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'fonds_bench') THEN
    CREATE ROLE fonds_bench LOGIN PASSWORD 'fonds_bench' IN ROLE fonds_api;
  END IF;
END \$\$;
GRANT USAGE ON SCHEMA bench TO fonds_bench;
GRANT SELECT ON ALL TABLES IN SCHEMA bench TO fonds_bench;
-- The baseline of the visibility rule's cost (issue 9: "no hot read more than 10 % slower"): the same views with the
-- predicates an anonymous reader's query carried by hand before the views (V12): each public view's definition with
-- the calls of the caller's role (fonds_caller_sees, fonds_caller_includes_deleted: the arms that admit more than an
-- anonymous reader sees) replaced by false. pgbench runs every scenario's SQL over both, interleaved, in this run:
-- their ratio is the rule's cost, free of the machine's speed, which varies by a third between runs here.
CREATE SCHEMA bench_baseline;
DO \$\$ DECLARE v record; def text; BEGIN
  PERFORM set_config('search_path', 'pg_catalog', true); -- every name in the definitions comes schema-qualified
  FOR v IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname = 'public' AND c.relkind = 'v' ORDER BY c.relname LOOP
    def := pg_get_viewdef(format('public.%I', v.relname)::regclass);
    def := regexp_replace(def, 'public\.fonds_caller_sees\([^()]*\)', 'false', 'g');
    def := replace(def, 'public.fonds_caller_includes_deleted()', 'false');
    CONTINUE WHEN def ~ 'fonds_caller|FROM public\.'; -- revisions and tombstones: not read by the scenarios
    EXECUTE format('CREATE VIEW bench_baseline.%I AS %s', v.relname, def);
  END LOOP;
END \$\$;
GRANT USAGE ON SCHEMA bench_baseline TO fonds_bench;
GRANT SELECT ON ALL TABLES IN SCHEMA bench_baseline TO fonds_bench;
SQL
IDS=$(sql -c "SELECT count(*) FROM bench.document_ids")
sql -c "SELECT '/documents/' || id || '?embed=all' FROM bench.document_ids ORDER BY n" >"$BENCH_DIR/requests/document_embed_all"

KIND=CABLE FROM=1950-01-01 TO=1953-12-31
FILTER="/documents?kind=$KIND&date_from=$FROM&date_to=$TO"
echo "$FILTER" >"$BENCH_DIR/requests/documents_filter_first"
# the deep page: follow `next` (at most BENCH_DEEP_PAGES times, fewer when the filter has fewer pages)
cursor="" pages=0 AFTER=""
if wanted documents_filter_deep; then
  while ((pages < BENCH_DEEP_PAGES)); do
    next=$(curl -sf "$BASE$FILTER${cursor:+&cursor=$cursor}" | jq -r '.next // empty')
    [[ -n "$next" ]] || break
    cursor=$next pages=$((pages + 1))
  done
  ((pages > 0)) || fail "the filter $FILTER has a single page: load more documents"
  echo "$FILTER&cursor=$cursor" >"$BENCH_DIR/requests/documents_filter_deep"
  # the id after which the deep page starts: the cursor's payload is base64url JSON [scope, id]
  payload=${cursor%%.*}; payload=$(printf '%s' "$payload" | tr '_-' '/+'); while ((${#payload} % 4)); do payload+="="; done
  AFTER=$(printf '%s' "$payload" | base64 -d | jq -r '.[1]')
  echo "deep page: page $((pages + 1)) of the filter, after $AFTER"
fi

NAMES=(Kim Громыко 김 Acheson Fomich)
for n in "${NAMES[@]}"; do echo "/agents?name=$(jq -rn --arg n "$n" '$n|@uri')"; done >"$BENCH_DIR/requests/agents_name"
echo "/problems/not-found" >"$BENCH_DIR/requests/ceiling"

SCENARIOS=(document_embed_all documents_filter_first documents_filter_deep agents_name)
# the scripts of statements the API builds at run time, written from the API's own code (BenchStatements)
GEN="$BENCH_DIR/pgbench"
SEARCH_NAMES=("Pak Heon-yeong" Штыков "Kim Il-sung" 김일성 Acheson)
PLACE_NAMES=(Pyongyang Москва 평양 Vladivostk "Port Arthur")
java -cp "$CP" org.fonds.bench.BenchStatements "$GEN" "$BENCH_SEARCH_CANDIDATES" 20 rare=subchaser common=army \
  'phrase="38th parallel"' -- "${SEARCH_NAMES[@]}" --places "${PLACE_NAMES[@]}"
declare -A PGBENCH=(
  [ceiling]="bench/pgbench/ceiling.sql"
  [document_embed_all]="$GEN/document_embed_all.sql -D ids=$IDS"
  [documents_filter_first]="bench/pgbench/documents_filter.sql -D after=00000000-0000-0000-0000-000000000000 -D kind=$KIND -D from=$FROM -D to=$TO"
  [documents_filter_deep]="bench/pgbench/documents_filter.sql -D after=${AFTER:-x} -D kind=$KIND -D from=$FROM -D to=$TO"
  [agents_name]="bench/pgbench/agents_name.sql $(i=0; for n in "${NAMES[@]}"; do i=$((i + 1)); printf -- "-D name%d=%%%s%% " $i "$n"; done)"
)
# search (issue items 4 and 5): measured only when the endpoints exist on this build
if [[ $(curl -s -o /dev/null -w '%{http_code}' "$BASE/search/documents?q=army") == 200 ]]; then
  # the corpus has "subchaser" in 0.1 % of the documents, "army" in most, "38th parallel" in 1 %
  echo "/search/documents?q=subchaser" >"$BENCH_DIR/requests/search_documents_rare"
  echo "/search/documents?q=army" >"$BENCH_DIR/requests/search_documents_common"
  echo "/search/documents?q=$(jq -rn '"\"38th parallel\""|@uri')" >"$BENCH_DIR/requests/search_documents_phrase"
  SCENARIOS+=(search_documents_rare search_documents_common search_documents_phrase)
  for s in rare common phrase; do PGBENCH[search_documents_$s]="$GEN/search_documents_$s.sql"; done
else
  echo "GET /search/documents does not answer 200 on this build: its scenarios are skipped"
fi
# a name search's scenario (agents or places): its names in turn, when this build answers it
name_scenario() { # kind, then the names
  local kind=$1 n
  shift
  if [[ $(curl -s -o /dev/null -w '%{http_code}' "$BASE/search/$kind?q=$(jq -rn --arg n "$1" '$n|@uri')") != 200 ]]; then
    echo "GET /search/$kind does not answer 200 on this build: its scenario is skipped"
    return
  fi
  for n in "$@"; do
    echo "/search/$kind?q=$(jq -rn --arg n "$n" '$n|@uri')"
  done >"$BENCH_DIR/requests/search_$kind"
  SCENARIOS+=("search_$kind")
  PGBENCH[search_$kind]="$GEN/search_$kind.sql"
}
name_scenario agents "${SEARCH_NAMES[@]}"
name_scenario places "${PLACE_NAMES[@]}"
# revalidation (issue 13): each document of document_embed_all again with the ETag it was served with
# (If-None-Match, answered 304 Not Modified). The ETags are gathered once, one GET of each (curl keeps its connection);
# the request list has the path and the ETag on each line, which bench/wrk/paths.lua sends as If-None-Match.
if wanted document_revalidate; then
  awk -v base="$BASE" '{ printf "url = \"%s%s\"\noutput = \"/dev/null\"\n", base, $0 }' \
    "$BENCH_DIR/requests/document_embed_all" >"$BENCH_DIR/etags.curl"
  curl -s -K "$BENCH_DIR/etags.curl" -w '%{url_effective}\t%header{etag}\n' | sed "s|^$BASE||" \
    | awk -F'\t' '$2 != ""' >"$BENCH_DIR/requests/document_revalidate" || true
  rpath="" retag=""
  IFS=$'\t' read -r rpath retag <"$BENCH_DIR/requests/document_revalidate" || true
  if [[ -n $retag && $(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $retag" "$BASE$rpath") == 304 ]]; then
    SCENARIOS+=(document_revalidate)
    echo "revalidation: $(wc -l <"$BENCH_DIR/requests/document_revalidate") documents with their ETags"
  else
    echo "GET /documents/{id}?embed=all does not answer 304 to its own ETag on this build: the revalidation is skipped"
  fi
fi
if [[ -n $BENCH_SCENARIOS ]]; then
  kept=()
  for s in "${SCENARIOS[@]}"; do if wanted "$s"; then kept+=("$s"); fi; done
  SCENARIOS=("${kept[@]}")
fi
if [[ $BENCH_ONLY_STREAMS == true ]]; then
  SCENARIOS=()
  BENCH_BASELINE_ROUNDS=0
  BENCH_STREAMS=true
fi
for s in "${SCENARIOS[@]}"; do
  path="" etag="" expected=200 header=()
  IFS=$'\t' read -r path etag <"$BENCH_DIR/requests/$s" || true
  [[ -z $etag ]] || { expected=304; header=(-H "If-None-Match: $etag"); }
  code=$(curl -s -o /dev/null -w '%{http_code}' "${header[@]}" "$BASE$path")
  [[ $code == "$expected" ]] || fail "scenario $s: GET $path answers $code"
done

run_wrk() { # scenario [connections] → "rps p50 p95 p99 non2xx+errors"
  local s=$1 c=${2:-$BENCH_CONNECTIONS} out
  wrk -t"$BENCH_THREADS" -c"$c" -d"$BENCH_WARMUP" -s bench/wrk/paths.lua "$BASE" \
    -- "$BENCH_DIR/requests/$s" >/dev/null
  out=$(wrk -t"$BENCH_THREADS" -c"$c" -d"$BENCH_DURATION" --latency -s bench/wrk/paths.lua "$BASE" \
    -- "$BENCH_DIR/requests/$s" | tee "$BENCH_DIR/wrk-$s-c$c.txt" | grep '^BENCH ')
  echo "$out" | sed -E 's/.* rps=([0-9.]+) p50_ms=([0-9.]+) p95_ms=([0-9.]+) p99_ms=([0-9.]+) max_ms=[0-9.]+ non2xx=([0-9]+) socket_errors=([0-9]+)/\1 \2 \3 \4 \5 \6/'
}
run_pgbench() { # scenario [search_path] → "tps latency_ms"
  local s=$1 path=${2:-public} out
  [[ $BENCH_PGBENCH == true && -n "${PGBENCH[$s]:-}" ]] || { echo "- -"; return; }
  # shellcheck disable=SC2086
  # the session settings the API's connections have (fonds.db.parallel-workers-per-gather)
  out=$(PGUSER=fonds_bench PGPASSWORD=fonds_bench PGOPTIONS="-c max_parallel_workers_per_gather=0 -c fonds.role=ANONYMOUS -c search_path=$path" pgbench -n -M prepared -c "$BENCH_PGBENCH_CLIENTS" -j "$BENCH_THREADS" -T "${BENCH_DURATION%s}" \
    -f ${PGBENCH[$s]} 2>&1 | tee "$BENCH_DIR/pgbench-$s-${path%%,*}.txt")
  grep -q 'number of failed transactions: 0 ' <<<"$out" && ! grep -q 'aborted' <<<"$out" \
    || { cat "$BENCH_DIR/pgbench-$s.txt" >&2; fail "pgbench $s failed"; }
  echo "$(sed -nE 's/^tps = ([0-9.]+).*/\1/p' <<<"$out") $(sed -nE 's/^latency average = ([0-9.]+) ms/\1/p' <<<"$out")"
}

# The JIT: the API's C2 compiler kept one of the two cores busy for a minute or two after its start (session 11: a
# growth run, whose API starts right before its measurements, measured a ceiling of a quarter of the big run's). Each
# scenario is requested in turn, then the run waits, at most two minutes, until no method is being compiled.
if [[ $BENCH_JIT_WARMUP != 0s ]]; then
  step "warming the JIT: each scenario for $BENCH_JIT_WARMUP, then until the compiler is idle"
  for s in ceiling "${SCENARIOS[@]}"; do
    wrk -t"$BENCH_THREADS" -c"$BENCH_CONNECTIONS" -d"$BENCH_JIT_WARMUP" -s bench/wrk/paths.lua "$BASE" \
      -- "$BENCH_DIR/requests/$s" >/dev/null
  done
  for i in $(seq 1 60); do
    # a method being compiled or queued is listed as class::method
    jcmd "$SERVER_PID" Compiler.queue 2>/dev/null | grep -q '::' || break
    sleep 2
  done
  echo "the compiler idle after $((i * 2 - 2)) s"
fi

step "measuring: wrk -t$BENCH_THREADS -c$BENCH_CONNECTIONS -d$BENCH_DURATION; pgbench -c$BENCH_PGBENCH_CLIENTS -j$BENCH_THREADS -T${BENCH_DURATION%s}"
LOADAVG=$(cut -d' ' -f1-3 /proc/loadavg)
declare -A WRK PG LAT
for s in ceiling "${SCENARIOS[@]}"; do
  echo "-- $s"
  WRK[$s]=$(run_wrk "$s")
  LAT[$s]=$(run_wrk "$s" "$BENCH_LATENCY_CONNECTIONS")
  PG[$s]=$(run_pgbench "$s")
  echo "   wrk: ${WRK[$s]} | wrk -c$BENCH_LATENCY_CONNECTIONS: ${LAT[$s]} | pgbench: ${PG[$s]}"
done

# the visibility rule's cost: each scenario's SQL over the views and over the hand-written predicates, interleaved
# (baseline, views, baseline, views, ...; the views' first run is the one above)
declare -A RULE BASE
if ((BENCH_BASELINE_ROUNDS > 0)); then
  step "the views against the hand-written predicates: pgbench, $BENCH_BASELINE_ROUNDS rounds of each"
  for s in "${SCENARIOS[@]}"; do
    [[ -n ${PGBENCH[$s]:-} ]] || continue # the revalidation has no SQL of its own to compare
    read -r views _ <<<"${PG[$s]}"
    base=0
    for round in $(seq 1 "$BENCH_BASELINE_ROUNDS"); do
      read -r tps _ <<<"$(run_pgbench "$s" bench_baseline,public)"
      base=$(awk -v a="$base" -v b="$tps" 'BEGIN { print a + b }')
      if ((round < BENCH_BASELINE_ROUNDS)); then
        read -r tps _ <<<"$(run_pgbench "$s")"
        views=$(awk -v a="$views" -v b="$tps" 'BEGIN { print a + b }')
      fi
    done
    RULE[$s]=$(awk -v a="$views" -v n="$BENCH_BASELINE_ROUNDS" 'BEGIN { print a / n }')
    BASE[$s]=$(awk -v a="$base" -v n="$BENCH_BASELINE_ROUNDS" 'BEGIN { print a / n }')
    echo "-- $s: views ${RULE[$s]} tps, hand-written predicates ${BASE[$s]} tps"
  done
fi

# the exports that stream the whole archive: documents per second, and the server's heap while they run (sampled
# every second from /q/metrics: the most in use, and the old generation at the start and the end; a flat heap keeps
# nothing per document written, so its old generation does not grow with them)
heap_mib() { # → "used old" in MiB, of the server at $HEAP_BASE (the API by default)
  curl -sf "${HEAP_BASE:-$BASE}/q/metrics" | awk '/^jvm_memory_used_bytes\{area="heap"/ { u += $NF; if ($0 ~ /Old Gen/) o += $NF }
    END { printf "%.0f %.0f\n", u / 1048576, o / 1048576 }'
}
cmif_letters() { curl -sf "$BASE/cmif" | grep -o '<correspDesc ' | wc -l; }
oai_records() { # every page of ListRecords (oai_dc), following the resumption tokens; bounded by the archive's size
  local n=0 page token pages=0 most=$((BENCH_DOCUMENTS / 100 + 10))
  page=$(curl -sf "$BASE/oai?verb=ListRecords&metadataPrefix=oai_dc")
  while ((pages++ < most)); do
    n=$((n + $(grep -o '<record>' <<<"$page" | wc -l)))
    token=$(sed -nE 's|.*<resumptionToken[^>]*>([^<]+)</resumptionToken>.*|\1|p' <<<"$page")
    [[ -n $token ]] || break
    page=$(curl -sf --get --data-urlencode "resumptionToken=$token" "$BASE/oai?verb=ListRecords")
  done
  echo "$n $pages"
}
measure_stream() { # name command → "documents seconds docs_per_s heap_max_mib old_start_mib old_end_mib requests"
  local name=$1 samples="$BENCH_DIR/heap-$1.txt" t0 t1 out
  shift
  heap_mib >"$samples"
  (for _ in $(seq 1 86400); do heap_mib >>"$samples"; sleep 1; done) &
  SAMPLER_PID=$!
  t0=$(date +%s.%N)
  out=$("$@")
  t1=$(date +%s.%N)
  kill "$SAMPLER_PID" 2>/dev/null || true
  wait "$SAMPLER_PID" 2>/dev/null || true
  SAMPLER_PID=""
  heap_mib >>"$samples"
  read -r docs requests <<<"$out"
  awk -v d="$docs" -v t0="$t0" -v t1="$t1" -v r="${requests:-1}" '
    { if ($1 > max) max = $1; if (NR == 1) first = $2; last = $2 }
    END { s = t1 - t0; printf "%d %.1f %.0f %d %d %d %d\n", d, s, d / s, max, first, last, r }' "$samples"
}
declare -A STREAM
if [[ $BENCH_STREAMS == true ]]; then
  step "streaming the archive: GET /cmif, then every page of GET /oai?verb=ListRecords"
  STREAM[cmif]=$(measure_stream cmif cmif_letters)
  echo "-- CMIF: ${STREAM[cmif]}"
  STREAM[oai]=$(measure_stream oai oai_records)
  echo "-- OAI-PMH ListRecords: ${STREAM[oai]}"
fi
# bulk export and import (issue 11): the whole archive as NDJSON through GET /exports/ndjson (as an editor: every
# document), then that file through POST /imports into a second Fonds over an empty database, followed to its end;
# documents per second, and each server's heap while it works
declare -A EXCHANGE
if [[ $BENCH_EXCHANGE == true ]]; then
  TOKEN=$(cat "$BENCH_DIR/jwt/editor.token")
  ndjson_export() {
    curl -sf -H "Authorization: Bearer $TOKEN" "$BASE/exports/ndjson" -o "$BENCH_DIR/archive.ndjson"
    echo "$(grep -c '"type":"DOCUMENT"' "$BENCH_DIR/archive.ndjson") 1"
  }
  step "exporting the archive as NDJSON"
  EXCHANGE[export]=$(measure_stream export ndjson_export)
  echo "-- NDJSON export: ${EXCHANGE[export]} ($(du -h "$BENCH_DIR/archive.ndjson" | cut -f1))"

  step "importing it into a second Fonds over an empty embedded PostgreSQL in $BENCH_DIR/pg-import"
  IMPORT_PORT=$(free_port 19080)
  IMPORT_BASE="http://127.0.0.1:$IMPORT_PORT"
  FONDS_JWT_DEV_KEY_DIR="$BENCH_DIR/jwt" FONDS_EMBEDDED_DATA_DIR="$BENCH_DIR/pg-import" QUARKUS_HTTP_PORT="$IMPORT_PORT" \
    FONDS_SAMPLE_LOAD=false FONDS_RATE_LIMIT_ENABLED=false java -jar target/quarkus-app/quarkus-run.jar \
    >"$BENCH_DIR/import-server.log" 2>&1 &
  IMPORT_PID=$!
  for _ in $(seq 1 240); do
    kill -0 "$IMPORT_PID" 2>/dev/null || { tail -30 "$BENCH_DIR/import-server.log" >&2; fail "the importing API exited at start"; }
    curl -sf "$IMPORT_BASE/q/health/ready" >/dev/null && break
    sleep 0.5
  done
  ndjson_import() { # POST the file, then follow the job until it has finished (bounded: one poll a second for a day)
    local job state
    # -T streams the file (--data-binary reads it into memory: curl refuses a 2 GB file as "out of memory")
    job=$(curl -sf -D - -o /dev/null -X POST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/x-ndjson' \
      -T "$BENCH_DIR/archive.ndjson" "$IMPORT_BASE/imports" | tr -d '\r' | sed -n 's/^[Ll]ocation: //p')
    [[ -n $job ]] || fail "POST /imports gave no Location"
    for _ in $(seq 1 86400); do
      state=$(curl -sf -H "Authorization: Bearer $TOKEN" "$job")
      [[ $(jq -r .state <<<"$state") == SUCCEEDED || $(jq -r .state <<<"$state") == FAILED ]] && break
      sleep 1
    done
    echo "$state" >"$BENCH_DIR/import-job.json"
    [[ $(jq -r .state <<<"$state") == SUCCEEDED ]] || fail "the import did not succeed: $(jq -c '{state, error, problem_count}' <<<"$state")"
    echo "$(grep -c '"type":"DOCUMENT"' "$BENCH_DIR/archive.ndjson") 1"
  }
  EXCHANGE[import]=$(HEAP_BASE="$IMPORT_BASE" measure_stream import ndjson_import)
  echo "-- NDJSON import: ${EXCHANGE[import]} ($(jq -c '{written, skipped, failed, problem_count}' "$BENCH_DIR/import-job.json"))"
  kill -TERM "$IMPORT_PID" 2>/dev/null || true
  wait "$IMPORT_PID" 2>/dev/null || true
  IMPORT_PID=""
fi
read -r CEIL_RPS _ <<<"${WRK[ceiling]}"
read -r DB_CEIL _ <<<"${PG[ceiling]}"

step "results"
# every figure as measured, for the growth table of a later run and for tools: scenario, then at BENCH_CONNECTIONS
# req/s, p50, p95, p99 (ms), then at BENCH_LATENCY_CONNECTIONS p50, p95, p99
for s in ceiling "${SCENARIOS[@]}"; do
  read -r rps p50 p95 p99 _ <<<"${WRK[$s]}"
  read -r _ l50 l95 l99 _ <<<"${LAT[$s]}"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$s" "$rps" "$p50" "$p95" "$p99" "$l50" "$l95" "$l99"
done >"$BENCH_DIR/figures.tsv"
source bench/report.sh # targets, compare_with, growth: the sections after the throughput table
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == "-" || b == 0) print "–"; else { r = 100 * a / b; printf (r < 10 ? "%.1f %%" : "%.0f %%"), r } }'; }
round() { awk -v a="$1" 'BEGIN { if (a == "-" || a == "") print "–"; else printf "%.0f", a }'; }
{
  echo "# Fonds benchmark"
  echo
  echo "Run $(date -u +'%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src bench pom.xml || echo ' (with local changes)')."
  echo
  echo "## Machine"
  echo
  echo "- CPU: $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1), nproc $(nproc); load average before the measurements: $LOADAVG (other work on the machine counts)"
  echo "- Memory: $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
  echo "- $(java -version 2>&1 | head -1); PostgreSQL $(sql -c 'SHOW server_version') (embedded); $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2 || true); $(pgbench --version)"
  echo
  echo "## Corpus"
  echo
  echo "- \`$LOADED\` (COPY, $BENCH_LOAD_THREADS loader threads)${LOADED_WITH_INDEXES:+; with the deferred index builds: \`$LOADED_WITH_INDEXES\`}, then VACUUM (ANALYZE) in ${VACUUM_SECONDS} s"
  sql -F ': ' -c "SELECT '- documents', count(*)::text FROM document UNION ALL SELECT '- texts', count(*)::text FROM text
      UNION ALL SELECT '- participants', count(*)::text FROM participant
      UNION ALL SELECT '- annotations', count(*)::text FROM annotation UNION ALL SELECT '- agents', count(*)::text FROM agent
      UNION ALL SELECT '- agent names', count(*)::text FROM agent_name
      UNION ALL SELECT '- database size', pg_size_pretty(pg_database_size('fonds'))"
  echo
  echo "## Throughput and latency"
  echo
  echo "wrk: $BENCH_THREADS threads, $BENCH_CONNECTIONS connections (the machine saturated: throughput, and latency under overload), then $BENCH_LATENCY_CONNECTIONS connections (latency when one request per core runs at a time), each $BENCH_DURATION after a $BENCH_WARMUP warm-up, on the same machine as the API."
  echo "pgbench: the scenario's SQL (bench/pgbench/), prepared, $BENCH_PGBENCH_CLIENTS clients, ${BENCH_DURATION}; one pgbench transaction = the statements of one API request."
  echo "HTTP ceiling: GET /problems/not-found (JAX-RS and Jackson, no database) through the same server."
  echo
  echo "| scenario | API req/s | p50 ms | p95 ms | p99 ms | errors | p50 / p95 / p99 ms at $BENCH_LATENCY_CONNECTIONS conn. | pgbench tps | pgbench avg ms | API / pgbench | API / HTTP ceiling |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
  for s in ceiling "${SCENARIOS[@]}"; do
    read -r rps p50 p95 p99 non2xx sock <<<"${WRK[$s]}"
    read -r _ l50 l95 l99 lnon2xx lsock <<<"${LAT[$s]}"
    read -r tps lat <<<"${PG[$s]}"
    name=$s; [[ $s == ceiling ]] && name="HTTP ceiling (no database) / pgbench SELECT 1"
    echo "| $name | $(round "$rps") | $p50 | $p95 | $p99 | $((non2xx + sock + lnon2xx + lsock)) | $l50 / $l95 / $l99 | $(round "$tps") | $lat | $(ratio "$rps" "$tps") | $(ratio "$rps" "$CEIL_RPS") |"
  done
  echo
  echo "Requests: $(for s in "${SCENARIOS[@]}"; do printf '%s `%s`%s; ' "$s" "$(head -1 "$BENCH_DIR/requests/$s" | cut -f1)" "$( (($(wc -l <"$BENCH_DIR/requests/$s") > 1)) && echo " (and $(($(wc -l <"$BENCH_DIR/requests/$s") - 1)) more in turn)")"; done)"
  ((pages == 0)) || echo "The deep page is page $((pages + 1)) of the filter."
  targets
  compare_with "$BENCH_COMPARE"
  growth "$BENCH_DIR/growth/figures.tsv"
  if ((BENCH_BASELINE_ROUNDS > 0)); then
    echo
    echo "## The visibility rule's cost"
    echo
    echo "pgbench, as above, over the views the API reads (migration V14) and over the same views with the predicates an anonymous reader's query carried by hand before them (schema bench_baseline: the calls of the caller's role replaced by false), interleaved, $BENCH_BASELINE_ROUNDS runs of each, mean tps."
    echo
    echo "| scenario | views tps | hand-written predicates tps | views / hand-written |"
    echo "| --- | ---: | ---: | ---: |"
    for s in "${SCENARIOS[@]}"; do
      [[ -n ${RULE[$s]:-} ]] || continue
      echo "| $s | $(round "${RULE[$s]}") | $(round "${BASE[$s]}") | $(ratio "${RULE[$s]}" "${BASE[$s]}") |"
    done
  fi
  if [[ $BENCH_STREAMS == true ]]; then
    echo
    echo "## Streaming the whole archive"
    echo
    echo "As an anonymous harvester: GET /cmif (one response, every visible letter and cable) and GET /oai?verb=ListRecords&metadataPrefix=oai_dc followed page by page through its resumption tokens (100 records a page). Heap: the server's heap in use sampled every second (most), and its old generation at the start and at the end (flat: it does not grow with the documents written)."
    echo
    echo "| export | documents | seconds | documents/s | requests | heap in use, most (MiB) | old generation at start → end (MiB) |"
    echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
    for e in cmif oai; do
      read -r docs secs rate hmax lstart lend reqs <<<"${STREAM[$e]}"
      name=$e; [[ $e == cmif ]] && name="CMIF (GET /cmif)"; [[ $e == oai ]] && name="OAI-PMH ListRecords, oai_dc"
      echo "| $name | $docs | $secs | $rate | $reqs | $hmax | $lstart → $lend |"
    done
  fi
  if [[ $BENCH_EXCHANGE == true ]]; then
    echo
    echo "## Bulk export and import (NDJSON)"
    echo
    echo "As an editor: GET /exports/ndjson (the whole archive, one response), then that file through POST /imports into a second Fonds over an empty database, followed until the job has finished (targets: export at least 5,000 and import at least 2,000 documents/s, both with a flat heap). Heap as above, of the server doing the work."
    echo
    echo "| path | documents | seconds | documents/s | heap in use, most (MiB) | old generation at start → end (MiB) |"
    echo "| --- | ---: | ---: | ---: | ---: | ---: |"
    for e in export import; do
      read -r docs secs rate hmax lstart lend _ <<<"${EXCHANGE[$e]}"
      echo "| NDJSON $e | $docs | $secs | $rate | $hmax | $lstart → $lend |"
    done
  fi
} >"$BENCH_RESULTS"
cat "$BENCH_RESULTS"
echo
echo "bench: results in $BENCH_RESULTS; logs in $BENCH_DIR"
