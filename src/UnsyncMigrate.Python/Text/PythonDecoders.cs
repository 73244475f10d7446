using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace UnsyncMigrate.Python.Text;

/// <summary>A CPython UnicodeDecodeError: <see cref="Start"/>/<see cref="End"/> are offsets into the
/// bytes that were handed to the codec, as in <c>e.start</c>/<c>e.end</c>.</summary>
internal readonly record struct DecodeFailure(string Encoding, int Start, int End, string Reason)
{
    /// <summary><c>str(UnicodeDecodeError)</c>; <paramref name="input"/> is what the codec decoded.</summary>
    public string Format(ReadOnlySpan<byte> input) =>
        Start < input.Length && End == Start + 1
            ? string.Create(CultureInfo.InvariantCulture,
                $"'{Encoding}' codec can't decode byte 0x{input[Start]:x2} in position {Start}: {Reason}")
            : string.Create(CultureInfo.InvariantCulture,
                $"'{Encoding}' codec can't decode bytes in position {Start}-{End - 1}: {Reason}");
}

/// <summary>Strict decoders that behave like CPython's, each producing UTF-8 and failing with
/// CPython's UnicodeDecodeError start/end/reason.</summary>
internal static class PythonDecoders
{
    private static bool IsCont(byte b) => (b & 0xC0) == 0x80;

    /// <summary>
    /// The first error CPython's strict UTF-8 decoder reports on <paramref name="s"/>, or null when
    /// it is valid UTF-8. Mirrors Objects/stringlib/codecs.h utf8_decode and unicode_decode_utf8:
    /// "invalid start byte" (1 byte), "invalid continuation byte" (1..3 bytes: the valid prefix of
    /// the sequence), "unexpected end of data" (to the end of input).
    /// </summary>
    public static DecodeFailure? FindUtf8Error(ReadOnlySpan<byte> s)
    {
        int n = s.Length;
        int i = s.IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
        if (i < 0)
            return null;
        while (i < n)
        {
            byte c = s[i];
            if (c < 0x80)
            {
                int k = s[i..].IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
                if (k < 0)
                    return null;
                i += k;
                continue;
            }
            int left = n - i;
            if (c < 0xC2)
                return Fail(i, i + 1, "invalid start byte");
            if (c < 0xE0)
            {
                if (left < 2)
                    return Fail(i, n, "unexpected end of data");
                if (!IsCont(s[i + 1]))
                    return Fail(i, i + 1, "invalid continuation byte");
                i += 2;
                continue;
            }
            if (c < 0xF0)
            {
                if (left < 3)
                {
                    if (left >= 2)
                    {
                        byte t = s[i + 1];
                        if (!IsCont(t) || (t < 0xA0 ? c == 0xE0 : c == 0xED))
                            return Fail(i, i + 1, "invalid continuation byte");
                    }
                    return Fail(i, n, "unexpected end of data");
                }
                byte c2 = s[i + 1], c3 = s[i + 2];
                if (!IsCont(c2) || (c == 0xE0 && c2 < 0xA0) || (c == 0xED && c2 >= 0xA0))
                    return Fail(i, i + 1, "invalid continuation byte");
                if (!IsCont(c3))
                    return Fail(i, i + 2, "invalid continuation byte");
                i += 3;
                continue;
            }
            if (c < 0xF5)
            {
                if (left < 4)
                {
                    if (left >= 2)
                    {
                        byte t = s[i + 1];
                        if (!IsCont(t) || (t < 0x90 ? c == 0xF0 : c == 0xF4))
                            return Fail(i, i + 1, "invalid continuation byte");
                        if (left >= 3 && !IsCont(s[i + 2]))
                            return Fail(i, i + 2, "invalid continuation byte");
                    }
                    return Fail(i, n, "unexpected end of data");
                }
                byte c2 = s[i + 1], c3 = s[i + 2], c4 = s[i + 3];
                if (!IsCont(c2) || (c == 0xF0 && c2 < 0x90) || (c == 0xF4 && c2 >= 0x90))
                    return Fail(i, i + 1, "invalid continuation byte");
                if (!IsCont(c3))
                    return Fail(i, i + 2, "invalid continuation byte");
                if (!IsCont(c4))
                    return Fail(i, i + 3, "invalid continuation byte");
                i += 4;
                continue;
            }
            return Fail(i, i + 1, "invalid start byte");
        }
        return null;

        static DecodeFailure Fail(int start, int end, string reason) => new("utf-8", start, end, reason);
    }

    /// <summary>ASCII: bytes ≥ 0x80 fail one at a time ("ordinal not in range(128)").</summary>
    public static DecodeFailure? FindAsciiError(ReadOnlySpan<byte> s)
    {
        int i = s.IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
        return i < 0 ? null : new DecodeFailure("ascii", i, i + 1, "ordinal not in range(128)");
    }

    /// <summary>A single-byte codec through a 256-entry table (0xFFFE = undefined; null = Latin-1).</summary>
    public static byte[] DecodeCharmap(ReadOnlySpan<byte> s, ushort[]? table, out DecodeFailure? error)
    {
        error = null;
        long len = 0;
        for (int i = 0; i < s.Length; i++)
        {
            int cp = table is null ? s[i] : table[s[i]];
            if (cp == 0xFFFE)
            {
                error = new DecodeFailure("charmap", i, i + 1, "character maps to <undefined>");
                return [];
            }
            len += cp < 0x80 ? 1 : cp < 0x800 ? 2 : 3;
        }
        var output = new byte[checked((int)len)];
        int o = 0;
        foreach (byte b in s)
        {
            int cp = table is null ? b : table[b];
            o += WriteUtf8(output, o, cp);
        }
        return output;
    }

    private static int WriteUtf8(byte[] buf, int o, int cp)
    {
        if (cp < 0x80)
        {
            buf[o] = (byte)cp;
            return 1;
        }
        if (cp < 0x800)
        {
            buf[o] = (byte)(0xC0 | (cp >> 6));
            buf[o + 1] = (byte)(0x80 | (cp & 0x3F));
            return 2;
        }
        if (cp < 0x10000)
        {
            buf[o] = (byte)(0xE0 | (cp >> 12));
            buf[o + 1] = (byte)(0x80 | ((cp >> 6) & 0x3F));
            buf[o + 2] = (byte)(0x80 | (cp & 0x3F));
            return 3;
        }
        buf[o] = (byte)(0xF0 | (cp >> 18));
        buf[o + 1] = (byte)(0x80 | ((cp >> 12) & 0x3F));
        buf[o + 2] = (byte)(0x80 | ((cp >> 6) & 0x3F));
        buf[o + 3] = (byte)(0x80 | (cp & 0x3F));
        return 4;
    }

    /// <summary>CPython's UTF-16 decoder (PyUnicode_DecodeUTF16Stateful, final=True).
    /// <paramref name="byteOrder"/>: 0 = detect a BOM (consumed) else little-endian, 1 = LE, 2 = BE.</summary>
    public static byte[] DecodeUtf16(ReadOnlySpan<byte> s, int byteOrder, out DecodeFailure? error)
    {
        error = null;
        int q = 0, n = s.Length;
        bool be = byteOrder == 2;
        if (byteOrder == 0 && n >= 2)
        {
            if (s[0] == 0xFF && s[1] == 0xFE)
                q = 2;
            else if (s[0] == 0xFE && s[1] == 0xFF)
            {
                q = 2;
                be = true;
            }
        }
        string name = be ? "utf-16-be" : "utf-16-le";
        var output = new byte[(n - q) / 2 * 3 + 4];
        int o = 0;
        while (n - q >= 2)
        {
            int ch = be ? BinaryPrimitives.ReadUInt16BigEndian(s[q..]) : BinaryPrimitives.ReadUInt16LittleEndian(s[q..]);
            q += 2;
            if (ch is < 0xD800 or > 0xDFFF)
            {
                o += WriteUtf8(output, o, ch);
                continue;
            }
            if (ch >= 0xDC00)
            {
                error = new DecodeFailure(name, q - 2, q, "illegal encoding");
                return [];
            }
            if (n - q < 2)
            {
                error = new DecodeFailure(name, q - 2, n, "unexpected end of data");
                return [];
            }
            int ch2 = be ? BinaryPrimitives.ReadUInt16BigEndian(s[q..]) : BinaryPrimitives.ReadUInt16LittleEndian(s[q..]);
            q += 2;
            if (ch2 is < 0xDC00 or > 0xDFFF)
            {
                error = new DecodeFailure(name, q - 4, q - 2, "illegal UTF-16 surrogate");
                return [];
            }
            o += WriteUtf8(output, o, 0x10000 + ((ch - 0xD800) << 10) + (ch2 - 0xDC00));
        }
        if (q != n)
        {
            error = new DecodeFailure(name, q, n, "truncated data");
            return [];
        }
        return output.AsSpan(0, o).ToArray();
    }

    /// <summary>CPython's UTF-32 decoder (PyUnicode_DecodeUTF32Stateful, final=True).</summary>
    public static byte[] DecodeUtf32(ReadOnlySpan<byte> s, int byteOrder, out DecodeFailure? error)
    {
        error = null;
        int q = 0, n = s.Length;
        bool be = byteOrder == 2;
        if (byteOrder == 0 && n >= 4)
        {
            uint bom = BinaryPrimitives.ReadUInt32LittleEndian(s);
            if (bom == 0x0000FEFF)
                q = 4;
            else if (bom == 0xFFFE0000)
            {
                q = 4;
                be = true;
            }
        }
        string name = be ? "utf-32-be" : "utf-32-le";
        var output = new byte[n - q + 4];
        int o = 0;
        while (n - q >= 4)
        {
            uint ch = be ? BinaryPrimitives.ReadUInt32BigEndian(s[q..]) : BinaryPrimitives.ReadUInt32LittleEndian(s[q..]);
            if (ch is >= 0xD800 and <= 0xDFFF)
            {
                error = new DecodeFailure(name, q, q + 4, "code point in surrogate code point range(0xd800, 0xe000)");
                return [];
            }
            if (ch >= 0x110000)
            {
                error = new DecodeFailure(name, q, q + 4, "code point not in range(0x110000)");
                return [];
            }
            o += WriteUtf8(output, o, (int)ch);
            q += 4;
        }
        if (q != n)
        {
            error = new DecodeFailure(name, q, n, "truncated data");
            return [];
        }
        return output.AsSpan(0, o).ToArray();
    }

    /// <summary>
    /// A stateless CJK codec through its trie probed from CPython (exact, errors included):
    /// "illegal multibyte sequence" over the bytes CPython names, or "incomplete multibyte
    /// sequence" to the end of the input when the input stops inside a sequence.
    /// </summary>
    public static byte[] DecodeTrie(ReadOnlySpan<byte> s, CjkTrie cjk, string pyName, out DecodeFailure? error)
    {
        error = null;
        ushort[] trie = cjk.Rows;
        var output = new byte[checked(s.Length * 3)];
        int o = 0, i = 0, n = s.Length;
        while (i < n)
        {
            int row = 0, j = i;
            while (true)
            {
                if (j >= n)
                {
                    error = new DecodeFailure(pyName, i, n, "incomplete multibyte sequence");
                    return [];
                }
                int v = trie[(row << 8) | s[j++]];
                if (v is < 0xD800 or >= 0xE000)
                {
                    o += WriteUtf8(output, o, v);
                    i = j;
                    break;
                }
                if (v >= 0xDC00)
                {
                    row = v - 0xDC00;
                    continue;
                }
                if (v == CjkTrie.MakeUp)
                {
                    // euc_kr: A4 D4 A4 <cho> A4 <jung> A4 <jong> is one Hangul syllable.
                    if (n - i < 8)
                    {
                        error = new DecodeFailure(pyName, i, n, "incomplete multibyte sequence");
                        return [];
                    }
                    int cho = s[i + 3] is >= 0xA1 and <= 0xBE ? cjk.Choseong![s[i + 3] - 0xA1] : 0xFF;
                    int jung = s[i + 5] is >= 0xBF and <= 0xD3 ? s[i + 5] - 0xBF : 0xFF;
                    int jong = s[i + 7] == 0xD4 ? 0 : s[i + 7] is >= 0xA1 and <= 0xBE ? cjk.Jongseong![s[i + 7] - 0xA1] : 0xFF;
                    if (s[i + 2] == 0xA4 && s[i + 4] == 0xA4 && s[i + 6] == 0xA4 && cho != 0xFF && jung != 0xFF && jong != 0xFF)
                    {
                        o += WriteUtf8(output, o, 0xAC00 + cho * 588 + jung * 28 + jong);
                        i += 8;
                        break;
                    }
                    v = 0xD800;
                }
                error = new DecodeFailure(pyName, i, i + (v - 0xD800) + 1, "illegal multibyte sequence");
                return [];
            }
        }
        return output.AsSpan(0, o).ToArray();
    }

    /// <summary>
    /// A CJK multibyte codec through the matching .NET code page (close to, not identical with,
    /// CPython's CJKCodecs: see SourceDecoder's remarks). A failure is reported like CPython's
    /// "illegal multibyte sequence" (one byte), or "incomplete multibyte sequence" when the
    /// input stops inside a sequence.
    /// </summary>
    public static byte[] DecodeCodePage(ReadOnlySpan<byte> s, int codePage, string pyName, out DecodeFailure? error)
    {
        error = null;
        var enc = CodePagesEncodingProvider.Instance.GetEncoding(codePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)
            ?? Encoding.GetEncoding(codePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        string text;
        try
        {
            text = enc.GetString(s);
        }
        catch (DecoderFallbackException ex)
        {
            int start = Math.Clamp(ex.Index, 0, Math.Max(0, s.Length - 1));
            int unknown = ex.BytesUnknown?.Length ?? 1, left = s.Length - start;
            bool incomplete = codePage == 54936
                // CPython's gb18030 asks for 2 bytes after any byte >= 0x80, and for 4 when the
                // second is a digit, before judging them.
                ? left == 1 || (left <= 3 && s[start + 1] is >= 0x30 and <= 0x39)
                : start + unknown >= s.Length && s[start] >= 0x80 && unknown == 1;
            error = incomplete
                ? new DecodeFailure(pyName, start, s.Length, "incomplete multibyte sequence")
                : new DecodeFailure(pyName, start, start + 1, "illegal multibyte sequence");
            return [];
        }
        return Encoding.UTF8.GetBytes(text);
    }
}
