using System.Text;
using System.Text.Unicode;

namespace UnsyncMigrate.Python.Text;

/// <summary>
/// Decodes a Python source file's bytes the way the reference oracle does
/// (<c>tokenize.detect_encoding</c> followed by <c>bytes.decode(encoding)</c>, CPython 3.13).
/// </summary>
/// <remarks>
/// <para>Encoding detection (Lib/tokenize.py): lines are split on <c>\n</c> only. A UTF-8 BOM is
/// skipped and selects <c>utf-8-sig</c>. Line 1 (after the BOM) must be valid UTF-8, else
/// "invalid or missing encoding declaration". A PEP 263 cookie
/// (<c>^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)</c>, ASCII <c>\w</c>) on line 1 decides; otherwise,
/// only when line 1 is blank or a comment (<c>^[ \t\f]*(?:[#\r\n]|$)</c>), line 2 is read, must be
/// valid UTF-8 too, and may hold the cookie. The cookie's name is normalised like
/// <c>_get_normal_name</c> and looked up like <c>codecs.lookup</c> (unknown → "unknown encoding: X");
/// with a BOM, any cookie whose normal name is not exactly "utf-8" is "encoding problem: utf-8"
/// (so even <c>utf8</c> is rejected there).</para>
/// <para>Decoding is strict, with CPython's error messages and positions. Exact: ASCII, Latin-1,
/// UTF-8, UTF-16, UTF-32, every single-byte (charmap) codec CPython has (cp1252, koi8-r,
/// iso8859-15, mac-roman...), and the CJK codecs shift_jis, cp932, euc_jp, gb2312, gbk, big5,
/// cp950, cp949, johab and euc_kr, whose tables are probed from CPython itself (gen_codecs.py).
/// Through .NET's code pages, which agree with CPython on ordinary text but not necessarily on
/// every sequence: gb18030, hz, iso2022_jp, iso2022_kr. Codecs CPython has that are not implemented here
/// (utf-7, unicode_escape, raw_unicode_escape, idna, punycode, undefined, big5hkscs, the JIS X 0213
/// family, the other iso2022 variants) give a DecodeError saying so.</para>
/// <para>Diagnostics: Kind "DecodeError"; Line/Column as the oracle's <c>_decode_error</c> computes
/// them: from <c>UnicodeDecodeError.start</c> counted as an offset into the raw file (for a file
/// with a BOM that offset is relative to the text after the BOM, so the oracle's line/column are
/// those of the byte three bytes further on, and so are ours); for "invalid or missing encoding
/// declaration", the first bad UTF-8 byte of the file; otherwise null.</para>
/// </remarks>
public static class SourceDecoder
{
    private static ReadOnlySpan<byte> Bom => [0xEF, 0xBB, 0xBF];

    // What the registry holds for "utf-8" / "utf-8-sig" (a test checks it), built in so that a
    // UTF-8 file never needs the codec tables loaded.
    internal static readonly PythonCodec Utf8Codec = new("utf_8", CodecKind.Utf8, "utf-8", 0, null);
    internal static readonly PythonCodec Utf8SigCodec = new("utf_8_sig", CodecKind.Utf8Sig, "utf-8", 0, null);

    /// Decodes a source file's bytes exactly as CPython does for a file (what
    /// tokenize.detect_encoding + bytes.decode(enc) do), returning the text as UTF-8 bytes
    /// (BOM removed, line endings untouched). For a UTF-8 file without BOM, return the input
    /// memory itself (no copy) after validating it. On failure returns false with a diagnostic.
    public static bool TryDecode(ReadOnlyMemory<byte> data, out ReadOnlyMemory<byte> utf8, out SyntaxDiagnostic? error)
    {
        ReadOnlySpan<byte> span = data.Span;
        utf8 = default;
        // Detection reads at most two lines; for a UTF-8 file the decode step is then one
        // vectorised validation pass and returns the input itself.
        bool bom = span.StartsWith(Bom);
        if (!DetectEncoding(span, bom, out string encoding, out PythonCodec? codec, out error))
            return false;
        return Decode(data, encoding, codec!, out utf8, out error);
    }

    /// <summary><c>blank_re = br'^[ \t\f]*(?:[#\r\n]|$)'</c>.</summary>
    private static bool IsBlank(ReadOnlySpan<byte> line)
    {
        int i = 0;
        while (i < line.Length && line[i] is (byte)' ' or (byte)'\t' or (byte)'\f')
            i++;
        // '$' also matches before a final '\n', which the [\n] branch covers.
        return i == line.Length || line[i] is (byte)'#' or (byte)'\r' or (byte)'\n';
    }

    /// <summary>readline() of io.BytesIO: up to and including the next '\n'.</summary>
    private static ReadOnlySpan<byte> ReadLine(ReadOnlySpan<byte> s, ref int pos)
    {
        ReadOnlySpan<byte> rest = s[pos..];
        int nl = rest.IndexOf((byte)'\n');
        ReadOnlySpan<byte> line = nl < 0 ? rest : rest[..(nl + 1)];
        pos += line.Length;
        return line;
    }

    private static bool DetectEncoding(ReadOnlySpan<byte> data, bool bom, out string encoding, out PythonCodec? codec, out SyntaxDiagnostic? error)
    {
        string @default = bom ? "utf-8-sig" : "utf-8";
        encoding = @default;
        codec = null;
        error = null;
        int pos = bom ? 3 : 0;

        ReadOnlySpan<byte> first = ReadLine(data, ref pos);
        if (first.IsEmpty)
            return Default(ref codec);
        int found = FindCookie(data, first, bom, ref encoding, ref codec, ref error);
        if (found != 0)
            return found > 0;
        if (!IsBlank(first))
            return Default(ref codec);
        ReadOnlySpan<byte> second = ReadLine(data, ref pos);
        if (second.IsEmpty)
            return Default(ref codec);
        found = FindCookie(data, second, bom, ref encoding, ref codec, ref error);
        if (found != 0)
            return found > 0;
        return Default(ref codec);

        bool Default(ref PythonCodec? c)
        {
            c = bom ? Utf8SigCodec : Utf8Codec;
            return true;
        }
    }

    /// <summary>tokenize's find_cookie: 1 = cookie found, 0 = none, -1 = error.</summary>
    private static int FindCookie(ReadOnlySpan<byte> data, ReadOnlySpan<byte> line, bool bom,
                                  ref string encoding, ref PythonCodec? codec, ref SyntaxDiagnostic? error)
    {
        if (!Utf8.IsValid(line))
        {
            // SyntaxError from tokenize; the oracle locates the file's first bad UTF-8 byte.
            var e = PythonDecoders.FindUtf8Error(data);
            (int? l, int? c) = e is { } f ? LineCol(data, f.Start) : (null, null);
            error = new SyntaxDiagnostic("DecodeError", "invalid or missing encoding declaration", l, c);
            return -1;
        }
        if (!MatchCookie(line, out ReadOnlySpan<byte> name))
            return 0;
        // Allocation-free for the usual "utf-8" cookie.
        string normal = IsNormalUtf8(name) ? "utf-8" : GetNormalName(Encoding.ASCII.GetString(name));
        var found = normal == "utf-8" ? Utf8Codec : PythonCodecs.Lookup(normal);
        if (found is null)
        {
            error = new SyntaxDiagnostic("DecodeError", "unknown encoding: " + normal, null, null);
            return -1;
        }
        if (bom)
        {
            if (normal != "utf-8")
            {
                error = new SyntaxDiagnostic("DecodeError", "encoding problem: utf-8", null, null);
                return -1;
            }
            normal = "utf-8-sig";
            found = Utf8SigCodec;
        }
        encoding = normal;
        codec = found;
        return 1;
    }

    /// <summary><c>cookie_re = r'^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)'</c> (re.ASCII) on a line
    /// that is valid UTF-8 and contains at most one '\n', at its end.</summary>
    internal static bool MatchCookie(ReadOnlySpan<byte> line, out ReadOnlySpan<byte> name)
    {
        name = default;
        int i = 0;
        while (i < line.Length && line[i] is (byte)' ' or (byte)'\t' or (byte)'\f')
            i++;
        if (i >= line.Length || line[i] != (byte)'#')
            return false;
        i++;
        // '.' matches anything but '\n'; the lazy '.*?' takes the first "coding" that completes.
        ReadOnlySpan<byte> body = line[i..];
        int nl = body.IndexOf((byte)'\n');
        if (nl >= 0)
            body = body[..nl];
        int from = 0;
        while (true)
        {
            int k = body[from..].IndexOf("coding"u8);
            if (k < 0)
                return false;
            int j = from + k + 6;
            from += k + 1;
            if (j >= body.Length || body[j] is not ((byte)':' or (byte)'='))
                continue;
            j++;
            while (j < body.Length && body[j] is (byte)' ' or (byte)'\t')
                j++;
            int start = j;
            while (j < body.Length && (char.IsAsciiLetterOrDigit((char)body[j]) || body[j] is (byte)'_' or (byte)'-' or (byte)'.'))
                j++;
            if (j == start)
                continue;
            name = body[start..j];
            return true;
        }
    }

    /// <summary>Whether <see cref="GetNormalName"/> gives "utf-8" for this (ASCII) cookie name.</summary>
    private static bool IsNormalUtf8(ReadOnlySpan<byte> name)
    {
        // enc = name[:12].lower().replace("_", "-"); enc == "utf-8" or enc.startswith("utf-8-")
        if (name.Length < 5 || (name.Length > 5 && name[5] is not ((byte)'-' or (byte)'_')))
            return false;
        return (name[0] | 0x20) == 'u' && (name[1] | 0x20) == 't' && (name[2] | 0x20) == 'f'
            && name[3] is ((byte)'-' or (byte)'_') && name[4] == '8';
    }

    /// <summary>tokenize._get_normal_name.</summary>
    internal static string GetNormalName(string orig)
    {
        string enc = (orig.Length > 12 ? orig[..12] : orig).ToLowerInvariant().Replace('_', '-');
        if (enc == "utf-8" || enc.StartsWith("utf-8-", StringComparison.Ordinal))
            return "utf-8";
        if (enc is "latin-1" or "iso-8859-1" or "iso-latin-1"
            || enc.StartsWith("latin-1-", StringComparison.Ordinal)
            || enc.StartsWith("iso-8859-1-", StringComparison.Ordinal)
            || enc.StartsWith("iso-latin-1-", StringComparison.Ordinal))
            return "iso-8859-1";
        return orig;
    }

    private static bool Decode(ReadOnlyMemory<byte> data, string encoding, PythonCodec codec,
                               out ReadOnlyMemory<byte> utf8, out SyntaxDiagnostic? error)
    {
        ReadOnlySpan<byte> raw = data.Span;
        utf8 = default;
        error = null;
        // What the codec is handed: utf-8-sig strips a leading BOM first, and its error offsets
        // are then relative to the text after it (encodings/utf_8_sig.py).
        int skip = codec.Kind == CodecKind.Utf8Sig && raw.StartsWith(Bom) ? 3 : 0;
        ReadOnlyMemory<byte> input = data[skip..];
        ReadOnlySpan<byte> s = input.Span;
        DecodeFailure? failure = null;
        switch (codec.Kind)
        {
            case CodecKind.NotText:
                error = new SyntaxDiagnostic("DecodeError",
                    $"'{encoding}' is not a text encoding; use codecs.decode() to handle arbitrary codecs", null, null);
                return false;
            case CodecKind.Utf8:
            case CodecKind.Utf8Sig:
                if (Utf8.IsValid(s))
                {
                    utf8 = input;
                    return true;
                }
                failure = PythonDecoders.FindUtf8Error(s);
                break;
            case CodecKind.Ascii:
                failure = PythonDecoders.FindAsciiError(s);
                if (failure is null)
                {
                    utf8 = input;
                    return true;
                }
                break;
            case CodecKind.Latin1:
            case CodecKind.Charmap:
                if (!s.ContainsAnyExceptInRange((byte)0, (byte)0x7F) && (codec.Table is null || AsciiIdentity(codec.Table)))
                {
                    utf8 = input;
                    return true;
                }
                utf8 = PythonDecoders.DecodeCharmap(s, codec.Table, out failure);
                break;
            case CodecKind.Utf16:
                utf8 = PythonDecoders.DecodeUtf16(s, codec.Arg, out failure);
                break;
            case CodecKind.Utf32:
                utf8 = PythonDecoders.DecodeUtf32(s, codec.Arg, out failure);
                break;
            case CodecKind.CjkTrie:
                var trie = PythonCodecs.GetTrie(codec.Arg);
                if (!s.ContainsAnyExceptInRange((byte)0, (byte)0x7F) && AsciiIdentity(trie.Rows))
                {
                    utf8 = input;
                    return true;
                }
                utf8 = PythonDecoders.DecodeTrie(s, trie, codec.ErrorName, out failure);
                break;
            case CodecKind.Cjk when codec.Arg != 0:
                utf8 = PythonDecoders.DecodeCodePage(s, codec.Arg, codec.ErrorName, out failure);
                break;
            default:
                error = new SyntaxDiagnostic("DecodeError",
                    $"encoding '{encoding}' (CPython codec '{codec.Module}') is not supported by this tool", null, null);
                return false;
        }
        if (failure is { } f)
        {
            utf8 = default;
            // The oracle counts e.start as an offset into the raw file (see remarks).
            (int? line, int? col) = LineCol(raw, f.Start);
            error = new SyntaxDiagnostic("DecodeError", f.Format(s), line, col);
            return false;
        }
        return true;
    }

    /// <summary>Whether the (root row of the) table maps every ASCII byte to itself.</summary>
    private static bool AsciiIdentity(ushort[] table)
    {
        for (int i = 0; i < 0x80; i++)
        {
            if (table[i] != i)
                return false;
        }
        return true;
    }

    /// <summary>1-based line and 0-based byte column of <paramref name="pos"/>, lines split on '\n'.</summary>
    private static (int?, int?) LineCol(ReadOnlySpan<byte> raw, int pos)
    {
        pos = Math.Min(pos, raw.Length);
        ReadOnlySpan<byte> before = raw[..pos];
        int line = before.Count((byte)'\n') + 1;
        int col = pos - (before.LastIndexOf((byte)'\n') + 1);
        return (line, col);
    }
}
