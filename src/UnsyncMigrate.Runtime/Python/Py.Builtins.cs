using System.Globalization;
using System.Numerics;
using System.Text;

namespace UnsyncMigrate.Runtime.Python;

public static partial class Py
{
    // ---------------------------------------------------------------- conversions

    /// <summary>Python's <c>int(x)</c>: ints, bools, floats (truncation), str (base 10, underscores, whitespace).</summary>
    public static object Int(object? o)
    {
        switch (o)
        {
            case long l: return l;
            case bool b: return b ? 1L : 0L;
            case int i: return (long)i;
            case BigInteger big: return Norm(big);
            case double d: return FloatToInt(d);
            case string s: return ParseInt(s, PyNumberText.ToAscii(s), 10);
            case PyBytes y: return ParseInt(y, Encoding.Latin1.GetString(y.Data), 10);
            case IPyObject p:
                if (CallDunder0(p, "__int__", out var r) && IsInt(r)) return Int(r);
                if (CallDunder0(p, "__index__", out r) && IsInt(r)) return Int(r);
                break;
        }
        throw new TypeError($"int() argument must be a string, a bytes-like object or a real number, not '{TypeName(o)}'");
    }

    /// <summary>Python's <c>int(str, base)</c>; base 0 infers from the prefix.</summary>
    public static object Int(object? o, long @base)
    {
        string ascii = o switch
        {
            string s => PyNumberText.ToAscii(s),
            PyBytes y => Encoding.Latin1.GetString(y.Data),
            _ => throw new TypeError("int() can't convert non-string with explicit base"),
        };
        if (@base != 0 && (@base < 2 || @base > 36)) throw new ValueError("int() base must be >= 2 and <= 36, or 0");
        return ParseInt(o, ascii, (int)@base);
    }

    /// <summary>
    /// PyLong_FromString on <paramref name="text"/>: a str already through
    /// <see cref="PyNumberText.ToAscii"/>, or bytes as Latin-1 (bytes take no Unicode digits or
    /// whitespace); errors show <paramref name="original"/>.
    /// </summary>
    static object ParseInt(object original, string text, int radix)
    {
        string s = text.Trim(PyStr.AsciiWhitespace);
        ValueError Bad() => new($"invalid literal for int() with base {radix}: {Repr(original)}");
        if (s.Length == 0) throw Bad();
        int i = 0;
        bool neg = false;
        if (s[0] == '+' || s[0] == '-') { neg = s[0] == '-'; i = 1; }
        int b = radix;
        if (i + 1 < s.Length && s[i] == '0')
        {
            char p = char.ToLowerInvariant(s[i + 1]);
            int pb = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
            if (pb != 0 && (radix == 0 || radix == pb))
            {
                b = pb;
                i += 2;
                if (i < s.Length && s[i] == '_') i++;
            }
        }
        if (b == 0)
        {
            b = 10;
            // base 0: a decimal literal may not have leading zeros (except 0 itself)
            string rest = s.Substring(i).Replace("_", "");
            if (rest.Length > 1 && rest[0] == '0' && rest.Any(c => c != '0')) throw Bad();
        }
        if (i >= s.Length) throw Bad();
        BigInteger acc = BigInteger.Zero;
        long small = 0;
        bool big = false;
        int digits = 0;
        bool lastUnderscore = true;
        for (; i < s.Length; i++)
        {
            char c = s[i];
            if (c == '_')
            {
                if (lastUnderscore) throw Bad();
                lastUnderscore = true;
                continue;
            }
            int v = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'z' ? c - 'a' + 10 : c >= 'A' && c <= 'Z' ? c - 'A' + 10 : 99;
            if (v >= b) throw Bad();
            lastUnderscore = false;
            digits++;
            if (!big)
            {
                if (small <= (long.MaxValue - v) / b) { small = small * b + v; continue; }
                big = true;
                acc = small;
            }
            acc = acc * b + v;
        }
        if (lastUnderscore || digits == 0) throw Bad();
        if (b == 10 && digits > 4300)
            throw new ValueError("Exceeds the limit (4300 digits) for integer string conversion: value has " + digits + " digits; use sys.set_int_max_str_digits() to increase the limit");
        if (!big) return neg ? -small : small;
        return Norm(neg ? -acc : acc);
    }

    /// <summary>Python's <c>float(x)</c>.</summary>
    public static double Float(object? o)
    {
        switch (o)
        {
            case double d: return d;
            case long l: return l;
            case bool b: return b ? 1.0 : 0.0;
            case int i: return i;
            case BigInteger big: return IntToDouble(big);
            case string s:
                return PyFloat.Parse(s) ?? throw new ValueError($"could not convert string to float: {PyStr.Repr(s)}");
            case IPyObject p:
                if (CallDunder0(p, "__float__", out var r) && r is double rd) return rd;
                if (CallDunder0(p, "__index__", out r) && IsInt(r)) return ToDouble(r);
                break;
        }
        throw new TypeError($"float() argument must be a string or a real number, not '{TypeName(o)}'");
    }

    /// <summary>Python's <c>round(x)</c>: an int, ties to even.</summary>
    public static object Round(object? x)
    {
        switch (x)
        {
            case double d: return PyFloat.RoundToInt(d);
            case long or bool or int or BigInteger: return Int(x);
            case IPyObject p when p.TryCallMethod("__round__", Array.Empty<object?>(), null, out var r): return r!;
        }
        throw new TypeError($"type {TypeName(x)} doesn't define __round__ method");
    }

    /// <summary>Python's <c>round(x, ndigits)</c>: float for floats, int for ints (half-even).</summary>
    public static object? Round(object? x, object? ndigits)
    {
        if (ndigits is null) return Round(x);
        long n = ToLong(ndigits);
        switch (x)
        {
            case double d: return PyFloat.Round(d, n);
            case long or bool or int or BigInteger:
                {
                    if (n >= 0) return Int(x);
                    BigInteger v = ToBig(x);
                    if (-n > 10000) return 0L;
                    BigInteger pow = BigInteger.Pow(10, (int)-n);
                    BigInteger q = FloorDivBig(v, pow);
                    BigInteger r = v - q * pow;
                    BigInteger twice = r * 2;
                    if (twice > pow || (twice == pow && !q.IsEven)) q += 1;
                    return Norm(q * pow);
                }
            case IPyObject p when p.TryCallMethod("__round__", new[] { ndigits }, null, out var rr): return rr;
        }
        throw new TypeError($"type {TypeName(x)} doesn't define __round__ method");
    }

    public static object Round(double x) => PyFloat.RoundToInt(x);
    public static double Round(double x, long ndigits) => PyFloat.Round(x, ndigits);

    public static string Chr(object? i)
    {
        if (!IsInt(i)) throw new TypeError($"'{TypeName(i)}' object cannot be interpreted as an integer");
        BigInteger v = ToBig(i);
        if (v.Sign < 0 || v > 0x10FFFF) throw new ValueError("chr() arg not in range(0x110000)");
        return PyStr.FromCodePoint((long)v);
    }

    public static long Ord(object? c)
    {
        if (c is string s)
        {
            int n = PyStr.Length(s);
            if (n != 1) throw new TypeError($"ord() expected a character, but string of length {n} found");
            return char.IsHighSurrogate(s[0]) && s.Length == 2 ? char.ConvertToUtf32(s[0], s[1]) : s[0];
        }
        if (c is PyBytes y)
        {
            if (y.Count != 1) throw new TypeError($"ord() expected a character, but string of length {y.Count} found");
            return y.Data[0];
        }
        throw new TypeError($"ord() expected string of length 1, but {TypeName(c)} found");
    }

    public static string Bin(object? x) => IntPrefixed(x, 2, "0b");
    public static string Oct(object? x) => IntPrefixed(x, 8, "0o");
    public static string Hex(object? x) => IntPrefixed(x, 16, "0x");

    static string IntPrefixed(object? x, int radix, string prefix)
    {
        if (!IsInt(x)) throw new TypeError($"'{TypeName(x)}' object cannot be interpreted as an integer");
        BigInteger v = ToBig(x);
        return (v.Sign < 0 ? "-" : "") + prefix + ToBase(BigInteger.Abs(v), radix);
    }

    public static object? Abs(object? x)
    {
        switch (x)
        {
            case long l: return l == long.MinValue ? -(BigInteger)l : Math.Abs(l);
            case double d: return Math.Abs(d);
            case bool b: return b ? 1L : 0L;
            case int i: return Math.Abs((long)i);
            case BigInteger big: return Norm(BigInteger.Abs(big));
            case IPyObject p when CallDunder0(p, "__abs__", out var r): return r;
        }
        throw new TypeError($"bad operand type for abs(): '{TypeName(x)}'");
    }

    // ---------------------------------------------------------------- constructors

    public static PyList List() => new();
    public static PyList List(object? iterable) => iterable switch
    {
        PyList l => new PyList(l),
        PyTuple t => new PyList(t.Items),
        _ => new PyList(Iter(iterable)),
    };

    public static PyTuple Tuple(object? iterable) => iterable switch
    {
        PyTuple t => t,
        PyList l => new PyTuple(l.ToArray()),
        _ => new PyTuple(Iter(iterable).ToArray()),
    };

    public static PySet Set() => new();
    public static PySet Set(object? iterable)
    {
        var s = new PySet();
        s.UpdateFrom(iterable);
        return s;
    }

    public static PySet FrozenSet(object? iterable)
    {
        if (iterable is PySet { IsFrozen: true } f) return f;
        return PySet.Frozen(iterable is PySet s ? s : Iter(iterable));
    }

    /// <summary>Python's <c>dict(...)</c>: <c>dict()</c>, <c>dict(mapping)</c>, <c>dict(pairs)</c>, plus keywords.</summary>
    public static PyDict Dict(object?[] args, PyKwargs? kwargs = null)
    {
        if (args.Length > 1) throw new TypeError($"dict expected at most 1 argument, got {args.Length}");
        var d = new PyDict();
        d.Update(args.Length == 1 ? args[0] : null, kwargs);
        return d;
    }

    public static PyDict Dict() => new();
    public static PyDict Dict(object? source) => Dict(new[] { source });

    public static PyRange Range(long stop) => new(0, stop, 1);
    public static PyRange Range(long start, long stop, long step = 1) => new(start, stop, step);

    public static PyRange Range(params object?[] args)
    {
        foreach (var a in args)
            if (!IsInt(a) && !(a is IPyObject)) throw new TypeError($"'{TypeName(a)}' object cannot be interpreted as an integer");
        return args.Length switch
        {
            1 => new PyRange(0, ToLong(args[0]), 1),
            2 => new PyRange(ToLong(args[0]), ToLong(args[1]), 1),
            3 => new PyRange(ToLong(args[0]), ToLong(args[1]), ToLong(args[2])),
            0 => throw new TypeError("range expected at least 1 argument, got 0"),
            _ => throw new TypeError($"range expected at most 3 arguments, got {args.Length}"),
        };
    }

    // ---------------------------------------------------------------- iteration builtins

    public static PyIterator Enumerate(object? iterable, long start = 0) => new(EnumerateCore(iterable, start), "enumerate");

    static IEnumerable<object?> EnumerateCore(object? iterable, long start)
    {
        long i = start;
        foreach (var x in Iter(iterable)) yield return new PyTuple(i++, x);
    }

    public static PyIterator Zip(params object?[] iterables) => new(ZipCore(iterables, false), "zip");

    /// <summary><c>zip(*its, strict=True)</c>.</summary>
    public static PyIterator ZipStrict(params object?[] iterables) => new(ZipCore(iterables, true), "zip");

    static IEnumerable<object?> ZipCore(object?[] iterables, bool strict)
    {
        if (iterables.Length == 0) yield break;
        var es = iterables.Select(i => Iter(i).GetEnumerator()).ToArray();
        while (true)
        {
            var row = new object?[es.Length];
            for (int k = 0; k < es.Length; k++)
            {
                if (!es[k].MoveNext())
                {
                    if (strict)
                    {
                        if (k > 0) throw new ValueError($"zip() argument {k + 1} is shorter than argument{(k > 1 ? "s 1-" + k : " 1")}");
                        for (int m = 1; m < es.Length; m++)
                            if (es[m].MoveNext()) throw new ValueError($"zip() argument {m + 1} is longer than argument{(m > 1 ? "s 1-" + m : " 1")}");
                    }
                    yield break;
                }
                row[k] = es[k].Current;
            }
            yield return new PyTuple(row);
        }
    }

    public static PyIterator Map(object? func, params object?[] iterables) => new(MapCore(func, iterables), "map");

    static IEnumerable<object?> MapCore(object? func, object?[] iterables)
    {
        if (iterables.Length == 1)
        {
            foreach (var x in Iter(iterables[0])) yield return Call(func, new[] { x });
            yield break;
        }
        foreach (var row in ZipCore(iterables, false)) yield return Call(func, ((PyTuple)row!).ToArray());
    }

    public static PyIterator Filter(object? func, object? iterable) => new(FilterCore(func, iterable), "filter");

    static IEnumerable<object?> FilterCore(object? func, object? iterable)
    {
        foreach (var x in Iter(iterable))
            if (func is null ? IsTrue(x) : IsTrue(Call(func, new[] { x }))) yield return x;
    }

    public static PyIterator Reversed(object? seq)
    {
        switch (seq)
        {
            case PyList l: return new PyIterator(ReversedList(l), "list_reverseiterator");
            case PyTuple t: return new PyIterator(t.Items.Reverse(), "reversed");
            case string s: return new PyIterator(PyStr.Chars(s).Reverse(), "reversed");
            case PyRange r: return new PyIterator(new PyRange(r.At(r.Length - 1), r.Start - r.Step, -r.Step), "range_iterator");
            case PyDict d: return new PyIterator(d.Keys.ToList().AsEnumerable().Reverse(), "dict_reversekeyiterator");
            case PyDictView v: return new PyIterator(v.ToList().AsEnumerable().Reverse(), "dict_reverseiterator");
            case PyBytes y: return new PyIterator(y.Reverse(), "reversed");
            case IPyObject p when p.TryCallMethod("__reversed__", Array.Empty<object?>(), null, out var rr): return IterObj(rr);
            case IPyObject p2 when CallDunder0(p2, "__len__", out var n) && p2.TryGetAttr("__getitem__", out _):
                return new PyIterator(Enumerable.Range(0, (int)ToLong(n)).Reverse().Select(i => GetItem(p2, (long)i)), "reversed");
            case IPyReversible rv: return new PyIterator(rv.PyReversed(), "reversed");
        }
        throw new TypeError($"'{TypeName(seq)}' object is not reversible");
    }

    static IEnumerable<object?> ReversedList(PyList l)
    {
        for (int i = l.Count - 1; i >= 0; i--)
        {
            if (i >= l.Count) { i = l.Count; continue; }
            yield return l[i];
        }
    }

    // ---------------------------------------------------------------- sorting

    /// <summary>Python's <c>sorted(iterable, key=None, reverse=False)</c>: stable, Python's &lt;.</summary>
    public static PyList Sorted(object? iterable, object? key = null, bool reverse = false)
    {
        var l = new PyList(Iter(iterable));
        Sort(l, key, reverse);
        return l;
    }

    /// <summary><c>list.sort(key=None, reverse=False)</c>: a stable merge sort using only <c>&lt;</c>, as CPython's.</summary>
    public static void Sort(List<object?> list, object? key = null, bool reverse = false)
    {
        int n = list.Count;
        if (n < 2) return;
        var items = list.ToArray();
        object?[] keys = key is null ? items : items.Select(x => Call(key, new[] { x })).ToArray();
        // reverse=True: CPython reverses, sorts stably, reverses back; equal items keep their order.
        if (reverse) { Array.Reverse(items); Array.Reverse(keys); }
        var idx = new int[n];
        for (int i = 0; i < n; i++) idx[i] = i;
        var tmp = new int[n];
        MergeSort(idx, tmp, 0, n, keys);
        var result = new object?[n];
        for (int i = 0; i < n; i++) result[i] = items[idx[i]];
        if (reverse) Array.Reverse(result);
        list.Clear();
        list.AddRange(result);
    }

    static void MergeSort(int[] idx, int[] tmp, int lo, int hi, object?[] keys)
    {
        if (hi - lo <= 12)
        {
            // binary insertion sort (stable)
            for (int i = lo + 1; i < hi; i++)
            {
                int v = idx[i];
                int left = lo, right = i;
                while (left < right)
                {
                    int mid = (left + right) >> 1;
                    if (Lt(keys[v], keys[idx[mid]])) right = mid; else left = mid + 1;
                }
                for (int j = i; j > left; j--) idx[j] = idx[j - 1];
                idx[left] = v;
            }
            return;
        }
        int m = (lo + hi) >> 1;
        MergeSort(idx, tmp, lo, m, keys);
        MergeSort(idx, tmp, m, hi, keys);
        if (!Lt(keys[idx[m]], keys[idx[m - 1]])) return;
        int a = lo, b = m, k = lo;
        while (a < m && b < hi)
        {
            if (Lt(keys[idx[b]], keys[idx[a]])) tmp[k++] = idx[b++];
            else tmp[k++] = idx[a++];
        }
        while (a < m) tmp[k++] = idx[a++];
        while (b < hi) tmp[k++] = idx[b++];
        Array.Copy(tmp, lo, idx, lo, hi - lo);
    }

    // ---------------------------------------------------------------- reductions

    /// <summary><c>min(iterable, *, key=None, default=...)</c>.</summary>
    public static object? Min(object? iterable, object? key = null) => MinMax(iterable, key, false, false, null, "min");
    public static object? MinDefault(object? iterable, object? defaultValue, object? key = null) => MinMax(iterable, key, false, true, defaultValue, "min");
    /// <summary><c>min(a, b, *rest)</c>.</summary>
    public static object? MinOf(params object?[] args) => MinMax(args, null, false, false, null, "min");
    public static object? MinOfKey(object? key, params object?[] args) => MinMax(args, key, false, false, null, "min");

    public static object? Max(object? iterable, object? key = null) => MinMax(iterable, key, true, false, null, "max");
    public static object? MaxDefault(object? iterable, object? defaultValue, object? key = null) => MinMax(iterable, key, true, true, defaultValue, "max");
    public static object? MaxOf(params object?[] args) => MinMax(args, null, true, false, null, "max");
    public static object? MaxOfKey(object? key, params object?[] args) => MinMax(args, key, true, false, null, "max");

    /// <summary>Full call form: <c>max(*args, key=..., default=...)</c> as Python receives it.</summary>
    public static object? Max(object?[] args, PyKwargs? kwargs) => MinMaxCall(args, kwargs, true);
    public static object? Min(object?[] args, PyKwargs? kwargs) => MinMaxCall(args, kwargs, false);

    static object? MinMaxCall(object?[] args, PyKwargs? kwargs, bool isMax)
    {
        string name = isMax ? "max" : "min";
        object? key = kwargs?.Get("key");
        bool hasDefault = kwargs?.TryGet("default", out _) ?? false;
        object? dflt = kwargs?.Get("default");
        if (args.Length == 0) throw new TypeError($"{name} expected at least 1 argument, got 0");
        if (args.Length == 1) return MinMax(args[0], key, isMax, hasDefault, dflt, name);
        if (hasDefault) throw new TypeError($"Cannot specify a default for {name}() with multiple positional arguments");
        return MinMax(args, key, isMax, false, null, name);
    }

    static object? MinMax(object? iterable, object? key, bool isMax, bool hasDefault, object? dflt, string name)
    {
        bool first = true;
        object? best = null, bestKey = null;
        foreach (var x in Iter(iterable))
        {
            var k = key is null ? x : Call(key, new[] { x });
            if (first) { best = x; bestKey = k; first = false; continue; }
            if (isMax ? Gt(k, bestKey) : Lt(k, bestKey)) { best = x; bestKey = k; }
        }
        if (first)
        {
            if (hasDefault) return dflt;
            throw new ValueError($"{name}() arg is an empty sequence");
        }
        return best;
    }

    /// <summary>Python 3.11's <c>sum(iterable, start=0)</c>: exact ints, plain left-to-right float addition.</summary>
    public static object? Sum(object? iterable, object? start = null)
    {
        if (start is string) throw new TypeError("sum() can't sum strings [use ''.join(seq) instead]");
        if (start is PyBytes) throw new TypeError("sum() can't sum bytes [use b''.join(seq) instead]");
        object? acc = start ?? 0L;
        foreach (var x in Iter(iterable))
        {
            if (acc is long a && x is long b)
            {
                long r = a + b;
                acc = ((a ^ r) & (b ^ r)) < 0 ? (object)((BigInteger)a + b) : r;
            }
            else if (acc is double da && x is double db) acc = da + db;
            else if (acc is double da2 && x is long lb2) acc = da2 + (double)lb2;
            else acc = Add(acc, x);
        }
        return acc;
    }

    public static bool Any(object? iterable)
    {
        foreach (var x in Iter(iterable)) if (IsTrue(x)) return true;
        return false;
    }

    public static bool All(object? iterable)
    {
        foreach (var x in Iter(iterable)) if (!IsTrue(x)) return false;
        return true;
    }

    // ---------------------------------------------------------------- types

    /// <summary>
    /// Python's <c>isinstance(obj, (A, B))</c> with .NET types: <c>typeof(long)</c> means int (bool
    /// included, BigInteger too), <c>typeof(double)</c> float, <c>typeof(string)</c> str, the Py*
    /// classes, generated classes and exception classes.
    /// </summary>
    public static bool Isinstance(object? obj, params Type[] types)
    {
        foreach (var t in types)
        {
            if (t == typeof(long) || t == typeof(BigInteger) || t == typeof(int))
            {
                if (obj is long or bool or BigInteger or int) return true;
            }
            else if (t == typeof(double)) { if (obj is double or float) return true; }
            else if (t == typeof(bool)) { if (obj is bool) return true; }
            else if (t == typeof(object)) return true;
            else if (obj is not null && t.IsInstanceOfType(obj)) return true;
        }
        return false;
    }

    /// <summary><c>isinstance(obj, X)</c> by Python type name (builtins, generated classes and their bases, exceptions).</summary>
    public static bool IsinstanceName(object? obj, params string[] names)
    {
        foreach (var name in names)
        {
            switch (name)
            {
                case "object": return true;
                case "int": if (obj is long or bool or BigInteger or int) return true; continue;
                case "bool": if (obj is bool) return true; continue;
                case "float": if (obj is double) return true; continue;
                case "str": if (obj is string) return true; continue;
                case "list": if (obj is PyList) return true; continue;
                case "tuple": if (obj is PyTuple) return true; continue;
                case "dict": if (obj is PyDict) return true; continue;
                case "set": if (obj is PySet { IsFrozen: false }) return true; continue;
                case "frozenset": if (obj is PySet { IsFrozen: true }) return true; continue;
                case "bytes": if (obj is PyBytes) return true; continue;
                case "range": if (obj is PyRange) return true; continue;
                case "NoneType": if (obj is null) return true; continue;
                case "type": if (obj is PyType) return true; continue;
            }
            if (obj is null) continue;
            if (TypeName(obj) == name) return true;
            for (var t = obj.GetType(); t is not null && t != typeof(object); t = t.BaseType)
            {
                if (t.Name == name) return true;
                if (name == "Exception" && t == typeof(PyException)) return true;
                if (name == "BaseException" && t == typeof(PyBaseException)) return true;
            }
        }
        return false;
    }

    public static bool Callable(object? o) => o switch
    {
        PyFunc or PyType or Delegate or IPyCallable => true,
        PyObjectBase p => HasCall(p) || p.TryGetAttr("__call__", out _),
        IPyObject p2 => p2.TryGetAttr("__call__", out _),
        _ => false,
    };

    static bool HasCall(PyObjectBase p)
    {
        var m = p.GetType().GetMethod("__call__");
        return m is not null && m.DeclaringType != typeof(PyObjectBase);
    }

    // ---------------------------------------------------------------- calls

    /// <summary>Calls a Python callable value: PyFunc, PyType, delegates, generated objects with <c>__call__</c>.</summary>
    public static object? Call(object? callable, object?[] args, PyKwargs? kwargs = null)
    {
        switch (callable)
        {
            case PyFunc f: return f.Body(args, kwargs);
            case IPyCallable c: return c.Call(args, kwargs);
            case Func<object?, object?> f1 when kwargs is null or { Count: 0 }:
                CheckArgs("<lambda>", args, kwargs, 1);
                return f1(args[0]);
            case Func<object?, object?, object?> f2 when kwargs is null or { Count: 0 }:
                CheckArgs("<lambda>", args, kwargs, 2);
                return f2(args[0], args[1]);
            case Func<object?> f0 when kwargs is null or { Count: 0 }:
                CheckArgs("<lambda>", args, kwargs, 0);
                return f0();
            case Func<object?[], PyKwargs?, object?> fk: return fk(args, kwargs);
            case Func<object?, object?, object?, object?> f3 when kwargs is null or { Count: 0 }:
                CheckArgs("<lambda>", args, kwargs, 3);
                return f3(args[0], args[1], args[2]);
            case Action<object?> a1 when kwargs is null or { Count: 0 }:
                CheckArgs("<lambda>", args, kwargs, 1);
                a1(args[0]);
                return null;
            case Action a0 when kwargs is null or { Count: 0 }:
                CheckArgs("<lambda>", args, kwargs, 0);
                a0();
                return null;
            case PyObjectBase p:
                {
                    var r = p.__call__(args, kwargs);
                    if (r is not PyNotImplemented) return r;
                    if (p.TryCallMethod("__call__", args, kwargs, out r)) return r;
                    break;
                }
            case IPyObject po when po.TryCallMethod("__call__", args, kwargs, out var r2): return r2;
            case Delegate d when kwargs is null or { Count: 0 }:
                try { return d.DynamicInvoke(args); }
                catch (System.Reflection.TargetInvocationException e) when (e.InnerException is not null)
                {
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
                    throw;
                }
        }
        throw new TypeError($"'{TypeName(callable)}' object is not callable");
    }

    public static object? Call(object? callable) => Call(callable, Array.Empty<object?>());
    public static object? Call1(object? callable, object? arg) => Call(callable, new[] { arg });

    /// <summary>Checks a fixed positional arity the way Python reports it.</summary>
    public static void CheckArgs(string name, object?[] args, PyKwargs? kwargs, int count)
    {
        if (kwargs is { Count: > 0 })
            throw new TypeError($"{name}() got an unexpected keyword argument '{kwargs.Names.First()}'");
        if (args.Length != count)
        {
            if (args.Length < count)
            {
                int missing = count - args.Length;
                throw new TypeError($"{name}() missing {missing} required positional argument{(missing == 1 ? "" : "s")}");
            }
            throw new TypeError($"{name}() takes {count} positional argument{(count == 1 ? "" : "s")} but {args.Length} {(args.Length == 1 ? "was" : "were")} given");
        }
    }

    // ---------------------------------------------------------------- exceptions

    /// <summary>
    /// Maps a .NET exception to the Python exception an <c>except</c> clause should see:
    /// PyBaseException as is, DivideByZeroException → ZeroDivisionError, KeyNotFoundException →
    /// KeyError, index errors → IndexError, and so on. The original is kept as InnerException.
    /// Generated code: <c>catch (Exception ex) when (Py.WrapException(ex) is ValueError e)</c>.
    /// </summary>
    public static PyBaseException WrapException(Exception ex)
    {
        switch (ex)
        {
            case PyBaseException p: return p;
            case AggregateException agg when agg.InnerExceptions.Count == 1: return WrapException(agg.InnerExceptions[0]);
            case System.Reflection.TargetInvocationException tie when tie.InnerException is not null: return WrapException(tie.InnerException);
        }
        lock (s_wrapped)
        {
            if (s_wrapped.TryGetValue(ex, out var known)) return known;
        }
        PyBaseException r = ex switch
        {
            DivideByZeroException => new ZeroDivisionError("division by zero"),
            KeyNotFoundException => new KeyError(ex.Message),
            IndexOutOfRangeException => new IndexError("index out of range"),
            ArgumentOutOfRangeException => new IndexError("index out of range"),
            InvalidCastException => new TypeError(ex.Message),
            OverflowException => new OverflowError(ex.Message),
            NullReferenceException => new AttributeError("'NoneType' object has no attribute"),
            // The executor's own errors, as the classes unsync's executors raise. The runtime's only
            // timeout is Unfuture.result(timeout), where concurrent.futures raises TimeoutError().
            InvalidStateException => new InvalidStateError(ex.Message),
            WorkerProcessExitedException => new BrokenProcessPool(BrokenProcessPool.TerminatedMessage),
            TimeoutException => new TimeoutError(),
            NotImplementedException => new NotImplementedError(ex.Message),
            FormatException => new ValueError(ex.Message),
            OutOfMemoryException => new MemoryError(),
            System.IO.FileNotFoundException => new FileNotFoundError(2L, "No such file or directory"),
            System.IO.DirectoryNotFoundException => new FileNotFoundError(2L, "No such file or directory"),
            UnauthorizedAccessException => new PermissionError(13L, "Permission denied"),
            System.IO.IOException => new OSError(ex.Message),
            ArgumentException => new ValueError(ex.Message),
            InvalidOperationException => new RuntimeError(ex.Message),
            _ => new PyException(ex.Message),
        };
        SetInner(r, ex);
        lock (s_wrapped) s_wrapped.AddOrUpdate(ex, r);
        return r;
    }

    static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Exception, PyBaseException> s_wrapped = new();

    static void SetInner(PyBaseException r, Exception inner)
    {
        // keep the .NET exception reachable for diagnostics
        (r.Attributes ??= new PyDict())["__dotnet__"] = inner.GetType().FullName;
    }
}

/// <summary>Runtime library types with <c>reversed()</c>.</summary>
public interface IPyReversible
{
    IEnumerable<object?> PyReversed();
}
