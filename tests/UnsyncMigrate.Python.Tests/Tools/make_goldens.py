#!/usr/bin/env python3
"""Regenerates the golden ASTs of the Cases/ folder from CPython 3.13 itself.

    PYENV_VERSION=3.13.0 python3 Tools/make_goldens.py [NAME.py ...]

For each Cases/NAME.py (all of them by default) it runs ../shared/tools/pyast_dump.py
(CPython's `ast`, dumped as the project's canonical JSON), takes the "ast" value and
writes it to Cases/NAME.ast.json in the layout of Support/JsonPretty.cs: the compact
JSON text, re-indented without touching any token (a container whose compact text is
at most 120 UTF-8 bytes stays on one line; a larger one gets one element per line,
indented by two spaces). Only whitespace outside strings is added, so the file is the
exact CPython output. The tests never need Python: run this once when a case is added.
"""
import json
import os
import subprocess
import sys

HERE = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "Cases")
WIDTH = 120


def find_dump():
    d = HERE
    while d != os.path.dirname(d):
        p = os.path.join(os.path.dirname(d), "shared", "tools", "pyast_dump.py")
        if os.path.exists(p):
            return p
        d = os.path.dirname(d)
    sys.exit("cannot find ../shared/tools/pyast_dump.py above " + HERE)


def string_end(s, i):
    j = i + 1
    while s[j] != '"':
        j += 2 if s[j] == "\\" else 1
    return j + 1


def parse(s, i):
    """(start, end, kind, items) of the JSON value at s[i]; items: [(key_span|None, node)]."""
    c = s[i]
    if c in "{[":
        close = "}" if c == "{" else "]"
        items = []
        j = i + 1
        if s[j] == close:
            return (i, j + 1, c, items)
        while True:
            key = None
            if c == "{":
                k = string_end(s, j)
                key = (j, k)
                assert s[k] == ":"
                j = k + 1
            v = parse(s, j)
            items.append((key, v))
            j = v[1]
            if s[j] == ",":
                j += 1
                continue
            assert s[j] == close
            return (i, j + 1, c, items)
    if c == '"':
        return (i, string_end(s, i), "s", None)
    j = i
    while j < len(s) and s[j] not in ",]}":
        j += 1
    return (i, j, "v", None)


def pretty(s):
    root = parse(s, 0)
    assert root[1] == len(s)
    out = []

    def fmt(node, indent):
        start, end, kind, items = node
        text = s[start:end]
        if kind not in "{[" or not items or len(text.encode("utf-8")) <= WIDTH:
            out.append(text)
            return
        out.append(kind + "\n")
        for n, (key, v) in enumerate(items):
            out.append("  " * (indent + 1))
            if key:
                out.append(s[key[0]:key[1]] + ":")
            fmt(v, indent + 1)
            out.append(",\n" if n < len(items) - 1 else "\n")
        out.append("  " * indent + ("}" if kind == "{" else "]"))

    fmt(root, 0)
    return "".join(out) + "\n"


def main(names):
    dump = find_dump()
    names = names or sorted(f for f in os.listdir(HERE) if f.endswith(".py"))
    for name in names:
        path = os.path.join(HERE, os.path.basename(name))
        line = subprocess.run([sys.executable, dump, path], capture_output=True, check=True).stdout
        line = line.decode("utf-8").rstrip("\n")
        obj = json.loads(line)
        if not obj["ok"]:
            sys.exit(f"{name}: CPython rejects it: {obj['error']}")
        # the "ast" value, cut out of the line as text so that no token is re-encoded
        prefix = line[: line.index('"ast":') + 6]
        assert line.endswith("}") and json.loads(prefix + "null}")["ok"]
        compact = line[len(prefix):-1]
        text = pretty(compact)
        assert "".join(text.split()) == "".join(compact.split())  # only layout differs
        with open(path[:-3] + ".ast.json", "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        print("wrote", os.path.basename(path)[:-3] + ".ast.json")


if __name__ == "__main__":
    if sys.version_info[:2] != (3, 13):
        sys.exit("run with Python 3.13 (PYENV_VERSION=3.13.0 python3 ...)")
    main(sys.argv[1:])
