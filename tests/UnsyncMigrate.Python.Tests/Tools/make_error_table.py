#!/usr/bin/env python3
"""Regenerates Errors/syntax_errors.json: invalid sources and what CPython 3.13 says.

    PYENV_VERSION=3.13.0 python3 Tools/make_error_table.py

Where the sources come from:
  1. CPython's own tests (test_syntax and its doctests, test_exceptions, test_fstring,
     test_patma, test_grammar, ...): each module is run in a subprocess with the builtins
     compile/eval/exec wrapped so that every source string they are given is recorded.
  2. The hand-written cases in CUSTOM below (limits, unterminated strings, indentation,
     tabs, ...).
Every recorded source is then parsed again with ast.parse(src) (mode "exec") in a clean
process, on a big stack, warnings ignored, as pyast_dump.py does; the sources that
ast.parse rejects with SyntaxError or a subclass (or with CPython's own limits,
MemoryError "Parser stack overflowed" and RecursionError) make the table (the compiler's own later
errors, like 'return' outside a function, are not the parser's and are left out; so are
sources given as bytes, whose decoding is another test's business).
Each entry: {"id", "source", "type", "msg", "line", "col", "end_line", "end_col"}.
The table is data: the tests never need Python.
"""
import ast
import json
import os
import subprocess
import sys
import threading
import warnings

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(HERE, "Errors", "syntax_errors.json")

MODULES = [
    "test.test_syntax", "test.test_exceptions", "test.test_fstring", "test.test_patma",
    "test.test_grammar", "test.test_string_literals", "test.test_eof",
    "test.test_positional_only_arg", "test.test_keywordonlyarg", "test.test_named_expressions",
    "test.test_type_params", "test.test_type_aliases", "test.test_unpack_ex", "test.test_genexps",
    "test.test_unpack", "test.test_setcomps", "test.test_listcomps", "test.test_dictcomps",
    "test.test_ast.test_ast", "test.test_compile", "test.test_global", "test.test_decorators",
    "test.test_with", "test.test_except_star", "test.test_raise", "test.test_flufl",
    "test.test_future_stmt.test_future", "test.test_coroutines", "test.test_generators",
    "test.test_syntax", "test.test_lambda" , "test.test_class", "test.test_scope",
]

# (id, source): hand-written cases for what the library's tests do not reach.
CUSTOM = [
    ("limit: 201 nested parentheses", "(" * 201 + ")" * 201 + "\n"),
    ("limit: 201 nested brackets mixed", "[{(" * 67 + ")}]" * 67 + "\n"),
    ("limit: 300 nested parentheses in a call", "f" + "(" * 300 + ")" * 300 + "\n"),
    ("limit: 201 open parentheses, unclosed", "x = " + "(" * 201 + "\n"),
    ("limit: 100 indentation levels", "".join(" " * i + "if x:\n" for i in range(100)) + " " * 100 + "pass\n"),
    ("limit: 101 indentation levels", "".join(" " * i + "if x:\n" for i in range(101)) + " " * 101 + "pass\n"),
    ("limit: 100 indentation levels with tabs", "".join("\t" * i + "if x:\n" for i in range(100)) + "\t" * 100 + "pass\n"),
    ("unterminated: single quote", "x = 'abc\n"),
    ("unterminated: double quote", 'x = "abc\n'),
    ("unterminated: single quote at EOF", "x = 'abc"),
    ("unterminated: triple single", "x = '''abc\n\ndef\n"),
    ("unterminated: triple double", 'x = """abc\n'),
    ("unterminated: bytes", "x = b'abc\n"),
    ("unterminated: raw ending in backslash", "x = r'abc\\'\n"),
    ("unterminated: string after continuation", "x = 'abc\\\ndef\n"),
    ("unterminated: string on line 3", "a = 1\nb = 2\nc = 'x\n"),
    ("unterminated: triple string on line 2", "a = 1\nb = '''x\ny\n"),
    ("unterminated: f-string", "x = f'abc\n"),
    ("unterminated: f-string in field", "x = f'{a\n"),
    ("unterminated: f-string triple", 'x = f"""abc{a}\n'),
    ("unterminated: f-string nested", "x = f'{f\"{a}}'\n"),
    ("unterminated: f-string field at EOF", "f'{"),
    ("unterminated: f-string spec", "f'{x:'\n"),
    ("unterminated: f-string triple field", "f'''{\n"),
    ("f-string: empty expression", "f'{}'\n"),
    ("f-string: single }", "f'}'\n"),
    ("f-string: bad conversion", "f'{x!z}'\n"),
    ("f-string: conversion without name", "f'{x!}'\n"),
    ("f-string: lambda without parentheses", "f'{lambda x: x}'\n"),
    ("f-string: backslash in expression is fine, bad one", "f'{\\}'\n"),
    ("f-string: nested too deep", "f'{f\"{f'{f\"{f'{f\"{1}\"}'}\"}'}\"}'\n"),
    ("f-string: unclosed paren in field", "f'{(x}'\n"),
    ("f-string: = then bad", "f'{x=!}'\n"),
    ("f-string: starred", "f'{*x}'\n"),
    ("f-string: yield star", "f'{**x}'\n"),
    ("f-string: newline in format spec single quoted", "f'{x:\n}'\n"),
    ("f-string: comment closing", "f'{x#}'\n"),
    ("indent: unexpected indent", "x = 1\n    y = 2\n"),
    ("indent: unexpected indent first line", "  x = 1\n"),
    ("indent: expected block after if", "if x:\ny = 1\n"),
    ("indent: expected block after def", "def f():\nreturn 1\n"),
    ("indent: expected block after class", "class A:\npass\n"),
    ("indent: expected block at EOF", "if x:\n"),
    ("indent: expected block after for", "for x in y:\npass\n"),
    ("indent: expected block after while", "while x:\npass\n"),
    ("indent: expected block after with", "with x:\npass\n"),
    ("indent: expected block after try", "try:\npass\n"),
    ("indent: expected block after except", "try:\n    pass\nexcept:\npass\n"),
    ("indent: expected block after finally", "try:\n    pass\nfinally:\npass\n"),
    ("indent: expected block after else", "if x:\n    pass\nelse:\npass\n"),
    ("indent: expected block after elif", "if x:\n    pass\nelif y:\npass\n"),
    ("indent: expected block after match", "match x:\ncase 1: pass\n"),
    ("indent: expected block after case", "match x:\n    case 1:\n    pass\n"),
    ("indent: expected block after async def", "async def f():\npass\n"),
    ("indent: unindent does not match", "if x:\n        a = 1\n    b = 2\n"),
    ("indent: unindent does not match, deeper", "def f():\n  if x:\n      a\n    b\n"),
    ("indent: dedent to nothing then indent", "if x:\n    a\n  b\n"),
    ("tab: inconsistent tabs and spaces", "if x:\n        a = 1\n\tb = 2\n"),
    ("tab: inconsistent, tab then spaces", "if x:\n\ta = 1\n        b = 2\n"),
    ("tab: inconsistent nested", "if x:\n    if y:\n\ta = 1\n"),
    ("tab: tab after spaces", "if x:\n  \ta = 1\n    \tb = 2\n"),
    ("continuation: unexpected character", "x = 1 \\ 2\n"),
    ("continuation: at EOF", "x = 1 \\"),
    ("continuation: at EOF after newline", "x = 1\n\\"),
    ("continuation: backslash then comment", "x = 1 + \\ # c\n2\n"),
    ("brackets: unclosed (", "x = (1, 2\n"),
    ("brackets: unclosed [ at EOF", "x = [1, 2"),
    ("brackets: unclosed { over lines", "x = {\n1: 2,\n"),
    ("brackets: unmatched )", "x = 1)\n"),
    ("brackets: unmatched ]", "]\n"),
    ("brackets: mismatched", "x = (1]\n"),
    ("brackets: mismatched over lines", "x = [\n1,\n)\n"),
    ("brackets: mismatched }", "f(a}\n"),
    ("token: invalid character", "x = 1 $ 2\n"),
    ("token: invalid non-ASCII character", "x = 1 \u20ac 2\n"),
    ("token: invalid identifier start", "x = \u00b2\n"),
    ("token: question mark", "a ? b\n"),
    ("token: backtick", "`x`\n"),
    ("token: invalid decimal literal", "x = 1a\n"),
    ("token: invalid hex", "x = 0xg\n"),
    ("token: invalid octal", "x = 0o8\n"),
    ("token: invalid binary", "x = 0b2\n"),
    ("token: leading zeros", "x = 012\n"),
    ("token: double underscore", "x = 1__0\n"),
    ("token: trailing underscore", "x = 1_\n"),
    ("token: underscore before dot", "x = 1_.5\n"),
    ("token: exponent without digits", "x = 1e\n"),
    ("token: exponent sign only", "x = 1e+\n"),
    ("token: empty hex", "x = 0x\n"),
    ("token: imaginary hex", "x = 0x1j\n"),
    ("token: identifier right after number", "x = 1_000abc\n"),
    ("token: non-printable", "x = 1\x01\n"),
    ("token: NUL byte", "x = 1\x00\n"),
    ("token: NUL on line 3", "a\nb\nc\x00\n"),
    ("token: lone !", "x ! y\n"),
    ("token: <>", "1 <> 2\n"),
    ("statements: missing colon if", "if x\n    pass\n"),
    ("statements: missing colon def", "def f()\n    pass\n"),
    ("statements: missing colon class", "class A\n    pass\n"),
    ("statements: missing colon for", "for x in y\n    pass\n"),
    ("statements: missing colon while", "while x\n    pass\n"),
    ("statements: assign to literal", "1 = x\n"),
    ("statements: assign to call", "f() = 1\n"),
    ("statements: augassign to tuple", "a, b += 1\n"),
    ("statements: assign to keyword", "None = 1\n"),
    ("statements: del literal", "del 1\n"),
    ("statements: del call", "del f()\n"),
    ("statements: two statements on a line", "x = 1 y = 2\n"),
    ("statements: print statement", "print 'x'\n"),
    ("statements: exec statement", "exec 'x'\n"),
    ("statements: elif without if", "elif x:\n    pass\n"),
    ("statements: else without if", "else:\n    pass\n"),
    ("statements: except without try", "except:\n    pass\n"),
    ("statements: try without except", "try:\n    pass\nx = 1\n"),
    ("statements: default before non-default", "def f(a=1, b): pass\n"),
    ("statements: duplicate star", "def f(*a, *b): pass\n"),
    ("statements: star with no name, no kwonly", "def f(*): pass\n"),
    ("statements: star with no name, then kwargs", "def f(*, **k): pass\n"),
    ("statements: slash first", "def f(/, a): pass\n"),
    ("statements: two slashes", "def f(a, /, b, /): pass\n"),
    ("statements: slash after star", "def f(*a, /): pass\n"),
    ("statements: kwargs then param", "def f(**k, a): pass\n"),
    ("statements: lambda default order", "lambda a=1, b: 0\n"),
    ("statements: import star in parens", "from a import (*)\n"),
    ("statements: relative import without from", "import .a\n"),
    ("statements: trailing comma import", "from a import b,\n"),
    ("statements: empty from import", "from a import\n"),
    ("statements: global with value", "global x = 1\n"),
    ("statements: nonlocal with value", "nonlocal x = 1\n"),
    ("statements: decorator on statement", "@d\nx = 1\n"),
    ("statements: decorator at EOF", "@d\n"),
    ("statements: with missing as name", "with a as: pass\n"),
    ("statements: with starred", "with *a: pass\n"),
    ("statements: for missing in", "for x y: pass\n"),
    ("statements: return with two values no comma", "def f(): return 1 2\n"),
    ("statements: assert empty", "assert\n"),
    ("statements: raise from nothing", "raise E from\n"),
    ("statements: class with keyword arg order", "class A(x=1, y): pass\n"),
    ("statements: async without def", "async x = 1\n"),
    ("statements: await in module arg", "def f(x=await): pass\n"),
    ("expressions: unary star", "*a\n"),
    ("expressions: double star in list", "[**a]\n"),
    ("expressions: starred in subscript slice", "a[*b:c]\n"),
    ("expressions: keyword argument repeated value", "f(a=1=2)\n"),
    ("expressions: positional after keyword", "f(a=1, b)\n"),
    ("expressions: positional after **", "f(**a, b)\n"),
    ("expressions: * after **", "f(**a, *b)\n"),
    ("expressions: generator not sole argument", "f(x for x in y, 1)\n"),
    ("expressions: keyword is expression", "f(a.b=1)\n"),
    ("expressions: keyword is literal", "f(1=2)\n"),
    ("expressions: walrus to attribute", "(a.b := 1)\n"),
    ("expressions: walrus to subscript", "(a[0] := 1)\n"),
    ("expressions: walrus to tuple", "((a, b) := 1)\n"),
    ("expressions: walrus unparenthesized statement", "a := 1\n"),
    ("expressions: walrus in comprehension iterable", "[x for x in (y := [1])]\n"),
    ("expressions: walrus rebinding comprehension var", "[i := 0 for i in range(3)]\n"),
    ("expressions: lambda with annotation", "lambda x: int: x\n"),
    ("expressions: lambda with parenthesized params", "lambda (x): x\n"),
    ("expressions: conditional without else", "x = a if b\n"),
    ("expressions: comparison chain broken", "a < < b\n"),
    ("expressions: dict missing value", "{1:}\n"),
    ("expressions: dict mixed with set", "{1: 2, 3}\n"),
    ("expressions: dict ** in key", "{**a: 1}\n"),
    ("expressions: set unpack **", "{1, **a}\n"),
    ("expressions: empty subscript", "a[]\n"),
    ("expressions: trailing operator", "x = 1 +\n"),
    ("expressions: yield in default arg fine, in class kw", "class A(x=yield): pass\n"),
    ("expressions: assignment expression in set comprehension target", "{(x := 1) for y in z}\n" if False else "{x := 1 for y in z}\n"),
    ("expressions: not after comparison", "a not b\n"),
    ("expressions: is not not", "a is not not b\n"),
    ("expressions: string prefix invalid", "x = bu'x'\n"),
    ("expressions: string prefix ub", "x = ub'x'\n"),
    ("expressions: string prefix fb", "x = fb'x'\n"),
    ("expressions: bytes non-ASCII", "x = b'\u00e9'\n"),
    ("expressions: bytes with str concat", "x = b'a' 'b'\n"),
    ("expressions: str with bytes concat", "x = 'a' b'b'\n"),
    ("expressions: f-string with bytes concat", "x = f'a' b'b'\n"),
    ("expressions: truncated \\x escape", "x = '\\x4'\n"),
    ("expressions: truncated \\u escape", "x = '\\u12'\n"),
    ("expressions: truncated \\U escape", "x = '\\U0001F60'\n"),
    ("expressions: \\U out of range", "x = '\\U00110000'\n"),
    ("expressions: truncated \\x in bytes", "x = b'\\x'\n"),
    ("expressions: \\N without braces", "x = '\\N'\n"),
    ("expressions: \\N unclosed", "x = '\\N{DAGGER'\n"),
    ("expressions: \\N unknown name", "x = '\\N{NO SUCH NAME AT ALL}'\n"),
    ("expressions: \\N empty", "x = '\\N{}'\n"),
    ("match: case outside match", "case 1:\n    pass\n"),
    ("match: no cases", "match x:\n    pass\n"),
    ("match: star twice in sequence", "match x:\n    case [*a, *b]: pass\n"),
    ("match: ** not last", "match x:\n    case {**r, 'a': 1}: pass\n"),
    ("match: ** with _", "match x:\n    case {**_}: pass\n"),
    ("match: positional after keyword pattern", "match x:\n    case C(a=1, b): pass\n"),
    ("match: invalid key", "match x:\n    case {y: 1}: pass\n"),
    ("match: as with non-name", "match x:\n    case 1 as a.b: pass\n"),
    ("match: as _", "match x:\n    case 1 as _: pass\n"),
    ("match: real + real", "match x:\n    case 1 + 2: pass\n"),
    ("match: imag + imag", "match x:\n    case 1j + 2j: pass\n"),
    ("match: call in pattern", "match x:\n    case f(): pass\n" if False else "match x:\n    case a.b(): pass\n    case f()(): pass\n"),
    ("match: f-string pattern", "match x:\n    case f'{x}': pass\n"),
    ("match: missing colon", "match x:\n    case 1\n        pass\n"),
    ("match: guard without expression", "match x:\n    case 1 if: pass\n"),
    ("type: type params empty", "type X[] = int\n"),
    ("type: def type params empty", "def f[](): pass\n"),
    ("type: class type params empty", "class A[]: pass\n"),
    ("type: default before non-default is fine, star bound", "type X[*Ts: int] = int\n"),
    ("type: paramspec bound", "type X[**P: int] = int\n"),
    ("type: missing value", "type X =\n"),
    ("type: starred default on TypeVar", "def f[T = *int](): pass\n"),
    ("type: param after default ok, missing default", "def f[T = int, U](): pass\n"),
    ("except*: bare except*", "try:\n    pass\nexcept*:\n    pass\n"),
    ("except*: mixed", "try:\n    pass\nexcept* A:\n    pass\nexcept B:\n    pass\n"),
    ("except*: mixed other order", "try:\n    pass\nexcept A:\n    pass\nexcept* B:\n    pass\n"),
    ("except: multiple types unparenthesized", "try:\n    pass\nexcept A, B:\n    pass\n"),
    ("except: as with attribute", "try:\n    pass\nexcept A as b.c:\n    pass\n"),
    ("EOF: in multi-line statement", "x = (1 +\n"),
    ("EOF: after colon", "def f():"),
    ("EOF: after decorator", "@x"),
    ("EOF: only indent", "if x:\n    "),
    ("EOF: dangling else", "if x:\n    pass\nelse"),
    ("line: error on line 5", "a = 1\nb = 2\nc = 3\nd = 4\ne = = 5\n"),
    ("line: error after blank lines and comments", "\n\n# c\n\n\nx = )\n"),
    ("line: CRLF error line", "a = 1\r\nb = 2\r\nc = (\r\n"),
    ("line: CR error line", "a = 1\rb = 2\rc = = 3\r"),
    ("line: form feed then error", "\x0c\nx = = 1\n"),
    ("line: error inside triple-quoted f-string", "x = f'''\n\n{a b}\n'''\n"),
    ("line: error after long string", "x = '''\n\n\n'''\ny = = 1\n"),
    ("non-ASCII: error column after non-ASCII", "x = '\u00e9\u00e9' = 1\n"),
    ("non-ASCII: invalid character in identifier", "a\u00b7b = 1\n" if False else "ab\u2028c = 1\n"),
    ("non-ASCII: emoji identifier", "\U0001F600 = 1\n"),
    ("keywords: soft keyword match statement errors", "match x:\n    case 1:\n        pass\n    case\n"),
    ("keywords: True assigned", "True = 1\n"),
    ("keywords: __debug__ assigned", "__debug__ = 1\n"),
    ("keywords: keyword as argument name", "def f(if): pass\n"),
    ("keywords: keyword as attribute", "x.if\n"),
    ("keywords: import keyword", "import if\n"),
    ("later tokenizer error: unterminated triple string after invalid syntax", "x = = 1\ny = \'\'\'\n"),
    ("later tokenizer error: unmatched ) after invalid syntax", "x = = 1\ny = )\n"),
    ("later tokenizer error: invalid decimal literal after invalid syntax", "x = = 1\ny = 1a\n"),
    ("later tokenizer error: mismatched bracket after invalid syntax", "x = = 1\ny = (]\n"),
    ("later tokenizer error: unterminated string after missing comma", "f(x y)\nz = \'abc\n"),
    ("later tokenizer error: unclosed [ after expected ]", "x = [1, 2\ny = 3\n"),
    ("later tokenizer error: unclosed ( after invalid syntax", "x = (1,\ny = 3\n"),
    ("later tokenizer error: bad dedent after invalid syntax", "x = = 1\nif y:\n        a\n    b\n"),
    ("bytes mix: location of the offending literal", "x = (b\'a\'\n \'b\')\n"),
    ("bytes mix: after a continuation line", "x = b\'a\' \\\n \'b\'\n"),
    ("bytes mix: str then bytes on the next line", "x = (\'a\'\n b\'b\')\n"),
    ("type alias default then error", "type Y[T = int] = T\nx = = 1\n"),
    ("f-string: triple-quoted set then newline and =", "f\'\'\'{ {x\n=}\'\'\'\n"),
    ("match: tokenizer error after match (line 0)", "match(x"),
    ("match: unterminated string after match (line 0)", "match \'\'\'\n"),
    ("match: unmatched ) after match (line 0)", "match )\n"),
    ("missing comma across lines: names", "x = (a\n b)\n"),
    ("missing comma across lines: calls", "x = (f()\n g(y))\n"),
    ("missing comma across lines: call closing on next line", "x = (\nf(\n)\n        g.h(y)\n)\n"),
    ("missing comma on one line", "x = (f() g)\n"),
    ("f-string: single } after an unterminated nested f-string", "f'{x'{x = }'\nf'a  }'\n"),
    ("match: parenthesized subject without colon", "match (x)\n    case 1: pass\n"),
    ("match: parenthesized subject without colon, mapping case", "match (x)\n    case {'_': _}: pass\n"),
    ("depth: 199 nested ( in an invalid statement (parser stack)", "s" + "(" * 199 + " = 1\n"),
    ("depth: 200 nested { in an invalid statement (parser stack)", "s" + "{" * 200 + " = 1\n"),
]


def record(module):
    """In a subprocess: runs MODULE's tests, printing each source given to compile/eval/exec."""
    import builtins
    import io
    import unittest
    seen = []
    real = {n: getattr(builtins, n) for n in ("compile", "eval", "exec")}

    def wrap(name):
        f = real[name]

        def w(source, *a, **k):
            if isinstance(source, str) and len(source) < 20000:
                seen.append(source)
            return f(source, *a, **k)
        return w
    for n in real:
        setattr(builtins, n, wrap(n))
    warnings.simplefilter("ignore")
    try:
        import importlib
        mod = importlib.import_module(module)
        suite = unittest.defaultTestLoader.loadTestsFromModule(mod)
        unittest.TextTestRunner(stream=io.StringIO(), verbosity=0).run(suite)
    except BaseException as e:  # a test module that cannot run here: keep what it gave
        print("warning:", module, type(e).__name__, e, file=sys.stderr)
    finally:
        for n, f in real.items():
            setattr(builtins, n, f)
    sys.stdout.write(json.dumps(seen) + "\n")


def cpython_verdict(src):
    """What ast.parse says, as pyast_dump.py does it (big stack, no recursion limit)."""
    out = []

    def run():
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                ast.parse(src, "<string>")
                out.append(None)
            except SyntaxError as e:
                out.append({"type": type(e).__name__, "msg": e.msg, "line": e.lineno, "col": e.offset,
                            "end_line": e.end_lineno, "end_col": e.end_offset})
            except Exception as e:
                out.append({"type": type(e).__name__, "msg": str(e), "line": None, "col": None,
                            "end_line": None, "end_col": None})
    t = threading.Thread(target=run)
    t.start()
    t.join()
    return out[0]


def utf8_ok(s):
    try:
        s.encode("utf-8")
        return True
    except UnicodeEncodeError:
        return False


def main():
    if sys.version_info[:2] != (3, 13):
        sys.exit("run with Python 3.13 (PYENV_VERSION=3.13.0 python3 ...)")
    sys.setrecursionlimit(1_000_000)
    threading.stack_size(512 * 1024 * 1024)
    entries = []
    seen = set()

    def add(ident, src):
        if src in seen or not utf8_ok(src):
            return
        seen.add(src)
        v = cpython_verdict(src)
        if v is None or v["type"] not in ("SyntaxError", "IndentationError", "TabError", "MemoryError", "RecursionError"):
            if ident.startswith(("limit", "unterminated", "indent", "tab", "token", "f-string")) and v is None:
                print("note: CPython accepts custom case", repr(ident), file=sys.stderr)
            return
        entries.append(dict(id=ident, source=src, **v))

    for ident, src in CUSTOM:
        add("custom: " + ident, src)
    for module in dict.fromkeys(MODULES):
        r = subprocess.run([sys.executable, __file__, "--record", module], capture_output=True, timeout=900,
                           cwd="/tmp")
        lines = r.stdout.decode("utf-8", "surrogatepass").strip().splitlines()
        if r.returncode != 0 or not lines:
            print(f"warning: {module}: exit {r.returncode}: {r.stderr.decode(errors='replace')[-500:]}", file=sys.stderr)
            continue
        sources = json.loads(lines[-1])
        before = len(entries)
        for n, src in enumerate(sources):
            add(f"{module.split('.')[-1]} #{n}", src)
        print(f"{module}: {len(sources)} sources recorded, {len(entries) - before} new invalid ones", file=sys.stderr)
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write("[\n")
        f.write(",\n".join(json.dumps(e, ensure_ascii=True) for e in entries))
        f.write("\n]\n")
    print(f"wrote {len(entries)} cases to {OUT}", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--record":
        record(sys.argv[2])
    else:
        main()
