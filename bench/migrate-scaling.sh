#!/usr/bin/env bash
# bench/migrate-scaling.sh: how migrate's time and peak memory grow with the program (issue 11).
#
# Usage (from anywhere):  bash bench/migrate-scaling.sh [FUNCTIONS...]    (default: 1000 5000 10000 50000)
#
# What it does:
#   1. builds the CLI (Release);
#   2. for each size, writes a synthetic unsync program with bench/gen-unsync-program.sh in two
#      shapes: "one-file" (every function in funcs.py) and "many-files" (100 functions per
#      module), and migrates it (`dotnet UnsyncMigrate.Cli.dll IN -o OUT --force`), timing the
#      whole process with GNU time (wall seconds and peak resident memory);
#   3. prints a table: shape, functions, input MB, seconds, peak MB, microseconds per function;
#   4. checks the bars of issue 11: per shape, the time per function at 50,000 functions within
#      1.5x of that at 5,000 (when both sizes ran); and the 44,000-function one-file program
#      (about 5 MB) in under 30 s and under 2 GB peak (skipped with CHECK_44K=0).
# Exits 1 if a bar is missed or a migrate fails. Inputs and outputs live in a temporary folder
# (KEEP=1 keeps it). Needs bash, awk and GNU time (/usr/bin/time), besides the .NET SDK.
# The machine may be shared: the load average is printed before and after; quote it with figures.
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
[[ -x /usr/bin/time ]] || { echo "error: GNU time (/usr/bin/time) is needed for peak memory: apt-get install time" >&2; exit 2; }
sizes=("$@")
(( ${#sizes[@]} > 0 )) || sizes=(1000 5000 10000 50000)
per_module=100

work="$(mktemp -d /tmp/unsync-migrate-scaling.XXXXXX)"
if [[ "${KEEP:-0}" != 1 ]]; then trap 'rm -rf "$work"' EXIT; else echo "== keeping $work"; fi

echo "== load average: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
echo "== building the CLI (Release)"
dotnet build src/UnsyncMigrate.Cli -c Release -nologo -v quiet >/dev/null
cli="$repo/src/UnsyncMigrate.Cli/bin/Release/net10.0/UnsyncMigrate.Cli.dll"

failed=0
declare -A us_per_function

# migrate SHAPE FUNCTIONS: generates the program, migrates it, prints a table row, records the
# time per function, and leaves "SECONDS PEAK_MB" in $work/last.
migrate() {
  local shape="$1" n="$2" in="$work/in" out="$work/out" per=0
  [[ "$shape" == many-files ]] && per=$per_module
  rm -rf "$in" "$out"
  bash "$repo/bench/gen-unsync-program.sh" "$n" "$in" "$per"
  local bytes; bytes=$(cat "$in"/*.py | wc -c)
  if ! /usr/bin/time -f "%e %M" -o "$work/time.txt" dotnet "$cli" "$in" -o "$out" --force >"$work/stdout.txt" 2>"$work/stderr.txt"; then
    echo "error: migrate failed on $shape $n:" >&2
    tail -5 "$work/stderr.txt" >&2
    failed=1
    echo "0 0" >"$work/last"
    return
  fi
  awk -v shape="$shape" -v n="$n" -v bytes="$bytes" '{
    printf "| %-10s | %9d | %7.2f | %8.2f | %8.0f | %8.0f |\n", shape, n, bytes / 1e6, $1, $2 / 1024, $1 * 1e6 / n
    print $1, $2 / 1024 > "'"$work/last"'"
  }' "$work/time.txt"
  us_per_function["$shape/$n"]=$(awk -v n="$n" '{ printf "%.1f", $1 * 1e6 / n }' "$work/time.txt")
}

echo "== migrating (each a whole process: start-up, load, translate, format, scan report, write)"
echo "| shape      | functions |      MB |  seconds |  peak MB | µs/function |"
echo "|------------|----------:|--------:|---------:|---------:|---------:|"
for shape in one-file many-files; do
  for n in "${sizes[@]}"; do migrate "$shape" "$n"; done
done

for shape in one-file many-files; do
  small="${us_per_function[$shape/5000]:-}" big="${us_per_function[$shape/50000]:-}"
  [[ -n "$small" && -n "$big" ]] || continue
  verdict=$(awk -v a="$big" -v b="$small" 'BEGIN { r = a / b; printf "%.2f %s", r, (r <= 1.5 ? "PASS" : "FAIL") }')
  echo "== $shape: µs per function at 50,000 / at 5,000 = ${verdict% *} (bar: at most 1.5): ${verdict#* }"
  [[ "${verdict#* }" == PASS ]] || failed=1
done

if [[ "${CHECK_44K:-1}" != 0 ]]; then
  echo "== the 44,000-function one-file program of issue 11"
  migrate one-file 44000
  read -r secs peak <"$work/last"
  verdict=$(awk -v s="$secs" -v m="$peak" 'BEGIN { print (s > 0 && s < 30 && m < 2048) ? "PASS" : "FAIL" }')
  echo "== 44,000 functions in one file: ${secs} s, ${peak} MB peak (bars: under 30 s and under 2048 MB): $verdict"
  [[ "$verdict" == PASS ]] || failed=1
fi
echo "== load average: $(cut -d' ' -f1-3 /proc/loadavg)"
exit "$failed"
