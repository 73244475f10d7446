#!/usr/bin/env python3
"""Generates Data/PythonCodecs.bin: CPython 3.13's codec registry as SourceDecoder needs it.

Run from anywhere:  PYENV_VERSION=3.13.0 python3 gen_codecs.py
(The tool never needs Python at run time; this script only regenerates the resource.)

What it captures, all taken from the running CPython so nothing is typed by hand:
  * encodings.aliases (alias -> module name) and the set of codec modules that
    encodings.search_function can import, so SourceDecoder resolves a coding cookie
    exactly like codecs.lookup (normalisation is done in C#, see PythonCodecs.cs);
  * for every module: what kind of decoder it is, and the codec name Python prints in
    a UnicodeDecodeError ("charmap", "ascii", "shift_jis"...);
  * for every single-byte (charmap) codec: its 256-entry decoding table, obtained by
    decoding each byte with Python itself (0xFFFE = "character maps to <undefined>").

File layout (zlib-compressed; all integers little-endian; str = u8 length + ASCII):
  "PYCODEC1"
  u16 n; n x (str alias, str module)                      -- encodings.aliases.aliases
  u16 n; n x (str module, u8 kind, str errname, i32 arg)  -- importable codec modules
  u16 n; n x 256 x u16                                     -- charmap decoding tables
kinds: 0 not a text encoding, 1 utf-8, 2 utf-8-sig, 3 ascii, 4 latin-1,
       5 charmap (arg = table index), 6 utf-16 (arg 0 = BOM/native LE, 1 = LE, 2 = BE),
       7 utf-32 (same args), 8 CJK multibyte codec (arg = .NET code page, 0 = none),
       9 known to Python but not supported here (utf-7, unicode_escape, idna...).
"""
import codecs
import encodings
import encodings.aliases
import os
import pkgutil
import struct
import sys
import zlib

assert sys.version_info[:2] == (3, 13), "run with PYENV_VERSION=3.13.0"

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "Data", "PythonCodecs.bin")

# CJK codecs -> the .NET code page (System.Text.Encoding.CodePages) used to decode them.
# These are close to, not identical with, CPython's CJKCodecs (see the report in
# SourceDecoder.cs); codecs missing here are reported as unsupported.
DOTNET_CODEPAGE = {
    "shift_jis": 932, "cp932": 932, "euc_jp": 51932,
    "gb2312": 936, "gbk": 936, "gb18030": 54936, "hz": 52936,
    "big5": 950, "cp950": 950,
    "euc_kr": 51949, "cp949": 949, "johab": 1361,
    "iso2022_jp": 50220, "iso2022_kr": 50225,
}


def s(x):
    b = x.encode("ascii")
    assert len(b) < 256
    return bytes([len(b)]) + b


def err_name(mod):
    """The codec name CPython puts in a UnicodeDecodeError for this module."""
    for probe in (b"\x80", b"\xff", b"\x81", b"\xa0", b"\x80\x80", b"\xff\xff", b"\x00", b"\xfe\xfe"):
        try:
            probe.decode(mod)
        except UnicodeDecodeError as e:
            return e.encoding
        except Exception:
            break
    return ""


def main():
    mods = sorted(m.name for m in pkgutil.iter_modules(encodings.__path__))
    entries = []
    tables = []
    for m in mods:
        try:
            ci = codecs.lookup(m)
        except LookupError:
            continue  # aliases, mbcs, oem: not codecs on this platform
        mod = __import__("encodings." + m, fromlist=["*"])
        arg = 0
        name = err_name(m)
        if not ci._is_text_encoding:
            kind = 0
        elif m == "utf_8":
            kind = 1
        elif m == "utf_8_sig":
            kind = 2
        elif m == "ascii":
            kind = 3
        elif m in ("latin_1", "charmap"):
            kind = 4  # 'charmap' without a mapping decodes as Latin-1
        elif hasattr(mod, "decoding_table") or hasattr(mod, "decoding_map"):
            kind = 5
            t = []
            for b in range(256):
                try:
                    c = bytes([b]).decode(m)
                    assert len(c) == 1 and ord(c) < 0x10000 and c != "\ufffe", (m, b, c)
                    t.append(ord(c))
                except UnicodeDecodeError as e:
                    assert e.reason == "character maps to <undefined>" and e.encoding == "charmap"
                    t.append(0xFFFE)
            # the table is the whole story: decoding all bytes at once agrees with it
            assert bytes(range(256)).decode(m, "replace") == "".join(
                "\ufffd" if x == 0xFFFE else chr(x) for x in t), m
            arg = len(tables)
            tables.append(t)
        elif m in ("utf_16", "utf_16_le", "utf_16_be", "utf_32", "utf_32_le", "utf_32_be"):
            kind = 6 if m.startswith("utf_16") else 7
            arg = 1 if m.endswith("_le") else 2 if m.endswith("_be") else 0
        elif hasattr(mod, "codec") and type(mod.codec).__name__ == "MultibyteCodec":
            kind = 8
            arg = DOTNET_CODEPAGE.get(m, 0)
        else:
            kind = 9
        entries.append((m, kind, name, arg))

    aliases = sorted(encodings.aliases.aliases.items())
    out = bytearray(b"PYCODEC1")
    out += struct.pack("<H", len(aliases))
    for a, m in aliases:
        out += s(a) + s(m)
    out += struct.pack("<H", len(entries))
    for m, kind, name, arg in entries:
        out += s(m) + bytes([kind]) + s(name) + struct.pack("<i", arg)
    out += struct.pack("<H", len(tables))
    for t in tables:
        out += struct.pack("<256H", *t)
    data = zlib.compress(bytes(out), 9)
    with open(OUT, "wb") as f:
        f.write(data)
    print(f"{OUT}: {len(aliases)} aliases, {len(entries)} codecs, {len(tables)} tables, "
          f"{len(out)} bytes raw, {len(data)} compressed")


if __name__ == "__main__":
    main()
