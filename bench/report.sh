# Sourced by bench/run.sh (bash) when it writes the results: the sections after the throughput table. Each function
# prints Markdown; it reads run.sh's figures (WRK and LAT: "rps p50 p95 p99 ..." of each scenario at
# BENCH_CONNECTIONS and at BENCH_LATENCY_CONNECTIONS; CEIL_RPS; LOADED and LOADED_WITH_INDEXES; SCENARIOS).
# bash and awk only: there is no Python on every machine that runs `make bench`.

# figure SCENARIO FIELD → one figure of a scenario, or "-" when it was not measured. Fields: rps p50 p95 (at
# BENCH_CONNECTIONS), l50 l95 (at BENCH_LATENCY_CONNECTIONS), ceiling (req/s as a percentage of the HTTP ceiling).
figure() {
  local s=$1 field=$2 rps p50 p95 l50 l95
  [[ -n ${WRK[$s]:-} ]] || { echo -; return; }
  read -r rps p50 p95 _ <<<"${WRK[$s]}"
  read -r _ l50 l95 _ <<<"${LAT[$s]}"
  case $field in
    rps) echo "$rps" ;; p50) echo "$p50" ;; p95) echo "$p95" ;; l50) echo "$l50" ;; l95) echo "$l95" ;;
    ceiling) awk -v a="$rps" -v b="$CEIL_RPS" 'BEGIN { printf "%.1f\n", 100 * a / b }' ;;
  esac
}

# target_row LABEL VALUE OP TARGET UNIT → a row: the figure, the target, met or missed
target_row() {
  awk -v label="$1" -v v="$2" -v op="$3" -v t="$4" -v unit="$5" 'BEGIN {
    if (v == "-" || v == "") { shown = "–"; verdict = "not measured" }
    else {
      shown = (v + 0 >= 100 ? sprintf("%.0f", v) : sprintf("%.1f", v)) unit
      ok = (op == ">=") ? (v + 0 >= t + 0) : (v + 0 <= t + 0)
      verdict = ok ? "met" : "**missed**"
    }
    printf "| %s | %s | %s %s%s | %s |\n", label, shown, (op == ">=" ? "≥" : "≤"), t, unit, verdict
  }'
}

# issue 13's targets, each figure beside its target
targets() {
  local c=$BENCH_CONNECTIONS l=$BENCH_LATENCY_CONNECTIONS load
  load=$(sed -nE 's/.*documents_per_second=([0-9.]+).*/\1/p' <<<"${LOADED_WITH_INDEXES:-$LOADED}")
  echo
  echo "## Against the targets (issue 13)"
  echo
  echo "Ratios to the HTTP ceiling are of this run; the targets are set for 1,000,000 documents on 2 cores."
  echo
  echo "| target | this run | target | |"
  echo "| --- | ---: | ---: | --- |"
  target_row "whole document (\`embed=all\`), share of the HTTP ceiling at $c conn." "$(figure document_embed_all ceiling)" ">=" 50 " %"
  target_row "revalidation (\`If-None-Match\` → 304), share of the HTTP ceiling at $c conn." "$(figure document_revalidate ceiling)" ">=" 70 " %"
  target_row "documents, filtered list, first page, req/s at $c conn." "$(figure documents_filter_first rps)" ">=" 3000 ""
  target_row "documents, filtered list, deep page, req/s at $c conn." "$(figure documents_filter_deep rps)" ">=" 3000 ""
  target_row "search, common term with facets, req/s at $c conn." "$(figure search_documents_common rps)" ">=" 200 ""
  target_row "search, common term with facets, p95 at $c conn." "$(figure search_documents_common p95)" "<=" 300 " ms"
  target_row "search, common term with facets, p95 at $l conn." "$(figure search_documents_common l95)" "<=" 150 " ms"
  target_row "search, rare term, req/s at $c conn." "$(figure search_documents_rare rps)" ">=" 400 ""
  target_row "search, rare term, p95 at $l conn." "$(figure search_documents_rare l95)" "<=" 30 " ms"
  target_row "search, phrase, req/s at $c conn." "$(figure search_documents_phrase rps)" ">=" 400 ""
  target_row "\`/search/agents\`, p95 at $l conn." "$(figure search_agents l95)" "<=" 20 " ms"
  target_row "\`/search/agents\`, req/s at $c conn." "$(figure search_agents rps)" ">=" 400 ""
  target_row "\`/search/places\`, p95 at $l conn." "$(figure search_places l95)" "<=" 20 " ms"
  target_row "\`/search/places\`, req/s at $c conn." "$(figure search_places rps)" ">=" 400 ""
  target_row "load, documents/s until searchable (COPY and index builds)" "${load:--}" ">=" 5000 ""
}

# compare_with FILE: this run against the newest results table of FILE (the committed bench/RESULTS.md: the first
# table headed "| scenario | API req/s |", which is what the previous run printed). Absolute figures of two runs
# compare only on a machine equally busy; the shares of each run's own HTTP ceiling compare across runs, so both are
# shown, and a scenario more than 10 % slower by either is flagged.
compare_with() {
  local file=$1 old s new_rps new_ceil
  [[ -n $file && -f $file ]] || return 0
  old=$(awk -F'|' '
    /^\| scenario \| API req\/s \|/ { if (done) exit; table = 1; next }
    table && /^\| *---/ { next }
    table && /^\|/ {
      name = $2; gsub(/^ +| +$/, "", name); if (name ~ /^HTTP ceiling/) name = "ceiling"
      rps = $3; gsub(/[ ,]/, "", rps); share = $(NF - 1); gsub(/[ %]/, "", share)
      print name "\t" rps "\t" share; next }
    table { table = 0; done = 1 }' "$file")
  echo
  echo "## Against the committed run ($file, its newest results table)"
  echo
  if [[ -z $old ]]; then
    echo "No results table found in $file."
    return 0
  fi
  echo "req/s at $BENCH_CONNECTIONS connections: the committed run's, this run's and their ratio; then the same as shares of each run's own HTTP ceiling (which compare across machines and days). Flagged: more than 10 % slower by either."
  echo
  echo "| scenario | req/s then | req/s now | now / then | share of the ceiling then | now | now / then | |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |"
  for s in ceiling "${SCENARIOS[@]}"; do
    new_rps=$(figure "$s" rps)
    new_ceil=$(figure "$s" ceiling)
    awk -F'\t' -v s="$s" -v rps="$new_rps" -v share="$new_ceil" '
      $1 == "ceiling" { old_ceiling = $2 }
      $1 == s { found = 1; old_rps = $2; old_share = $3 }
      END {
        if (!found || old_rps + 0 == 0) { printf "| %s | – | %.0f | | | %s %% | | new |\n", s, rps, share; exit }
        if (old_ceiling + 0 > 0) old_share = sprintf("%.1f", 100 * old_rps / old_ceiling) # not the rounded column
        r = rps / old_rps; flag = ""
        if (r < 0.9) flag = "**slower (req/s)**"
        if (s != "ceiling" && old_share + 0 > 0) {
          q = share / old_share; qs = sprintf("%.2f", q)
          if (q < 0.9) flag = flag (flag == "" ? "" : ", ") "**slower (share of the ceiling)**"
        } else qs = "–"
        printf "| %s | %.0f | %.0f | %.2f | %s %% | %s %% | %s | %s |\n", s, old_rps, rps, r, old_share, share, qs, flag
      }' <<<"$old"
  done
}

# growth FILE: the growth run's figures (its figures.tsv) against this run's, scenario by scenario: how each one's
# cost grows from the small corpus to this one (latency at BENCH_LATENCY_CONNECTIONS: one request at a time per
# core, so it is the request's own cost; req/s at BENCH_CONNECTIONS, and as a share of each run's HTTP ceiling).
growth() {
  local file=$1 small big
  [[ -f $file ]] || return 0
  small=$(awk -F'\t' '$1 == "ceiling" { print $2 }' "$file")
  big=$BENCH_DOCUMENTS
  echo
  echo "## Growth: $BENCH_GROWTH_DOCUMENTS → $big documents"
  echo
  echo "The growth scenarios measured first over $BENCH_GROWTH_DOCUMENTS documents (same seed, same requests, its own API and database), then over $big. Cost ratio: this size's p50 at $BENCH_LATENCY_CONNECTIONS connections over the small one's (${big}/${BENCH_GROWTH_DOCUMENTS} = $(awk -v a="$big" -v b="$BENCH_GROWTH_DOCUMENTS" 'BEGIN { printf "%.0f", a / b }')× the documents: 1.0 is no growth, $(awk -v a="$big" -v b="$BENCH_GROWTH_DOCUMENTS" 'BEGIN { printf "%.0f", a / b }').0 linear). HTTP ceiling of the small run: $(awk -v v="$small" 'BEGIN { printf "%.0f", v }')/s; of this one: $(awk -v v="$CEIL_RPS" 'BEGIN { printf "%.0f", v }')/s."
  echo
  echo "| scenario | p50 ms at $BENCH_LATENCY_CONNECTIONS conn., small → big | cost ratio | p95 ms at $BENCH_LATENCY_CONNECTIONS conn., small → big | req/s at $BENCH_CONNECTIONS conn., small → big | req/s ratio | share of the ceiling, small → big |"
  echo "| --- | --- | ---: | --- | --- | ---: | --- |"
  local s
  for s in "${SCENARIOS[@]}"; do
    [[ -n ${WRK[$s]:-} ]] || continue
    awk -F'\t' -v s="$s" -v rps="$(figure "$s" rps)" -v l50="$(figure "$s" l50)" -v l95="$(figure "$s" l95)" \
      -v ceil="$CEIL_RPS" -v small_ceil="$small" '
      $1 == s { found = 1; srps = $2; sl50 = $6; sl95 = $7 }
      END {
        if (!found) exit
        printf "| %s | %.2f → %.2f | %.2f | %.2f → %.2f | %.0f → %.0f | %.2f | %.1f %% → %.1f %% |\n", s, sl50, l50,
          (sl50 > 0 ? l50 / sl50 : 0), sl95, l95, srps, rps, (srps > 0 ? rps / srps : 0),
          100 * srps / small_ceil, 100 * rps / ceil
      }' "$file"
  done
}
