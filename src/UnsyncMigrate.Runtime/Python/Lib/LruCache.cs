namespace UnsyncMigrate.Runtime.Python.Lib;

/// <summary>
/// <c>functools.lru_cache</c> and <c>functools.cache</c>: a wrapper function (so it binds as a
/// method, as CPython's does) memoizing by the call's arguments, evicting the least recently
/// used entry beyond <c>maxsize</c>, with <c>cache_info()</c>, <c>cache_clear()</c> and
/// <c>cache_parameters()</c>.
/// </summary>
public static class LruCache
{
    /// <summary>Separates positional from keyword arguments in a key (CPython's <c>kwd_mark</c>).</summary>
    static readonly object KeywordMark = new();

    /// <summary>
    /// <c>lru_cache(maxsize=128, typed=False)</c>: a decorator; <c>lru_cache(f)</c> wraps f directly.
    /// </summary>
    public static object Create(object?[] args, PyKwargs? kwargs)
    {
        var b = PyArgs.Bind("lru_cache", args, kwargs, ["maxsize", "typed"], [128L, false], 2, false, false);
        bool typed = Py.IsTrue(b[1]);
        if (Py.Callable(b[0]) && b[0] is not null) return Wrap(b[0], 128, typed);
        long? maxsize = b[0] switch
        {
            null => null,
            long n => Math.Max(n, 0),
            bool flag => flag ? 1 : 0,
            _ => throw new TypeError("Expected first argument to be an integer, a callable, or None"),
        };
        return new PyFunc("decorating_function", (object? f) => Wrap(f, maxsize, typed));
    }

    /// <summary><c>functools.cache(f)</c>: <c>lru_cache(maxsize=None)(f)</c>.</summary>
    public static PyFunc Cache(object? function) => Wrap(function, null, false);

    static PyFunc Wrap(object? function, long? maxsize, bool typed)
    {
        var entries = new PyDict(); // insertion order is recency: the first key is the least recently used
        long hits = 0, misses = 0;
        var wrapper = new PyFunc("wrapper", (args, kwargs) =>
        {
            var key = Key(args, kwargs, typed);
            lock (entries)
            {
                if (entries.Remove(key, out var hit))
                {
                    entries[key] = hit;
                    hits++;
                    return hit;
                }
                misses++;
            }
            var value = Py.Call(function, args, kwargs);
            lock (entries)
            {
                if (maxsize is not 0 && !entries.ContainsKey(key))
                {
                    if (maxsize is long max && entries.Count >= max) entries.PopFirst();
                    entries[key] = value;
                }
            }
            return value;
        });
        Functools.Wraps(function, wrapper);
        wrapper.Dict["cache_info"] = new PyFunc("cache_info", () =>
        {
            lock (entries) return new CacheInfo(hits, misses, maxsize, entries.Count);
        });
        wrapper.Dict["cache_clear"] = new PyFunc("cache_clear", () =>
        {
            lock (entries)
            {
                entries.Clear();
                hits = misses = 0;
            }
            return null;
        });
        wrapper.Dict["cache_parameters"] = new PyFunc("cache_parameters", () => PyDict.Of("maxsize", maxsize, "typed", typed));
        return wrapper;
    }

    static PyTuple Key(object?[] args, PyKwargs? kwargs, bool typed)
    {
        var parts = new List<object?>(args);
        if (kwargs is { Count: > 0 })
        {
            parts.Add(KeywordMark);
            foreach (var (name, value) in kwargs) { parts.Add(name); parts.Add(value); }
        }
        if (typed)
        {
            parts.AddRange(args.Select(a => (object?)Py.Type(a)));
            if (kwargs != null) parts.AddRange(kwargs.Select(kv => (object?)Py.Type(kv.Value)));
        }
        return new PyTuple(parts.ToArray());
    }

    static void PopFirst(this PyDict d)
    {
        foreach (var oldest in d.Keys)
        {
            d.Remove(oldest);
            return;
        }
    }

    /// <summary><c>CacheInfo(hits=..., misses=..., maxsize=..., currsize=...)</c>.</summary>
    sealed class CacheInfo(long hits, long misses, long? maxsize, long currsize) : IPyRepr, IPyAttributes, IPyTypeNamed
    {
        public string PyTypeName => "CacheInfo";
        public string PyModuleName => "functools";
        public string PyRepr() => $"CacheInfo(hits={hits}, misses={misses}, maxsize={Py.Repr(maxsize)}, currsize={currsize})";
        public override string ToString() => PyRepr();

        public bool TryGetPyAttr(string name, out object? value)
        {
            value = name switch { "hits" => hits, "misses" => misses, "maxsize" => maxsize, "currsize" => currsize, _ => null };
            return name is "hits" or "misses" or "maxsize" or "currsize";
        }

        public bool TrySetPyAttr(string name, object? value) => false;
    }
}
