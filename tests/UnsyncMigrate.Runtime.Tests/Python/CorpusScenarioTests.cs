using UnsyncMigrate.Runtime.Python;
using UnsyncMigrate.Runtime.Python.Lib;
using UnsyncMigrate.TestSupport;

namespace UnsyncMigrate.Runtime.Tests.Python;

/// <summary>
/// The synchronous parts of public corpus programs written against the runtime the way the
/// translator emits them; the expected text is read from the cases' expected_stdout.txt
/// (CPython's output), so the cases that read it need the shared folder.
/// </summary>
public class CorpusScenarioTests
{
    sealed class Out
    {
        readonly StringWriter _w = new() { NewLine = "\n" };
        public void P(params object?[] args) => Py.PrintTo(_w, args);
        public override string ToString() => _w.ToString();
    }

    // 04_warehouse_class
    sealed class Item(object? sku, object? name, object? qty, object? price) : PyDataclass
    {
        public object? sku = sku, name = name, qty = qty, price = price;
        public override string PyTypeName => "Item";
        protected override string[] DataclassFieldNames => ["sku", "name", "qty", "price"];
        protected override object?[] DataclassFieldValues() => [sku, name, qty, price];
        public override bool TryGetAttr(string n, out object? value)
        {
            value = n switch { "sku" => sku, "name" => name, "qty" => qty, "price" => price, _ => null };
            return n is "sku" or "name" or "qty" or "price";
        }
    }

    [Fact]
    public void Warehouse_dataclass_repr_and_formatting()
    {
        var o = new Out();
        var items = new PyDict();
        foreach (var row in Py.Iter(PyList.Of(PyTuple.Of("A1", "bolt", 120L, 0.15), PyTuple.Of("B2", "hinge", 3L, 2.5),
                                              PyTuple.Of("C3", "panel", 0L, 19.99), PyTuple.Of("D4", "screw", 400L, 0.05))))
        {
            var (sku, name, qty, price) = (PyTuple)row!;
            items[sku] = new Item(sku, name, qty, price);
        }
        object? Audit()
        {
            var value = Py.Sum(Py.Map(PyFunc.Lambda(i => Py.Mul(((Item)i!).qty, ((Item)i!).price)), items.Values.ToList()));
            var low = new PyList(items.Values.Cast<Item>().Where(i => Py.Lt(i.qty, 5L)).Select(i => i.name));
            return PyTuple.Of(Py.Round(value, 2L), Py.Sorted(low));
        }
        var (v1, l1) = (PyTuple)Audit()!;
        o.P("north: value=" + Py.Format(v1, ".2f") + " low=" + Py.FormatValue(l1));
        var b2 = (Item)items["B2"]!;
        b2.qty = Py.IAdd(b2.qty, 10L);
        ((Item)items["C3"]!).qty = Py.IAdd(((Item)items["C3"]!).qty, 7L);
        var (v2, l2) = (PyTuple)Audit()!;
        o.P("north: value=" + Py.Format(v2, ".2f") + " low=" + Py.FormatValue(l2));
        o.P(Py.Repr(items["C3"]));
        Assert.Equal("north: value=45.50 low=['hinge', 'panel']\nnorth: value=210.43 low=[]\nItem(sku='C3', name='panel', qty=7, price=19.99)\n", o.ToString());
    }

    // 07_helper_module
    [Fact]
    public void Word_counts_with_counter_and_sorting()
    {
        var docs = new[] { "The cat sat on the mat. The cat is happy.", "A dog chased the cat, and the dog barked!",
                           "Happy dogs and happy cats live in the house of Ann.", "It is the mat, the mat, the MAT." };
        var stop = PySet.Of("the", "a", "of", "and", "to", "in", "is", "it");
        PyList Normalize(object? text)
        {
            var words = new PyList(Py.Iter(Py.CallMethod(text, "split")).Select(w => Py.CallMethod(Py.CallMethod(w, "strip", new object?[] { ".,;:!?\"'" }), "lower")));
            return new PyList(words.Where(w => Py.IsTrue(w) && Py.NotIn(w, stop)));
        }
        PyList TopWords(object? counter, long n) =>
            (PyList)Py.GetItem(Py.Sorted(Py.CallMethod(counter, "items"), PyFunc.Lambda(kv => PyTuple.Of(Py.Neg(Py.GetItem(kv, 1L)), Py.GetItem(kv, 0L)))), Py.Slice(null, n))!;
        var counts = docs.Select(d => new Counter(Normalize(d))).ToList();
        var merged = new Counter();
        foreach (var c in counts) merged.Update(c);
        var o = new Out();
        o.P("distinct words:", Py.Len(merged));
        o.P("total words:", Py.Sum(Py.CallMethod(merged, "values")));
        foreach (var t in TopWords(merged, 5))
        {
            var (word, n) = (PyTuple)t!;
            o.P(Py.Format(word, ">8") + ": " + Py.Format(Py.Mul("#", n)) + " (" + Py.Format(n) + ")");
        }
        o.P("doc 1 top:", TopWords(counts[0], 2));
        var solo = new Counter(Normalize("Ann and Bob and Cy"));
        o.P("solo:", Py.Dict(Py.Sorted(solo.Items)));
        Assert.Equal("distinct words: 13\ntotal words: 21\n     mat: #### (4)\n     cat: ### (3)\n   happy: ### (3)\n     dog: ## (2)\n     ann: # (1)\n" +
                     "doc 1 top: [('cat', 2), ('happy', 1)]\nsolo: {'ann': 1, 'bob': 1, 'cy': 1}\n", o.ToString());
    }

    // 15_process_dict
    [RequiresFact(Requirement.SharedFolder)]
    public void Statistics_json_and_percent_format()
    {
        PyDict Describe(PyDict sample)
        {
            var values = sample["values"];
            var n = Py.Len(values);
            var mean = Py.TrueDiv(Py.Sum(values), n);
            var variance = Py.TrueDiv(Py.Sum(Py.Map(PyFunc.Lambda(v => Py.Pow(Py.Sub(v, mean), 2L)), values)), n);
            var ordered = Py.Sorted(values);
            var mid = Py.FloorDiv(n, 2L);
            var median = Py.IsTrue(Py.Mod(n, 2L)) ? Py.GetItem(ordered, mid)
                : Py.TrueDiv(Py.Add(Py.GetItem(ordered, Py.Sub(mid, 1L)), Py.GetItem(ordered, mid)), 2L);
            return PyDict.Of("name", sample["name"], "n", n, "mean", Py.Round(mean, 3L), "median", median,
                "std", Py.Round(MathLib.sqrt(variance), 3L), "range", PyList.Of(Py.GetItem(ordered, 0L), Py.GetItem(ordered, -1L)),
                "tags", Py.Sorted(Py.Set(sample.Get("tags", new PyList()))));
        }
        var samples = PyList.Of(
            PyDict.Of("name", "north", "values", PyList.Of(12L, 15L, 11L, 19L, 14L), "tags", PyList.Of("b", "a", "b")),
            PyDict.Of("name", "south", "values", PyList.Of(3L, 9L, 27L, 81L)),
            PyDict.Of("name", "east", "values", PyList.Of(7L, 7L, 7L, 7L, 7L, 7L), "tags", PyList.Of("flat")));
        var reports = new PyDict();
        foreach (var item in samples) { var s = (PyDict)item!; reports[s["name"]] = Describe(s); }
        var o = new Out();
        foreach (var name in Py.Sorted(reports)) o.P(Json.Dumps(reports[name], sort_keys: true));
        var widest = Py.Max(Py.CallMethod(reports, "values"), PyFunc.Lambda(r => Py.Sub(Py.GetItem(Py.GetItem(r, "range"), 1L), Py.GetItem(Py.GetItem(r, "range"), 0L))));
        o.P("widest spread:", Py.GetItem(widest, "name"));
        var all = new PyList(samples.Cast<PyDict>().SelectMany(s => Py.Iter(s["values"])));
        var overall = Describe(PyDict.Of("name", "all", "values", all));
        o.P(Py.Mod("overall mean=%.2f std=%.2f n=%d", PyTuple.Of(overall["mean"], overall["std"], overall["n"])));
        Assert.Equal(File.ReadAllText(CorpusFile("15_process_dict")), o.ToString());
    }

    // 24_small_package
    sealed class Circle(object? r) : PyDataclass
    {
        public readonly object? r = r;
        public override string PyTypeName => "Circle";
        protected override bool DataclassFrozen => true;
        protected override string[] DataclassFieldNames => ["r"];
        protected override object?[] DataclassFieldValues() => [r];
        public object? Area() => Py.Mul(MathLib.pi, Py.Pow(r, 2L));
        public void SetR(object? value) { CheckNotFrozen("r"); _ = value; }
    }

    sealed class Rect(object? w, object? h) : PyDataclass
    {
        public readonly object? w = w, h = h;
        public override string PyTypeName => "Rect";
        protected override bool DataclassFrozen => true;
        protected override string[] DataclassFieldNames => ["w", "h"];
        protected override object?[] DataclassFieldValues() => [w, h];
        public object? Area() => Py.Mul(w, h);
    }

    [RequiresFact(Requirement.SharedFolder)]
    public void Shapes_repr_padding_and_rounding()
    {
        object? Area(object s) => Py.Round(s is Circle c ? c.Area() : ((Rect)s).Area(), 4L);
        object? Perimeter(object s) => s is Circle c ? Py.Round(Py.Mul(Py.Mul(2L, 3.141592653589793), c.r), 4L) : Py.Mul(2L, Py.Add(((Rect)s).w, ((Rect)s).h));
        object? Grid(object s)
        {
            if (s is Rect rr) return Py.Mul(rr.w, rr.h);
            var c = (Circle)s;
            long inside = 0;
            long steps = 400;
            var cell = Py.TrueDiv(Py.Mul(2L, c.r), steps);
            for (long i = 0; i < steps; i++)
            {
                var x = Py.Add(Py.Neg(c.r), Py.Mul(Py.Add(i, 0.5), cell));
                for (long j = 0; j < steps; j++)
                {
                    var y = Py.Add(Py.Neg(c.r), Py.Mul(Py.Add(j, 0.5), cell));
                    if (Py.Le(Py.Add(Py.Mul(x, x), Py.Mul(y, y)), Py.Mul(c.r, c.r))) inside++;
                }
            }
            return Py.Round(Py.Mul(Py.Mul(inside, cell), cell), 4L);
        }
        var shapes = new object[] { new Circle(1.0), new Rect(3L, 4.5), new Circle(2.5) };
        var o = new Out();
        foreach (var s in shapes)
        {
            var exact = Area(s);
            var est = Grid(s);
            o.P(Py.FormatValue(s, 'r', "<22") + " area=" + Py.FormatValue(exact, -1, "<9") + " perim=" + Py.FormatValue(Perimeter(s), -1, "<8") +
                " grid=" + Py.FormatValue(est) + " err=" + Py.FormatValue(Py.Abs(Py.Sub(exact, est)), -1, ".4f"));
        }
        o.P("biggest:", Py.Max(new PyList(shapes), PyFunc.Lambda(s => Area(s!))));
        Assert.Equal(File.ReadAllText(CorpusFile("24_small_package")), o.ToString());
        var frozen = Assert.Throws<FrozenInstanceError>(() => ((Circle)shapes[0]).SetR(2.0));
        Assert.Equal("cannot assign to field 'r'", frozen.PyStr());
        Assert.Equal(Py.Hash(shapes[0]), Py.Hash(new Circle(1.0)));
        Assert.True(Py.Eq(shapes[0], new Circle(1.0)));
        Assert.False(Py.Eq(shapes[0], shapes[2]));
    }

    // 21_generator_pipeline
    [RequiresFact(Requirement.SharedFolder)]
    public void Generator_pipeline_itertools_and_reduce()
    {
        IEnumerable<object?> Batches(object? iterable, long size)
        {
            var it = Py.IterObj(iterable);
            while (true)
            {
                var chunk = Py.List(Itertools.Islice(it, size));
                if (!Py.IsTrue(chunk)) yield break;
                yield return chunk;
            }
        }
        var data = Py.Range(1, 11);
        var flat = new PyList();
        foreach (var t in Py.Enumerate(Py.Generator(Batches(data, 3))))
        {
            var (i, b) = (PyTuple)t!;
            flat.AddRange(Py.Iter(b).Select(x => Py.Add(Py.Mul(x, x), i)));
        }
        var o = new Out();
        o.P("flat:", flat);
        o.P("product mod p:", Functools.Reduce(PyFunc.Lambda((acc, v) => Py.Mod(Py.Mul(acc, v), 1_000_003L)), flat, 1L));
        o.P("running tail:", Py.GetItem(Py.List(Itertools.Accumulate(flat)), Py.Slice(-3L, null)));
        var mod3 = PyFunc.Lambda(v => Py.Mod(v, 3L));
        var groups = new PyDict();
        foreach (var t in Itertools.Groupby(Py.Sorted(flat, mod3), mod3)) groups[Py.GetItem(t, 0L)] = Py.List(Py.GetItem(t, 1L));
        foreach (var kv in groups.Pairs) o.P($"mod 3 == {Py.FormatValue(kv.Key)}: {Py.FormatValue(kv.Value)}");
        var pairs = Py.List(Itertools.Combinations(Py.GetItem(flat, Py.Slice(null, 4L)), 2L));
        o.P("pairs:", Py.Len(pairs), Py.GetItem(pairs, Py.Slice(null, 3L)));
        var odds = new PyList(Itertools.Takewhile(PyFunc.Lambda(v => Py.Lt(v, 8L)), data).Where(x => Py.IsTrue(Py.Mod(x, 2L))));
        o.P("odd squares:", new PyList(odds.Select(x => Py.Add(Py.Mul(x, x), 0L))));
        Assert.Equal(File.ReadAllText(CorpusFile("21_generator_pipeline")), o.ToString());
    }

    // 23_global_counter_deque
    [RequiresFact(Requirement.SharedFolder)]
    public void Deque_rotate_defaultdict_and_lock()
    {
        var byKind = new DefaultDict(PyType.List);
        long processed = 0;
        var @lock = new Threading.Lock();
        var events = new Deque(PyList.Of(PyTuple.Of("click", "btn-save"), PyTuple.Of("view", "home"), PyTuple.Of("click", "btn-cancel"),
            PyTuple.Of("scroll", "feed"), PyTuple.Of("view", "settings"), PyTuple.Of("click", "link-help"), PyTuple.Of("view", "profile")));
        events.Rotate(2);
        var o = new Out();
        o.P("first after rotate:", Py.GetItem(events, 0L));
        var sizes = new PyList();
        long rounds = 0;
        while (Py.IsTrue(events))
        {
            var batch = new PyList(Enumerable.Range(0, (int)Py.ToLong(Py.MinOf(3L, Py.Len(events)))).Select(_ => events.PopLeft()));
            var results = batch.AsParallel().AsOrdered().Select(ev =>
            {
                var (kind, payload) = (PyTuple)ev!;
                using (@lock.Hold())
                {
                    processed++;
                    Py.CallMethod(byKind[kind], "append", new[] { payload });
                }
                return (object?)Py.Len(payload);
            }).ToList();
            sizes.AddRange(results);
            rounds++;
        }
        o.P("sizes:", sizes);
        o.P("rounds:", rounds, "processed:", processed);
        foreach (var kind in Py.Sorted(byKind)) o.P(Py.Mod("%-6s %s", PyTuple.Of(kind, Py.Sorted(byKind[kind]))));
        var recent = new Deque(null, 3L);
        foreach (var s in sizes) recent.Append(s);
        o.P("last three sizes:", Py.List(recent));
        Assert.Equal(File.ReadAllText(CorpusFile("23_global_counter_deque")), o.ToString());
    }

    // 01_async_greetings, 02_thread_fetch, 03_process_squares: string methods and formats
    [RequiresFact(Requirement.SharedFolder)]
    public void Greetings_fetch_and_squares_formatting()
    {
        var o = new Out();
        var names = PyList.Of("ada", "grace", "linus");
        var messages = new PyList(Py.Enumerate(names).Select(t => (object?)Py.StrFormat("Hello, {}!", new[] { Py.CallMethod(Py.GetItem(t, 1L), "title") })));
        foreach (var t in Py.Enumerate(messages, 1)) o.P(Py.FormatValue(Py.GetItem(t, 0L)) + ". " + Py.FormatValue(Py.GetItem(t, 1L)));
        o.P("Loud:", Py.CallMethod(Py.CallMethod(Py.GetItem(messages, -1L), "upper"), "replace", new object?[] { "!", "!!!" }));
        var lengths = new PyDict();
        foreach (var m in messages) lengths[Py.CallMethod(Py.GetItem(Py.CallMethod(m, "split"), 1L), "rstrip", new object?[] { "!" })] = Py.Len(m);
        var ranked = Py.Sorted(Py.CallMethod(lengths, "items"), PyFunc.Lambda(kv => PyTuple.Of(Py.Neg(Py.GetItem(kv, 1L)), Py.GetItem(kv, 0L))));
        o.P(ranked);
        o.P("longest greeting belongs to", Py.GetItem(Py.GetItem(ranked, 0L), 0L));
        Assert.Equal(File.ReadAllText(CorpusFile("01_async_greetings")), o.ToString());

        var o2 = new Out();
        var catalog = PyDict.Of("alpha.txt", "the quick brown fox", "beta.txt", "jumps over the lazy dog",
            "gamma.txt", "lorem ipsum dolor sit amet consectetur", "delta.txt", "");
        var wanted = (PyList)Py.Add(Py.Sorted(catalog), PyList.Of("omega.txt"))!;
        var results = new PyList(wanted.Select(p => (object?)PyTuple.Of(p, catalog.Get(p))));
        foreach (var pr in results)
        {
            var (path, body) = (PyTuple)pr!;
            if (body is null) o2.P(Py.Mod("%-10s MISSING", path));
            else if (!Py.IsTrue(body)) o2.P(Py.Mod("%-10s EMPTY", path));
            else
            {
                var words = Py.CallMethod(body, "split");
                var longest = Py.Max(words, new PyFunc("len", (object? x) => Py.Len(x)));
                o2.P(Py.Mod("%-10s %2d words, longest=%s", PyTuple.Of(path, Py.Len(words), longest)));
            }
        }
        o2.P("total words:", Py.Sum(results.Where(r => Py.IsTrue(Py.GetItem(r, 1L))).Select(r => (object?)Py.Len(Py.CallMethod(Py.GetItem(r, 1L), "split"))).ToList()));
        o2.P("fast fetch:", Py.CallMethod("the quick brown fox", "title"));
        var missing = new PyList(results.Where(r => Py.GetItem(r, 1L) is null).Select(r => Py.GetItem(r, 0L)));
        var joined = Py.CallMethod(", ", "join", new object?[] { missing });
        o2.P("missing:", Py.IsTrue(joined) ? joined : "none");
        Assert.Equal(File.ReadAllText(CorpusFile("02_thread_fetch")), o2.ToString());

        var o3 = new Out();
        long limit = 200_000;
        var step = Py.FloorDiv(limit, 4L);
        var partials = new PyList();
        for (long i = 0; i < 4; i++)
        {
            var lo = Py.Mul(i, step);
            var hi = i == 3 ? limit : Py.Add(lo, step);
            object? total = 0L;
            foreach (var n in Py.Range(new[] { lo, hi })) total = Py.IAdd(total, Py.Mul(n, n));
            partials.Add(total);
            o3.P("[" + Py.Format(lo, ">6") + ", " + Py.Format(hi, ">6") + ") -> " + Py.FormatValue(total));
        }
        var sum = Py.Sum(partials);
        var nn = limit - 1;
        var closed = Py.FloorDiv(Py.Mul(Py.Mul(nn, nn + 1), 2 * nn + 1), 6L);
        o3.P("parallel total:", sum);
        o3.P("closed form:   ", closed);
        o3.P("match:", Py.Eq(sum, closed));
        o3.P(Py.StrFormat("share of last chunk: {:.1%}", new[] { Py.TrueDiv(Py.GetItem(partials, -1L), sum) }));
        Assert.Equal(File.ReadAllText(CorpusFile("03_process_squares")), o3.ToString());
    }

    // 08_exceptions
    sealed class ValidationError : PyException
    {
        public object? field;
        public ValidationError(object? field, object? reason) : base(Py.FormatValue(field) + ": " + Py.FormatValue(reason)) { this.field = field; }
        public override string PyTypeName => "ValidationError";
    }

    sealed class MissingField(object? field, object? reason) : PyException(Py.FormatValue(field) + ": " + Py.FormatValue(reason))
    {
        public object? field = field;
        public override string PyTypeName => "MissingField";
    }

    [Fact]
    public void Exceptions_str_repr_and_wrapping()
    {
        var o = new Out();
        var ex = new MissingField("id", "required");
        o.P("missing field:", ex.field, "|", ex);
        o.P("invalid:", new ValidationError("id", "must be int"));
        var rec = PyDict.Of("id", 9L);
        try
        {
            var merged = new PyDict();
            merged.Update(rec);
            merged["tag"] = Py.CallMethod(Py.GetItem(rec["name"], 0L), "upper");
        }
        catch (Exception e) when (Py.WrapException(e) is KeyError k)
        {
            o.P("missing " + Py.FormatValue(k));
            o.P("direct KeyError:", Py.Repr(k));
        }
        try { _ = Py.FloorDiv(1L, 0L); }
        catch (Exception e) when (Py.WrapException(e) is ArithmeticError a) { o.P(Py.TypeName(a), a); }
        try { throw new DivideByZeroException(); }
        catch (Exception e) when (Py.WrapException(e) is ZeroDivisionError z) { o.P(Py.Repr(z)); }
        o.P("  checked", Py.Sorted(PyDict.Of("name", 1L, "id", 2L)));
        Assert.Equal("missing field: id | id: required\ninvalid: id: must be int\nmissing 'name'\ndirect KeyError: KeyError('name')\n" +
                     "ZeroDivisionError integer division or modulo by zero\nZeroDivisionError('division by zero')\n  checked ['id', 'name']\n", o.ToString());
        Assert.True(Py.IsinstanceName(ex, "Exception"));
        Assert.True(Py.Isinstance(Py.WrapException(new TimeoutException()), typeof(OSError)));
    }

    /// <summary>The case's expected_stdout.txt (CPython's output) in the shared corpus; the tests using it skip without ../shared.</summary>
    internal static string CorpusFile(string name) =>
        SharedFolder.TryFindFile(Path.Combine("corpus", "public", name, "expected_stdout.txt"))
        ?? throw new FileNotFoundException("corpus case not found in the shared folder: " + name);
}
