using UnsyncMigrate.Runtime.Python;

namespace UnsyncMigrate.Runtime.Tests.Python;

/// <summary>
/// The class-level methods of builtin types reached through the type (float.fromhex,
/// int.from_bytes, str.maketrans) and str.translate, at their edges. Expected values: what
/// CPython 3.13 gives (repr of the result, or "!Exception: message").
/// </summary>
public class BuiltinClassMethodTests
{
    static object? CallOnType(PyType type, string method, params object?[] args) => Py.Call(Py.GetAttr(type, method), args);

    [Theory]
    [InlineData("0x1.8p1", "3.0")]
    [InlineData(" -0X1P-2 ", "-0.25")]
    [InlineData("-Infinity", "-inf")]
    [InlineData("nan", "nan")]
    [InlineData("a.b", "10.6875")]
    [InlineData("0x.8", "0.5")]
    [InlineData("0x1.", "1.0")]
    [InlineData("0X1P+1", "2.0")]
    [InlineData("-0x0p0", "-0.0")]
    [InlineData("0x1.00000000000008p0", "1.0")]
    [InlineData("0x1.00000000000018p0", "1.0000000000000004")]
    [InlineData("0x1.000000000000080000001p0", "1.0000000000000002")]
    [InlineData("0x1.fffffffffffff8p1022", "8.98846567431158e+307")]
    [InlineData("0x1p-1074", "5e-324")]
    [InlineData("0x1.8p-1074", "1e-323")]
    [InlineData("0x3p-1076", "5e-324")]
    [InlineData("0x1p-1075", "0.0")]
    [InlineData("0x1.0000000000001p-1075", "5e-324")]
    [InlineData("0x1p-99999999999999999999", "0.0")]
    [InlineData("0x1p1024", "!OverflowError: hexadecimal value too large to represent as a float")]
    [InlineData("0x1.fffffffffffff8p1023", "!OverflowError: hexadecimal value too large to represent as a float")]
    [InlineData("0x1p99999999999999999999", "!OverflowError: hexadecimal value too large to represent as a float")]
    [InlineData("0x", "!ValueError: invalid hexadecimal floating-point string")]
    [InlineData("0xp1", "!ValueError: invalid hexadecimal floating-point string")]
    [InlineData("1p", "!ValueError: invalid hexadecimal floating-point string")]
    [InlineData("0x1_0p0", "!ValueError: invalid hexadecimal floating-point string")]
    public void FloatFromHex_Text_RoundsAndFailsAsCPython(string text, string expected) =>
        Assert.Equal(expected, CaseRunner.Outcome(() => CallOnType(PyType.Float, "fromhex", text)));

    [Fact]
    public void IntFromBytes_BadArguments_RaiseAsCPython()
    {
        Assert.Equal("513", CaseRunner.Outcome(() => CallOnType(PyType.Int, "from_bytes", PyList.Of(1L, 2L), "little")));
        Assert.Equal("-32768", CaseRunner.Outcome(() => Py.Call(Py.GetAttr(PyType.Int, "from_bytes"), [new PyBytes([0x00, 0x80]), "little"], Py.Kw("signed", true))));
        Assert.Equal("!TypeError: cannot convert 'str' object to bytes", CaseRunner.Outcome(() => CallOnType(PyType.Int, "from_bytes", "ab")));
        Assert.Equal("!TypeError: from_bytes() argument 'byteorder' must be str, not int", CaseRunner.Outcome(() => CallOnType(PyType.Int, "from_bytes", new PyBytes([1]), 1L)));
        Assert.Equal("!ValueError: byteorder must be either 'little' or 'big'", CaseRunner.Outcome(() => CallOnType(PyType.Int, "from_bytes", new PyBytes([1]), "middle")));
    }

    [Fact]
    public void StrMakeTransAndTranslate_EdgeCases_BehaveAsCPython()
    {
        Assert.Equal("{97: 'xyz', 98: None, 99: 100}", CaseRunner.Outcome(() => CallOnType(PyType.Str, "maketrans", PyDict.Of("a", "xyz", 98L, null, 99L, 100L))));
        Assert.Equal("'xyzd'", CaseRunner.Outcome(() => Py.StrTranslate("abc", Py.StrMakeTrans(PyDict.Of("a", "xyz", 98L, null, 99L, 100L)))));
        Assert.Equal("'ab!'", CaseRunner.Outcome(() => Py.StrTranslate("ab\U0001F600", PyDict.Of(0x1F600L, "!"))));
        // A table without an entry (LookupError) keeps the character: a str or list indexed by code point too.
        Assert.Equal("'abc'", CaseRunner.Outcome(() => Py.StrTranslate("abc", "xyz")));
        Assert.Equal("!TypeError: if you give only one argument to maketrans it must be a dict", CaseRunner.Outcome(() => Py.StrMakeTrans("ab")));
        Assert.Equal("!ValueError: string keys in translate table must be of length 1", CaseRunner.Outcome(() => Py.StrMakeTrans(PyDict.Of("ab", 1L))));
        Assert.Equal("!TypeError: keys in translate table must be strings or integers", CaseRunner.Outcome(() => Py.StrMakeTrans(PyDict.Of(1.5, 1L))));
        Assert.Equal("!TypeError: first maketrans argument must be a string if there is a second argument", CaseRunner.Outcome(() => Py.StrMakeTrans(1L, "a")));
        Assert.Equal("!TypeError: maketrans() argument 2 must be str, not int", CaseRunner.Outcome(() => Py.StrMakeTrans("a", 1L)));
        Assert.Equal("!ValueError: the first two maketrans arguments must have equal length", CaseRunner.Outcome(() => Py.StrMakeTrans("ab", "a")));
        Assert.Equal("!TypeError: maketrans() argument 3 must be str, not int", CaseRunner.Outcome(() => Py.StrMakeTrans("a", "b", 3L)));
        Assert.Equal("!TypeError: character mapping must return integer, None or str", CaseRunner.Outcome(() => Py.StrTranslate("abc", PyDict.Of(97L, 1.5))));
        Assert.Equal("!ValueError: character mapping must be in range(0x110000)", CaseRunner.Outcome(() => Py.StrTranslate("abc", PyDict.Of(97L, 0x110000L))));
    }

    [Fact]
    public void BuiltinType_ClassLevelMethodAsValue_ReprAndAttributesOfTheMethod()
    {
        var fromkeys = Py.GetAttr(PyType.Dict, "fromkeys");
        Assert.Equal("dict.fromkeys", Py.GetAttr(fromkeys, "__qualname__"));
        Assert.Equal("{'a': 0, 'b': 0}", Py.Repr(Py.Call(fromkeys, ["ab", 0L])));
        Assert.Equal("b'\\xca\\xfe'", Py.Repr(CallOnType(PyType.Bytes, "fromhex", "ca fe")));
    }
}
