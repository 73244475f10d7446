#!/usr/bin/env bash
# bench/stdlib-sweep.sh: the standard-library build sweep of issue 13.
#
# Usage (from anywhere):  bash bench/stdlib-sweep.sh [--limit N] [--batch-size N] [--json FILE]
#
# Migrates every module of CPython 3.13's standard library outside test/ and idlelib/ (about 700
# files, packages included) as class libraries (`--library`), in batches: each batch is a folder
# of copies that keeps the package structure, migrated with the CLI and built with `dotnet build`.
# Prints the share of modules whose C# compiles with 0 errors, the top compiler error codes with
# counts and an example location each (module and generated file; a batch that does not build is
# compiled again by bench/CompileCheck, since csc stops at declaration errors and lists only those),
# the UM2001 stubs per 1,000
# source lines, and the time (with the projected time of the whole library when --limit sampled
# it). --limit N sweeps N batches spread evenly over the library (the full sweep takes long on a
# small machine). Skips (exit 0, a message) without Python 3.13, which only locates the library.
# Work folders live in a temporary folder (KEEP=1 keeps it); --json FILE keeps every error.
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

python=""
if python3.13 -c "import sys" >/dev/null 2>&1; then python=python3.13
elif PYENV_VERSION=3.13.0 python3 -c 'import sys; assert sys.version_info[:2] == (3, 13)' 2>/dev/null; then python="env PYENV_VERSION=3.13.0 python3"
fi
if [[ -z "$python" ]]; then echo "skipped: Python 3.13 not found (python3.13, or pyenv 3.13.0)"; exit 0; fi
stdlib="$($python -c 'import sysconfig; print(sysconfig.get_paths()["stdlib"])')"

work="$(mktemp -d /tmp/unsync-stdlib-sweep.XXXXXX)"
if [[ "${KEEP:-0}" != 1 ]]; then trap 'rm -rf "$work"' EXIT; else echo "== keeping $work"; fi

echo "== load average: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
echo "== building the CLI (Release)"
dotnet build src/UnsyncMigrate.Cli -c Release -nologo -v quiet >/dev/null
dotnet build bench/CompileCheck -c Release -nologo -v quiet >/dev/null
cli="$repo/src/UnsyncMigrate.Cli/bin/Release/net10.0/UnsyncMigrate.Cli.dll"
check="$repo/bench/CompileCheck/bin/Release/net10.0/CompileCheck.dll"

$python bench/stdlib_sweep.py --cli "$cli" --compile-check "$check" --stdlib "$stdlib" --work "$work" "$@"
echo "== load average: $(cut -d' ' -f1-3 /proc/loadavg)"
