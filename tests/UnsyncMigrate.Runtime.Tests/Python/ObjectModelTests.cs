using UnsyncMigrate.Runtime.Python;
using UnsyncMigrate.Runtime.Python.Lib;

namespace UnsyncMigrate.Runtime.Tests.Python;

/// <summary>The generated-class contract (PyObjectBase dunders, IPyObject dispatch), print, iterators, locks.</summary>
public class ObjectModelTests
{
    sealed class Point(long x, long y) : PyObjectBase
    {
        public long X = x, Y = y;
        public override string PyTypeName => "Point";
    }

    sealed class Vec(object? x, object? y) : PyObjectBase
    {
        public object? X = x, Y = y;
        public override string PyTypeName => "Vec";
        public override object? __repr__() => $"Vec({Py.Repr(X)}, {Py.Repr(Y)})";
        public override object? __eq__(object? other) => other is Vec v ? Py.Eq(X, v.X) && Py.Eq(Y, v.Y) : NotImplemented;
        public override object? __hash__() => Py.Hash(PyTuple.Of(X, Y));
        public override object? __lt__(object? other) => other is Vec v ? Py.Lt(PyTuple.Of(X, Y), PyTuple.Of(v.X, v.Y)) : NotImplemented;
        public override object? __add__(object? other) => other is Vec v ? new Vec(Py.Add(X, v.X), Py.Add(Y, v.Y)) : NotImplemented;
        public override object? __len__() => 2L;
        public override object? __iter__() => PyList.Of(X, Y);
        public override object? __getitem__(object? key) => Py.GetItem(PyTuple.Of(X, Y), key);
        public override bool TryGetAttr(string name, out object? value)
        {
            value = name switch { "x" => X, "y" => Y, _ => null };
            return name is "x" or "y";
        }
    }

    /// <summary>A generated class that does not derive from PyObjectBase: dunders through TryCallMethod.</summary>
    sealed class Plain : IPyObject
    {
        public string PyTypeName => "Plain";
        public bool TryGetAttr(string name, out object? value) { value = null; return false; }
        public bool TrySetAttr(string name, object? value) => false;
        public bool TryCallMethod(string name, object?[] args, PyKwargs? kwargs, out object? result)
        {
            switch (name)
            {
                case "__str__": result = "plain!"; return true;
                case "__len__": result = 0L; return true;
                case "greet": result = "hi " + Py.Str(args[0]); return true;
            }
            result = null;
            return false;
        }
    }

    [Fact]
    public void Default_repr_equality_and_hash_are_identity_based()
    {
        var p = new Point(1, 2);
        Assert.Matches(@"^<__main__\.Point object at 0x[0-9a-f]+>$", Py.Repr(p));
        Assert.Equal(Py.Repr(p), Py.Str(p));
        Assert.Equal(Py.Repr(p), Py.Repr(p));
        Assert.True(Py.Eq(p, p));
        Assert.False(Py.Eq(p, new Point(1, 2)));
        Assert.Equal(Py.Hash(p), Py.Hash(p));
        Assert.True(Py.IsTrue(p));
        Assert.Equal("TypeError: '<' not supported between instances of 'Point' and 'Point'",
            Assert.Throws<TypeError>(() => Py.Lt(p, new Point(0, 0))) is var e ? "TypeError: " + e.PyStr() : "");
        Assert.Equal("object of type 'Point' has no len()", Assert.Throws<TypeError>(() => Py.Len(p)).PyStr());
        Assert.Equal("'Point' object has no attribute 'z'", Assert.Throws<AttributeError>(() => Py.GetAttr(p, "z")).PyStr());
        Assert.Equal("unsupported operand type(s) for +: 'Point' and 'int'", Assert.Throws<TypeError>(() => Py.Add(p, 1L)).PyStr());
    }

    [Fact]
    public void Dunders_drive_operators_containers_and_sorting()
    {
        var a = new Vec(1L, 2L);
        var b = new Vec(1L, 2L);
        Assert.True(Py.Eq(a, b));
        Assert.False(Py.Ne(a, b));
        Assert.Equal(1L, Py.Len(Py.Set(PyList.Of(a, b))));
        Assert.Equal("Vec(2, 4)", Py.Repr(Py.Add(a, b)));
        Assert.Equal("[Vec(0, 9), Vec(1, 2), Vec(3, 0)]", Py.Repr(Py.Sorted(PyList.Of(new Vec(3L, 0L), a, new Vec(0L, 9L)))));
        Assert.Equal("Vec(3, 0)", Py.Repr(Py.Max(PyList.Of(new Vec(3L, 0L), a))));
        Assert.Equal(2L, Py.Len(a));
        Assert.Equal("[1, 2]", Py.Repr(Py.List(a)));
        Assert.Equal(2L, Py.GetItem(a, -1L));
        Assert.True(Py.In(2L, a));
        Assert.Equal("x=1", Py.StrFormat("x={0.x}", new object?[] { a }));
        Assert.Equal("[Vec(1, 2)]", Py.Repr(PyList.Of(a)));
        Assert.Equal("Vec(1, 2)     |", Py.FormatValue(a, 'r', "<14") + "|");
        var (x, y) = Py.Unpack(a, 2) is var arr ? (arr[0], arr[1]) : default;
        Assert.Equal((1L, 2L), ((long)x!, (long)y!));
    }

    [Fact]
    public void IPyObject_without_base_class_dispatches_through_TryCallMethod()
    {
        var p = new Plain();
        Assert.Equal("plain!", Py.Str(p));
        Assert.False(Py.IsTrue(p));
        Assert.Equal("hi bob", Py.CallMethod(p, "greet", new object?[] { "bob" }));
        Assert.Matches(@"^<__main__\.Plain object at 0x[0-9a-f]+>$", Py.Repr(p));
    }

    [Fact]
    public void Print_sep_end_and_str_of_values()
    {
        var w = new StringWriter { NewLine = "\n" };
        Py.PrintTo(w, new object?[] { 1L, 2.0, "x", null, true, PyList.Of("a", 1e16) });
        Py.PrintTo(w, new object?[] { "a", "b" }, sep: "-", end: "!\n");
        Py.PrintTo(w, new object?[] { });
        Py.PrintTo(w, new object?[] { "no newline" }, end: "");
        Assert.Equal("1 2.0 x None True ['a', 1e+16]\na-b!\n\nno newline", w.ToString());
    }

    [Fact]
    public void Print_to_redirected_stdout_keeps_lines_whole_across_threads()
    {
        var w = new StringWriter { NewLine = "\n" };
        Py.SetStdout(w);
        try
        {
            Parallel.For(0, 200, i => Py.Print(new object?[] { "line", i, "end" }));
        }
        finally { Py.SetStdout(null); }
        var lines = w.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(200, lines.Length);
        Assert.All(lines, l => Assert.Matches(@"^line \d+ end$", l));
    }

    [Fact]
    public void Iterators_are_single_pass_and_generators_too()
    {
        var it = Py.IterObj(PyList.Of(1L, 2L, 3L, 4L));
        Assert.Same(it, Py.IterObj(it));
        Assert.Equal(1L, Py.Next(it));
        foreach (var x in it) { Assert.Equal(2L, x); break; }
        Assert.Equal("[3, 4]", Py.Repr(Py.List(it)));
        Assert.Equal("[]", Py.Repr(Py.List(it)));
        Assert.Equal("done", Py.Next(it, "done"));
        Assert.Throws<StopIteration>(() => Py.Next(it));
        static IEnumerable<object?> Gen() { yield return 1L; yield return 2L; }
        var g = Py.Generator(Gen());
        Assert.Equal(3L, Py.Sum(g));
        Assert.Equal(0L, Py.Sum(g));
        var z = Py.Zip(PyList.Of(1L, 2L), "ab");
        Assert.Equal("[(1, 'a'), (2, 'b')]", Py.Repr(Py.List(z)));
        Assert.Equal("[]", Py.Repr(Py.List(z)));
    }

    [Fact]
    public void Dict_mutation_during_iteration_raises_like_python()
    {
        var d = PyDict.Of("a", 1L);
        var e = Assert.Throws<RuntimeError>(() => { foreach (var k in d) d["b"] = 2L; });
        Assert.Equal("dictionary changed size during iteration", e.PyStr());
        var l = PyList.Of(1L);
        int n = 0;
        foreach (var x in Py.Iter(l)) { if (n++ < 3) l.Add(x); }
        Assert.Equal(4, l.Count);
    }

    [Fact]
    public void String_sets_iterate_in_insertion_order_and_int_sets_in_cpython_order()
    {
        Assert.Equal("{'pear', 'apple', 'fig'}", Py.Repr(Py.Set(PyList.Of("pear", "apple", "fig", "apple"))));
        Assert.Equal("{8, 1, 100}", Py.Repr(Py.Set(PyList.Of(100L, 8L, 1L))));
    }

    [Fact]
    public void Lock_serialises_and_reports_misuse()
    {
        var lk = new Threading.Lock();
        long counter = 0;
        Parallel.For(0, 1000, _ => { using (lk.Hold()) counter = (long)Py.Add(counter, 1L)!; });
        Assert.Equal(1000L, counter);
        Assert.True(lk.Acquire());
        Assert.False(lk.Acquire(blocking: false));
        Assert.True(lk.Locked());
        lk.Release();
        Assert.Equal("release unlocked lock", Assert.Throws<RuntimeError>(() => lk.Release()).PyStr());
        var mgr = Py.Enter(lk);
        Assert.True(Py.IsTrue(mgr));
        Assert.False(Py.Exit(lk, null));
        Assert.False(lk.Locked());
    }

    [Fact]
    public void Time_functions_measure_sleep()
    {
        double t0 = TimeLib.PerfCounter(), m0 = TimeLib.Monotonic();
        TimeLib.Sleep(0.02);
        Assert.InRange(TimeLib.PerfCounter() - t0, 0.015, 5);
        Assert.True(TimeLib.Monotonic() > m0);
        Assert.InRange(TimeLib.Time(), 1.6e9, 1e10);
        Assert.Equal("sleep length must be non-negative", Assert.Throws<ValueError>(() => TimeLib.Sleep(-1.0)).PyStr());
    }

    [Fact]
    public void Functions_as_values_keep_their_names()
    {
        var f = new PyFunc("count_primes", (object? n) => n);
        var wrapper = Functools.Wraps(f, new PyFunc("wrapper", (a, k) => Py.Call(f, a, k)));
        Assert.Equal("count_primes", Py.GetAttr(wrapper, "__name__"));
        Assert.Equal(5L, Py.Call(wrapper, new object?[] { 5L }));
        Assert.Matches(@"^<function count_primes at 0x[0-9a-f]+>$", Py.Repr(f));
        Assert.Equal("<lambda>() missing 1 required positional argument", Assert.Throws<TypeError>(() => Py.Call(PyFunc.Lambda(x => x), Array.Empty<object?>())).PyStr());
        Func<object?, object?> raw = x => Py.Mul(x, 2L);
        Assert.Equal(42L, Py.Call(raw, new object?[] { 21L }));
        Assert.Equal("defaultdict(<class 'list'>, {})", Py.Repr(new DefaultDict(PyType.List)));
        Assert.Matches(@"^functools\.partial\(<function count_primes at 0x[0-9a-f]+>, 1\)$", Py.Repr(Functools.Partial(f, new object?[] { 1L })));
    }
}
