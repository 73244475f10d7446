#!/usr/bin/env python3
"""Generates Data/PythonCodecs.bin (CPython 3.13's codec registry as SourceDecoder needs it)
and Data/CjkCodecs.bin (exact decoding tries for CPython's stateless CJK codecs).

Run from anywhere:  PYENV_VERSION=3.13.0 python3 gen_codecs.py
(The tool never needs Python at run time; this script only regenerates the resource.)

What it captures, all taken from the running CPython so nothing is typed by hand:
  * encodings.aliases (alias -> module name) and the set of codec modules that
    encodings.search_function can import, so SourceDecoder resolves a coding cookie
    exactly like codecs.lookup (normalisation is done in C#, see PythonCodecs.cs);
  * for every module: what kind of decoder it is, and the codec name Python prints in
    a UnicodeDecodeError ("charmap", "ascii", "shift_jis"...);
  * for every single-byte (charmap) codec: its 256-entry decoding table, obtained by
    decoding each byte with Python itself (0xFFFE = "character maps to <undefined>");
  * for the CJK codecs in TRIE_CODECS: a byte trie obtained by probing CPython's decoder
    with every byte after every prefix it calls "incomplete multibyte sequence". This is
    exact for codecs that are stateless and map each complete sequence to one BMP
    character, which the probe asserts. A trie is rows of 256 u16 entries: a code point,
    0xD800 + k - 1 = "illegal multibyte sequence" over k bytes from the sequence start,
    0xDC00 + n = go on with row n of the same trie. Row 0 is the root. 0xDBFF marks
    euc_kr's 8-byte make-up sequence (see MAKEUP).

File layout (zlib-compressed; all integers little-endian; str = u8 length + ASCII):
  "PYCODEC1"
  u16 n; n x (str alias, str module)                      -- encodings.aliases.aliases
  u16 n; n x (str module, u8 kind, str errname, i32 arg)  -- importable codec modules
  u16 n; n x 256 x u16                                     -- charmap decoding tables
kinds: 0 not a text encoding, 1 utf-8, 2 utf-8-sig, 3 ascii, 4 latin-1,
       5 charmap (arg = table index), 6 utf-16 (arg 0 = BOM/native LE, 1 = LE, 2 = BE),
       7 utf-32 (same args), 8 CJK multibyte codec through .NET (arg = code page, 0 = none),
       9 known to Python but not supported here (utf-7, unicode_escape, idna...),
       10 CJK multibyte codec through a trie of CjkCodecs.bin (arg = trie index).

CjkCodecs.bin (zlib-compressed): "PYCJKTR1", u16 nTries; per trie: u16 nRows,
nRows x 256 x u16, u8 hasMakeup, and if 1: 30 x u8 choseong index for A1..BE (0xFF = none),
30 x u8 jongseong index for A1..BE (0xFF = none).
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
OUT_CJK = os.path.join(os.path.dirname(os.path.abspath(__file__)), "Data", "CjkCodecs.bin")

# Stateless CJK codecs decoded exactly through a probed trie (see build_trie).
TRIE_CODECS = ("shift_jis", "cp932", "euc_jp", "gb2312", "gbk", "big5", "cp950", "cp949", "johab", "euc_kr")

# euc_kr's KS X 1001:1998 Annex 3 make-up sequence A4 D4 A4 cho A4 jung A4 jong (8 bytes,
# one Hangul syllable) cannot be probed byte by byte: its trie entry is MAKEUP and the
# choseong/jongseong tables are probed separately (CPython's _codecs_kr.c, euc_kr decoder).
MAKEUP = 0xDBFF
MAKEUP_PREFIX = b"\xa4\xd4"

# Other CJK codecs -> the .NET code page (System.Text.Encoding.CodePages) used to decode
# them: close to, not identical with, CPython's CJKCodecs (gb18030 agrees with CPython on all
# 1- and 2-byte sequences; its 4-byte ones and the stateful codecs are unverified). Codecs in
# neither list are reported as unsupported.
DOTNET_CODEPAGE = {"gb18030": 54936, "hz": 52936, "iso2022_jp": 50220, "iso2022_kr": 50225}


def build_trie(codec):
    rows = []

    def node(prefix):
        idx = len(rows)
        rows.append(None)
        row = []
        for b in range(256):
            seq = prefix + bytes([b])
            if codec == "euc_kr" and seq == MAKEUP_PREFIX:
                row.append(MAKEUP)
                continue
            try:
                out = seq.decode(codec)
                assert len(out) == 1 and ord(out) < 0x10000 and not 0xD800 <= ord(out) < 0xE000, (codec, seq, out)
                row.append(ord(out))
            except UnicodeDecodeError as e:
                assert e.start == 0 and e.encoding == codec, (codec, seq, e)
                if e.reason == "incomplete multibyte sequence":
                    assert e.end == len(seq) and len(rows) < 1024, (codec, seq)
                    row.append(0xDC00 + node(seq))
                else:
                    assert e.reason == "illegal multibyte sequence" and 1 <= e.end <= len(seq), (codec, seq, e)
                    row.append(0xD800 + e.end - 1)
        rows[idx] = row
        return idx

    node(b"")
    return rows


def probe_makeup():
    """The choseong/jongseong indexes of euc_kr's make-up sequence, and a check of its errors."""
    def syl(cho, jung, jong):
        try:
            out = (MAKEUP_PREFIX + bytes([0xA4, cho, 0xA4, jung, 0xA4, jong])).decode("euc_kr")
        except UnicodeDecodeError as e:
            assert e.start == 0 and e.end == 1 and e.reason == "illegal multibyte sequence"
            return None
        assert len(out) == 1 and 0xAC00 <= ord(out) <= 0xD7A3
        return ord(out) - 0xAC00
    cho = [(s // 588) if (s := syl(c, 0xBF, 0xD4)) is not None else 0xFF for c in range(0xA1, 0xBF)]
    jong = [(s % 28) if (s := syl(0xA1, 0xBF, c)) is not None else 0xFF for c in range(0xA1, 0xBF)]
    first_cho = cho.index(0)
    for v in range(0x100):  # jung: BF..D3 -> 0..20, nothing else
        s = syl(0xA1 + first_cho, v, 0xD4)
        assert (s is not None) == (0xBF <= v <= 0xD3) and (s is None or (s % 588) // 28 == v - 0xBF)
    assert syl(0xA1 + first_cho, 0xBF, 0xD4) == 0  # jong D4 (filler) = no final
    for v in list(range(0xA1)) + list(range(0xBF, 0x100)):
        assert v == 0xD4 or syl(0xA1 + first_cho, 0xBF, v) is None
        assert syl(v, 0xBF, 0xD4) is None
    for bad in (b"\xa4\xd4\xa5\xa1\xa4\xbf\xa4\xd4", b"\xa4\xd4\xa4\xa1\x20\xbf\xa4\xd4", b"\xa4\xd4\xa4\xa1\xa4\xbf\xa3\xd4"):
        try:
            bad.decode("euc_kr")
            raise AssertionError(bad)
        except UnicodeDecodeError as e:
            assert (e.start, e.end, e.reason) == (0, 1, "illegal multibyte sequence"), (bad, e)
    for k in range(2, 8):
        try:
            (MAKEUP_PREFIX + b"\xa4\xa1\xa4\xbf\xa4\xd4")[:k].decode("euc_kr")
            raise AssertionError(k)
        except UnicodeDecodeError as e:
            assert (e.start, e.end, e.reason) == (0, k, "incomplete multibyte sequence"), (k, e)
    return bytes(cho), bytes(jong)


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
    tries = []
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
        elif hasattr(mod, "codec") and type(mod.codec).__name__ == "MultibyteCodec" and m in TRIE_CODECS:
            kind = 10
            arg = len(tries)
            tries.append((build_trie(m), probe_makeup() if m == "euc_kr" else None))
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
    assert sorted(m for m, k, _, _ in entries if k == 10) == sorted(TRIE_CODECS)
    cjk = bytearray(b"PYCJKTR1")
    cjk += struct.pack("<H", len(tries))
    for rows, makeup in tries:
        cjk += struct.pack("<H", len(rows))
        for row in rows:
            cjk += struct.pack("<256H", *row)
        cjk += bytes([makeup is not None])
        if makeup is not None:
            cjk += makeup[0] + makeup[1]
    data = zlib.compress(bytes(cjk), 9)
    with open(OUT_CJK, "wb") as f:
        f.write(data)
    print(f"{OUT_CJK}: {len(tries)} tries, {sum(len(r) for r, _ in tries)} rows, "
          f"{len(cjk)} bytes raw, {len(data)} compressed")


if __name__ == "__main__":
    main()
