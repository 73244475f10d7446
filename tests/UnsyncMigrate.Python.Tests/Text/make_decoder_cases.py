#!/usr/bin/env python3
"""Writes SourceDecoderCases.g.cs: inputs for SourceDecoderTests with the verdicts of the
oracle (/work/shared/tools/pyast_dump.py: tokenize.detect_encoding + bytes.decode, and its
_decode_error for line/column). The tests themselves never need Python.

    PYENV_VERSION=3.13.0 python3 make_decoder_cases.py [/path/to/pyast_dump.py]
"""
import importlib.util
import os
import sys

DUMP = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/tools/pyast_dump.py"
spec = importlib.util.spec_from_file_location("pyast_dump", DUMP)
pd = importlib.util.module_from_spec(spec)
spec.loader.exec_module(pd)

BOM = b"\xef\xbb\xbf"
CASES = [
    # name, bytes
    ("empty", b""),
    ("ascii", b"x = 1\nprint(x)\n"),
    ("utf8_text", "s = 'héllo €𝄞'\n".encode()),
    ("nul_byte_is_not_a_decode_error", b"x = 1\x00\n"),
    ("crlf_untouched", b"x = 1\r\ny = 2\r\n"),
    ("bom_only", BOM),
    ("bom_text", BOM + "x = 'é'\n".encode()),
    ("bom_twice", BOM + BOM + b"x\n"),
    ("bom_cookie_utf8", BOM + b"# -*- coding: utf-8 -*-\nx = 1\n"),
    ("bom_cookie_UTF_8", BOM + b"# coding: UTF_8\nx = 1\n"),
    ("bom_cookie_utf8_unix", BOM + b"# coding: utf-8-unix\nx = 1\n"),
    ("bom_cookie_utf8_nodash_rejected", BOM + b"# coding: utf8\nx = 1\n"),
    ("bom_cookie_latin1_rejected", BOM + b"# coding: latin-1\nx = 1\n"),
    ("bom_cookie_unknown", BOM + b"# coding: foo\nx = 1\n"),
    ("bom_cookie_line2_latin1_rejected", BOM + b"#!/usr/bin/env python\n# coding: latin-1\nx = 1\n"),
    ("bom_bad_utf8_line3_quirk", BOM + b"x = 1\ny = 2\nz = '\x80'\n"),
    ("bom_bad_utf8_line2_after_blank", BOM + b"\n\xe9\n"),
    ("latin1_line1", b"# -*- coding: latin-1 -*-\ns = '\xe9\xff'\n"),
    ("latin1_line2", b"#!/usr/bin/python\n# -*- coding: iso-8859-1 -*-\ns = '\xe9'\n"),
    ("latin1_line2_after_blank", b"\n# coding: latin-1\ns = '\xe9'\n"),
    ("latin1_line2_after_whitespace_line", b"  \t\x0c\n# coding: latin1\ns = '\xe9'\n"),
    ("cookie_line3_ignored", b"#!/usr/bin/python\n#\n# coding: latin-1\ns = '\xe9'\n"),
    ("cookie_after_code_ignored", b"x = 1  # coding: latin-1\ns = '\xe9'\n"),
    ("cookie_line2_after_code_ignored", b"x = 1\n# coding: latin-1\ns = '\xe9'\n"),
    ("cp1252", b"# coding: cp1252\ns = '\x80\x93\x94'\n"),
    ("windows_1252_alias", b"# coding: windows-1252\ns = '\x80'\n"),
    ("cp1252_undefined_byte", b"# coding: cp1252\nx = 1\ns = '\x81'\n"),
    ("koi8_r", b"# -*- coding: koi8-r -*-\ns = '\xf0\xd2\xc9\xd7\xc5\xd4'\n"),
    ("koi8_r_line2", b"#!/usr/bin/env python3\n# vim: set fileencoding=koi8-r :\ns = '\xf0\xd2\xc9'\n"),
    ("iso8859_15", b"# coding: iso-8859-15\ns = '\xa4\xa6'\n"),
    ("latin9_unknown", b"# coding: latin-9\ns = '\xa4'\n"),
    ("cp437", b"# coding: cp437\ns = '\xc9\xcd\xbb\xb0'\n"),
    ("mac_roman", b"# coding: mac-roman\ns = '\xa5\xf0'\n"),
    ("iso8859_7_undefined", b"# coding: iso-8859-7\ns = '\xae'\n"),
    ("cp037_ebcdic_ascii_cookie", b"# coding: cp037\n"),
    ("ascii_cookie_ok", b"# coding: ascii\nx = 1\n"),
    ("ascii_cookie_high_byte", b"# coding: ascii\nx = 1\ns = '\xe9'\n"),
    ("us_ascii_cookie", b"# coding: us-ascii\ns = '\x80'\n"),
    ("unknown_encoding", b"# coding: foo\nx = 1\n"),
    ("unknown_encoding_keeps_case", b"# coding: Foo-Bar\nx = 1\n"),
    ("unknown_encoding_dot", b"# coding: utf.8\nx = 1\n"),
    ("unknown_cp_dash", b"# coding: cp-1252\nx = 1\n"),
    ("not_text_base64", b"# coding: base64\nx = 1\n"),
    ("not_text_rot13", b"# coding: rot13\nx = 1\n"),
    ("cookie_coding_equals", b"# coding=cp1252\ns = '\x80'\n"),
    ("cookie_no_space", b"#coding:cp1252\ns = '\x80'\n"),
    ("cookie_encoding_word", b"# fileencoding: cp1252; other\ns = '\x80'\n"),
    ("cookie_emacs", b"# -*- mode: python; coding: cp1252 -*-\ns = '\x80'\n"),
    ("cookie_first_coding_without_name", b"# coding: ; coding: cp1252\ns = '\x80'\n"),
    ("cookie_coding_coding", b"# coding: coding: cp1252\ns = '\x80'\n"),
    ("cookie_codingcoding", b"# codingcoding=cp1252\ns = '\x80'\n"),
    ("cookie_indented", b"    # coding: cp1252\ns = '\x80'\n"),
    ("cookie_vtab_not_whitespace", b"\x0b# coding: cp1252\ns = '\x80'\n"),
    ("cookie_empty_line1_then_cookie", b"# coding: \n# coding: cp1252\ns = '\x80'\n"),
    ("cookie_after_cr_in_line1", b"# hi\r# coding: koi8-r\n\xe9\n"),
    ("cr_first_line_blank", b"\r# coding: cp1252\n\x80\n"),
    ("crlf_blank_line1", b"\r\n# coding: cp1252\n\x80\n"),
    ("cookie_no_newline", b"# coding: latin-1"),
    ("cookie_name_normalised_upper", b"# coding: ISO-8859-1\ns = '\xe9'\n"),
    ("cookie_Latin_1", b"# coding: Latin_1\ns = '\xe9'\n"),
    ("cookie_latin1_suffix", b"# coding: latin-1-windows\ns = '\xe9'\n"),
    ("cookie_iso8859_dot_1", b"# coding: iso8859.1\ns = '\xe9'\n"),
    ("cookie_dashes_around", b"# coding: --utf-8--\ns = '\xe9'\n"),
    ("cookie_utf", b"# coding: utf\ns = '\xc3\xa9'\n"),
    ("cookie_UTF8", b"# coding: UTF8\ns = '\xc3\xa9'\n"),
    ("cookie_cp65001", b"# coding: cp65001\ns = '\xc3\xa9'\n"),
    ("cookie_utf8_bad", b"# coding: utf-8\nx = 1\ns = '\xe9'\n"),
    ("line1_invalid_utf8_comment", b"# caf\xe9\nx = 1\n"),
    ("line1_invalid_utf8_with_cookie", b"# -*- coding: latin-1 -*- caf\xe9\nx = 1\n"),
    ("line2_invalid_utf8_after_comment", b"#!/usr/bin/python\ns = '\xe9'\n"),
    ("line2_invalid_utf8_with_cookie", b"#!/usr/bin/python\n# coding: latin-1 \xe9\n"),
    ("line2_invalid_after_code_is_decode_error", b"x = 1\ns = '\xe9'\n"),
    ("utf8_invalid_start", b"x = 1\ny = '\x80'\n"),
    ("utf8_invalid_start_c0", b"x = 1\ny = '\xc0\xaf'\n"),
    ("utf8_truncated_2", b"x = 1\ny = '\xc3'\n"),
    ("utf8_truncated_at_eof", b"x = 1\ny = 1 #\xe2\x82"),
    ("utf8_truncated_4_at_eof", b"x = 1\ny = 1 #\xf0\x9f\x98"),
    ("utf8_3byte_bad_third", b"x = 1\ny = '\xe2\x82x'\n"),
    ("utf8_4byte_bad_fourth", b"x = 1\ny = '\xf0\x9f\x98x'\n"),
    ("utf8_overlong_e0", b"x = 1\ny = '\xe0\x80\x80'\n"),
    ("utf8_surrogate", b"x = 1\ny = '\xed\xa0\x80'\n"),
    ("utf8_above_10ffff", b"x = 1\ny = '\xf4\x90\x80\x80'\n"),
    ("utf8_f5", b"x = 1\ny = '\xf5\x80'\n"),
    ("utf8_error_col_line5", b"a\nb\nc\nd\n  x = '\xff'\n"),
    ("utf16_cookie_garbage", b"# coding: utf-16\nx"),
    ("utf16_cookie_odd_length", b"# coding: utf-16\n"),
    ("utf16_be", b"# coding: utf-16-be\n\x00"),
    ("utf32_cookie_bad", b"# coding: utf-32\nxy\n"),
    ("shift_jis", "# coding: shift_jis\ns = 'こんにちは日本'\n".encode("shift_jis")),
    ("cp932", "# coding: cp932\ns = '①ｱ'\n".encode("cp932")),
    ("euc_jp", "# coding: euc-jp\ns = 'かな漢字'\n".encode("euc_jp")),
    ("gbk", "# coding: gbk\ns = '中文汉字'\n".encode("gbk")),
    ("gb2312", "# coding: gb2312\ns = '中文'\n".encode("gb2312")),
    ("big5", "# coding: big5\ns = '中文繁體'\n".encode("big5")),
    ("euc_kr", "# coding: euc-kr\ns = '한국어'\n".encode("euc_kr")),
    ("cp949", "# coding: cp949\ns = '똠방각하'\n".encode("cp949")),
    ("gb18030", "# coding: gb18030\ns = '中文😀'\n".encode("gb18030")),
    ("x_mac_japanese_alias", "# coding: x-mac-japanese\ns = 'かな'\n".encode("shift_jis")),
    ("shift_jis_illegal", b"# coding: shift_jis\ns = '\x82\x20'\n"),
    ("shift_jis_incomplete", b"# coding: shift_jis\ns = 1 #\x82"),
    # where CPython's CJK codecs and .NET's code pages disagree
    ("shift_jis_minus_sign", b"# coding: shift_jis\ns = '\x81\x7c\x81\x91\x81\x92\x81\xca\x81\x61'\n"),
    ("shift_jis_nec_extension_rejected", b"# coding: shift_jis\ns = '\x87\x40'\n"),
    ("shift_jis_0x80_rejected", b"# coding: shift_jis\ns = '\x80'\n"),
    ("shift_jis_halfwidth_kana", b"# coding: shift_jis\ns = '\xb1\xb2'\n"),
    ("cp932_nec_extension", b"# coding: cp932\ns = '\x87\x40\x87\x90'\n"),
    ("cp932_user_defined_area", b"# coding: cp932\ns = '\xf0\x40'\n"),
    ("euc_jp_minus_sign", b"# coding: euc_jp\ns = '\xa1\xdd\xa1\xc2'\n"),
    ("euc_jp_jisx0212", b"# coding: euc_jp\ns = '\x8f\xb0\xa1'\n"),
    ("euc_jp_halfwidth_kana", b"# coding: euc_jp\ns = '\x8e\xb1'\n"),
    ("euc_jp_incomplete_3byte", b"# coding: euc_jp\ns = 1 #\x8f\xb0"),
    ("euc_jp_bad_third_byte", b"# coding: euc_jp\ns = '\x8f\xb0\x20'\n"),
    ("gb2312_a1aa", b"# coding: gb2312\ns = '\xa1\xaa'\n"),
    ("gb2312_gbk_only_rejected", b"# coding: gb2312\ns = '\x81\x40'\n"),
    ("gbk_extension", b"# coding: gbk\ns = '\x81\x40\x80'\n"),
    ("big5_differences", b"# coding: big5\ns = '\xa1\x4e\xa1\xc2\xa1\xe3\xa2\x41\xc6\xa1'\n"),
    ("cp950_euro", b"# coding: cp950\ns = '\xa3\xe1'\n"),
    ("cp949_uhc", b"# coding: cp949\ns = '\x81\x41'\n"),
    ("johab", "# coding: johab\ns = '한글'\n".encode("johab")),
    ("euc_kr_makeup_incomplete", b"# coding: euc_kr\ns = 1 #\xa4\xd4\xa4\xa1\xa4"),
    ("euc_kr_makeup_bad", b"# coding: euc_kr\ns = '\xa4\xd4\xa4\xa1\xa4\xbf\xa4\xff'\n"),
    ("gb18030_four_byte", "# coding: gb18030\ns = '\u00e9\U0001f600'\n".encode("gb18030")),
    ("gb18030_incomplete_four_byte", b"# coding: gb18030\ns = 1 #\x81\x30\x81"),
    ("gb18030_lone_high_byte_at_end", b"# coding: gb18030\ns = 1 #\x80"),
    ("gb18030_illegal", b"# coding: gb18030\ns = '\x81\x30\x20\x30'\n"),
    ("euc_kr_makeup_sequence", b"# coding: euc_kr\ns = '\xa4\xd4\xa4\xa1\xa4\xbf\xa4\xd4'\n"),
]


def cs_string(s):
    out = []
    for ch in s:
        o = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif 0x20 <= o < 0x7F:
            out.append(ch)
        elif o < 0x10000:
            out.append("\\u%04x" % o)
        else:
            out.append("\\U%08x" % o)
    return '"' + "".join(out) + '"'


def verdict(data):
    try:
        src = pd.read_source(data)
    except (SyntaxError, UnicodeDecodeError, LookupError) as e:
        err = pd._decode_error(data, e)
        return False, err["msg"], err["line"], err["col"]
    return True, src, None, None


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    names = set()
    lines = [
        "// <auto-generated> by make_decoder_cases.py from the verdicts of pyast_dump.py (CPython 3.13).",
        "// Regenerate: PYENV_VERSION=3.13.0 python3 make_decoder_cases.py",
        "namespace UnsyncMigrate.Python.Tests.Text;",
        "",
        "internal static class SourceDecoderCases",
        "{",
        "    /// (name, input bytes as hex, ok, decoded text or error message, error line, error column)",
        "    public static readonly (string Name, string Hex, bool Ok, string TextOrMessage, int? Line, int? Column)[] All =",
        "    [",
    ]
    for name, data in CASES:
        assert name not in names, name
        names.add(name)
        ok, text, line, col = verdict(data)
        n = "null" if line is None else str(line)
        c = "null" if col is None else str(col)
        lines.append(f'        ("{name}", "{data.hex()}", {"true" if ok else "false"}, {cs_string(text)}, {n}, {c}),')
    lines += ["    ];", "}", ""]
    with open(os.path.join(here, "SourceDecoderCases.g.cs"), "w") as f:
        f.write("\n".join(lines))
    print(len(CASES), "cases")


if __name__ == "__main__":
    main()
