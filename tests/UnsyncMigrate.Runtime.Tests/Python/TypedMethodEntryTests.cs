using UnsyncMigrate.Runtime.Python;
using UnsyncMigrate.Runtime.Python.Lib;

namespace UnsyncMigrate.Runtime.Tests.Python;

/// <summary>
/// The typed method entry points that generated code calls for statically typed receivers give
/// what the dynamic <see cref="Py.CallMethod(object?, string, object?[], PyKwargs?)"/> gives
/// (they are its implementation), keep Python's errors, and let a dict subclass with its own
/// methods (Counter) answer as the dynamic dispatch does.
/// </summary>
public class TypedMethodEntryTests
{
    static void Same(object? typed, object? receiver, string name, params object?[] args) =>
        Assert.Equal(Py.Repr(Py.CallMethod(receiver, name, args)), Py.Repr(typed));

    [Fact]
    public void StrEntryPoints_MatchTheDynamicPath()
    {
        const string s = "  a,b,,c  ";
        Same(Py.StrStrip(s), s, "strip");
        Same(Py.StrStrip("xax", "x"), "xax", "strip", "x");
        Same(Py.StrSplit(s), s, "split");
        Same(Py.StrSplit(s, ","), s, "split", ",");
        Same(Py.StrSplit(s, ",", 1L), s, "split", ",", 1L);
        Same(Py.StrRSplit(s, ",", 1L), s, "rsplit", ",", 1L);
        Same(Py.StrReplace(s, ",", ";", 2L), s, "replace", ",", ";", 2L);
        Same(Py.StrStartsWith(s, new PyTuple("x", "  a")), s, "startswith", new PyTuple("x", "  a"));
        Same(Py.StrEndsWith(s, "c", 0L, -2L), s, "endswith", "c", 0L, -2L);
        Same(Py.StrFind(s, ",", 4L), s, "find", ",", 4L);
        Same(Py.StrRIndex(s, ","), s, "rindex", ",");
        Same(Py.StrCount(s, ","), s, "count", ",");
        Same(Py.StrPartition(s, ","), s, "partition", ",");
        Same(Py.StrTitle("ab cd"), "ab cd", "title");
        Same(Py.StrZfill("-7", 4L), "-7", "zfill", 4L);
    }

    [Fact]
    public void StrEntryPoints_RaisePythonErrors()
    {
        Assert.Equal("substring not found", Assert.Throws<ValueError>(() => Py.StrIndex("abc", "z")).Message);
        Assert.Equal("empty separator", Assert.Throws<ValueError>(() => Py.StrSplit("abc", "")).Message);
        Assert.Equal("strip arg must be None or str", Assert.Throws<TypeError>(() => Py.StrStrip("abc", 1L)).Message);
        Assert.Throws<TypeError>(() => Py.StrSplit("a b", null, null));
    }

    [Fact]
    public void ListEntryPoints_MatchTheDynamicPath()
    {
        var a = PyList.Of(3L, 1L, 2L);
        var b = PyList.Of(3L, 1L, 2L);
        Py.ListInsert(a, -10L, 9L);
        Py.CallMethod(b, "insert", [-10L, 9L]);
        Assert.Equal(Py.Repr(b), Py.Repr(a));
        Same(Py.ListPop(a), b, "pop");
        Same(Py.ListIndex(a, 1L, 1L), b, "index", 1L, 1L);
        Py.ListSort(a, null, true);
        Py.CallMethod(b, "sort", [], Py.Kw("reverse", true));
        Assert.Equal(Py.Repr(b), Py.Repr(a));
        Assert.Equal("9 is not in list", Assert.Throws<ValueError>(() => Py.ListIndex(PyList.Of(1L), 9L)).Message);
        Assert.Equal("pop from empty list", Assert.Throws<IndexError>(() => Py.ListPop(new PyList())).Message);
    }

    [Fact]
    public void DictEntryPoints_LetCounterAnswerItsOwnMethods()
    {
        var c = new Counter(PyList.Of("a", "a"));
        Py.DictUpdate(c, PyList.Of("a"));
        Assert.Equal(3L, Py.DictGet(c, "a"));
        var d = PyDict.Of("a", 1L);
        Py.DictUpdate(d, PyDict.Of("a", 5L));
        Assert.Equal(5L, Py.DictGet(d, "a"));
        Assert.Equal("x", Py.DictPop(d, "zz", "x"));
        Assert.Throws<KeyError>(() => Py.DictPop(d, "zz"));
    }
}
