using System.Text;

namespace UnsyncMigrate.Runtime.Python;

/// <summary>
/// str.upper, lower, casefold, title, capitalize and swapcase as CPython 3.13's do_upper_or_lower,
/// do_casefold, do_title, do_capitalize and do_swapcase (Objects/unicodeobject.c): full case
/// mappings per code point ("ß".upper() is "SS", "İ".lower() is "i̇"), and the final-sigma rule
/// wherever CPython lowers (lower, title, capitalize, swapcase; not casefold).
/// </summary>
internal static class PyCaseMapping
{
    private const int CapitalSigma = 0x3A3;
    private const char SmallSigma = '\u03C3', FinalSigma = '\u03C2';

    // ASCII strings take .NET's invariant mapping, which on ASCII changes exactly a-z / A-Z, as
    // CPython's ASCII paths do, and never loads the table.

    public static string Upper(string s)
    {
        if (Ascii.IsValid(s)) return s.ToUpperInvariant();
        var db = UnicodeCType.Instance;
        var sb = new StringBuilder(s.Length);
        for (int i = 0, w; i < s.Length; i += w) db.AppendUpper(sb, Utf16.At(s, i, out w));
        return sb.ToString();
    }

    public static string Lower(string s)
    {
        if (Ascii.IsValid(s)) return s.ToLowerInvariant();
        var db = UnicodeCType.Instance;
        var sb = new StringBuilder(s.Length);
        for (int i = 0, w; i < s.Length; i += w) AppendLower(db, sb, s, i, Utf16.At(s, i, out w), w);
        return sb.ToString();
    }

    public static string Casefold(string s)
    {
        if (Ascii.IsValid(s)) return s.ToLowerInvariant();
        var db = UnicodeCType.Instance;
        var sb = new StringBuilder(s.Length);
        for (int i = 0, w; i < s.Length; i += w) db.AppendFolded(sb, Utf16.At(s, i, out w));
        return sb.ToString();
    }

    /// <summary>Title case after an uncased code point, lower case after a cased one.</summary>
    public static string Title(string s)
    {
        if (Ascii.IsValid(s)) return AsciiTitle(s);
        var db = UnicodeCType.Instance;
        var sb = new StringBuilder(s.Length);
        bool previousCased = false;
        for (int i = 0, w; i < s.Length; i += w)
        {
            int cp = Utf16.At(s, i, out w);
            if (previousCased) AppendLower(db, sb, s, i, cp, w);
            else db.AppendTitle(sb, cp);
            previousCased = db.HasAny(cp, CharFlags.Cased);
        }
        return sb.ToString();
    }

    /// <summary>The first code point in title case (not upper: "ǆ" gives "ǅ"), the rest lower.</summary>
    public static string Capitalize(string s)
    {
        if (s.Length == 0) return s;
        if (Ascii.IsValid(s)) return string.Concat(s[..1].ToUpperInvariant(), s[1..].ToLowerInvariant());
        var db = UnicodeCType.Instance;
        var sb = new StringBuilder(s.Length);
        db.AppendTitle(sb, Utf16.At(s, 0, out int first));
        for (int i = first, w; i < s.Length; i += w) AppendLower(db, sb, s, i, Utf16.At(s, i, out w), w);
        return sb.ToString();
    }

    /// <summary>Upper case (the Uppercase property) lowered, lower case uppered, the rest kept (title case too).</summary>
    public static string Swapcase(string s)
    {
        if (Ascii.IsValid(s)) return AsciiSwapcase(s);
        var db = UnicodeCType.Instance;
        var sb = new StringBuilder(s.Length);
        for (int i = 0, w; i < s.Length; i += w)
        {
            int cp = Utf16.At(s, i, out w);
            var flags = db.Flags(cp);
            if ((flags & CharFlags.Upper) != 0) AppendLower(db, sb, s, i, cp, w);
            else if ((flags & CharFlags.Lower) != 0) db.AppendUpper(sb, cp);
            else sb.Append(s, i, w);
        }
        return sb.ToString();
    }

    /// <summary>CPython's lower_ucs4: the full lower case mapping, except for a capital sigma.</summary>
    private static void AppendLower(UnicodeCType db, StringBuilder sb, string s, int i, int cp, int width)
    {
        if (cp == CapitalSigma) sb.Append(IsFinalSigma(db, s, i, i + width) ? FinalSigma : SmallSigma);
        else db.AppendLower(sb, cp);
    }

    /// <summary>
    /// handle_capital_sigma: the sigma at s[start..end) ends a word when a cased code point precedes
    /// it and none follows, case-ignorable code points (apostrophes, marks...) skipped both ways.
    /// </summary>
    private static bool IsFinalSigma(UnicodeCType db, string s, int start, int end)
    {
        int j = start, cp, w;
        do
        {
            if (j == 0) return false;
            cp = Utf16.Before(s, j, out w);
            j -= w;
        }
        while (db.HasAny(cp, CharFlags.CaseIgnorable));
        if (!db.HasAny(cp, CharFlags.Cased)) return false;
        for (j = end; j < s.Length; j += w)
        {
            cp = Utf16.At(s, j, out w);
            if (!db.HasAny(cp, CharFlags.CaseIgnorable)) return !db.HasAny(cp, CharFlags.Cased);
        }
        return true;
    }

    private static string AsciiTitle(string s) => string.Create(s.Length, s, static (dst, src) =>
    {
        bool previousCased = false;
        for (int i = 0; i < src.Length; i++)
        {
            char c = src[i];
            dst[i] = previousCased ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c);
            previousCased = char.IsAsciiLetter(c);
        }
    });

    private static string AsciiSwapcase(string s) => string.Create(s.Length, s, static (dst, src) =>
    {
        for (int i = 0; i < src.Length; i++)
        {
            char c = src[i];
            dst[i] = char.IsAsciiLetterUpper(c) ? char.ToLowerInvariant(c) : char.IsAsciiLetterLower(c) ? char.ToUpperInvariant(c) : c;
        }
    });
}
