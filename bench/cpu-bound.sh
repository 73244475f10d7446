#!/usr/bin/env bash
# bench/cpu-bound.sh: the course's CPU-bound example (issue 6), timed as whole processes.
#
# Usage (from the repository root):  bash bench/cpu-bound.sh [RUNS]      (RUNS: default 5)
#
# What it does:
#   1. builds the CLI (Release);
#   2. translates tests/samples/cpu_bound (entry cpu_bound.py: ten calls of an
#      @unsync(cpu_bound=True) function, each a 5e7-iteration loop, run in worker processes)
#      into a temporary folder, and builds the generated project in Release;
#   3. runs, RUNS times each and interleaved (so a noisy moment hits both sides):
#        migrated:  dotnet <generated>/bin/Release/net10.0/cpu_bound.dll
#        CPython:   PYENV_VERSION=3.11.7 python3 tests/samples/cpu_bound/reference_sequential.py
#                   (the same function without unsync, ten calls one after the other in one process)
#      timing each whole process (start to exit, wall clock);
#   4. checks that both printed the same stdout, and prints both medians and their ratio.
#
# Environment: PY_VERSION (default 3.11.7, a `pyenv versions` name), KEEP=1 keeps the temporary
# folder, CPU_BOUND_OUT=DIR translates into DIR instead of a temporary folder, CPU_BOUND_DLL=FILE
# skips steps 1-2 and times that already built program instead (e.g. a generated copy edited by
# hand to see what a typed translation of the loop would give).
# The machine is shared: the first line prints the load average; compare figures only when it is low.
set -euo pipefail

runs="${1:-5}"
py_version="${PY_VERSION:-3.11.7}"
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

work="${CPU_BOUND_OUT:-$(mktemp -d /tmp/unsync-cpu-bound.XXXXXX)}"
if [[ -z "${CPU_BOUND_OUT:-}" && "${KEEP:-0}" != 1 ]]; then trap 'rm -rf "$work"' EXIT; fi

echo "== load average: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
if [[ -n "${CPU_BOUND_DLL:-}" ]]; then
  dll="$(realpath "$CPU_BOUND_DLL")"
  echo "== timing the prebuilt $dll"
else
  echo "== building the CLI (Release)"
  dotnet build src/UnsyncMigrate.Cli -c Release -nologo -v quiet >/dev/null
  echo "== translating tests/samples/cpu_bound -> $work/project"
  rm -rf "$work/project"
  dotnet src/UnsyncMigrate.Cli/bin/Release/net10.0/UnsyncMigrate.Cli.dll tests/samples/cpu_bound \
    --entry tests/samples/cpu_bound/cpu_bound.py -o "$work/project" >/dev/null
  echo "== building the generated project (Release)"
  dotnet build "$work/project" -c Release -nologo -v quiet >/dev/null
  dll="$work/project/bin/Release/net10.0/cpu_bound.dll"
fi
[[ -f "$dll" ]] || { echo "error: $dll was not built" >&2; exit 1; }

# time_run OUTFILE CMD...: runs CMD with stdout to OUTFILE, prints "WALL CPU" in seconds. CPU is
# user+sys of the process and the children it waited for (the worker processes), from GNU time
# when installed ("-" otherwise): less disturbed than wall time when others load the machine.
time_run() {
  local out="$1"; shift
  local t0 t1 cpu="-"
  t0=$(date +%s%N)
  if [[ -x /usr/bin/time ]]; then
    /usr/bin/time -f "%U %S" -o "$work/time.txt" "$@" >"$out"
    cpu=$(awk '{ printf "%.2f", $1 + $2 }' "$work/time.txt")
  else
    "$@" >"$out"
  fi
  t1=$(date +%s%N)
  awk -v a="$t0" -v b="$t1" -v c="$cpu" 'BEGIN { printf "%.3f %s\n", (b - a) / 1e9, c }'
}

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "== timing $runs runs of each (interleaved)"
# One untimed run of each first: the first start of a freshly built program pays for the disk cache.
dotnet "$dll" >/dev/null
PYENV_VERSION="$py_version" python3 -c 'pass'
cs_times=(); py_times=(); cs_cpu=(); py_cpu=()
for ((i = 1; i <= runs; i++)); do
  read -r cs csc < <(time_run "$work/cs.out" dotnet "$dll")
  read -r py pyc < <(time_run "$work/py.out" env PYENV_VERSION="$py_version" python3 tests/samples/cpu_bound/reference_sequential.py)
  cs_times+=("$cs"); py_times+=("$py"); cs_cpu+=("$csc"); py_cpu+=("$pyc")
  echo "   run $i: migrated ${cs} s (cpu ${csc} s)   CPython ${py} s (cpu ${pyc} s)   (load $(cut -d' ' -f1 /proc/loadavg))"
  if ! cmp -s "$work/cs.out" "$work/py.out"; then
    echo "error: stdout differs between the migrated program and CPython:" >&2
    diff "$work/cs.out" "$work/py.out" >&2 || true
    exit 1
  fi
done

cs_med=$(printf '%s\n' "${cs_times[@]}" | median)
py_med=$(printf '%s\n' "${py_times[@]}" | median)
echo "== stdout identical in every run: $(head -c 60 "$work/cs.out")..."
cs_cpu_med=$(printf '%s\n' "${cs_cpu[@]}" | median)
py_cpu_med=$(printf '%s\n' "${py_cpu[@]}" | median)
echo "migrated C# (process pool, $(nproc) workers): median ${cs_med} s wall, ${cs_cpu_med} s cpu"
echo "CPython $py_version sequential:               median ${py_med} s wall, ${py_cpu_med} s cpu"
awk -v c="$cs_med" -v p="$py_med" 'BEGIN { printf "ratio CPython/migrated (wall): %.1fx faster\n", p / c }'
echo "== load average: $(cut -d' ' -f1-3 /proc/loadavg)"
