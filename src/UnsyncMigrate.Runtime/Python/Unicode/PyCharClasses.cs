using System.Text;

namespace UnsyncMigrate.Runtime.Python;

/// <summary>
/// The str predicates (isalpha ... isidentifier) as CPython 3.13's unicode_is* functions: over
/// code points, with its character database; false for the empty string except isprintable.
/// ASCII strings answer isupper/islower with a vectorized search (the letters are the only cased
/// ASCII characters), as fast as .NET's char tests were.
/// </summary>
internal static class PyCharClasses
{
    private const CharFlags AlphaNumeric = CharFlags.Alpha | CharFlags.Decimal | CharFlags.Digit | CharFlags.Numeric;

    public static bool IsAlpha(string s) => s.Length > 0 && All(s, CharFlags.Alpha);

    /// <summary>Py_UNICODE_ISALNUM: alpha, decimal, digit or numeric.</summary>
    public static bool IsAlnum(string s) => s.Length > 0 && All(s, AlphaNumeric);

    public static bool IsDecimal(string s) => s.Length > 0 && All(s, CharFlags.Decimal);

    public static bool IsDigit(string s) => s.Length > 0 && All(s, CharFlags.Digit);

    public static bool IsNumeric(string s) => s.Length > 0 && All(s, CharFlags.Numeric);

    public static bool IsSpace(string s) => s.Length > 0 && All(s, CharFlags.Space);

    public static bool IsPrintable(string s) => All(s, CharFlags.Printable);

    /// <summary>XID_Start or "_" first, then XID_Continue (_PyUnicode_ScanIdentifier).</summary>
    public static bool IsIdentifier(string s)
    {
        if (s.Length == 0) return false;
        var db = UnicodeCType.Instance;
        if (!db.HasAny(Utf16.At(s, 0, out int i), CharFlags.IdentifierStart)) return false;
        for (int w; i < s.Length; i += w)
            if (!db.HasAny(Utf16.At(s, i, out w), CharFlags.IdentifierContinue)) return false;
        return true;
    }

    /// <summary>Some upper case code point and no lower or title case one (one code point: just its own flag).</summary>
    public static bool IsUpper(string s) => Ascii.IsValid(s)
        ? s.AsSpan().IndexOfAnyInRange('A', 'Z') >= 0 && s.AsSpan().IndexOfAnyInRange('a', 'z') < 0
        : IsOneCase(s, CharFlags.Upper, CharFlags.Lower | CharFlags.Title);

    /// <summary>Some lower case code point and no upper or title case one (one code point: just its own flag).</summary>
    public static bool IsLower(string s) => Ascii.IsValid(s)
        ? s.AsSpan().IndexOfAnyInRange('a', 'z') >= 0 && s.AsSpan().IndexOfAnyInRange('A', 'Z') < 0
        : IsOneCase(s, CharFlags.Lower, CharFlags.Upper | CharFlags.Title);

    /// <summary>
    /// Some cased code point; upper and title case ones only after uncased ones, lower case ones
    /// only after cased ones (unicode_istitle).
    /// </summary>
    public static bool IsTitle(string s)
    {
        var db = UnicodeCType.Instance;
        bool cased = false, previousCased = false;
        for (int i = 0, w; i < s.Length; i += w)
        {
            var flags = db.Flags(Utf16.At(s, i, out w));
            if ((flags & (CharFlags.Upper | CharFlags.Title)) != 0)
            {
                if (previousCased) return false;
                previousCased = cased = true;
            }
            else if ((flags & CharFlags.Lower) != 0)
            {
                if (!previousCased) return false;
                previousCased = cased = true;
            }
            else previousCased = false;
        }
        return cased;
    }

    private static bool IsOneCase(string s, CharFlags wanted, CharFlags excluded)
    {
        if (s.Length == 0) return false;
        var db = UnicodeCType.Instance;
        // unicode_isupper/islower answer one code point by its flag alone, without the exclusion.
        int first = Utf16.At(s, 0, out int width);
        if (width == s.Length) return db.HasAny(first, wanted);
        bool found = false;
        for (int i = 0, w; i < s.Length; i += w)
        {
            var flags = db.Flags(Utf16.At(s, i, out w));
            if ((flags & excluded) != 0) return false;
            found |= (flags & wanted) != 0;
        }
        return found;
    }

    private static bool All(string s, CharFlags any)
    {
        var db = UnicodeCType.Instance;
        for (int i = 0, w; i < s.Length; i += w)
            if (!db.HasAny(Utf16.At(s, i, out w), any)) return false;
        return true;
    }
}
