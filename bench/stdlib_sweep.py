"""The standard-library build sweep of bench/stdlib-sweep.sh (issue 13): run that script, not this file.

Migrates every module of CPython 3.13's standard library outside test/ and idlelib/ as class
libraries, in batches (each batch a folder of copies keeping the package structure), builds each
batch's project with dotnet, and reports: the share of modules whose C# compiles with 0 errors,
the top compiler error codes with counts and an example location each, UM2001 stubs per 1,000
source lines, and the time. A compile error is attributed to the module whose generated file it
is in (the generated README maps each module to its C# file). `dotnet build` decides whether a
batch builds; when it does not, bench/CompileCheck lists every error (csc stops after declaration
errors such as CS0102 without binding method bodies, so the build's own list is partial).
"""
import argparse
import collections
import json
import os
import re
import shutil
import subprocess
import sys
import time

ERROR = re.compile(r"^(?P<file>[^()\s][^()]*?)\((?P<line>\d+),(?P<col>\d+)\): error (?P<code>CS\d+): (?P<msg>.*?)(?: \[[^\]]*\])?$")
STUB = re.compile(r"^(?P<file>.+?)\(\d+,\d+\): warning UM2001: not translated: (?P<what>.*)$")
README_ROW = re.compile(r"^\| `(?P<module>[^`]+)` \| `(?P<file>[^`]+)` \|$")


def stdlib_files(root):
    """Every .py file of the standard library outside test/, idlelib/ and site-packages, sorted."""
    found = []
    for folder, dirs, files in os.walk(root):
        rel = os.path.relpath(folder, root)
        top = rel.split(os.sep)[0]
        if top in ("test", "idlelib", "site-packages", "__pycache__") or "__pycache__" in rel.split(os.sep):
            dirs[:] = []
            continue
        dirs.sort()
        found += [os.path.normpath(os.path.join(rel, f)) for f in sorted(files) if f.endswith(".py")]
    return sorted(found)


def spread(items, count):
    """count items spread evenly over the list (a sample that is not just the a-modules)."""
    if count >= len(items):
        return list(items)
    return [items[round(i * (len(items) - 1) / max(count - 1, 1))] for i in range(count)]


def run(args, cwd=None, timeout=1800):
    p = subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=timeout)
    return p.returncode, p.stdout, p.stderr


def parse_errors(text, out):
    """MSBuild-style error lines, each once, with the file relative to the project."""
    errors, seen = [], set()
    for line in text.splitlines():
        m = ERROR.match(line.strip())
        if not m:
            continue
        key = (m.group("file"), m.group("line"), m.group("col"), m.group("code"))
        if key in seen:
            continue
        seen.add(key)
        cs = os.path.relpath(m.group("file"), out) if os.path.isabs(m.group("file")) else m.group("file")
        errors.append({"file": cs, "line": int(m.group("line")), "col": int(m.group("col")),
                       "code": m.group("code"), "message": m.group("msg")[:160]})
    return errors


def check_batch(result, work, checker):
    """Every compile error of a batch whose build failed (CompileCheck), replacing the build's partial list."""
    out = os.path.join(work, f"batch{result['batch']:03d}", "out")
    if result["build_exit"] in (None, 0) or not checker:
        return
    started = time.monotonic()
    _, stdout, _ = run(["dotnet", checker, out])
    result["check_s"] = time.monotonic() - started
    full = parse_errors(stdout, out)
    if full:
        result["build_errors"] = len(result["errors"])
        result["errors"] = full


def check_all(results, work, checker):
    """check_batch for many batches in one CompileCheck process (Roslyn loaded once)."""
    failed = {os.path.join(work, f"batch{r['batch']:03d}", "out"): r for r in results if r["build_exit"] not in (None, 0)}
    if not failed or not checker:
        return
    _, stdout, _ = run(["dotnet", checker, *failed], timeout=7200)
    for chunk in stdout.split("## ")[1:]:
        out, _, text = chunk.partition("\n")
        r = failed[out.strip()]
        full = parse_errors(text, out.strip())
        if full:
            r["build_errors"] = len(r["errors"])
            r["errors"] = full


def sweep_batch(index, files, stdlib, work, cli):
    """Migrates and builds one batch; returns per-module results and the batch's errors."""
    batch = os.path.join(work, f"batch{index:03d}")
    src, out = os.path.join(batch, "stdlib"), os.path.join(batch, "out")
    for rel in files:
        os.makedirs(os.path.dirname(os.path.join(src, rel)), exist_ok=True)
        shutil.copyfile(os.path.join(stdlib, rel), os.path.join(src, rel))
    started = time.monotonic()
    code, _, err = run(["dotnet", cli, src, "-o", out, "--library", "--force"], cwd=batch)
    migrate_s = time.monotonic() - started
    matches = [m for m in map(STUB.match, err.splitlines()) if m]
    stubs = collections.Counter(m.group("file") for m in matches)
    # The construct, without the names in it (for the top categories).
    constructs = collections.Counter(re.sub(r"'[^']*'|\b[A-Za-z_][\w.]*\(\)|\d+", "…", m.group("what"))[:80] for m in matches)
    modules = {}  # C# file -> module
    readme = os.path.join(out, "README.md")
    if os.path.exists(readme):
        for line in open(readme, encoding="utf-8"):
            if m := README_ROW.match(line.strip()):
                modules[m.group("file")] = m.group("module")
    result = {"batch": index, "files": files, "migrate_exit": code, "migrate_s": migrate_s, "stubs": dict(stubs), "constructs": dict(constructs),
              "modules": modules, "errors": [], "build_exit": None, "build_s": 0.0}
    if code not in (0, 1) or not modules:
        result["migrate_stderr"] = err[-2000:]
        return result
    started = time.monotonic()
    code, stdout, _ = run(["dotnet", "build", out, "-nologo", "-v", "q", "-clp:NoSummary", "-p:TreatWarningsAsErrors=false"], cwd=batch)
    result["build_s"] = time.monotonic() - started
    result["build_exit"] = code
    result["errors"] = parse_errors(stdout, out)
    if code != 0 and not result["errors"]:
        result["build_tail"] = stdout[-2000:]
    return result


def module_name(rel):
    parts = rel[:-3].split(os.sep)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def report(results, stdlib, all_files, seconds, limit_note):
    swept = [f for r in results for f in r["files"]]
    lines = {f: sum(1 for _ in open(os.path.join(stdlib, f), encoding="utf-8", errors="replace")) for f in swept}
    compiled, failed = [], []
    codes = collections.Counter()
    example = {}
    failing_modules = collections.Counter()
    stubs = 0
    for r in results:
        by_file = collections.defaultdict(list)
        for e in r["errors"]:
            by_file[e["file"]].append(e)
            codes[e["code"]] += 1
            module = r["modules"].get(e["file"], f"(batch {r['batch']}: {e['file']})")
            example.setdefault(e["code"], f"{module} ({e['file']}:{e['line']}): {e['message']}")
        stubs += sum(r["stubs"].values())
        by_module = {m: f for f, m in r["modules"].items()}
        batch_broken = r["build_exit"] is None or (r["build_exit"] != 0 and not r["errors"])
        for rel in r["files"]:
            name = module_name(rel)
            cs = by_module.get(name)
            ok = not batch_broken and cs is not None and not by_file.get(cs)
            (compiled if ok else failed).append(name)
            if not ok:
                failing_modules[name] = len(by_file.get(cs, [])) if cs else -1
    total_lines = sum(lines.values())
    summary = {
        "stdlib": stdlib,
        "modules_in_stdlib": len(all_files),
        "modules_swept": len(swept),
        "batches": len(results),
        "sample": limit_note,
        "compiled_ok": len(compiled),
        "share_ok": round(100.0 * len(compiled) / max(len(swept), 1), 1),
        "source_lines": total_lines,
        "um2001_stubs": stubs,
        "um2001_per_1000_lines": round(1000.0 * stubs / max(total_lines, 1), 2),
        "top_stubs": sum((collections.Counter(r.get("constructs", {})) for r in results), collections.Counter()).most_common(10),
        "compile_errors": sum(codes.values()),
        "top_error_codes": [{"code": c, "count": n, "example": example[c]} for c, n in codes.most_common(15)],
        "seconds": round(seconds, 1),
        "seconds_per_module": round(seconds / max(len(swept), 1), 2),
        "projected_full_seconds": round(seconds / max(len(swept), 1) * len(all_files)),
        "failed_modules": sorted(failing_modules),
        "migrate_failures": [{"batch": r["batch"], "exit": r["migrate_exit"], "stderr": r.get("migrate_stderr", "")[-400:]}
                             for r in results if r["build_exit"] is None],
    }
    return summary


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cli", required=True, help="UnsyncMigrate.Cli.dll")
    ap.add_argument("--stdlib", required=True)
    ap.add_argument("--batch-size", type=int, default=30)
    ap.add_argument("--limit", type=int, default=0, help="sweep only this many batches, spread over the library (0: all)")
    ap.add_argument("--work", required=True)
    ap.add_argument("--json", help="write the summary (and per-batch details) here")
    ap.add_argument("--compile-check", help="CompileCheck.dll: every error of a batch that does not build")
    ap.add_argument("--recheck", help="a --json file of an earlier sweep whose work folder was kept: run only the compile check and report again")
    a = ap.parse_args()
    files = stdlib_files(a.stdlib)
    if a.recheck:
        earlier = json.load(open(a.recheck, encoding="utf-8"))
        results = earlier["batches"]
        check_all(results, a.work, a.compile_check)
        print_summary(report(results, a.stdlib, files, earlier["summary"]["seconds"], earlier["summary"]["sample"]), a.json, results)
        return
    batches = [files[i:i + a.batch_size] for i in range(0, len(files), a.batch_size)]
    chosen = spread(list(enumerate(batches)), a.limit) if a.limit else list(enumerate(batches))
    note = f"{len(chosen)} of {len(batches)} batches of {a.batch_size}" if a.limit else "all"
    print(f"== {len(files)} modules in {len(batches)} batches of {a.batch_size}; sweeping {note}", file=sys.stderr)
    started = time.monotonic()
    results = []
    for index, batch in chosen:
        r = sweep_batch(index, batch, a.stdlib, a.work, a.cli)
        check_batch(r, a.work, a.compile_check)
        results.append(r)
        print(f"   batch {index:3d} ({batch[0]} .. {batch[-1]}): migrate exit {r['migrate_exit']} {r['migrate_s']:.0f} s, "
              f"build exit {r['build_exit']} {r['build_s']:.0f} s, {len(r['errors'])} error(s), {sum(r['stubs'].values())} stub(s)",
              file=sys.stderr, flush=True)
    print_summary(report(results, a.stdlib, files, time.monotonic() - started, note), a.json, results)


def print_summary(summary, json_file, results):
    if json_file:
        with open(json_file, "w", encoding="utf-8") as f:
            json.dump({"summary": summary, "batches": results}, f, indent=1)
    s = summary
    print(f"modules swept: {s['modules_swept']} of {s['modules_in_stdlib']} ({s['sample']}), {s['source_lines']} source lines")
    print(f"compile with 0 errors: {s['compiled_ok']} of {s['modules_swept']} ({s['share_ok']}%)")
    print(f"UM2001 stubs: {s['um2001_stubs']} ({s['um2001_per_1000_lines']} per 1,000 lines)")
    if s["top_stubs"]:
        print("top UM2001 constructs: " + "; ".join(f"{what} ({n})" for what, n in s["top_stubs"]))
    print(f"compile errors: {s['compile_errors']}; top codes:")
    for c in s["top_error_codes"]:
        print(f"  {c['code']:8} {c['count']:6}  e.g. {c['example']}")
    for m in s["migrate_failures"]:
        print(f"  migrate failed on batch {m['batch']} (exit {m['exit']}): {m['stderr'].strip().splitlines()[-1:] }")
    print(f"time: {s['seconds']} s ({s['seconds_per_module']} s per module; all {s['modules_in_stdlib']} modules: about {s['projected_full_seconds']} s)")


if __name__ == "__main__":
    main()
