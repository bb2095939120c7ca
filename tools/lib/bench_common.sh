# Shell functions shared by the tools/lib/bench_<dialect> scripts; source it after setting
# `build` (the build directory holding the schemadiff binary).

# measure OUT CMD...: runs CMD with stdout to OUT; prints "SECONDS PEAK_RSS_KB EXIT_CODE".
measure() {
  /usr/bin/python3 - "$@" <<'PY'
import os, subprocess, sys, time
out = open(sys.argv[1], "wb")
start = time.perf_counter()
proc = subprocess.Popen(sys.argv[2:], stdout=out, stderr=subprocess.DEVNULL)
_, status, usage = os.wait4(proc.pid, 0)
seconds = time.perf_counter() - start
print(f"{seconds:.3f} {usage.ru_maxrss} {os.waitstatus_to_exitcode(status)}")
PY
}

# best RUNS OUT CMD...: the fastest of RUNS measurements (same output format).
best() {
  local n=$1 out=$2 i line best_line=""
  shift 2
  for ((i = 0; i < n; i++)); do
    line=$(measure "$out" "$@")
    if [[ -z $best_line ]] || awk -v a="${line%% *}" -v b="${best_line%% *}" 'BEGIN {exit !(a < b)}'; then
      best_line=$line
    fi
  done
  echo "$best_line"
}

# run_alembic N LIVE_URL: Alembic autogenerate (alembic_anchor.py) of the live database at the
# SQLAlchemy URL LIVE_URL, N tables, against the variant's models; best of $runs runs, one from
# 5,000 tables. Sets al_s (Alembic's compare time; the wall time when it failed), al_kb, al_rc and
# al_changes. SQLAlchemy recurses once per table of a foreign-key chain: from a few thousand
# tables the default 8 MB stack overflows (SIGSEGV), so Alembic gets an unlimited one where
# allowed. Needs $work, $anchors and $runs.
run_alembic() {
  local n=$1 live=$2 times=$runs al_wall
  ((n >= 5000)) && times=1
  read -r al_wall al_kb al_rc < <(best "$times" "$work/alembic.txt" /bin/sh -c \
    'ulimit -s unlimited 2>/dev/null; exec "$@"' sh /usr/bin/python3 \
    "$anchors/alembic_anchor.py" "$live" "$n" --variant)
  al_s=$(sed -n 's/.*seconds=\([0-9.]*\).*/\1/p' "$work/alembic.txt")
  al_changes=$(sed -n 's/.*diffs=\([0-9]*\).*/\1/p' "$work/alembic.txt")
  ((al_rc == 0)) || { al_s=$al_wall; al_changes="error(exit $al_rc)"; }
}

# changes SRC DST EXIT_CODE: how many changes `schemadiff check` lists from SRC to DST.
changes() {
  if (($3 != 0)); then
    echo "error(exit $3)"
    return
  fi
  "$build/schemadiff" check --from "$1" --to "$2" --format json |
    /usr/bin/python3 -c 'import json, sys; print(len(json.load(sys.stdin)["changes"]))' || true
}

sum() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.3f", a + b}'; }

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (b > 0) printf "%.1f", a / b; else print "inf"}'; }
