using System.Collections;
using System.Globalization;
using System.Text;

namespace UnsyncMigrate.Runtime.Python;

/// <summary>Python's bytes: immutable; indexing gives ints, iteration ints, slicing bytes.</summary>
public sealed class PyBytes : IReadOnlyList<object?>, IPyRepr, IEquatable<PyBytes>
{
    internal readonly byte[] Data;
    public static readonly PyBytes Empty = new(Array.Empty<byte>());

    /// <summary>Takes ownership of the array.</summary>
    public PyBytes(byte[] data) { Data = data; }

    public static PyBytes FromAscii(string s) => new(Encoding.Latin1.GetBytes(s));

    /// <summary><c>bytes(x)</c>: from an int (zeros), an iterable of ints, or a str with an encoding.</summary>
    public static PyBytes From(object? o, string? encoding = null)
    {
        switch (o)
        {
            case PyBytes b: return b;
            case string s:
                if (encoding is null) throw new TypeError("string argument without an encoding");
                return Encode(s, encoding);
            case long or int or bool or System.Numerics.BigInteger:
                long n = Py.ToLong(o);
                if (n < 0) throw new ValueError("negative count");
                return new PyBytes(new byte[n]);
            default:
                var list = new List<byte>();
                foreach (var x in Py.Iter(o))
                {
                    long v = Py.ToLong(x);
                    if (v < 0 || v > 255) throw new ValueError("bytes must be in range(0, 256)");
                    list.Add((byte)v);
                }
                return new PyBytes(list.ToArray());
        }
    }

    public static PyBytes Encode(string s, string encoding = "utf-8", string errors = "strict")
    {
        string enc = NormalizeEncoding(encoding);
        switch (enc)
        {
            case "utf-8":
                if (PyStr.HasSurrogates(s))
                {
                    for (int i = 0; i < s.Length; i++)
                    {
                        if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) { i++; continue; }
                        if (char.IsSurrogate(s[i]))
                        {
                            if (errors == "strict")
                                throw new UnicodeEncodeError($"'utf-8' codec can't encode character '\\u{(int)s[i]:x4}' in position {i}: surrogates not allowed");
                        }
                    }
                }
                return new PyBytes(new UTF8Encoding(false, false).GetBytes(s));
            case "ascii":
            case "latin-1":
                {
                    int limit = enc == "ascii" ? 0x80 : 0x100;
                    var bytes = new List<byte>(s.Length);
                    int pos = 0;
                    foreach (var cp in PyStr.CodePoints(s))
                    {
                        if (cp < limit) bytes.Add((byte)cp);
                        else if (errors == "ignore") { }
                        else if (errors == "replace") bytes.Add((byte)'?');
                        else
                        {
                            string name = enc == "ascii" ? "ascii" : "latin-1";
                            string chr = cp > 0xFFFF ? $"\\U{cp:x8}" : cp > 0xFF ? $"\\u{cp:x4}" : $"\\x{cp:x2}";
                            throw new UnicodeEncodeError($"'{name}' codec can't encode character '{chr}' in position {pos}: ordinal not in range({limit})");
                        }
                        pos++;
                    }
                    return new PyBytes(bytes.ToArray());
                }
            case "utf-16": return new PyBytes(new byte[] { 0xFF, 0xFE }.Concat(Encoding.Unicode.GetBytes(s)).ToArray());
            case "utf-16-le": return new PyBytes(Encoding.Unicode.GetBytes(s));
            case "utf-16-be": return new PyBytes(Encoding.BigEndianUnicode.GetBytes(s));
            case "utf-32": return new PyBytes(new byte[] { 0xFF, 0xFE, 0, 0 }.Concat(Encoding.UTF32.GetBytes(s)).ToArray());
            default: throw new LookupError($"unknown encoding: {encoding}");
        }
    }

    internal static string NormalizeEncoding(string encoding)
    {
        string e = encoding.ToLowerInvariant().Replace('_', '-');
        return e switch
        {
            "utf8" or "utf-8" or "u8" => "utf-8",
            "ascii" or "us-ascii" or "646" => "ascii",
            "latin-1" or "latin1" or "iso-8859-1" or "iso8859-1" or "l1" or "cp819" => "latin-1",
            "utf-16" or "utf16" => "utf-16",
            "utf-16le" or "utf-16-le" => "utf-16-le",
            "utf-16be" or "utf-16-be" => "utf-16-be",
            "utf-32" or "utf32" => "utf-32",
            _ => e,
        };
    }

    public string Decode(string encoding = "utf-8", string errors = "strict")
    {
        string enc = NormalizeEncoding(encoding);
        switch (enc)
        {
            case "utf-8":
                try
                {
                    var strict = new UTF8Encoding(false, errors == "strict");
                    return strict.GetString(Data);
                }
                catch (DecoderFallbackException ex)
                {
                    int pos = ex.Index;
                    throw new UnicodeDecodeError($"'utf-8' codec can't decode byte 0x{Data[Math.Max(0, pos)]:x2} in position {pos}: invalid start byte");
                }
            case "ascii":
                {
                    var sb = new StringBuilder(Data.Length);
                    for (int i = 0; i < Data.Length; i++)
                    {
                        if (Data[i] < 0x80) sb.Append((char)Data[i]);
                        else if (errors == "ignore") { }
                        else if (errors == "replace") sb.Append('\uFFFD');
                        else throw new UnicodeDecodeError($"'ascii' codec can't decode byte 0x{Data[i]:x2} in position {i}: ordinal not in range(128)");
                    }
                    return sb.ToString();
                }
            case "latin-1": return Encoding.Latin1.GetString(Data);
            case "utf-16": return Data.Length >= 2 && Data[0] == 0xFE && Data[1] == 0xFF ? Encoding.BigEndianUnicode.GetString(Data, 2, Data.Length - 2)
                : Data.Length >= 2 && Data[0] == 0xFF && Data[1] == 0xFE ? Encoding.Unicode.GetString(Data, 2, Data.Length - 2) : Encoding.Unicode.GetString(Data);
            case "utf-16-le": return Encoding.Unicode.GetString(Data);
            case "utf-16-be": return Encoding.BigEndianUnicode.GetString(Data);
            default: throw new LookupError($"unknown encoding: {encoding}");
        }
    }

    public int Count => Data.Length;
    public object? this[int index] => (long)Data[index];
    public byte[] ToArray() => (byte[])Data.Clone();

    public IEnumerator<object?> GetEnumerator()
    {
        foreach (var b in Data) yield return (long)b;
    }
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary><c>bytes.hex(sep='', bytes_per_sep=1)</c>.</summary>
    public string Hex(string? sep = null, long bytesPerSep = 1)
    {
        string hex = Convert.ToHexString(Data).ToLowerInvariant();
        if (string.IsNullOrEmpty(sep) || Data.Length == 0) return hex;
        var sb = new StringBuilder();
        long n = Math.Abs(bytesPerSep);
        // groups counted from the right when bytesPerSep > 0
        int len = Data.Length;
        for (int i = 0; i < len; i++)
        {
            bool boundary = bytesPerSep > 0 ? (len - i) % n == 0 && i != 0 : i % n == 0 && i != 0;
            if (boundary) sb.Append(sep);
            sb.Append(hex, i * 2, 2);
        }
        return sb.ToString();
    }

    /// <summary>
    /// <c>bytes.fromhex(s)</c> as CPython's _PyBytes_FromHex: pairs of hex digits, with ASCII
    /// whitespace (not \x1c-\x1f, not Unicode's) allowed between pairs only; the error names the
    /// first bad position (a code point index: everything before it is ASCII).
    /// </summary>
    public static PyBytes FromHex(string s)
    {
        var bytes = new List<byte>(s.Length / 2);
        int i = 0;
        while (true)
        {
            while (i < s.Length && Array.IndexOf(PyStr.AsciiWhitespace, s[i]) >= 0) i++;
            if (i == s.Length) return new PyBytes(bytes.ToArray());
            int high = HexDigit(s, i), low = HexDigit(s, i + 1);
            bytes.Add((byte)(high << 4 | low));
            i += 2;
        }
    }

    static int HexDigit(string s, int i)
    {
        char c = i < s.Length ? s[i] : '\0';
        if (!char.IsAsciiHexDigit(c)) throw new ValueError($"non-hexadecimal number found in fromhex() arg at position {i}");
        return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
    }

    public string PyRepr()
    {
        bool hasSingle = Array.IndexOf(Data, (byte)'\'') >= 0, hasDouble = Array.IndexOf(Data, (byte)'"') >= 0;
        char quote = hasSingle && !hasDouble ? '"' : '\'';
        var sb = new StringBuilder(Data.Length + 3);
        sb.Append('b').Append(quote);
        foreach (byte b in Data)
        {
            if (b == quote || b == '\\') sb.Append('\\').Append((char)b);
            else if (b == '\t') sb.Append("\\t");
            else if (b == '\n') sb.Append("\\n");
            else if (b == '\r') sb.Append("\\r");
            else if (b < 0x20 || b >= 0x7F) sb.Append("\\x").Append(b.ToString("x2", CultureInfo.InvariantCulture));
            else sb.Append((char)b);
        }
        sb.Append(quote);
        return sb.ToString();
    }

    public override string ToString() => PyRepr();
    public bool Equals(PyBytes? other) => other is not null && Data.AsSpan().SequenceEqual(other.Data);
    public override bool Equals(object? obj) => obj is PyBytes b && Equals(b);
    public override int GetHashCode() => (int)HashCode();

    internal long HashCode()
    {
        ulong h = 14695981039346656037UL;
        foreach (byte c in Data) { h ^= c; h *= 1099511628211UL; }
        long r = (long)(h >> 1);
        return r == -1 ? -2 : r;
    }

    public int CompareTo(PyBytes other) => Data.AsSpan().SequenceCompareTo(other.Data) switch { < 0 => -1, > 0 => 1, _ => 0 };

    public static PyBytes Concat(PyBytes a, PyBytes b)
    {
        var r = new byte[a.Data.Length + b.Data.Length];
        a.Data.CopyTo(r, 0);
        b.Data.CopyTo(r, a.Data.Length);
        return new PyBytes(r);
    }
}
