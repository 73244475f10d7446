using UnsyncMigrate.Runtime.Python;
using UnsyncMigrate.Runtime.Python.Lib;

namespace UnsyncMigrate.Runtime.Tests.Python;

/// <summary>Classes of several bases (C3 MRO), lru_cache, abc's error and threading.Thread as the runtime gives them (expected values: CPython 3.13).</summary>
public class ClassHierarchyRuntimeTests
{
    static PyType Class(string name, params PyType[] bases) => new(name, "mro_test", null, null) { Bases = bases.Length == 0 ? null : bases };

    [Fact]
    public void Mro_StatedBasesOfADiamond_IsTheC3Linearization()
    {
        var a = Class("A");
        var b = Class("B", a);
        var c = Class("C", a);
        var d = Class("D", b, c);
        var mixin = Class("Mixin");
        var e = Class("E", mixin, d);
        Assert.Equal(["D", "B", "C", "A", "object"], d.MroList.Select(t => t.Name));
        Assert.Equal(["E", "Mixin", "D", "B", "C", "A", "object"], e.MroList.Select(t => t.Name));
        Assert.True(e.IsSubclassOf(c));
        Assert.False(c.IsSubclassOf(b));
        Assert.Equal("(<class 'mro_test.Mixin'>, <class 'mro_test.D'>)", Py.Repr(e.BasesTuple()));
    }

    [Fact]
    public void Mro_InconsistentBases_RaisesPythonsTypeError()
    {
        var a = Class("A");
        var b = Class("B", a);
        var broken = Class("Broken", a, b);
        var e = Assert.Throws<TypeError>(() => broken.MroList);
        Assert.Equal("Cannot create a consistent method resolution order (MRO) for bases A, B", e.Message);
    }

    [Fact]
    public void LruCache_MaxsizeReached_EvictsTheLeastRecentlyUsed()
    {
        var computed = new List<object?>();
        var square = new PyFunc("square", (object? x) => { computed.Add(x); return Py.Mul(x, x); });
        var cached = Py.Call(LruCache.Create([2L], null), [square]);
        foreach (var x in new object?[] { 1L, 2L, 1L, 3L, 2L, 1L }) Py.Call(cached, [x]);
        // 1, 2 miss; 1 hits; 3 evicts 2; 2 evicts 1; 1 misses again.
        Assert.Equal([1L, 2L, 3L, 2L, 1L], computed);
        Assert.Equal("CacheInfo(hits=1, misses=5, maxsize=2, currsize=2)", Py.Repr(Py.CallMethod(cached, "cache_info")));
        Assert.Equal("square", Py.GetAttr(cached, "__name__"));
    }

    [Fact]
    public void Abc_CannotInstantiate_NamesTheMethodsAsCPython313() =>
        Assert.Equal(
            ["Can't instantiate abstract class Shape without an implementation for abstract method 'area'",
             "Can't instantiate abstract class Shape without an implementation for abstract methods 'area', 'perimeter'"],
            [Abc.CannotInstantiate("Shape", "area").Message, Abc.CannotInstantiate("Shape", "perimeter", "area").Message]);

    [Fact]
    public void Thread_TargetWithArguments_RunsOnItsOwnThreadUntilJoined()
    {
        var seen = new List<string>();
        var target = new PyFunc("work", (object? a, object? b) =>
        {
            lock (seen) seen.Add($"{Py.Str(a)}{Py.Str(b)} on {Threading.CurrentThreadName()}");
            return null;
        });
        var thread = Py.Call(PyThread.Class, [], new PyKwargs { { "target", target }, { "args", PyTuple.Of("x", 1L) }, { "name", "w1" } });
        Assert.Equal("<Thread(w1, initial)>", Py.Repr(thread));
        Py.CallMethod(thread, "start");
        Py.CallMethod(thread, "join");
        Assert.Equal(["x1 on w1"], seen);
        Assert.Equal(false, Py.CallMethod(thread, "is_alive"));
        Assert.Equal("threads can only be started once", Assert.Throws<RuntimeError>(() => Py.CallMethod(thread, "start")).Message);
    }
}
