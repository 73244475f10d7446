namespace UnsyncMigrate.Runtime.Python;

// The class-level methods of the builtin types (classmethods and staticmethods), which Python
// calls on the type itself: dict.fromkeys(keys), str.maketrans(x, y), int.from_bytes(b, 'big')...
// Any other name looked up on a builtin type is an instance method taking the instance first.
public sealed partial class PyType
{
    /// <summary><c>int.name</c>, <c>dict.name</c>...: one of the builtin type's class-level methods.</summary>
    internal bool TryGetBuiltinClassMethod(string name, out object? value)
    {
        value = BuiltinClassMethods.Table.GetValueOrDefault((this, name));
        return value != null;
    }

    // In a holder class so the table is built after PyType's own static fields (Int, Str...) exist.
    static class BuiltinClassMethods
    {
        static readonly object N = PyArgs.NoDefault;

        public static readonly Dictionary<(PyType Type, string Name), PyFunc> Table = new()
        {
            [(Dict, "fromkeys")] = Method(Dict, "fromkeys", ["iterable", "value"], [N, null], 2, a => PyDict.FromKeys(a[0], a[1])),
            [(Str, "maketrans")] = Method(Str, "maketrans", ["x", "y", "z"], [N, null, null], 3, a => Py.StrMakeTrans(a[0], a[1], a[2])),
            [(Bytes, "fromhex")] = Method(Bytes, "fromhex", ["string"], [N], 1, a => PyBytes.FromHex(a[0] as string
                ?? throw new TypeError($"fromhex() argument must be str, not {Py.TypeName(a[0])}"))),
            // byteorder defaults to 'big' since 3.11; signed is keyword-only.
            [(Int, "from_bytes")] = Method(Int, "from_bytes", ["bytes", "byteorder", "signed"], [N, "big", false], 2,
                a => Py.IntFromBytes(a[0], a[1], Py.IsTrue(a[2]))),
            [(Float, "fromhex")] = Method(Float, "fromhex", ["string"], [N], 1, a => PyFloat.FromHex(a[0] as string
                ?? throw new TypeError("bad argument type for built-in operation"))),
        };

        static PyFunc Method(PyType type, string name, string[] names, object?[] defaults, int positional, Func<object?[], object?> body) =>
            new(name, (a, k) => body(PyArgs.Bind(name, a, k, names, defaults, positional, false, false)), $"{type.Name}.{name}");
    }
}
