#!/usr/bin/env python3
"""Regenerates python-names.tsv, the facts about Python's builtins and standard library that
the analysis needs and cannot compute itself (run with the reference CPython, 3.11):

  B <name>                          a name of the builtins module
  M <module>                        a top-level standard-library module (sys.stdlib_module_names)
  X <import path> <module.qualname> <coroutine 0/1>
                                    a standard-library function (not a class) of a top-level
                                    module or os.path, reached by <import path>, whose
                                    __module__.__qualname__ differs from that path, or that is a
                                    coroutine function (inspect.iscoroutinefunction)

Usage: python3.11 gen_python_names.py > python-names.tsv
"""
import builtins
import importlib
import inspect
import sys
import types
import warnings

SKIP = {"antigravity", "this", "idlelib", "tkinter", "turtle", "turtledemo", "lib2to3", "ensurepip",
        "venv", "pydoc_data", "__main__", "xxsubtype", "xxlimited", "xxlimited_35", "_tkinter",
        "msvcrt", "winreg", "winsound", "_winapi", "nt", "_msi", "msilib", "_overlapped", "_scproxy",
        "_testcapi", "_testinternalcapi", "_testbuffer", "_testimportmultiple", "_testmultiphase",
        "_ctypes_test", "_xxtestfuzz", "_testclinic", "_xxsubinterpreters", "sre_compile",
        "sre_constants", "sre_parse", "asynchat", "asyncore", "imp", "smtpd", "distutils"}


def real_name(obj):
    mod = getattr(obj, "__module__", None)
    qual = getattr(obj, "__qualname__", None) or getattr(obj, "__name__", None)
    if not isinstance(mod, str) or not isinstance(qual, str):
        return None
    return f"{mod}.{qual}"


def main():
    warnings.simplefilter("ignore")
    out = []
    for name in sorted(dir(builtins)):
        out.append(f"B\t{name}")
    for name in sorted(sys.stdlib_module_names):
        out.append(f"M\t{name}")
    seen = set()
    modules = []
    for name in sorted(sys.stdlib_module_names):
        if name in SKIP or name.startswith("_"):
            continue
        try:
            mod = importlib.import_module(name)
        except Exception:  # noqa: BLE001 - platform modules
            continue
        modules.append((name, mod))
    import os.path
    modules.append(("os.path", os.path))
    modules.append(("builtins", builtins))
    for path, mod in modules:
        for attr in sorted(dir(mod)):
            if attr.startswith("_"):
                continue
            obj = getattr(mod, attr, None)
            if isinstance(obj, (types.ModuleType, type)) or not callable(obj):
                continue
            key = f"{path}.{attr}"
            if key in seen:
                continue
            seen.add(key)
            rn = real_name(obj)
            coro = 1 if inspect.iscoroutinefunction(obj) else 0
            if rn is None:
                continue
            if rn != key or coro:
                out.append(f"X\t{key}\t{rn}\t{coro}")
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
