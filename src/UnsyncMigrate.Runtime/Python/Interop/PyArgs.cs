namespace UnsyncMigrate.Runtime.Python;

/// <summary>
/// Binds Python call arguments (positional, keywords, defaults, *args, **kwargs) to a
/// function's parameters the way CPython does, with its TypeError messages. Generated code
/// uses it when a function is called through a value (<c>PyFunc</c>) rather than directly.
/// </summary>
public static class PyArgs
{
    /// <summary>Marks a parameter without a default.</summary>
    public static readonly object NoDefault = new Sentinel("<no default>");

    /// <summary>Marks a dataclass field whose default comes from a <c>default_factory</c>.</summary>
    public static readonly object FactoryMarker = new Sentinel("<factory>");

    sealed class Sentinel(string name)
    {
        public override string ToString() => name;
    }

    /// <summary>
    /// Returns the values of <paramref name="names"/> (the first <paramref name="positional"/>
    /// of them positional-or-keyword, the rest keyword-only), then the <c>*args</c> tuple if
    /// <paramref name="varArgs"/>, then the <c>**kwargs</c> dict if <paramref name="varKw"/>.
    /// </summary>
    public static object?[] Bind(string function, object?[] args, PyKwargs? kwargs, string[] names, object?[] defaults,
        int positional, bool varArgs, bool varKw)
    {
        var result = new object?[names.Length + (varArgs ? 1 : 0) + (varKw ? 1 : 0)];
        var set = new bool[names.Length];
        int n = Math.Min(args.Length, positional);
        for (int i = 0; i < n; i++) { result[i] = args[i]; set[i] = true; }
        if (args.Length > positional)
        {
            if (!varArgs)
                throw new TypeError($"{function}() takes {positional} positional argument{(positional == 1 ? "" : "s")} but {args.Length} {(args.Length == 1 ? "was" : "were")} given");
            result[names.Length] = new PyTuple(args[positional..]);
        }
        else if (varArgs) result[names.Length] = PyTuple.Empty;
        PyDict? extra = varKw ? new PyDict() : null;
        if (kwargs != null)
        {
            foreach (var (key, value) in kwargs)
            {
                int idx = Array.IndexOf(names, key);
                if (idx < 0)
                {
                    if (extra == null) throw new TypeError($"{function}() got an unexpected keyword argument '{key}'");
                    extra[key] = value;
                    continue;
                }
                if (set[idx]) throw new TypeError($"{function}() got multiple values for argument '{key}'");
                result[idx] = value;
                set[idx] = true;
            }
        }
        var missing = new List<string>();
        for (int i = 0; i < names.Length; i++)
        {
            if (set[i]) continue;
            if (!ReferenceEquals(defaults[i], NoDefault)) { result[i] = defaults[i]; continue; }
            missing.Add(names[i]);
        }
        if (missing.Count > 0)
        {
            bool kwOnly = Array.IndexOf(names, missing[0]) >= positional;
            string list = missing.Count == 1 ? $"'{missing[0]}'"
                : string.Join(", ", missing.Take(missing.Count - 1).Select(m => $"'{m}'")) + $" and '{missing[^1]}'";
            throw new TypeError($"{function}() missing {missing.Count} required {(kwOnly ? "keyword-only" : "positional")} argument{(missing.Count == 1 ? "" : "s")}: {list}");
        }
        if (varKw) result[^1] = extra;
        return result;
    }
}
