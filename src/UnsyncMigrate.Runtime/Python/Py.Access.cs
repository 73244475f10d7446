using System.Collections;
using System.Numerics;
using System.Text;

namespace UnsyncMigrate.Runtime.Python;

public static partial class Py
{
    // ---------------------------------------------------------------- truthiness

    /// <summary>Python's truthiness (<c>bool(x)</c>, <c>if x:</c>).</summary>
    public static bool IsTrue(object? o)
    {
        switch (o)
        {
            case bool b: return b;
            case null: return false;
            case long l: return l != 0;
            case string s: return s.Length != 0;
            case double d: return d != 0;
            case int i: return i != 0;
            case BigInteger big: return !big.IsZero;
            case PyList l: return l.Count != 0;
            case PyTuple t: return t.Count != 0;
            case PyDict d: return d.Count != 0;
            case PySet s: return s.Count != 0;
            case PyRange r: return r.Length != 0;
            case PyBytes y: return y.Count != 0;
            case PyDictView v: return v.Count != 0;
            case IPyObject p:
                if (CallDunder0(p, "__bool__", out var r1)) return r1 is bool rb ? rb : throw new TypeError($"__bool__ should return bool, returned {TypeName(r1)}");
                if (CallDunder0(p, "__len__", out var r2)) return ToLong(r2) != 0;
                return true;
            case IPySized ps: return ps.PyLen() != 0;
            default: return true;
        }
    }

    public static bool Bool(object? o) => IsTrue(o);

    // ---------------------------------------------------------------- len / contains

    /// <summary>Python's <c>len(x)</c>; str counts code points.</summary>
    public static long Len(object? o) => o switch
    {
        string s => PyStr.Length(s),
        PyList l => l.Count,
        PyTuple t => t.Count,
        PyDict d => d.Count,
        PySet s => s.Count,
        PyRange r => r.Length,
        PyBytes y => y.Count,
        PyDictView v => v.Count,
        IPyObject p when CallDunder0(p, "__len__", out var r) => LenResult(r),
        IPySized ps => ps.PyLen(),
        _ => throw new TypeError($"object of type '{TypeName(o)}' has no len()"),
    };

    static long LenResult(object? r)
    {
        if (!IsInt(r)) throw new TypeError($"'{TypeName(r)}' object cannot be interpreted as an integer");
        long n = ToLong(r);
        if (n < 0) throw new ValueError("__len__() should return >= 0");
        return n;
    }

    /// <summary>Python's <c>item in container</c>.</summary>
    public static bool In(object? item, object? container)
    {
        switch (container)
        {
            case string s:
                if (item is not string sub) throw new TypeError($"'in <string>' requires string as left operand, not {TypeName(item)}");
                return s.Contains(sub, StringComparison.Ordinal);
            case PyDict d: return d.ContainsKey(item);
            case PySet s: return s.Contains(item);
            case PyList l:
                foreach (var x in l) if (ReferenceEquals(x, item) || Eq(x, item)) return true;
                return false;
            case PyTuple t:
                foreach (var x in t.Items) if (ReferenceEquals(x, item) || Eq(x, item)) return true;
                return false;
            case PyRange rg:
                if (item is long or bool or int) return rg.Contains(ToLong(item));
                foreach (var x in rg) if (Eq(x, item)) return true;
                return false;
            case PyBytes y:
                if (IsInt(item)) { long v = ToLong(item); if (v < 0 || v > 255) throw new ValueError("byte must be in range(0, 256)"); return Array.IndexOf(y.Data, (byte)v) >= 0; }
                if (item is PyBytes sub2) return y.Data.AsSpan().IndexOf(sub2.Data) >= 0;
                throw new TypeError($"a bytes-like object is required, not '{TypeName(item)}'");
            case PyDictView v: return v.Contains(item);
            case IPyObject p:
                if (CallDunder(p, "__contains__", item, out var r) && r is not PyNotImplemented) return IsTrue(r);
                break;
            case IPyContainer c: return c.PyContains(item);
        }
        if (container is IEnumerable<object?> || container is IPyObject)
        {
            foreach (var x in Iter(container)) if (ReferenceEquals(x, item) || Eq(x, item)) return true;
            return false;
        }
        throw new TypeError($"argument of type '{TypeName(container)}' is not iterable");
    }

    public static bool NotIn(object? item, object? container) => !In(item, container);
    public static bool Contains(object? container, object? item) => In(item, container);

    // ---------------------------------------------------------------- iteration

    /// <summary>
    /// Python's iteration protocol as an <see cref="IEnumerable{T}"/>: str yields one-code-point
    /// strings, dict its keys, bytes ints. Re-iterable containers give fresh passes; iterators
    /// (<see cref="PyIterator"/>, generators) are single pass.
    /// </summary>
    public static IEnumerable<object?> Iter(object? o)
    {
        switch (o)
        {
            case PyList l: return IterList(l);
            case PyTuple t: return t.Items;
            case string s: return IterStr(s);
            case PyDict d: return d;
            case PySet s: return s;
            case PyRange r: return r;
            case PyIterator it: return it;
            case PyBytes y: return y;
            case IPyObject p:
                if (CallDunder0(p, "__iter__", out var r1))
                {
                    if (r1 is IEnumerable<object?> e) return e;
                    if (r1 is IPyObject ip && ip.TryCallMethod("__next__", Array.Empty<object?>(), null, out _)) return IterNext(ip, true);
                    throw new TypeError($"iter() returned non-iterator of type '{TypeName(r1)}'");
                }
                if (p.TryCallMethod("__getitem__", new object?[] { 0L }, null, out _)) return IterGetItem(p);
                break;
            case IEnumerable<object?> e2: return e2;
            case IEnumerable e3 when o is not null: return e3.Cast<object?>();
        }
        throw new TypeError($"'{TypeName(o)}' object is not iterable");
    }

    static IEnumerable<object?> IterList(PyList l)
    {
        // Python's list iterator re-checks the length each step (appending while iterating works).
        for (int i = 0; i < l.Count; i++) yield return l[i];
    }

    static IEnumerable<object?> IterStr(string s)
    {
        if (!PyStr.HasSurrogates(s))
        {
            foreach (char c in s) yield return PyStr.CharString(c);
            yield break;
        }
        foreach (var ch in PyStr.Chars(s)) yield return ch;
    }

    static IEnumerable<object?> IterNext(IPyObject it, bool firstAlreadyCalled)
    {
        // firstAlreadyCalled: the probe above consumed nothing only if __next__ raised; call again from scratch
        _ = firstAlreadyCalled;
        while (true)
        {
            object? v;
            try
            {
                if (!it.TryCallMethod("__next__", Array.Empty<object?>(), null, out v)) yield break;
            }
            catch (StopIteration) { yield break; }
            yield return v;
        }
    }

    static IEnumerable<object?> IterGetItem(IPyObject p)
    {
        for (long i = 0; ; i++)
        {
            object? v;
            try { if (!p.TryCallMethod("__getitem__", new object?[] { i }, null, out v)) yield break; }
            catch (IndexError) { yield break; }
            catch (StopIteration) { yield break; }
            yield return v;
        }
    }

    /// <summary>Python's <c>iter(x)</c>: a single-pass iterator (the same object for an iterator).</summary>
    public static PyIterator IterObj(object? o) => o is PyIterator it ? it : new PyIterator(Iter(o), IterKind(o));

    static string IterKind(object? o) => o switch
    {
        PyList => "list_iterator",
        PyTuple => "tuple_iterator",
        string => "str_ascii_iterator",
        PyDict => "dict_keyiterator",
        PySet => "set_iterator",
        PyRange => "range_iterator",
        PyBytes => "bytes_iterator",
        _ => "iterator",
    };

    /// <summary>Wraps a generator body (a C# iterator method) into a Python generator object.</summary>
    public static PyIterator Generator(IEnumerable<object?> body, string name = "generator") => new(body, "generator");

    /// <summary>Python's <c>next(it)</c> / <c>next(it, default)</c>.</summary>
    public static object? Next(object? iterator)
    {
        if (iterator is PyIterator it) return it.Next();
        if (iterator is IPyObject p && p.TryCallMethod("__next__", Array.Empty<object?>(), null, out var r)) return r;
        if (iterator is IEnumerator<object?> e) return e.MoveNext() ? e.Current : throw new StopIteration();
        throw new TypeError($"'{TypeName(iterator)}' object is not an iterator");
    }

    public static object? Next(object? iterator, object? defaultValue)
    {
        if (iterator is PyIterator it) return it.TryNext(out var v) ? v : defaultValue;
        try { return Next(iterator); }
        catch (StopIteration) { return defaultValue; }
    }

    // ---------------------------------------------------------------- unpacking

    internal static void CheckUnpack(int have, int want)
    {
        if (have < want) throw new ValueError($"not enough values to unpack (expected {want}, got {have})");
        if (have > want) throw new ValueError($"too many values to unpack (expected {want})");
    }

    /// <summary><c>a, b, c = value</c>: exactly <paramref name="count"/> items, with Python's messages.</summary>
    public static object?[] Unpack(object? value, int count)
    {
        switch (value)
        {
            case PyTuple t: CheckUnpack(t.Count, count); return t.Items;
            case PyList l: CheckUnpack(l.Count, count); return l.ToArray();
        }
        if (!IsIterable(value)) throw new TypeError($"cannot unpack non-iterable {TypeName(value)} object");
        var result = new object?[count];
        int n = 0;
        var e = Iter(value).GetEnumerator();
        while (n < count && e.MoveNext()) result[n++] = e.Current;
        if (n < count) throw new ValueError($"not enough values to unpack (expected {count}, got {n})");
        if (e.MoveNext()) throw new ValueError($"too many values to unpack (expected {count})");
        return result;
    }

    /// <summary><c>a, *rest, z = value</c>: <paramref name="before"/> items, a list, <paramref name="after"/> items.</summary>
    public static object?[] UnpackStarred(object? value, int before, int after)
    {
        if (!IsIterable(value)) throw new TypeError($"cannot unpack non-iterable {TypeName(value)} object");
        var all = Iter(value).ToList();
        if (all.Count < before + after)
            throw new ValueError($"not enough values to unpack (expected at least {before + after}, got {all.Count})");
        var result = new object?[before + 1 + after];
        for (int i = 0; i < before; i++) result[i] = all[i];
        result[before] = new PyList(all.GetRange(before, all.Count - before - after));
        for (int i = 0; i < after; i++) result[before + 1 + i] = all[all.Count - after + i];
        return result;
    }

    static bool IsIterable(object? o) => o is IEnumerable && o is not null || o is IPyObject;

    // ---------------------------------------------------------------- subscripting

    static long NormIndex(object? index, long len, string what)
    {
        if (!IsInt(index))
        {
            if (index is IPyObject p && CallDunder0(p, "__index__", out var ix)) return NormIndex(ix, len, what);
            throw new TypeError($"{what} indices must be integers or slices, not {TypeName(index)}");
        }
        long i = index is long l ? l : IndexValue(index);
        if (i < 0) i += len;
        if (i < 0 || i >= len) throw new IndexError($"{what} index out of range");
        return i;
    }

    /// <summary>Python's <c>obj[key]</c> (negative indexes, <see cref="PySlice"/> slices, dict lookup).</summary>
    public static object? GetItem(object? obj, object? key)
    {
        switch (obj)
        {
            case PyList l:
                lock (l) // atomic against other threads' writes, as under the GIL (see CallMethod)
                {
                    if (key is long li && li >= 0 && li < l.Count) return l[(int)li];
                    if (key is PySlice ls) return new PyList(SliceItems(l, l.Count, ls));
                    return l[(int)NormIndex(key, l.Count, "list")];
                }
            case PyDict d: lock (d) return d[key];
            case PyTuple t:
                if (key is long ti && ti >= 0 && ti < t.Count) return t.Items[ti];
                if (key is PySlice ts) return new PyTuple(SliceItems(t.Items, t.Count, ts).ToArray());
                return t.Items[NormIndex(key, t.Count, "tuple")];
            case string s:
                if (!PyStr.HasSurrogates(s))
                {
                    if (key is PySlice ss) return SliceString(s, ss);
                    return PyStr.CharString(s[(int)NormIndex(key, s.Length, "string")]);
                }
                {
                    var chars = PyStr.Chars(s);
                    if (key is PySlice ss2) return string.Concat(SliceItems(chars, chars.Length, ss2).Cast<string>());
                    return chars[NormIndex(key, chars.Length, "string")];
                }
            case PyRange r:
                if (key is PySlice rs)
                {
                    var (start, stop, step) = rs.Indices(r.Length);
                    return new PyRange(r.At(start), r.At(stop), step * r.Step);
                }
                return r.At(NormIndex(key, r.Length, "range object"));
            case PyBytes y:
                if (key is PySlice ys) return new PyBytes(SliceItems(y.Data.Select(b => (object?)b).ToArray(), y.Count, ys).Select(b => (byte)b!).ToArray());
                return (long)y.Data[NormIndex(key, y.Count, "index")];
            case IPyObject p:
                if (CallDunder(p, "__getitem__", key, out var r1)) return r1;
                throw new TypeError($"'{p.PyTypeName}' object is not subscriptable");
            case IPySubscriptable ps: return ps.PyGetItem(key);
        }
        throw new TypeError($"'{TypeName(obj)}' object is not subscriptable");
    }

    public static object? GetItem(object? obj, long index) => obj switch
    {
        PyTuple t when index >= 0 && index < t.Count => t.Items[index],
        _ => GetItem(obj, (object?)index),
    };

    static IEnumerable<object?> SliceItems(IReadOnlyList<object?> items, int count, PySlice slice)
    {
        var (start, stop, step) = slice.Indices(count);
        long n = PySlice.SliceLength(start, stop, step);
        var r = new List<object?>((int)n);
        for (long i = 0, k = start; i < n; i++, k += step) r.Add(items[(int)k]);
        return r;
    }

    static string SliceString(string s, PySlice slice)
    {
        var (start, stop, step) = slice.Indices(s.Length);
        if (step == 1) return stop > start ? s.Substring((int)start, (int)(stop - start)) : "";
        long n = PySlice.SliceLength(start, stop, step);
        var sb = new StringBuilder((int)n);
        for (long i = 0, k = start; i < n; i++, k += step) sb.Append(s[(int)k]);
        return sb.ToString();
    }

    /// <summary>Python's <c>obj[key] = value</c>.</summary>
    public static void SetItem(object? obj, object? key, object? value)
    {
        switch (obj)
        {
            case PyList l:
                lock (l)
                {
                    if (key is PySlice sl) { SetSlice(l, sl, value); return; }
                    l[(int)NormIndex(key, l.Count, "list assignment")] = value;
                    return;
                }
            case PyDict d: lock (d) d[key] = value; return;
            case IPyObject p:
                if (p is PyObjectBase b && b.__setitem__(key, value) is not PyNotImplemented) return;
                if (p.TryCallMethod("__setitem__", new[] { key, value }, null, out _)) return;
                break;
            case IPySubscriptable ps: ps.PySetItem(key, value); return;
        }
        throw new TypeError($"'{TypeName(obj)}' object does not support item assignment");
    }

    static void SetSlice(PyList l, PySlice slice, object? value)
    {
        var items = value is PyList vl && ReferenceEquals(vl, l) ? l.ToList() : Iter(value).ToList();
        var (start, stop, step) = slice.Indices(l.Count);
        if (step == 1)
        {
            if (stop < start) stop = start;
            l.RemoveRange((int)start, (int)(stop - start));
            l.InsertRange((int)start, items);
            return;
        }
        long n = PySlice.SliceLength(start, stop, step);
        if (items.Count != n)
            throw new ValueError($"attempt to assign sequence of size {items.Count} to extended slice of size {n}");
        for (long i = 0, k = start; i < n; i++, k += step) l[(int)k] = items[(int)i];
    }

    /// <summary>Python's <c>del obj[key]</c>.</summary>
    public static void DelItem(object? obj, object? key)
    {
        if (obj is PyList or PyDict)
        {
            lock (obj) DelItemCore(obj, key); // atomic, as under the GIL (see CallMethod)
            return;
        }
        DelItemCore(obj, key);
    }

    static void DelItemCore(object? obj, object? key)
    {
        switch (obj)
        {
            case PyList l:
                if (key is PySlice sl)
                {
                    var (start, stop, step) = sl.Indices(l.Count);
                    long n = PySlice.SliceLength(start, stop, step);
                    var idx = new List<int>();
                    for (long i = 0, k = start; i < n; i++, k += step) idx.Add((int)k);
                    idx.Sort();
                    for (int i = idx.Count - 1; i >= 0; i--) l.RemoveAt(idx[i]);
                    return;
                }
                l.RemoveAt((int)NormIndex(key, l.Count, "list assignment"));
                return;
            case PyDict d:
                if (!d.Remove(key)) throw new KeyError(key);
                return;
            case IPyObject p:
                if (CallDunder(p, "__delitem__", key, out _)) return;
                break;
            case IPySubscriptable ps: ps.PyDelItem(key); return;
        }
        throw new TypeError($"'{TypeName(obj)}' object doesn't support item deletion");
    }

    /// <summary><c>slice(start, stop, step)</c> for <c>x[a:b:c]</c>.</summary>
    public static PySlice Slice(object? start, object? stop, object? step = null) => new(start, stop, step);

    // ---------------------------------------------------------------- attributes

    /// <summary>Python's <c>getattr(obj, name)</c>: generated objects, then built-in types' attributes.</summary>
    public static object? GetAttr(object? obj, string name)
    {
        if (TryGetAttr(obj, name, out var v)) return v;
        if (obj is PyType t) throw new AttributeError($"type object '{t.Name}' has no attribute '{name}'");
        throw new AttributeError($"'{TypeName(obj)}' object has no attribute '{name}'");
    }

    public static object? GetAttr(object? obj, string name, object? defaultValue) =>
        TryGetAttr(obj, name, out var v) ? v : defaultValue;

    public static bool HasAttr(object? obj, string name) => TryGetAttr(obj, name, out _);

    public static bool TryGetAttr(object? obj, string name, out object? value)
    {
        switch (obj)
        {
            case IPyObject p when p.TryGetAttr(name, out value): return true;
            case PyBaseException e when e.TryGetAttr(name, out value): return true;
            case PyFunc f:
                switch (name)
                {
                    case "__name__": value = f.Name; return true;
                    case "__qualname__": value = f.QualName; return true;
                    case "__module__": value = f.Module; return true;
                    case "__doc__": value = f.Doc; return true;
                    case "__dict__": value = f.Dict; return true;
                }
                if (f.Dict.TryGetValue(name, out value)) return true;
                break;
            case PyType t:
                switch (name)
                {
                    case "__name__": value = t.Name; return true;
                    case "__qualname__": value = t.Name; return true;
                    case "__module__": value = t.Module; return true;
                    case "__mro__": value = t.Mro(); return true;
                    case "__base__": value = t.Base; return true;
                    case "__bases__": value = t.BasesTuple(); return true;
                }
                if (t.TryGetClassAttribute(name, out value)) return true;
                if (t.TryGetBuiltinClassMethod(name, out value)) return true;
                if (t.Module == "builtins" && !name.StartsWith("__", StringComparison.Ordinal) && t.ClrType != null && t.ClrType != typeof(object) && !typeof(Exception).IsAssignableFrom(t.ClrType))
                {
                    // A method through its builtin class (str.lower, dict.items): the function of the instance as first argument.
                    string method = name;
                    value = new PyFunc(name, (a, k) => a.Length == 0
                        ? throw new TypeError($"unbound method {t.Name}.{method}() needs an argument")
                        : CallMethod(a[0], method, a[1..], k), $"{t.Name}.{name}");
                    return true;
                }
                break;
            case IPyAttributes a when a.TryGetPyAttr(name, out value): return true;
            case long or BigInteger or bool or int:
                switch (name)
                {
                    case "real": case "numerator": value = Int(obj); return true;
                    case "imag": value = 0L; return true;
                    case "denominator": value = 1L; return true;
                }
                break;
            case double d:
                switch (name)
                {
                    case "real": value = d; return true;
                    case "imag": value = 0.0; return true;
                }
                break;
        }
        if (BuiltinMethodNames(obj).Contains(name))
        {
            value = new PyFunc(name, (args, kw) => CallMethod(obj, name, args, kw)) { QualName = TypeName(obj) + "." + name };
            return true;
        }
        value = null;
        return false;
    }

    /// <summary>Assigning a property that has no setter.</summary>
    public static AttributeError PropertyWithoutSetter(object obj, string name) =>
        new($"property '{name}' of '{TypeName(obj)}' object has no setter");

    /// <summary>Deleting a property that has no deleter.</summary>
    public static AttributeError PropertyWithoutDeleter(object obj, string name) =>
        new($"property '{name}' of '{TypeName(obj)}' object has no deleter");

    /// <summary>Python's <c>del obj.name</c> (and <c>delattr</c>).</summary>
    public static void DelAttr(object? obj, string name)
    {
        if (obj is IPyObject p && p.TryDelAttr(name)) return;
        throw new AttributeError(obj is IPyObject
            ? $"'{TypeName(obj)}' object has no attribute '{name}'"
            : $"'{TypeName(obj)}' object attribute '{name}' is read-only");
    }

    /// <summary>Python's <c>setattr(obj, name, value)</c>.</summary>
    public static void SetAttr(object? obj, string name, object? value)
    {
        switch (obj)
        {
            case IPyObject p when p.TrySetAttr(name, value): return;
            case PyBaseException e when e.TrySetAttr(name, value): return;
            case PyFunc f:
                if (name == "__name__") { f.Name = Str(value); return; }
                if (name == "__qualname__") { f.QualName = Str(value); return; }
                if (name == "__doc__") { f.Doc = value as string; return; }
                f.Dict[name] = value;
                return;
            case PyType t: t.SetClassAttribute(name, value); return;
            case IPyAttributes a when a.TrySetPyAttr(name, value): return;
        }
        if (obj is IPyObject) throw new AttributeError($"'{TypeName(obj)}' object has no attribute '{name}'");
        throw new AttributeError($"'{TypeName(obj)}' object attribute '{name}' is read-only");
    }
}

/// <summary>Runtime library types with Python attributes (<c>deque.maxlen</c>, <c>defaultdict.default_factory</c>).</summary>
public interface IPyAttributes
{
    bool TryGetPyAttr(string name, out object? value);
    bool TrySetPyAttr(string name, object? value);
}

/// <summary>Runtime library types with <c>len()</c>.</summary>
public interface IPySized
{
    long PyLen();
}

/// <summary>Runtime library types with <c>in</c>.</summary>
public interface IPyContainer
{
    bool PyContains(object? item);
}

/// <summary>Runtime library types with subscripting.</summary>
public interface IPySubscriptable
{
    object? PyGetItem(object? key);
    void PySetItem(object? key, object? value);
    void PyDelItem(object? key);
}
