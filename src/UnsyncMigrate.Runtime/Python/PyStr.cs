using System.Globalization;
using System.Text;

namespace UnsyncMigrate.Runtime.Python;

/// <summary>
/// Python str helpers. A Python str is a sequence of code points; a .NET string is UTF-16. Strings
/// are kept as .NET strings; <c>len</c>, indexing, slicing, iteration and width/precision in
/// formatting count code points (a surrogate pair is one character). Strings without surrogates
/// (the common case) take the fast path where a char is a code point. A lone surrogate counts as one.
/// </summary>
public static class PyStr
{
    /// <summary>
    /// Python's whitespace (str.isspace, split(), strip()): every code point with the Space flag of
    /// Python 3.13's table, all in the BMP (a test checks the two agree); for <c>Trim</c>.
    /// </summary>
    public static readonly char[] WhitespaceChars =
    [
        '\t', '\n', '\v', '\f', '\r', '\x1c', '\x1d', '\x1e', '\x1f', ' ', '\x85', '\xa0',
        '\u1680', '\u2000', '\u2001', '\u2002', '\u2003', '\u2004', '\u2005', '\u2006', '\u2007',
        '\u2008', '\u2009', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000',
    ];

    /// <summary>
    /// Py_ISSPACE, C's isspace in the C locale (not \x1c-\x1f): the whitespace of bytes methods
    /// and what int() and float() strip.
    /// </summary>
    internal static readonly char[] AsciiWhitespace = [' ', '\t', '\n', '\v', '\f', '\r'];

    /// <summary>Py_UNICODE_ISSPACE (surrogates are not whitespace, so a char is enough).</summary>
    public static bool IsSpace(char c) =>
        c < 0x80 ? c is (>= '\t' and <= '\r') or (>= '\x1c' and <= ' ') : UnicodeCType.Instance.HasAny(c, CharFlags.Space);

    internal static bool HasSurrogates(string s) => s.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') >= 0;

    /// <summary>Number of code points.</summary>
    public static int Length(string s)
    {
        if (!HasSurrogates(s)) return s.Length;
        int n = 0;
        for (int i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) i++;
            n++;
        }
        return n;
    }

    /// <summary>The code points of s, each as a .NET string (one or two chars).</summary>
    public static string[] Chars(string s)
    {
        if (!HasSurrogates(s))
        {
            var a = new string[s.Length];
            for (int i = 0; i < s.Length; i++) a[i] = CharString(s[i]);
            return a;
        }
        var list = new List<string>(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                list.Add(s.Substring(i, 2));
                i++;
            }
            else list.Add(CharString(s[i]));
        }
        return list.ToArray();
    }

    static readonly string[] s_ascii = Enumerable.Range(0, 128).Select(i => ((char)i).ToString()).ToArray();
    internal static string CharString(char c) => c < 128 ? s_ascii[c] : c.ToString();

    /// <summary>The code point values of s.</summary>
    public static int[] CodePoints(string s)
    {
        var list = new List<int>(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                list.Add(char.ConvertToUtf32(s[i], s[i + 1]));
                i++;
            }
            else list.Add(s[i]);
        }
        return list.ToArray();
    }

    public static string FromCodePoint(long cp)
    {
        if (cp < 0 || cp > 0x10FFFF) throw new ValueError("chr() arg not in range(0x110000)");
        if (cp < 0x10000) return CharString((char)cp);
        return char.ConvertFromUtf32((int)cp);
    }

    /// <summary>Python's code point ordering (UTF-16 ordinal order differs above U+FFFF).</summary>
    public static int Compare(string a, string b)
    {
        int n = Math.Min(a.Length, b.Length);
        for (int i = 0; i < n; i++)
        {
            char x = a[i], y = b[i];
            if (x != y)
            {
                int fx = x >= 0xD800 ? (x >= 0xE000 ? x - 0x800 : x + 0x2000) : x;
                int fy = y >= 0xD800 ? (y >= 0xE000 ? y - 0x800 : y + 0x2000) : y;
                return fx < fy ? -1 : 1;
            }
        }
        return a.Length.CompareTo(b.Length);
    }

    /// <summary>Python's str.isprintable for one code point (used by repr): not in Cc Cf Cs Co Cn Zl Zp Zs, or the space.</summary>
    public static bool IsPrintable(int cp) =>
        cp < 0x80 ? cp is >= 0x20 and < 0x7F : UnicodeCType.Instance.HasAny(cp, CharFlags.Printable);

    /// <summary>Python's <c>repr(str)</c>: single quotes unless the text has ' and no ".</summary>
    public static string Repr(string s, bool asciiOnly = false)
    {
        char quote = s.Contains('\'') && !s.Contains('"') ? '"' : '\'';
        var sb = new StringBuilder(s.Length + 2);
        sb.Append(quote);
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            int cp = c;
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                cp = char.ConvertToUtf32(c, s[i + 1]);
            }
            if (cp == quote || cp == '\\') { sb.Append('\\').Append((char)cp); }
            else if (cp == '\t') sb.Append("\\t");
            else if (cp == '\n') sb.Append("\\n");
            else if (cp == '\r') sb.Append("\\r");
            else if (cp < 0x20 || cp == 0x7F) AppendHex(sb, cp);
            else if (cp < 0x7F) sb.Append(c);
            else if (asciiOnly || !IsPrintable(cp)) AppendHex(sb, cp);
            else if (cp > 0xFFFF) { sb.Append(c).Append(s[i + 1]); }
            else sb.Append(c);
            if (cp > 0xFFFF) i++;
        }
        sb.Append(quote);
        return sb.ToString();
    }

    static void AppendHex(StringBuilder sb, int cp)
    {
        if (cp < 0x100) sb.Append("\\x").Append(cp.ToString("x2", CultureInfo.InvariantCulture));
        else if (cp < 0x10000) sb.Append("\\u").Append(cp.ToString("x4", CultureInfo.InvariantCulture));
        else sb.Append("\\U").Append(cp.ToString("x8", CultureInfo.InvariantCulture));
    }

    /// <summary>Python's <c>ascii()</c> escaping of non-ASCII characters in an already built repr.</summary>
    public static string AsciiEscape(string repr)
    {
        if (repr.All(c => c < 0x80)) return repr;
        var sb = new StringBuilder(repr.Length + 16);
        for (int i = 0; i < repr.Length; i++)
        {
            char c = repr[i];
            if (c < 0x80) { sb.Append(c); continue; }
            int cp = c;
            if (char.IsHighSurrogate(c) && i + 1 < repr.Length && char.IsLowSurrogate(repr[i + 1]))
            {
                cp = char.ConvertToUtf32(c, repr[i + 1]);
                i++;
            }
            AppendHex(sb, cp);
        }
        return sb.ToString();
    }
}
