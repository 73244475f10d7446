#!/usr/bin/env python3
"""Checks the range invariant on CPython 3.13's own trees, and prints where CPython breaks it.

    PYENV_VERSION=3.13.0 python3 Tools/check_cpython_invariants.py [DIR...]

Invariant: the range (lineno, col_offset)-(end_lineno, end_col_offset) of every node that
has positions lies within the range of its nearest ancestor that has positions (arguments,
comprehension, withitem, match_case, keyword-less wrappers have none: their descendants are
checked against the nearest positioned ancestor); and every range must start no later
than it ends (reported as "(ill-formed)"). Violations are grouped by
(ancestor class, path of fields from it, child class), with a count and an example; the
InvariantTests encode exactly these exceptions. DIR defaults to the 3.13 library.
"""
import ast
import collections
import os
import sys
import warnings

POS = ("lineno", "col_offset", "end_lineno", "end_col_offset")


def rng(n):
    if all(hasattr(n, a) and getattr(n, a) is not None for a in POS):
        return (n.lineno, n.col_offset, n.end_lineno, n.end_col_offset)
    return None


def contains(outer, inner):
    return (inner[0], inner[1]) >= (outer[0], outer[1]) and (inner[2], inner[3]) <= (outer[2], outer[3])


def walk(node, anc, anc_range, path, out, where):
    for field, value in ast.iter_fields(node):
        items = value if isinstance(value, list) else [value]
        for child in items:
            if not isinstance(child, ast.AST):
                continue
            p = path + (field,)
            r = rng(child)
            if r is None:
                walk(child, anc, anc_range, p + (type(child).__name__,), out, where)
                continue
            if (r[0], r[1]) > (r[2], r[3]):
                out[("(ill-formed)", ".".join(p), type(child).__name__)].append((where, r, r))
            if anc_range is not None and not contains(anc_range, r):
                key = (type(anc).__name__, ".".join(p), type(child).__name__)
                out[key].append((where, anc_range, r))
            walk(child, child, r, (), out, where)


def main(dirs):
    warnings.simplefilter("ignore")
    out = collections.defaultdict(list)
    files = 0
    for d in dirs:
        for dp, dn, fn in os.walk(d):
            dn.sort()
            for f in sorted(fn):
                if not f.endswith(".py"):
                    continue
                path = os.path.join(dp, f)
                try:
                    with open(path, "rb") as fh:
                        tree = ast.parse(fh.read(), path)
                except (SyntaxError, ValueError, RecursionError, MemoryError):
                    continue
                files += 1
                walk(tree, tree, None, (), out, path)
    print(f"{files} files parsed")
    for key, ex in sorted(out.items(), key=lambda kv: -len(kv[1])):
        where, a, c = ex[0]
        print(f"{len(ex):7d}  {key[0]}.{key[1]} -> {key[2]}   e.g. {where} parent {a} child {c}")


if __name__ == "__main__":
    sys.setrecursionlimit(100000)
    main(sys.argv[1:] or [os.path.join(sys.prefix, "lib", "python3.13")])
