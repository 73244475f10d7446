#!/usr/bin/env bash
# bench/gen-unsync-program.sh: writes a synthetic Python program that uses unsync, for the
# migrate scaling benchmark (bench/migrate-scaling.sh). Needs only bash and awk.
#
# Usage:  bash bench/gen-unsync-program.sh FUNCTIONS OUT_DIR [PER_MODULE]
#
#   FUNCTIONS   how many small functions to write in total (about 115 bytes each);
#   OUT_DIR     the folder to write into (created; must not hold an earlier program);
#   PER_MODULE  functions per module file; 0 or absent puts them all in one file, funcs.py.
#
# The functions are small and varied like real code: loops that accumulate, string building,
# branches calling an earlier function of the same module (so inference has call sites to
# follow), and every tenth one decorated @unsync (alternately an async def on the event loop
# and a plain def on the thread pool). main.py imports the modules and calls a few functions of
# the first and last module, so the program runs as it is. Loops carry a comment.
set -euo pipefail

functions="${1:?usage: gen-unsync-program.sh FUNCTIONS OUT_DIR [PER_MODULE]}"
out="${2:?usage: gen-unsync-program.sh FUNCTIONS OUT_DIR [PER_MODULE]}"
per="${3:-0}"
(( per > 0 && per < functions )) || per="$functions"
mkdir -p "$out"

awk -v n="$functions" -v per="$per" -v out="$out" '
function module_name(m) { return per == n ? "funcs" : sprintf("mod%05d", m) }
# What function i is: A an async def on the loop, T a plain def on a thread (both @unsync),
# L a loop accumulating a list, S string building, B a branch calling the L function callee(i).
function kind(i, first) {
  if (i % 20 == 0) return "A"
  if (i % 10 == 0) return "T"
  if (i % 3 == 0) return "L"
  if (i % 3 == 1 || callee(i) < first) return "S"
  return "B"
}
function callee(i) { return (i - 2) % 10 != 0 ? i - 2 : i - 5 }
function emit(file, i, first,   k) {
  k = kind(i, first)
  if (k == "A") printf "@unsync\nasync def f%d(delay, label):\n    await asyncio.sleep(delay)\n    return label + \"-%d\"\n\n", i, i > file
  else if (k == "T") printf "@unsync\ndef f%d(values, limit):\n    kept = [v for v in values if v < limit]\n    return len(kept) + %d\n\n", i, i > file
  else if (k == "L") printf "def f%d(items, scale):\n    # Accumulate the scaled values.\n    total = 0\n    for v in items:\n        total += v * scale\n    return total + %d\n\n", i, i > file
  else if (k == "S") printf "def f%d(name, count):\n    parts = [name] * count\n    label = \"-\".join(parts)\n    return label.upper()\n\n", i > file
  else printf "def f%d(x, y):\n    if x > y:\n        return f%d([x, y], 2)\n    return x * y - %d\n\n", i, callee(i), i > file
}
# The first function of kind k in the module starting at first (-1 if none).
function first_of(k, first, last,   i) {
  for (i = first; i < last; i++) if (kind(i, first) == k) return i
  return -1
}
function call(mod, k, first, last, args, suffix,   i) {
  i = first_of(k, first, last)
  if (i >= 0) printf "    print(%s.f%d(%s)%s)\n", mod, i, args, suffix > main
}
BEGIN {
  modules = int((n + per - 1) / per)
  for (m = 0; m < modules; m++) {
    file = out "/" module_name(m) ".py"
    printf "import asyncio\nfrom unsync import unsync\n\n\n" > file
    first = m * per
    last = first + per < n ? first + per : n
    for (i = first; i < last; i++) emit(file, i, first)
    close(file)
  }
  main = out "/main.py"
  for (m = 0; m < modules; m++) printf "import %s\n", module_name(m) > main
  printf "\n\ndef main():\n" > main
  for (m = 0; m < modules; m += (modules > 1 ? modules - 1 : 1)) {
    first = m * per
    last = first + per < n ? first + per : n
    mod = module_name(m)
    call(mod, "L", first, last, "[1, 2, 3], 2", "")
    call(mod, "S", first, last, "\"ab\", 3", "")
    call(mod, "B", first, last, "5, 1", "")
    call(mod, "A", first, last, "0, \"done\"", ".result()")
    call(mod, "T", first, last, "[1, 9, 3], 5", ".result()")
  }
  printf "\n\nif __name__ == \"__main__\":\n    main()\n" > main
}'
