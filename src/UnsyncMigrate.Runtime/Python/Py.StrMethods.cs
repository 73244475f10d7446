using System.Text;

namespace UnsyncMigrate.Runtime.Python;

/// <summary>
/// str methods as typed entry points. <see cref="Py.CallMethod(object?, string, object?[], PyKwargs?)"/>
/// checks the argument count and keywords, then calls these; generated code whose receiver is
/// statically a string calls them directly (the translator only does so with a valid argument
/// count, so the count checks stay in one place: the dynamic switch). Optional Python
/// parameters whose omission differs from None are overloads; the others default to null.
/// </summary>
public static partial class Py
{
    public static string StrUpper(string s) => PyCaseMapping.Upper(s);
    public static string StrLower(string s) => PyCaseMapping.Lower(s);
    public static string StrCasefold(string s) => PyCaseMapping.Casefold(s);
    public static string StrSwapcase(string s) => PyCaseMapping.Swapcase(s);
    public static string StrCapitalize(string s) => PyCaseMapping.Capitalize(s);

    public static string StrStrip(string s, object? chars = null) => Strip(s, "strip", chars);
    public static string StrLStrip(string s, object? chars = null) => Strip(s, "lstrip", chars);
    public static string StrRStrip(string s, object? chars = null) => Strip(s, "rstrip", chars);

    static string Strip(string s, string name, object? chars)
    {
        if (chars is not null && chars is not string) throw new TypeError($"{name} arg must be None or str");
        // Trimming chars is trimming code points unless both strings hold surrogates: then a pair
        // in chars could strip half of another pair in s (U+10428 and U+10400 share a high half).
        if (chars is string cs && PyStr.HasSurrogates(cs) && PyStr.HasSurrogates(s)) return StripCodePoints(s, name, cs);
        char[] set = chars is string c ? c.ToCharArray() : PyStr.WhitespaceChars;
        return name switch { "strip" => s.Trim(set), "lstrip" => s.TrimStart(set), _ => s.TrimEnd(set) };
    }

    static string StripCodePoints(string s, string name, string chars)
    {
        var set = new HashSet<int>(PyStr.CodePoints(chars));
        int start = 0, end = s.Length, w;
        if (name != "rstrip")
            while (start < end && set.Contains(Utf16.At(s, start, out w))) start += w;
        if (name != "lstrip")
            while (end > start && set.Contains(Utf16.Before(s, end, out w))) end -= w;
        return s.Substring(start, end - start);
    }

    public static PyList StrSplit(string s, object? sep = null) => Split(s, "split", sep, -1);
    public static PyList StrSplit(string s, object? sep, object? maxsplit) => Split(s, "split", sep, ToLong(maxsplit));
    public static PyList StrRSplit(string s, object? sep = null) => Split(s, "rsplit", sep, -1);
    public static PyList StrRSplit(string s, object? sep, object? maxsplit) => Split(s, "rsplit", sep, ToLong(maxsplit));

    static PyList Split(string s, string name, object? sep, long max)
    {
        if (sep is null) return name == "split" ? SplitWhitespace(s, max) : RSplitWhitespace(s, max);
        string sp = StrArg(sep, name);
        if (sp.Length == 0) throw new ValueError("empty separator");
        return name == "split" ? SplitSep(s, sp, max) : RSplitSep(s, sp, max);
    }

    public static PyList StrSplitLines(string s, object? keepends = null) => SplitLines(s, IsTrue(keepends ?? false));

    public static string StrJoin(string s, object? iterable)
    {
        var sb = new StringBuilder();
        int i = 0;
        foreach (var item in Iter(iterable))
        {
            if (item is not string str) throw new TypeError($"sequence item {i}: expected str instance, {TypeName(item)} found");
            if (i > 0) sb.Append(s);
            sb.Append(str);
            i++;
        }
        return sb.ToString();
    }

    public static string StrReplace(string s, object? old, object? nw) => Replace(s, StrArg(old, "replace"), StrArg(nw, "replace"), -1);
    public static string StrReplace(string s, object? old, object? nw, object? count)
    {
        string o = StrArg(old, "replace"), n = StrArg(nw, "replace");
        return Replace(s, o, n, ToLong(count));
    }

    public static bool StrStartsWith(string s, object? prefix, object? start = null, object? end = null) => PrefixTest(s, "startswith", prefix, start, end);
    public static bool StrEndsWith(string s, object? suffix, object? start = null, object? end = null) => PrefixTest(s, "endswith", suffix, start, end);

    static bool PrefixTest(string s, string name, object? prefix, object? start, object? end)
    {
        var (st, en) = StrRange(s, start, end);
        if (st > s.Length) return false;
        string sub = s.Substring(st, en - st);
        bool Test(object? p)
        {
            if (p is not string ps) throw new TypeError($"{name} first arg must be str or a tuple of str, not {TypeName(p)}");
            return name == "startswith" ? sub.StartsWith(ps, StringComparison.Ordinal) : sub.EndsWith(ps, StringComparison.Ordinal);
        }
        if (prefix is PyTuple pt) return pt.Items.Any(Test);
        return Test(prefix);
    }

    public static long StrFind(string s, object? sub, object? start = null, object? end = null) => Find(s, "find", sub, start, end);
    public static long StrRFind(string s, object? sub, object? start = null, object? end = null) => Find(s, "rfind", sub, start, end);
    public static long StrIndex(string s, object? sub, object? start = null, object? end = null) => Find(s, "index", sub, start, end);
    public static long StrRIndex(string s, object? sub, object? start = null, object? end = null) => Find(s, "rindex", sub, start, end);

    static long Find(string s, string name, object? subObj, object? start, object? end)
    {
        string sub = StrArg(subObj, name);
        var (st, en) = StrRange(s, start, end);
        int r = -1;
        if (st <= s.Length && en - st >= sub.Length)
        {
            r = name[0] == 'r' ? s.LastIndexOf(sub, en - 1 < 0 ? 0 : en - 1, en - st, StringComparison.Ordinal)
                               : s.IndexOf(sub, st, en - st, StringComparison.Ordinal);
            if (name[0] == 'r' && sub.Length == 0) r = en;
        }
        if (r < 0 && name.EndsWith("index", StringComparison.Ordinal)) throw new ValueError("substring not found");
        return Utf16ToCp(s, r);
    }

    public static long StrCount(string s, object? subObj, object? start = null, object? end = null)
    {
        string sub = StrArg(subObj, "count");
        var (st, en) = StrRange(s, start, end);
        if (st > s.Length) return 0L;
        if (sub.Length == 0) return (long)Utf16ToCp(s.Substring(st, en - st), en - st) + 1;
        long n = 0;
        int pos = st;
        while (pos <= en - sub.Length)
        {
            int f = s.IndexOf(sub, pos, en - pos, StringComparison.Ordinal);
            if (f < 0) break;
            n++;
            pos = f + sub.Length;
        }
        return n;
    }

    public static string StrTitle(string s) => PyCaseMapping.Title(s);

    public static string StrZfill(string s, object? widthObj)
    {
        long width = ToLong(widthObj);
        long len = PyStr.Length(s);
        if (width <= len) return s;
        string pad = new('0', (int)(width - len));
        if (s.Length > 0 && (s[0] == '+' || s[0] == '-')) return s[0] + pad + s.Substring(1);
        return pad + s;
    }

    public static bool StrIsDigit(string s) => PyCharClasses.IsDigit(s);
    public static bool StrIsDecimal(string s) => PyCharClasses.IsDecimal(s);
    public static bool StrIsNumeric(string s) => PyCharClasses.IsNumeric(s);
    public static bool StrIsAlpha(string s) => PyCharClasses.IsAlpha(s);
    public static bool StrIsAlnum(string s) => PyCharClasses.IsAlnum(s);
    public static bool StrIsSpace(string s) => PyCharClasses.IsSpace(s);
    public static bool StrIsAscii(string s) => System.Text.Ascii.IsValid(s);
    public static bool StrIsPrintable(string s) => PyCharClasses.IsPrintable(s);
    public static bool StrIsIdentifier(string s) => PyCharClasses.IsIdentifier(s);
    public static bool StrIsUpper(string s) => PyCharClasses.IsUpper(s);
    public static bool StrIsLower(string s) => PyCharClasses.IsLower(s);
    public static bool StrIsTitle(string s) => PyCharClasses.IsTitle(s);

    public static PyBytes StrEncode(string s, object? encoding = null, object? errors = null) =>
        PyBytes.Encode(s, (string?)encoding ?? "utf-8", (string?)errors ?? "strict");

    public static PyTuple StrPartition(string s, object? sep) => Partition(s, "partition", sep);
    public static PyTuple StrRPartition(string s, object? sep) => Partition(s, "rpartition", sep);

    static PyTuple Partition(string s, string name, object? sepObj)
    {
        string sep = StrArg(sepObj, name);
        if (sep.Length == 0) throw new ValueError("empty separator");
        int i = name == "partition" ? s.IndexOf(sep, StringComparison.Ordinal) : s.LastIndexOf(sep, StringComparison.Ordinal);
        if (i < 0) return name == "partition" ? new PyTuple(s, "", "") : new PyTuple("", "", s);
        return new PyTuple(s.Substring(0, i), sep, s.Substring(i + sep.Length));
    }

    public static string StrRemovePrefix(string s, object? prefix)
    {
        string p = StrArg(prefix, "removeprefix");
        return p.Length > 0 && s.StartsWith(p, StringComparison.Ordinal) ? s.Substring(p.Length) : s;
    }

    public static string StrRemoveSuffix(string s, object? suffix)
    {
        string p = StrArg(suffix, "removesuffix");
        return p.Length > 0 && s.EndsWith(p, StringComparison.Ordinal) ? s.Substring(0, s.Length - p.Length) : s;
    }
}
