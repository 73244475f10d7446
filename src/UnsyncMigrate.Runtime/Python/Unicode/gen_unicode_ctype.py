#!/usr/bin/env python3
"""Generates Data/UnicodeCType.bin: Python 3.13's character database for str methods (Unicode 15.1).

Run from anywhere:  PYENV_VERSION=3.13.0 python3 gen_unicode_ctype.py
(Migrated programs never need Python; this script only regenerates the resource.)

What CPython's Objects/unicodectype.c answers per code point, observed through the running
CPython's own str methods rather than read from UCD files:
  * full case mappings: chr(c).upper(), .lower(), .title(), .casefold() (_PyUnicode_To*Full;
    for U+03A3 alone, lower() gives the non-final sigma, which is ToLowerFull's answer);
  * Cased: (chr(c) + "a").title() keeps the "a" lower case exactly when c is cased (do_title);
  * Case_Ignorable: the final-sigma rule (handle_capital_sigma) on " " + c + "\u03a3" (final iff
    c is cased and not ignorable) and on "a" + c + "\u03a3" (final iff c is ignorable or cased);
  * isupper/islower of one character (the Uppercase/Lowercase properties), titlecase (category
    Lt, checked against isupper/islower of two-character strings), isalpha, isdecimal (with
    unicodedata.decimal's value), isdigit, isnumeric, isprintable, isspace, line break
    (chr(c).splitlines() == [""]), identifier start (chr(c).isidentifier(): XID_Start or "_")
    and continue (("a" + chr(c)).isidentifier(): XID_Continue).
Every code point 0..0x10FFFF is covered, lone surrogates included (Python strs can hold them).
The script decodes what it wrote and checks it against the same observations.

File layout (zlib-compressed; integers little-endian):
  "PYCTYPE1", u8 len + ASCII unidata_version, u8 SHIFT
  u16 nRecords; nRecords x (u16 flags, u8 decimal value or 0xFF,
                            i32 upper, i32 lower, i32 title, i32 fold)
  u16 nSpecial; nSpecial x i32 code points of the multi-character mappings, back to back
  u32 nIndex1; nIndex1 x u16 block number           -- block of code point c: c >> SHIFT
  u32 nIndex2; nIndex2 x u16 record number          -- record: index2[block << SHIFT | c & mask]
A mapping is an even number 2*d for the single code point c + d, or an odd number
(start << 3) | (count << 1) | 1 for the count (2 or 3) code points special[start:start+count].
Flag bits are FLAGS below, in the order of the CharFlags enum (CharFlags.cs).
"""
import os
import struct
import sys
import unicodedata
import zlib

assert sys.version_info[:2] == (3, 13), "run with PYENV_VERSION=3.13.0"

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "Data", "UnicodeCType.bin")
SHIFT = 7  # smallest compressed size; UnicodeCType.cs has the same constant
SIGMA, FINAL_SIGMA, SMALL_SIGMA = "\u03a3", "\u03c2", "\u03c3"

FLAGS = ["cased", "case_ignorable", "upper", "lower", "title", "alpha", "decimal", "digit",
         "numeric", "printable", "space", "linebreak", "identifier_start", "identifier_continue"]


def properties(ch):
    """The flags of one character, as CPython's str methods show them."""
    cased = (ch + "a").title()[-1] == "a"
    if cased:
        ignorable = (" " + ch + SIGMA).lower()[-1] == SMALL_SIGMA
    else:
        ignorable = ("a" + ch + SIGMA).lower()[-1] == FINAL_SIGMA
    title = unicodedata.category(ch) == "Lt"
    # isupper("A" + c) is False exactly when c is lower or title case (unicode_isupper),
    # islower("a" + c) exactly when c is upper or title case.
    assert (not ("A" + ch).isupper()) == (ch.islower() or title), hex(ord(ch))
    assert (not ("a" + ch).islower()) == (ch.isupper() or title), hex(ord(ch))
    return {
        "cased": cased, "case_ignorable": ignorable, "upper": ch.isupper(), "lower": ch.islower(),
        "title": title, "alpha": ch.isalpha(), "decimal": ch.isdecimal(), "digit": ch.isdigit(),
        "numeric": ch.isnumeric(), "printable": ch.isprintable(), "space": ch.isspace(),
        "linebreak": ch.splitlines() == [""], "identifier_start": ch.isidentifier(),
        "identifier_continue": ("a" + ch).isidentifier(),
    }


def mappings(ch):
    return ch.upper(), ch.lower(), ch.title(), ch.casefold()


def decimal(ch):
    d = unicodedata.decimal(ch, None)
    assert (d is not None) == ch.isdecimal(), hex(ord(ch))
    assert d is None or int(ch) == d, hex(ord(ch))
    return 0xFF if d is None else d


class Builder:
    def __init__(self):
        self.records = {}       # record tuple -> number
        self.special = []       # code points of multi-character mappings
        self.special_at = {}    # tuple of code points -> start in special

    def mapping(self, c, s):
        cps = tuple(ord(x) for x in s)
        if len(cps) == 1:
            return (cps[0] - c) * 2
        assert 2 <= len(cps) <= 3, (hex(c), s)
        if cps not in self.special_at:
            self.special_at[cps] = len(self.special)
            self.special.extend(cps)
        return self.special_at[cps] << 3 | len(cps) << 1 | 1

    def record(self, c):
        ch = chr(c)
        props = properties(ch)
        flags = sum(1 << i for i, name in enumerate(FLAGS) if props[name])
        r = (flags, decimal(ch)) + tuple(self.mapping(c, m) for m in mappings(ch))
        return self.records.setdefault(r, len(self.records))


def two_level(rec_of):
    blocks, index1 = {}, []
    size = 1 << SHIFT
    for start in range(0, len(rec_of), size):
        index1.append(blocks.setdefault(tuple(rec_of[start:start + size]), len(blocks)))
    index2 = [r for block in blocks for r in block]   # dicts keep insertion order
    return index1, index2


def encode(records, special, index1, index2):
    out = bytearray(b"PYCTYPE1")
    v = unicodedata.unidata_version.encode("ascii")
    out += bytes([len(v)]) + v + bytes([SHIFT])
    out += struct.pack("<H", len(records))
    for r in records:
        out += struct.pack("<HBiiii", *r)
    out += struct.pack("<H", len(special)) + struct.pack("<%di" % len(special), *special)
    out += struct.pack("<I", len(index1)) + struct.pack("<%dH" % len(index1), *index1)
    out += struct.pack("<I", len(index2)) + struct.pack("<%dH" % len(index2), *index2)
    return bytes(out)


def check(data):
    """Decodes the file as UnicodeCType.cs does and compares every code point with CPython."""
    raw = zlib.decompress(data)
    assert raw[:8] == b"PYCTYPE1"
    pos = 9 + raw[8]
    assert raw[9:pos].decode("ascii") == unicodedata.unidata_version and raw[pos] == SHIFT
    pos += 1
    (n,) = struct.unpack_from("<H", raw, pos)
    pos += 2
    records = [struct.unpack_from("<HBiiii", raw, pos + 19 * i) for i in range(n)]
    pos += 19 * n
    (n,) = struct.unpack_from("<H", raw, pos)
    special = struct.unpack_from("<%di" % n, raw, pos + 2)
    pos += 2 + 4 * n
    (n,) = struct.unpack_from("<I", raw, pos)
    index1 = struct.unpack_from("<%dH" % n, raw, pos + 4)
    pos += 4 + 2 * n
    (n,) = struct.unpack_from("<I", raw, pos)
    index2 = struct.unpack_from("<%dH" % n, raw, pos + 4)
    assert pos + 4 + 2 * n == len(raw)

    def text(c, m):
        if m & 1 == 0:
            return chr(c + (m >> 1))
        start, count = m >> 3, (m >> 1) & 3
        return "".join(map(chr, special[start:start + count]))

    mask = (1 << SHIFT) - 1
    for c in range(0x110000):
        flags, dec, *maps = records[index2[index1[c >> SHIFT] << SHIFT | c & mask]]
        ch = chr(c)
        props = properties(ch)
        assert all(bool(flags >> i & 1) == props[name] for i, name in enumerate(FLAGS)), hex(c)
        assert dec == decimal(ch), hex(c)
        assert tuple(text(c, m) for m in maps) == mappings(ch), hex(c)


def main():
    b = Builder()
    rec_of = [b.record(c) for c in range(0x110000)]
    index1, index2 = two_level(rec_of)
    raw = encode(list(b.records), b.special, index1, index2)
    data = zlib.compress(raw, 9)
    check(data)
    with open(OUT, "wb") as f:
        f.write(data)
    print(f"{OUT}: Unicode {unicodedata.unidata_version}: {len(b.records)} records, "
          f"{len(b.special_at)} multi-character mappings ({len(b.special)} code points), "
          f"{len(index1)} + {len(index2)} index entries; {len(raw)} bytes raw, {len(data)} compressed")


if __name__ == "__main__":
    main()
