using UnsyncMigrate.Runtime.Python.Lib;

namespace UnsyncMigrate.Runtime.Python;

// Library modules' functions by qualified name, mapped onto the implementations in Lib/.
public static partial class PyLibrary
{
    static void AddModules(Dictionary<string, object?> d)
    {
        AddClassSupport(d);
        AddLogging(d);
        // builtins that need the type hierarchy
        d["builtins.issubclass"] = F("issubclass", ["cls", "class_or_tuple"], [N, N], a => IsSubclass(a[0], a[1]));
        // math
        d["math.floor"] = F("floor", ["x"], [N], a => MathLib.floor(a[0]));
        d["math.ceil"] = F("ceil", ["x"], [N], a => MathLib.ceil(a[0]));
        d["math.trunc"] = F("trunc", ["x"], [N], a => MathLib.trunc(a[0]));
        d["math.gcd"] = new PyFunc("gcd", (object?[] a, PyKwargs? k) => MathLib.gcd(a));
        d["math.lcm"] = new PyFunc("lcm", (object?[] a, PyKwargs? k) => MathLib.lcm(a));
        d["math.factorial"] = F("factorial", ["n"], [N], a => MathLib.factorial(a[0]));
        d["math.log"] = F("log", ["x", "base"], [N, null], a => a[1] == null ? MathLib.log(a[0]) : MathLib.log(a[0], a[1]));
        d["math.log2"] = F("log2", ["x"], [N], a => MathLib.log2(a[0]));
        d["math.log10"] = F("log10", ["x"], [N], a => MathLib.log10(a[0]));
        d["math.exp"] = F("exp", ["x"], [N], a => MathLib.exp(a[0]));
        d["math.pow"] = F("pow", ["x", "y"], [N, N], a => MathLib.pow(a[0], a[1]));
        d["math.fabs"] = F("fabs", ["x"], [N], a => MathLib.fabs(a[0]));
        d["math.copysign"] = F("copysign", ["x", "y"], [N, N], a => MathLib.copysign(a[0], a[1]));
        d["math.fmod"] = F("fmod", ["x", "y"], [N, N], a => MathLib.fmod(a[0], a[1]));
        d["math.sin"] = F("sin", ["x"], [N], a => MathLib.sin(a[0]));
        d["math.cos"] = F("cos", ["x"], [N], a => MathLib.cos(a[0]));
        d["math.tan"] = F("tan", ["x"], [N], a => MathLib.tan(a[0]));
        d["math.atan2"] = F("atan2", ["y", "x"], [N, N], a => MathLib.atan2(a[0], a[1]));
        d["math.degrees"] = F("degrees", ["x"], [N], a => MathLib.degrees(a[0]));
        d["math.radians"] = F("radians", ["x"], [N], a => MathLib.radians(a[0]));
        d["math.isfinite"] = F("isfinite", ["x"], [N], a => MathLib.isfinite(a[0]));
        d["math.isnan"] = F("isnan", ["x"], [N], a => MathLib.isnan(a[0]));
        d["math.isinf"] = F("isinf", ["x"], [N], a => MathLib.isinf(a[0]));
        d["math.isclose"] = new PyFunc("isclose", (object?[] a, PyKwargs? k) =>
        {
            var b = PyArgs.Bind("isclose", a, k, ["a", "b", "rel_tol", "abs_tol"], [N, N, 1e-09, 0.0], 2, false, false);
            return MathLib.isclose(b[0], b[1], Py.Float(b[2]), Py.Float(b[3]));
        });
        d["math.fsum"] = F("fsum", ["seq"], [N], a => MathLib.fsum(a[0]));
        d["math.prod"] = F("prod", ["iterable", "start"], [N, null], a => MathLib.prod(a[0], a[1]));
        d["math.hypot"] = new PyFunc("hypot", (object?[] a, PyKwargs? k) => MathLib.hypot(a));
        d["math.comb"] = F("comb", ["n", "k"], [N, N], a => MathLib.comb(a[0], a[1]));
        d["math.perm"] = F("perm", ["n", "k"], [N, null], a => MathLib.perm(a[0], a[1]));
        d["math.nan"] = double.NaN;
        d["math.tau"] = 2 * Math.PI;
        // json
        d["json.loads"] = F("loads", ["s"], [N], a => Json.Loads(a[0]));
        // itertools
        d["itertools.count"] = F("count", ["start", "step"], [0L, 1L], a => Itertools.Count(a[0], a[1]));
        d["itertools.cycle"] = F("cycle", ["iterable"], [N], a => Itertools.Cycle(a[0]));
        d["itertools.repeat"] = F("repeat", ["object", "times"], [N, null], a => Itertools.Repeat(a[0], a[1]));
        var chain = new PyFunc("chain", (object?[] a, PyKwargs? k) => Itertools.Chain(a));
        chain.Dict["from_iterable"] = F("from_iterable", ["iterable"], [N], a => Itertools.ChainFromIterable(a[0]));
        d["itertools.chain"] = chain;
        d["itertools.chain.from_iterable"] = chain.Dict["from_iterable"];
        d["itertools.product"] = new PyFunc("product", (object?[] a, PyKwargs? k) =>
            Itertools.Product(a, k?.Get("repeat") is { } r ? Py.ToLong(r) : 1));
        d["itertools.permutations"] = F("permutations", ["iterable", "r"], [N, null], a => Itertools.Permutations(a[0], a[1]));
        d["itertools.combinations_with_replacement"] = F("combinations_with_replacement", ["iterable", "r"], [N, N], a => Itertools.CombinationsWithReplacement(a[0], a[1]));
        d["itertools.zip_longest"] = new PyFunc("zip_longest", (object?[] a, PyKwargs? k) => Itertools.ZipLongest(a, k?.Get("fillvalue")));
        d["itertools.starmap"] = F("starmap", ["function", "iterable"], [N, N], a => Itertools.Starmap(a[0], a[1]));
        d["itertools.dropwhile"] = F("dropwhile", ["predicate", "iterable"], [N, N], a => Itertools.Dropwhile(a[0], a[1]));
        d["itertools.filterfalse"] = F("filterfalse", ["predicate", "iterable"], [N, N], a => Itertools.Filterfalse(a[0], a[1]));
        d["itertools.compress"] = F("compress", ["data", "selectors"], [N, N], a => Itertools.Compress(a[0], a[1]));
        d["itertools.pairwise"] = F("pairwise", ["iterable"], [N], a => Itertools.Pairwise(a[0]));
        d["itertools.batched"] = F("batched", ["iterable", "n"], [N, N], a => Itertools.Batched(a[0], a[1]));
        d["itertools.tee"] = F("tee", ["iterable", "n"], [N, 2L], a => Itertools.Tee(a[0], Py.ToLong(a[1])));
        // functools
        d["functools.partial"] = new PyFunc("partial", (object?[] a, PyKwargs? k) => Functools.Partial(a[0], a[1..], k));
        d["functools.cmp_to_key"] = F("cmp_to_key", ["mycmp"], [N], a => Functools.CmpToKey(a[0]));
        // hashlib
        d["hashlib.sha1"] = F("sha1", ["data"], [null], a => Hashlib.Sha1(a[0]));
        d["hashlib.sha224"] = F("sha224", ["data"], [null], a => Hashlib.Sha224(a[0]));
        d["hashlib.sha384"] = F("sha384", ["data"], [null], a => Hashlib.Sha384(a[0]));
        d["hashlib.sha512"] = F("sha512", ["data"], [null], a => Hashlib.Sha512(a[0]));
        d["hashlib.new"] = F("new", ["name", "data"], [N, null], a => Hashlib.New(Py.Str(a[0]), a[1]));
        // operator: the binary operators as functions
        foreach (var (name, op) in new (string, Func<object?, object?, object?>)[]
        {
            ("add", Py.Add), ("sub", Py.Sub), ("mul", Py.Mul), ("truediv", Py.TrueDiv), ("floordiv", Py.FloorDiv), ("mod", Py.Mod),
            ("pow", Py.Pow), ("and_", Py.BitAnd), ("or_", Py.BitOr), ("xor", Py.BitXor),
            ("eq", (x, y) => Py.Eq(x, y)), ("ne", (x, y) => Py.Ne(x, y)), ("lt", (x, y) => Py.Lt(x, y)),
            ("le", (x, y) => Py.Le(x, y)), ("gt", (x, y) => Py.Gt(x, y)), ("ge", (x, y) => Py.Ge(x, y)),
        })
            d["operator." + name] = F(name, ["a", "b"], [N, N], a => op(a[0], a[1]));
        d["operator.neg"] = F("neg", ["a"], [N], a => Py.Neg(a[0]));
        d["operator.not_"] = F("not_", ["a"], [N], a => !Py.IsTrue(a[0]));
        d["operator.getitem"] = F("getitem", ["a", "b"], [N, N], a => Py.GetItem(a[0], a[1]));
        d["operator.itemgetter"] = new PyFunc("itemgetter", (object?[] a, PyKwargs? k) => Getter("itemgetter", a, (obj, key) => Py.GetItem(obj, key)));
        d["operator.attrgetter"] = new PyFunc("attrgetter", (object?[] a, PyKwargs? k) => Getter("attrgetter", a, (obj, name) => Attr(obj, Py.Str(name))));
        // dataclasses
        d["dataclasses.asdict"] = F("asdict", ["obj"], [N], a => Dataclasses.AsDict(a[0]));
        d["dataclasses.astuple"] = F("astuple", ["obj"], [N], a => Dataclasses.AsTuple(a[0]));
        d["dataclasses.fields"] = F("fields", ["class_or_instance"], [N], a => DataclassFunctions.Fields(a[0]));
        d["dataclasses.replace"] = new PyFunc("replace", (object?[] a, PyKwargs? k) => DataclassFunctions.Replace(a[0], k));
        d["dataclasses.is_dataclass"] = F("is_dataclass", ["obj"], [N], a => Dataclasses.IsDataclass(a[0]));
    }

    /// <summary>
    /// <c>itemgetter(*items)</c> / <c>attrgetter(*names)</c>: one item alone, several as a tuple.
    /// </summary>
    static PyFunc Getter(string name, object?[] keys, Func<object?, object?, object?> get)
    {
        if (keys.Length == 0) throw new TypeError($"{name} expected 1 argument, got 0");
        return new PyFunc(name, (object? obj) =>
            keys.Length == 1 ? get(obj, keys[0]) : new PyTuple(keys.Select(key => get(obj, key)).ToArray()));
    }

    /// <summary>A dotted attribute path (<c>attrgetter('a.b')</c>).</summary>
    static object? Attr(object? obj, string dotted)
    {
        foreach (var part in dotted.Split('.')) obj = Py.GetAttr(obj, part);
        return obj;
    }

    /// <summary><c>issubclass(cls, class_or_tuple)</c> along <c>__mro__</c>.</summary>
    static bool IsSubclass(object? cls, object? classes)
    {
        if (cls is not PyType t) throw new TypeError("issubclass() arg 1 must be a class");
        if (classes is PyTuple tuple) return tuple.Any(c => IsSubclass(t, c));
        if (classes is not PyType target) throw new TypeError("issubclass() arg 2 must be a class, a tuple of classes, or a union");
        return t.IsSubclassOf(target);
    }
}
