using System.Numerics;
using System.Text;

namespace UnsyncMigrate.Runtime.Python;

/// <summary>Reads positional/keyword arguments of a built-in method call.</summary>
internal readonly struct Args(string func, object?[] args, PyKwargs? kwargs)
{
    public int Count => args.Length;

    public object? Get(int index, string name, object? dflt = null)
    {
        if (index < args.Length)
        {
            if (kwargs is not null && kwargs.Contains(name))
                throw new TypeError($"{func}() got multiple values for argument '{name}'");
            return args[index];
        }
        if (kwargs is not null && kwargs.TryGet(name, out var v)) return v;
        return dflt;
    }

    public bool Has(int index, string name) => index < args.Length || (kwargs is not null && kwargs.Contains(name));

    public object? Required(int index, string name)
    {
        if (!Has(index, name)) throw new TypeError($"{func}() missing required argument '{name}' (pos {index + 1})");
        return Get(index, name);
    }

    public void Max(int n, params string[] keywords)
    {
        if (args.Length > n)
            throw new TypeError(n == 0 ? $"{func}() takes no arguments ({args.Length} given)"
                                       : $"{func}() takes at most {n} argument{(n == 1 ? "" : "s")} ({args.Length} given)");
        if (kwargs is not null)
            foreach (var k in kwargs.Names)
                if (Array.IndexOf(keywords, k) < 0)
                    throw new TypeError($"{func}() takes no keyword arguments");
    }

    public void Exactly(int n)
    {
        if (args.Length != n || kwargs is { Count: > 0 })
            throw new TypeError(n == 1 ? $"{func}() takes exactly one argument ({args.Length} given)"
                                       : $"{func}() takes exactly {n} arguments ({args.Length} given)");
    }
}

public static partial class Py
{
    static readonly HashSet<string> StrMethods = new()
    {
        "upper", "lower", "strip", "lstrip", "rstrip", "split", "rsplit", "join", "replace", "startswith",
        "endswith", "find", "rfind", "index", "rindex", "count", "format", "format_map", "title", "capitalize",
        "center", "ljust", "rjust", "zfill", "isdigit", "isalpha", "isalnum", "isspace", "isupper", "islower",
        "isdecimal", "isnumeric", "istitle", "isidentifier", "isascii", "isprintable", "encode", "splitlines",
        "partition", "rpartition", "swapcase", "casefold", "expandtabs", "removeprefix", "removesuffix", "translate",
    };
    static readonly HashSet<string> ListMethods = new()
    { "append", "extend", "insert", "pop", "remove", "index", "count", "sort", "reverse", "copy", "clear" };
    static readonly HashSet<string> TupleMethods = new() { "index", "count" };
    static readonly HashSet<string> DictMethods = new()
    { "get", "items", "keys", "values", "pop", "setdefault", "update", "copy", "clear", "popitem", "fromkeys" };
    static readonly HashSet<string> SetMethods = new()
    {
        "add", "discard", "remove", "pop", "clear", "copy", "union", "intersection", "difference",
        "symmetric_difference", "update", "intersection_update", "difference_update",
        "symmetric_difference_update", "issubset", "issuperset", "isdisjoint",
    };
    static readonly HashSet<string> BytesMethods = new()
    { "hex", "decode", "startswith", "endswith", "count", "find", "index", "join", "upper", "lower", "strip", "split" };
    static readonly HashSet<string> IntMethods = new() { "bit_length", "bit_count", "conjugate", "to_bytes", "as_integer_ratio", "is_integer" };
    static readonly HashSet<string> FloatMethods = new() { "is_integer", "as_integer_ratio", "conjugate", "hex" };
    static readonly HashSet<string> NoMethods = new();

    static HashSet<string> BuiltinMethodNames(object? o) => o switch
    {
        string => StrMethods,
        PyList => ListMethods,
        PyTuple => TupleMethods,
        PyDict d when d is not IPyMethods => DictMethods,
        PySet => SetMethods,
        PyBytes => BytesMethods,
        long or BigInteger or bool or int => IntMethods,
        double => FloatMethods,
        IPyMethods m => m.PyMethodNames,
        _ => NoMethods,
    };

    /// <summary>
    /// <c>obj.name(*args, **kwargs)</c>: generated objects through <see cref="IPyObject.TryCallMethod"/>,
    /// built-in types' methods here, library objects through <see cref="IPyMethods"/>.
    /// </summary>
    public static object? CallMethod(object? obj, string name, object?[] args, PyKwargs? kwargs = null)
    {
        switch (obj)
        {
            case string s: return StrMethod(s, name, args, kwargs);
            // One lock per container makes each method call atomic, as the GIL does for Python's
            // built-in containers: thread-mode functions commonly append to one shared list.
            case PyList l: lock (l) return ListMethod(l, name, args, kwargs);
            case Unfuture u when PyUnsync.TryCallMethod(u, name, args, kwargs, out var ur): return ur;
            // An attribute set on the object shadows its class's attribute of that name.
            case PyObjectBase b when b.TryGetOwnAttribute(name, out var own): return Call(own, args, kwargs);
            case IPyMethods m when m.TryCallPyMethod(name, args, kwargs, out var mr): return mr;
            case PyDict d: lock (d) return DictMethod(d, name, args, kwargs);
            case IPyObject p:
                if (p.TryCallMethod(name, args, kwargs, out var r)) return r;
                if (p.TryGetAttr(name, out var attr)) return Call(attr, args, kwargs);
                break;
            case PyTuple t: return TupleMethod(t, name, args, kwargs);
            case PySet st: lock (st) return SetMethod(st, name, args, kwargs);
            case PyBytes y: return BytesMethod(y, name, args, kwargs);
            case long or BigInteger or bool or int: return IntMethod(obj, name, args, kwargs);
            case double dv: return FloatMethod(dv, name, args, kwargs);
            case PyFunc or PyType:
                if (TryGetAttr(obj, name, out var fa)) return Call(fa, args, kwargs);
                break;
        }
        throw new AttributeError($"'{TypeName(obj)}' object has no attribute '{name}'");
    }

    public static object? CallMethod(object? obj, string name) => CallMethod(obj, name, Array.Empty<object?>());

    static AttributeError NoAttr(object? o, string name) => new($"'{TypeName(o)}' object has no attribute '{name}'");

    // ---------------------------------------------------------------- str

    static (int Start, int End) StrRange(string s, object? so, object? eo)
    {
        long len = PyStr.Length(s);
        long start = so is null ? 0 : IndexValue(so), end = eo is null ? len : IndexValue(eo);
        if (start < 0) { start += len; if (start < 0) start = 0; }
        if (end < 0) { end += len; if (end < 0) end = 0; }
        if (end > len) end = len;
        if (start > len) return (s.Length + 1, s.Length);
        return (CpToUtf16(s, (int)start), CpToUtf16(s, (int)Math.Max(start, end)));
    }

    internal static int CpToUtf16(string s, int cp)
    {
        if (!PyStr.HasSurrogates(s)) return cp;
        int i = 0, n = 0;
        while (i < s.Length && n < cp)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) i += 2; else i++;
            n++;
        }
        return i;
    }

    internal static int Utf16ToCp(string s, int index)
    {
        if (index < 0 || !PyStr.HasSurrogates(s)) return index;
        int n = 0;
        for (int i = 0; i < index && i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) i++;
            n++;
        }
        return n;
    }

    static string StrArg(object? o, string func)
    {
        if (o is string s) return s;
        throw new TypeError($"{func}() argument must be str, not {TypeName(o)}");
    }

    static object? StrMethod(string s, string name, object?[] args, PyKwargs? kwargs)
    {
        // Argument checks here; the work is done by the typed entry points (Py.StrMethods.cs).
        var a = new Args(name, args, kwargs);
        switch (name)
        {
            case "upper": a.Max(0); return StrUpper(s);
            case "lower": a.Max(0); return StrLower(s);
            case "casefold": a.Max(0); return StrCasefold(s);
            case "swapcase": a.Max(0); return StrSwapcase(s);
            case "strip": a.Max(1); return StrStrip(s, a.Get(0, "chars"));
            case "lstrip": a.Max(1); return StrLStrip(s, a.Get(0, "chars"));
            case "rstrip": a.Max(1); return StrRStrip(s, a.Get(0, "chars"));
            case "split": case "rsplit":
                {
                    a.Max(2, "sep", "maxsplit");
                    object? sep = a.Get(0, "sep");
                    long max = ToLong(a.Get(1, "maxsplit", -1L));
                    return Split(s, name, sep, max);
                }
            case "join": a.Exactly(1); return StrJoin(s, args[0]);
            case "replace":
                a.Max(3);
                return a.Has(2, "count") ? StrReplace(s, a.Required(0, "old"), a.Required(1, "new"), a.Get(2, "count"))
                                         : StrReplace(s, a.Required(0, "old"), a.Required(1, "new"));
            case "startswith": case "endswith":
                a.Max(3);
                return PrefixTest(s, name, a.Required(0, "prefix"), a.Get(1, "start"), a.Get(2, "end"));
            case "find": case "rfind": case "index": case "rindex":
                a.Max(3);
                return Find(s, name, a.Required(0, "sub"), a.Get(1, "start"), a.Get(2, "end"));
            case "count":
                a.Max(3);
                return StrCount(s, a.Required(0, "sub"), a.Get(1, "start"), a.Get(2, "end"));
            case "format": return StrFormat(s, args, kwargs);
            case "format_map": a.Exactly(1); return StrFormatMap(s, args[0]);
            case "title": a.Max(0); return StrTitle(s);
            case "capitalize": a.Max(0); return StrCapitalize(s);
            case "center": case "ljust": case "rjust":
                {
                    a.Max(2);
                    long width = ToLong(a.Required(0, "width"));
                    object? fc = a.Get(1, "fillchar", " ");
                    if (fc is not string fill || PyStr.Length(fill) != 1)
                        throw new TypeError($"The fill character must be exactly one character long");
                    long len = PyStr.Length(s);
                    if (width <= len) return s;
                    long marg = width - len;
                    long left = name switch { "ljust" => 0, "rjust" => marg, _ => marg / 2 + (marg & width & 1) };
                    var sb = new StringBuilder();
                    for (long i = 0; i < left; i++) sb.Append(fill);
                    sb.Append(s);
                    for (long i = 0; i < marg - left; i++) sb.Append(fill);
                    return sb.ToString();
                }
            case "zfill": a.Exactly(1); return StrZfill(s, args[0]);
            case "isdigit": a.Max(0); return StrIsDigit(s);
            case "isdecimal": a.Max(0); return StrIsDecimal(s);
            case "isnumeric": a.Max(0); return StrIsNumeric(s);
            case "isalpha": a.Max(0); return StrIsAlpha(s);
            case "isalnum": a.Max(0); return StrIsAlnum(s);
            case "isspace": a.Max(0); return StrIsSpace(s);
            case "isascii": a.Max(0); return StrIsAscii(s);
            case "isprintable": a.Max(0); return StrIsPrintable(s);
            case "isidentifier": a.Max(0); return StrIsIdentifier(s);
            case "isupper": a.Max(0); return StrIsUpper(s);
            case "islower": a.Max(0); return StrIsLower(s);
            case "istitle": a.Max(0); return StrIsTitle(s);
            case "encode": a.Max(2, "encoding", "errors"); return StrEncode(s, a.Get(0, "encoding", "utf-8"), a.Get(1, "errors", "strict"));
            case "splitlines": a.Max(1, "keepends"); return StrSplitLines(s, a.Get(0, "keepends", false));
            case "partition": a.Exactly(1); return StrPartition(s, args[0]);
            case "rpartition": a.Exactly(1); return StrRPartition(s, args[0]);
            case "expandtabs":
                {
                    a.Max(1, "tabsize");
                    long tab = ToLong(a.Get(0, "tabsize", 8L));
                    var sb = new StringBuilder();
                    int col = 0;
                    for (int i = 0; i < s.Length; i++)
                    {
                        char c = s[i];
                        if (c == '\t') { if (tab > 0) { int spaces = (int)(tab - col % tab); sb.Append(' ', spaces); col += spaces; } }
                        else if (c == '\n' || c == '\r') { sb.Append(c); col = 0; }
                        else
                        {
                            sb.Append(c);
                            // Columns count code points: the low half of a surrogate pair is no column.
                            if (!(char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(s[i - 1]))) col++;
                        }
                    }
                    return sb.ToString();
                }
            case "removeprefix": a.Exactly(1); return StrRemovePrefix(s, args[0]);
            case "removesuffix": a.Exactly(1); return StrRemoveSuffix(s, args[0]);
            case "translate": a.Exactly(1); return StrTranslate(s, args[0]);
        }
        throw NoAttr(s, name);
    }

    static string Replace(string s, string old, string nw, long count)
    {
        if (count < 0)
        {
            if (old.Length > 0) return s.Replace(old, nw, StringComparison.Ordinal);
        }
        if (count == 0) return s;
        var sb = new StringBuilder();
        if (old.Length == 0)
        {
            var chars = PyStr.Chars(s);
            long done = 0;
            for (int i = 0; i <= chars.Length; i++)
            {
                if (count < 0 || done < count) { sb.Append(nw); done++; }
                if (i < chars.Length) sb.Append(chars[i]);
            }
            return sb.ToString();
        }
        int pos = 0;
        long n = 0;
        while (n < count)
        {
            int f = s.IndexOf(old, pos, StringComparison.Ordinal);
            if (f < 0) break;
            sb.Append(s, pos, f - pos).Append(nw);
            pos = f + old.Length;
            n++;
        }
        sb.Append(s, pos, s.Length - pos);
        return sb.ToString();
    }

    static PyList SplitWhitespace(string s, long max)
    {
        var r = new PyList();
        int i = 0, n = s.Length;
        while (true)
        {
            while (i < n && PyStr.IsSpace(s[i])) i++;
            if (i >= n) break;
            if (max >= 0 && r.Count >= max)
            {
                r.Add(s.Substring(i));
                break;
            }
            int j = i;
            while (j < n && !PyStr.IsSpace(s[j])) j++;
            r.Add(s.Substring(i, j - i));
            i = j;
        }
        return r;
    }

    static PyList RSplitWhitespace(string s, long max)
    {
        var r = new List<object?>();
        int i = s.Length;
        while (true)
        {
            while (i > 0 && PyStr.IsSpace(s[i - 1])) i--;
            if (i <= 0) break;
            if (max >= 0 && r.Count >= max)
            {
                r.Add(s.Substring(0, i));
                break;
            }
            int j = i;
            while (j > 0 && !PyStr.IsSpace(s[j - 1])) j--;
            r.Add(s.Substring(j, i - j));
            i = j;
        }
        r.Reverse();
        return new PyList(r);
    }

    static PyList SplitSep(string s, string sep, long max)
    {
        var r = new PyList();
        int pos = 0;
        while (max < 0 || r.Count < max)
        {
            int f = s.IndexOf(sep, pos, StringComparison.Ordinal);
            if (f < 0) break;
            r.Add(s.Substring(pos, f - pos));
            pos = f + sep.Length;
        }
        r.Add(s.Substring(pos));
        return r;
    }

    static PyList RSplitSep(string s, string sep, long max)
    {
        var r = new List<object?>();
        int end = s.Length;
        while (max < 0 || r.Count < max)
        {
            if (end < sep.Length) break;
            int f = s.LastIndexOf(sep, end - 1, end, StringComparison.Ordinal);
            if (f < 0) break;
            r.Add(s.Substring(f + sep.Length, end - f - sep.Length));
            end = f;
        }
        r.Add(s.Substring(0, end));
        r.Reverse();
        return new PyList(r);
    }

    /// <summary>Py_UNICODE_ISLINEBREAK beyond ASCII (\x85, \u2028, \u2029; all in the BMP, so a char is enough).</summary>
    static bool IsLineBreak(char c) => UnicodeCType.Instance.HasAny(c, CharFlags.LineBreak);

    static PyList SplitLines(string s, bool keepends)
    {
        var r = new PyList();
        int i = 0, start = 0, n = s.Length;
        while (i < n)
        {
            char c = s[i];
            int eol = -1;
            if (c == '\r' && i + 1 < n && s[i + 1] == '\n') eol = 2;
            else if (c < 0x80 ? c is (>= '\n' and <= '\r') or (>= '\x1c' and <= '\x1e') : IsLineBreak(c)) eol = 1;
            if (eol > 0)
            {
                r.Add(s.Substring(start, keepends ? i + eol - start : i - start));
                i += eol;
                start = i;
            }
            else i++;
        }
        if (start < n) r.Add(s.Substring(start));
        return r;
    }

    // ---------------------------------------------------------------- list / tuple

    static object? ListMethod(PyList l, string name, object?[] args, PyKwargs? kwargs)
    {
        // Argument checks here; the work is done by the typed entry points (Py.ContainerMethods.cs).
        var a = new Args(name, args, kwargs);
        switch (name)
        {
            case "append": a.Exactly(1); return ListAppend(l, args[0]);
            case "extend": a.Exactly(1); return ListExtend(l, args[0]);
            case "insert": a.Exactly(2); return ListInsert(l, args[0], args[1]);
            case "pop": a.Max(1); return args.Length > 0 ? ListPop(l, args[0]) : ListPop(l);
            case "remove": a.Exactly(1); return ListRemove(l, args[0]);
            case "index":
                a.Max(3);
                if (args.Length < 1) throw new TypeError("index expected at least 1 argument, got 0");
                return args.Length switch { 1 => ListIndex(l, args[0]), 2 => ListIndex(l, args[0], args[1]), _ => ListIndex(l, args[0], args[1], args[2]) };
            case "count": a.Exactly(1); return ListCount(l, args[0]);
            case "sort": a.Max(0, "key", "reverse"); return ListSort(l, kwargs?.Get("key"), kwargs?.Get("reverse", false));
            case "reverse": a.Max(0); return ListReverse(l);
            case "copy": a.Max(0); return ListCopy(l);
            case "clear": a.Max(0); return ListClear(l);
        }
        throw NoAttr(l, name);
    }

    static (int, int) SeqRange(int count, object? start, object? end)
    {
        long st = IndexValue(start), en = IndexValue(end);
        if (st < 0) { st += count; if (st < 0) st = 0; }
        if (en < 0) { en += count; if (en < 0) en = 0; }
        if (en > count) en = count;
        return ((int)Math.Min(st, count), (int)en);
    }

    static object? TupleMethod(PyTuple t, string name, object?[] args, PyKwargs? kwargs)
    {
        var a = new Args(name, args, kwargs);
        switch (name)
        {
            case "count": a.Exactly(1); return (long)t.Items.Count(x => ReferenceEquals(x, args[0]) || Eq(x, args[0]));
            case "index":
                {
                    a.Max(3);
                    var (st, en) = SeqRange(t.Count, args.Length > 1 ? args[1] : 0L, args.Length > 2 ? args[2] : (long)t.Count);
                    for (int i = st; i < en; i++)
                        if (ReferenceEquals(t.Items[i], args[0]) || Eq(t.Items[i], args[0])) return (long)i;
                    throw new ValueError("tuple.index(x): x not in tuple");
                }
        }
        throw NoAttr(t, name);
    }

    // ---------------------------------------------------------------- dict

    static object? DictMethod(PyDict d, string name, object?[] args, PyKwargs? kwargs)
    {
        var a = new Args(name, args, kwargs);
        switch (name)
        {
            case "get": a.Max(2); if (args.Length < 1) throw new TypeError("get expected at least 1 argument, got 0"); return DictGet(d, args[0], args.Length > 1 ? args[1] : null);
            case "items": a.Max(0); return DictItems(d);
            case "keys": a.Max(0); return DictKeys(d);
            case "values": a.Max(0); return DictValues(d);
            case "pop":
                a.Max(2);
                if (args.Length < 1) throw new TypeError("pop expected at least 1 argument, got 0");
                return args.Length > 1 ? DictPop(d, args[0], args[1]) : DictPop(d, args[0]);
            case "setdefault": a.Max(2); return DictSetDefault(d, args[0], args.Length > 1 ? args[1] : null);
            case "update":
                if (args.Length > 1) throw new TypeError($"update expected at most 1 argument, got {args.Length}");
                d.Update(args.Length > 0 ? args[0] : null, kwargs);
                return null;
            case "copy": a.Max(0); return d.Copy();
            case "clear": a.Max(0); return DictClear(d);
            case "popitem": a.Max(0); return d.PopItem();
            case "fromkeys": a.Max(2); return PyDict.FromKeys(args[0], args.Length > 1 ? args[1] : null);
        }
        throw NoAttr(d, name);
    }

    // ---------------------------------------------------------------- set

    static object? SetMethod(PySet s, string name, object?[] args, PyKwargs? kwargs)
    {
        var a = new Args(name, args, kwargs);
        switch (name)
        {
            case "add": a.Exactly(1); return SetAdd(s, args[0]);
            case "discard": a.Exactly(1); return SetDiscard(s, args[0]);
            case "remove": a.Exactly(1); return SetRemove(s, args[0]);
            case "pop": a.Max(0); return SetPop(s);
            case "clear": a.Max(0); return SetClear(s);
            case "copy": a.Max(0); return s.IsFrozen ? s : s.Copy();
            case "union": a.Max(int.MaxValue); return s.Union(args);
            case "intersection": a.Max(int.MaxValue); return s.Intersection(args);
            case "difference": a.Max(int.MaxValue); return s.Difference(args);
            case "symmetric_difference": a.Exactly(1); return s.SymmetricDifference(args[0]);
            case "update": s.Update(args); return null;
            case "intersection_update": s.IntersectionUpdate(args); return null;
            case "difference_update": s.DifferenceUpdate(args); return null;
            case "symmetric_difference_update": a.Exactly(1); s.SymmetricDifferenceUpdate(args[0]); return null;
            case "issubset": a.Exactly(1); return SetIsSubset(s, args[0]);
            case "issuperset": a.Exactly(1); return SetIsSuperset(s, args[0]);
            case "isdisjoint": a.Exactly(1); return SetIsDisjoint(s, args[0]);
        }
        throw NoAttr(s, name);
    }

    // ---------------------------------------------------------------- bytes

    static PyBytes BytesArg(object? o) => o as PyBytes ?? throw new TypeError($"a bytes-like object is required, not '{TypeName(o)}'");

    static object? BytesMethod(PyBytes y, string name, object?[] args, PyKwargs? kwargs)
    {
        var a = new Args(name, args, kwargs);
        switch (name)
        {
            case "hex": a.Max(2, "sep", "bytes_per_sep"); return y.Hex(a.Get(0, "sep") as string, ToLong(a.Get(1, "bytes_per_sep", 1L)));
            case "decode": a.Max(2, "encoding", "errors"); return y.Decode((string?)a.Get(0, "encoding", "utf-8") ?? "utf-8", (string?)a.Get(1, "errors", "strict") ?? "strict");
            case "startswith": a.Exactly(1); return args[0] is PyTuple pt ? pt.Items.Any(p => y.Data.AsSpan().StartsWith(BytesArg(p).Data)) : y.Data.AsSpan().StartsWith(BytesArg(args[0]).Data);
            case "endswith": a.Exactly(1); return args[0] is PyTuple et ? et.Items.Any(p => y.Data.AsSpan().EndsWith(BytesArg(p).Data)) : y.Data.AsSpan().EndsWith(BytesArg(args[0]).Data);
            case "find": case "index":
                {
                    a.Exactly(1);
                    int i = args[0] is PyBytes sub ? y.Data.AsSpan().IndexOf(sub.Data) : Array.IndexOf(y.Data, (byte)ToLong(args[0]));
                    if (i < 0 && name == "index") throw new ValueError("subsection not found");
                    return (long)i;
                }
            case "count":
                {
                    a.Exactly(1);
                    if (args[0] is not PyBytes sub) return (long)y.Data.Count(b => b == ToLong(args[0]));
                    if (sub.Count == 0) return (long)y.Count + 1;
                    long n = 0;
                    var span = y.Data.AsSpan();
                    int pos = 0;
                    while (true)
                    {
                        int f = span.Slice(pos).IndexOf(sub.Data);
                        if (f < 0) break;
                        n++;
                        pos += f + sub.Count;
                    }
                    return n;
                }
            case "join":
                {
                    a.Exactly(1);
                    var parts = Iter(args[0]).Select(BytesArg).ToList();
                    var r = new List<byte>();
                    for (int i = 0; i < parts.Count; i++) { if (i > 0) r.AddRange(y.Data); r.AddRange(parts[i].Data); }
                    return new PyBytes(r.ToArray());
                }
            case "upper": return new PyBytes(y.Data.Select(b => b >= 'a' && b <= 'z' ? (byte)(b - 32) : b).ToArray());
            case "lower": return new PyBytes(y.Data.Select(b => b >= 'A' && b <= 'Z' ? (byte)(b + 32) : b).ToArray());
            case "strip": return PyBytes.FromAscii(Encoding.Latin1.GetString(y.Data).Trim(PyStr.AsciiWhitespace));
            case "split":
                {
                    // bytes whitespace is ASCII only: \x1c-\x1f, \x85 and \xa0 do not split.
                    string text = Encoding.Latin1.GetString(y.Data);
                    IEnumerable<object?> parts = args.Length > 0 && args[0] is PyBytes sep
                        ? SplitSep(text, Encoding.Latin1.GetString(sep.Data), -1)
                        : text.Split(PyStr.AsciiWhitespace, StringSplitOptions.RemoveEmptyEntries);
                    return new PyList(parts.Select(p => (object?)PyBytes.FromAscii((string)p!)));
                }
        }
        throw NoAttr(y, name);
    }

    // ---------------------------------------------------------------- int / float

    static object? IntMethod(object? v, string name, object?[] args, PyKwargs? kwargs)
    {
        BigInteger b = ToBig(v);
        switch (name)
        {
            case "bit_length": return (long)BigInteger.Abs(b).GetBitLength();
            case "bit_count": return (long)ToBase(BigInteger.Abs(b), 2).Count(c => c == '1');
            case "conjugate": return Norm(b);
            case "is_integer": return true;
            case "as_integer_ratio": return new PyTuple(Norm(b), 1L);
            case "to_bytes":
                {
                    var a = new Args(name, args, kwargs);
                    long length = ToLong(a.Get(0, "length", 1L));
                    string order = a.Get(1, "byteorder", "big") as string ?? "big";
                    bool signed = IsTrue(a.Get(2, "signed", false));
                    if (!signed && b.Sign < 0) throw new OverflowError("can't convert negative int to unsigned");
                    var bytes = b.ToByteArray(isUnsigned: !signed, isBigEndian: order == "big");
                    if (bytes.Length > length)
                    {
                        // BigInteger may add a sign byte; strip redundant ones
                        int extra = bytes.Length - (int)length;
                        bool redundant = order == "big" ? bytes.Take(extra).All(x => x == 0) : bytes.Skip((int)length).All(x => x == 0);
                        if (!redundant) throw new OverflowError("int too big to convert");
                        bytes = order == "big" ? bytes.Skip(extra).ToArray() : bytes.Take((int)length).ToArray();
                    }
                    byte fill = (byte)(b.Sign < 0 ? 0xFF : 0);
                    if (bytes.Length < length)
                    {
                        var padding = Enumerable.Repeat(fill, (int)length - bytes.Length);
                        bytes = order == "big" ? padding.Concat(bytes).ToArray() : bytes.Concat(padding).ToArray();
                    }
                    return new PyBytes(bytes);
                }
        }
        throw NoAttr(v, name);
    }

    static object? FloatMethod(double d, string name, object?[] args, PyKwargs? kwargs)
    {
        switch (name)
        {
            case "is_integer": return !double.IsInfinity(d) && !double.IsNaN(d) && Math.Floor(d) == d;
            case "conjugate": return d;
            case "as_integer_ratio":
                {
                    if (double.IsInfinity(d)) throw new OverflowError("cannot convert Infinity to integer ratio");
                    if (double.IsNaN(d)) throw new ValueError("cannot convert NaN to integer ratio");
                    if (d == 0) return new PyTuple(0L, 1L);
                    var (num, den) = PyFloat.Exact(Math.Abs(d));
                    var g = BigInteger.GreatestCommonDivisor(num, den);
                    num /= g; den /= g;
                    return new PyTuple(Norm(d < 0 ? -num : num), Norm(den));
                }
            case "hex":
                {
                    if (double.IsNaN(d)) return "nan";
                    if (double.IsInfinity(d)) return d > 0 ? "inf" : "-inf";
                    long bits = BitConverter.DoubleToInt64Bits(d);
                    string sign = bits < 0 ? "-" : "";
                    int exp = (int)((bits >> 52) & 0x7FF);
                    long mant = bits & 0xFFFFFFFFFFFFFL;
                    if (exp == 0 && mant == 0) return sign + "0x0.0p+0";
                    int e = exp == 0 ? -1022 : exp - 1023;
                    string lead = exp == 0 ? "0" : "1";
                    return $"{sign}0x{lead}.{mant:x13}p{(e >= 0 ? "+" : "")}{e}";
                }
        }
        throw NoAttr(d, name);
    }
}

/// <summary>Runtime library objects with Python methods (Counter.most_common, deque.appendleft, ...).</summary>
public interface IPyMethods
{
    bool TryCallPyMethod(string name, object?[] args, PyKwargs? kwargs, out object? result);
    HashSet<string> PyMethodNames { get; }
}
