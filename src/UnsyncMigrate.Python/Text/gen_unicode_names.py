#!/usr/bin/env python3
"""Generates Data/UnicodeNames.bin: every name Python 3.13's "\\N{...}" accepts (Unicode 15.1).

Run from anywhere:  PYENV_VERSION=3.13.0 python3 gen_unicode_names.py
(The tool never needs Python at run time; this script only regenerates the resource.)

Source of truth is the running CPython, not UCD files:
  * unicodedata.name(chr(cp)) for every code point gives the character names;
    CJK UNIFIED IDEOGRAPH-XXXX and HANGUL SYLLABLE XXX are left out, because CPython
    matches those algorithmically and case-SENSITIVELY (UnicodeNames.cs does the same);
    the ranges of unified ideographs are stored instead;
  * the formal name aliases (NameAliases.txt) are read from CPython's own name database
    through unicodedata._ucnhash_CAPI (getname on the private-use code points where
    makeunicodedata.py stores them), and resolved with its getcode, which is the very
    function the "\\N{...}" escape decoder calls (with_named_seq=0);
  * named sequences are NOT accepted by "\\N{...}" and are not stored.
The script then checks the table against that getcode on every stored name (in upper and
lower case), on every named sequence, every Hangul syllable and the ideograph ranges.

File layout (zlib-compressed; integers little-endian):
  "PYUNAME1", u8 len + ASCII unidata_version
  u16 nRanges; nRanges x (u32 first, u32 last)      -- CJK unified ideograph ranges
  u32 nEntries; entries sorted by (code point, name), each:
      varint (cp - previous cp), u8 shared prefix length with the previous name,
      u8 suffix length, suffix bytes (names are upper-case ASCII)
"""
import ctypes
import os
import struct
import sys
import unicodedata
import zlib

assert sys.version_info[:2] == (3, 13), "run with PYENV_VERSION=3.13.0"

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "Data", "UnicodeNames.bin")

ALIAS_START = 0xF0000       # makeunicodedata.py: aliases_start
NAMED_SEQ_START = 0xF0200   # makeunicodedata.py: named_sequences_start
SBASE, SCOUNT = 0xAC00, 11172


def capi():
    get_ptr = ctypes.pythonapi.PyCapsule_GetPointer
    get_ptr.restype = ctypes.c_void_p
    get_ptr.argtypes = [ctypes.py_object, ctypes.c_char_p]
    p = get_ptr(unicodedata._ucnhash_CAPI, b"unicodedata._ucnhash_CAPI")
    # struct _PyUnicode_Name_CAPI { getname(code, buf, buflen, with_alias_and_seq);
    #                               getcode(name, namelen, *code, with_named_seq); }
    fns = (ctypes.c_void_p * 2).from_address(p)
    getname = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_uint32, ctypes.c_char_p, ctypes.c_int, ctypes.c_int)(fns[0])
    getcode = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_char_p, ctypes.c_int,
                               ctypes.POINTER(ctypes.c_uint32), ctypes.c_int)(fns[1])
    buf = ctypes.create_string_buffer(512)

    def name(cp):
        return buf.value.decode("ascii") if getname(cp, buf, 512, 1) else None

    def code(s, with_named_seq=0):
        b = s.encode("ascii") if isinstance(s, str) else s
        c = ctypes.c_uint32()
        return c.value if getcode(b, len(b), ctypes.byref(c), with_named_seq) else None

    return name, code


def varint(n):
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def main():
    cname, ccode = capi()
    entries = []          # (cp, name)
    unified = []          # code points of CJK unified ideographs
    for cp in range(0x110000):
        n = unicodedata.name(chr(cp), None)
        if n is None:
            continue
        if SBASE <= cp < SBASE + SCOUNT:
            assert n.startswith("HANGUL SYLLABLE "), (cp, n)
            continue
        if n == "CJK UNIFIED IDEOGRAPH-%X" % cp:
            unified.append(cp)
            continue
        assert not n.startswith(("CJK UNIFIED IDEOGRAPH-", "HANGUL SYLLABLE ")), (cp, n)
        entries.append((cp, n))
    n_names = len(entries)

    aliases = []
    i = 0
    while (a := cname(ALIAS_START + i)) is not None:
        aliases.append((ccode(a), a))
        i += 1
    assert ALIAS_START + i <= NAMED_SEQ_START
    entries += aliases

    seqs = []
    i = 0
    while (s := cname(NAMED_SEQ_START + i)) is not None:
        seqs.append(s)
        i += 1

    ranges = []
    for cp in unified:
        if ranges and ranges[-1][1] == cp - 1:
            ranges[-1][1] = cp
        else:
            ranges.append([cp, cp])

    # --- checks against CPython's own \N{} lookup -------------------------------------
    seen = {}
    for cp, n in entries:
        assert n not in seen, ("duplicate name", n)
        seen[n] = cp
        assert n.isascii() and n == n.upper() and len(n) < 256, n
        assert ccode(n) == cp and ccode(n.lower()) == cp, n
    for s in seqs:
        assert s not in seen and ccode(s) is None and ccode(s, 1) is not None, s
    assert eval('"\\N{%s}"' % aliases[0][1]) == chr(aliases[0][0])
    for k in range(SCOUNT):
        n = unicodedata.name(chr(SBASE + k))
        assert ccode(n) == SBASE + k and (n == n.lower() or ccode(n.lower()) is None)
    for a, b in ranges:
        for cp in (a, b, (a + b) // 2):
            assert ccode("CJK UNIFIED IDEOGRAPH-%X" % cp) == cp
            assert ccode("CJK UNIFIED IDEOGRAPH-%05X" % cp) == cp
            assert ("%X" % cp).isdigit() or ccode("CJK UNIFIED IDEOGRAPH-%x" % cp) is None
            assert ccode("cjk unified ideograph-%X" % cp) is None
        assert ccode("CJK UNIFIED IDEOGRAPH-%X" % (b + 1)) is None or b + 1 in unified

    # --- write ----------------------------------------------------------------------------
    entries.sort()
    out = bytearray(b"PYUNAME1")
    v = unicodedata.unidata_version.encode("ascii")
    out += bytes([len(v)]) + v
    out += struct.pack("<H", len(ranges))
    for a, b in ranges:
        out += struct.pack("<II", a, b)
    out += struct.pack("<I", len(entries))
    prev_cp, prev = 0, b""
    for cp, n in entries:
        b = n.encode("ascii")
        k = 0
        while k < min(len(b), len(prev), 255) and b[k] == prev[k]:
            k += 1
        out += varint(cp - prev_cp) + bytes([k, len(b) - k]) + b[k:]
        prev_cp, prev = cp, b
    data = zlib.compress(bytes(out), 9)
    with open(OUT, "wb") as f:
        f.write(data)
    print(f"{OUT}: Unicode {unicodedata.unidata_version}: {n_names} names + {len(aliases)} aliases, "
          f"{len(ranges)} ideograph ranges ({len(unified)} code points), {len(seqs)} named sequences "
          f"left out; {len(out)} bytes raw, {len(data)} compressed")


if __name__ == "__main__":
    main()
