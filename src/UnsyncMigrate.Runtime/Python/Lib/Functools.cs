using System.Text;

namespace UnsyncMigrate.Runtime.Python.Lib;

/// <summary><c>functools</c>: reduce, partial, wraps, cmp_to_key (lru_cache/cache: <see cref="LruCache"/>).</summary>
public static class Functools
{
    static readonly object NoInitial = new();

    /// <summary><c>reduce(function, iterable[, initial])</c>.</summary>
    public static object? Reduce(object? function, object? iterable) => ReduceCore(function, iterable, NoInitial);
    public static object? Reduce(object? function, object? iterable, object? initial) => ReduceCore(function, iterable, initial);

    static object? ReduceCore(object? function, object? iterable, object? initial)
    {
        bool have = !ReferenceEquals(initial, NoInitial);
        object? acc = have ? initial : null;
        foreach (var x in Py.Iter(iterable))
        {
            if (!have) { acc = x; have = true; continue; }
            acc = Py.Call(function, new[] { acc, x });
        }
        if (!have) throw new TypeError("reduce() of empty iterable with no initial value");
        return acc;
    }

    public static Partial Partial(object? func, object?[] args, PyKwargs? kwargs = null) => new(func, args, kwargs);

    /// <summary>
    /// <c>@functools.wraps(wrapped)</c> applied to <paramref name="wrapper"/>: copies
    /// <c>__name__</c>, <c>__qualname__</c>, <c>__doc__</c>, <c>__module__</c>, the attribute dict,
    /// and sets <c>__wrapped__</c>.
    /// </summary>
    public static PyFunc Wraps(object? wrapped, PyFunc wrapper)
    {
        if (wrapped is PyFunc f)
        {
            wrapper.Name = f.Name;
            wrapper.QualName = f.QualName;
            wrapper.Doc = f.Doc;
            wrapper.Module = f.Module;
            foreach (var kv in f.Dict.Pairs) wrapper.Dict[kv.Key] = kv.Value;
        }
        else if (Py.TryGetAttr(wrapped, "__name__", out var n) && n is string name)
        {
            wrapper.Name = name;
            wrapper.QualName = Py.TryGetAttr(wrapped, "__qualname__", out var q) && q is string qs ? qs : name;
        }
        wrapper.Dict["__wrapped__"] = wrapped;
        return wrapper;
    }

    /// <summary><c>cmp_to_key(cmp)</c>: a key function whose keys order by cmp's sign.</summary>
    public static PyFunc CmpToKey(object? cmp) => new("K", (object? x) => new CmpKey(cmp, x));

    sealed class CmpKey(object? cmp, object? value) : IPyComparable, IPyEquatable
    {
        public bool TryCompare(object? other, out int result)
        {
            result = 0;
            if (other is not CmpKey o) return false;
            var r = Py.Call(cmp, new[] { value, o.Value });
            result = Py.Lt(r, 0L) ? -1 : Py.Gt(r, 0L) ? 1 : 0;
            return true;
        }
        public object? Value => value;
        public bool PyEquals(object? other) => TryCompare(other, out int r) && r == 0;
    }
}

/// <summary><c>functools.partial(func, *args, **kwargs)</c>.</summary>
public sealed class Partial : IPyCallable, IPyRepr, IPyAttributes
{
    public object? Func { get; }
    public object?[] Args { get; }
    public PyKwargs Keywords { get; }

    public Partial(object? func, object?[] args, PyKwargs? kwargs = null)
    {
        if (!Py.Callable(func)) throw new TypeError("the first argument must be callable");
        if (func is Partial p)
        {
            Func = p.Func;
            Args = p.Args.Concat(args).ToArray();
            Keywords = new PyKwargs(p.Keywords);
            if (kwargs is not null) foreach (var kv in kwargs) Set(Keywords, kv.Key, kv.Value);
        }
        else
        {
            Func = func;
            Args = args;
            Keywords = kwargs is null ? new PyKwargs() : new PyKwargs(kwargs);
        }
    }

    static PyKwargs Set(PyKwargs k, string name, object? value)
    {
        var list = k.Where(kv => kv.Key != name).ToList();
        list.Add(new(name, value));
        var r = new PyKwargs(list);
        return r;
    }

    public object? Call(object?[] args, PyKwargs? kwargs)
    {
        var kw = new PyKwargs(Keywords.Where(kv => kwargs is null || !kwargs.Contains(kv.Key)));
        if (kwargs is not null) foreach (var kv in kwargs) kw.Add(kv.Key, kv.Value);
        return Py.Call(Func, Args.Concat(args).ToArray(), kw);
    }

    public string PyRepr()
    {
        var sb = new StringBuilder("functools.partial(");
        sb.Append(Py.Repr(Func));
        foreach (var a in Args) sb.Append(", ").Append(Py.Repr(a));
        foreach (var kv in Keywords) sb.Append(", ").Append(kv.Key).Append('=').Append(Py.Repr(kv.Value));
        return sb.Append(')').ToString();
    }

    public bool TryGetPyAttr(string name, out object? value)
    {
        switch (name)
        {
            case "func": value = Func; return true;
            case "args": value = new PyTuple(Args); return true;
            case "keywords": value = Keywords.ToDict(); return true;
        }
        value = null;
        return false;
    }

    public bool TrySetPyAttr(string name, object? value) => false;
}
