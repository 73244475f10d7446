using UnsyncMigrate.Runtime.Python.Lib;

namespace UnsyncMigrate.Runtime.Python;

/// <summary>
/// Builtins and library members by their Python name (<c>"builtins.sorted"</c>,
/// <c>"math.sqrt"</c>, <c>"collections.Counter"</c>...), as callable values. Generated code
/// calls <c>Py.CallLib(name, args, kwargs)</c> or takes <c>Py.Lib(name)</c> as a value
/// (<c>map(str, xs)</c>, <c>defaultdict(list)</c>).
/// </summary>
public static partial class PyLibrary
{
    static readonly Dictionary<string, object?> s_members = Build();

    public static bool TryGet(string qualifiedName, out object? value) => s_members.TryGetValue(qualifiedName, out value);

    static PyFunc F(string name, string[] names, object?[] defaults, Func<object?[], object?> body, bool varArgs = false, bool varKw = false)
    {
        string shortName = name[(name.LastIndexOf('.') + 1)..];
        return new PyFunc(shortName, (a, k) => body(PyArgs.Bind(shortName, a, k, names, defaults, names.Length, varArgs, varKw)));
    }

    static readonly object N = PyArgs.NoDefault;

    static Dictionary<string, object?> Build()
    {
        var d = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            // builtins: functions
            ["builtins.print"] = new PyFunc("print", (object?[] a, PyKwargs? k) =>
            {
                foreach (var name in k?.Names ?? [])
                    if (name is not ("sep" or "end" or "file" or "flush")) throw new TypeError($"print() got an unexpected keyword argument '{name}'");
                Py.PrintKw(a, k?.Get("sep"), k?.Get("end"), k?.Get("file"), k?.Get("flush"));
                return null;
            }),
            ["sys.stdout"] = PyTextStream.StdoutStream,
            ["sys.stderr"] = PyTextStream.StderrStream,
            ["builtins.len"] = F("len", ["obj"], [N], a => Py.Len(a[0])),
            ["builtins.range"] = PyType.Range,
            ["builtins.enumerate"] = F("enumerate", ["iterable", "start"], [N, 0L], a => Py.Enumerate(a[0], Convert.ToInt64(a[1]))),
            ["builtins.zip"] = new PyFunc("zip", (object?[] a, PyKwargs? k) => k is { Count: > 0 } && Py.IsTrue(k.Get("strict")) ? Py.ZipStrict(a) : Py.Zip(a)),
            ["builtins.sorted"] = F("sorted", ["iterable", "key", "reverse"], [N, null, false], a => Py.Sorted(a[0], a[1], Py.IsTrue(a[2]))),
            ["builtins.reversed"] = F("reversed", ["seq"], [N], a => Py.Reversed(a[0])),
            ["builtins.sum"] = F("sum", ["iterable", "start"], [N, 0L], a => Py.Sum(a[0], a[1])),
            ["builtins.min"] = new PyFunc("min", (object?[] a, PyKwargs? k) => Py.Min(a, k)),
            ["builtins.max"] = new PyFunc("max", (object?[] a, PyKwargs? k) => Py.Max(a, k)),
            ["builtins.abs"] = F("abs", ["x"], [N], a => Py.Abs(a[0])),
            ["builtins.round"] = new PyFunc("round", (object?[] a, PyKwargs? k) =>
            {
                var b = PyArgs.Bind("round", a, k, ["number", "ndigits"], [N, null], 2, false, false);
                return b[1] == null ? Py.Round(b[0]) : Py.Round(b[0], b[1]);
            }),
            ["builtins.any"] = F("any", ["iterable"], [N], a => Py.Any(a[0])),
            ["builtins.all"] = F("all", ["iterable"], [N], a => Py.All(a[0])),
            ["builtins.repr"] = F("repr", ["obj"], [N], a => Py.Repr(a[0])),
            ["builtins.ascii"] = F("ascii", ["obj"], [N], a => Py.Ascii(a[0])),
            ["builtins.isinstance"] = F("isinstance", ["obj", "class_or_tuple"], [N, N], a => Py.ExceptionMatchesType(a[0], a[1])),
            ["builtins.map"] = new PyFunc("map", (object?[] a, PyKwargs? k) => Py.Map(a[0], a[1..])),
            ["builtins.filter"] = F("filter", ["function", "iterable"], [N, N], a => Py.Filter(a[0], a[1])),
            ["builtins.divmod"] = F("divmod", ["a", "b"], [N, N], a => Py.Divmod(a[0], a[1])),
            ["builtins.pow"] = F("pow", ["base", "exp", "mod"], [N, N, null], a => a[2] == null ? Py.Pow(a[0], a[1]) : Py.Pow(a[0], a[1], a[2])),
            ["builtins.chr"] = F("chr", ["i"], [N], a => Py.Chr(a[0])),
            ["builtins.ord"] = F("ord", ["c"], [N], a => Py.Ord(a[0])),
            ["builtins.hash"] = F("hash", ["obj"], [N], a => Py.Hash(a[0])),
            ["builtins.id"] = F("id", ["obj"], [N], a => Py.Id(a[0])),
            ["builtins.iter"] = F("iter", ["obj"], [N], a => Py.IterObj(a[0])),
            ["builtins.next"] = new PyFunc("next", (object?[] a, PyKwargs? k) => a.Length > 1 ? Py.Next(a[0], a[1]) : Py.Next(a[0])),
            ["builtins.callable"] = F("callable", ["obj"], [N], a => Py.Callable(a[0])),
            ["builtins.getattr"] = new PyFunc("getattr", (object?[] a, PyKwargs? k) => a.Length > 2 ? Py.GetAttr(a[0], (string)a[1]!, a[2]) : Py.GetAttr(a[0], (string)a[1]!)),
            ["builtins.setattr"] = F("setattr", ["obj", "name", "value"], [N, N, N], a => { Py.SetAttr(a[0], (string)a[1]!, a[2]); return null; }),
            ["builtins.hasattr"] = F("hasattr", ["obj", "name"], [N, N], a => Py.HasAttr(a[0], (string)a[1]!)),
            ["builtins.format"] = F("format", ["value", "format_spec"], [N, ""], a => Py.Format(a[0], (string)a[1]!)),
            ["builtins.bin"] = F("bin", ["x"], [N], a => Py.Bin(a[0])),
            ["builtins.hex"] = F("hex", ["x"], [N], a => Py.Hex(a[0])),
            ["builtins.oct"] = F("oct", ["x"], [N], a => Py.Oct(a[0])),
            // builtins: types
            ["builtins.int"] = PyType.Int,
            ["builtins.float"] = PyType.Float,
            ["builtins.str"] = PyType.Str,
            ["builtins.bool"] = PyType.Bool,
            ["builtins.list"] = PyType.List,
            ["builtins.tuple"] = PyType.Tuple,
            ["builtins.dict"] = PyType.Dict,
            ["builtins.set"] = PyType.Set,
            ["builtins.frozenset"] = PyType.FrozenSet,
            ["builtins.bytes"] = PyType.Bytes,
            ["builtins.slice"] = PyType.Slice,
            ["builtins.object"] = PyType.Object,
            ["builtins.type"] = PyType.Type,
            // time
            ["time.sleep"] = F("sleep", ["secs"], [N], a => { TimeLib.Sleep(a[0]); return null; }),
            ["time.time"] = F("time", [], [], a => TimeLib.Time()),
            ["time.perf_counter"] = F("perf_counter", [], [], a => TimeLib.PerfCounter()),
            ["time.monotonic"] = F("monotonic", [], [], a => TimeLib.Monotonic()),
            // unsync
            ["unsync.Unfuture"] = PyUnsync.UnfutureType,
            // asyncio
            ["asyncio.sleep"] = F("sleep", ["delay", "result"], [N, null], a => PyUnsync.SleepTask(a[0], a[1])),
            ["asyncio.Lock"] = new PyType("Lock", "asyncio.locks", typeof(AsyncioLocks.Lock), (a, k) => new AsyncioLocks.Lock()),
            ["asyncio.Semaphore"] = new PyType("Semaphore", "asyncio.locks", typeof(AsyncioLocks.Semaphore), (a, k) =>
                new AsyncioLocks.Semaphore(PyArgs.Bind("Semaphore", a, k, ["value"], [1L], 1, false, false)[0])),
            // math
            ["math.sqrt"] = F("sqrt", ["x"], [N], a => MathLib.sqrt(a[0])),
            ["math.isqrt"] = F("isqrt", ["n"], [N], a => MathLib.isqrt(a[0])),
            ["math.pi"] = MathLib.pi,
            ["math.e"] = Math.E,
            ["math.inf"] = double.PositiveInfinity,
            // json
            ["json.dumps"] = new PyFunc("dumps", (object?[] a, PyKwargs? k) => Json.Dumps(a[0], k)),
            // collections
            ["collections.Counter"] = new PyType("Counter", "collections", typeof(Counter), (a, k) => a.Length == 0 ? new Counter(null, k) : new Counter(a[0], k)),
            ["collections.defaultdict"] = new PyType("defaultdict", "collections", typeof(DefaultDict), (a, k) =>
                a.Length <= 1 && k is null or { Count: 0 } ? new DefaultDict(a.Length == 0 ? null : a[0]) : new DefaultDict(a[0], a.Length > 1 ? a[1] : null, k)),
            ["collections.deque"] = new PyType("deque", "collections", typeof(Deque), (a, k) =>
            {
                var b = PyArgs.Bind("deque", a, k, ["iterable", "maxlen"], [null, null], 2, false, false);
                return new Deque(b[0], b[1]);
            }),
            // itertools
            ["itertools.islice"] = new PyFunc("islice", (object?[] a, PyKwargs? k) => a.Length == 2 ? Itertools.Islice(a[0], a[1]) : Itertools.Islice(a[0], a[1], a[2], a.Length > 3 ? a[3] : null)),
            ["itertools.takewhile"] = F("takewhile", ["predicate", "iterable"], [N, N], a => Itertools.Takewhile(a[0], a[1])),
            ["itertools.groupby"] = F("groupby", ["iterable", "key"], [N, null], a => Itertools.Groupby(a[0], a[1])),
            ["itertools.combinations"] = F("combinations", ["iterable", "r"], [N, N], a => Itertools.Combinations(a[0], a[1])),
            ["itertools.accumulate"] = F("accumulate", ["iterable", "func", "initial"], [N, null, null], a => Itertools.Accumulate(a[0], a[1], a[2])),
            // functools
            ["functools.reduce"] = new PyFunc("reduce", (object?[] a, PyKwargs? k) => a.Length > 2 ? Functools.Reduce(a[0], a[1], a[2]) : Functools.Reduce(a[0], a[1])),
            ["functools.wraps"] = F("wraps", ["wrapped"], [N], a => new PyFunc("decorator", (object?[] wa, PyKwargs? wk) => Functools.Wraps(a[0], (PyFunc)wa[0]!))),
            // hashlib
            ["hashlib.sha256"] = F("sha256", ["data"], [null], a => Hashlib.Sha256(a[0])),
            ["hashlib.md5"] = F("md5", ["data"], [null], a => Hashlib.Md5(a[0])),
            // threading
            ["threading.Lock"] = new PyType("lock", "_thread", typeof(Threading.Lock), (a, k) => new Threading.Lock()),
        };
        AddModules(d);
        foreach (var (name, type) in PyExceptionTypes.All) d["builtins." + name] = type;
        foreach (var (name, type) in PyExceptionTypes.Library) d[name] = type;
        // Aliases are the same objects (concurrent.futures.TimeoutError is TimeoutError since 3.11).
        d["concurrent.futures.TimeoutError"] = d["asyncio.TimeoutError"] = d["builtins.TimeoutError"];
        return d;
    }
}
