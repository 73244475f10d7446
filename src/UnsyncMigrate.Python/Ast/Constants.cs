using System.Numerics;

namespace UnsyncMigrate.Python.Ast;

// The values an ast.Constant (or ast.MatchSingleton) holds, as C# objects:
//   None -> null, True/False -> bool, int -> long (or BigInteger beyond 64 bits),
//   float -> double, complex -> PyComplex, str -> string (or PyCodePointString when it
//   holds surrogate code points), bytes -> byte[], Ellipsis -> PyEllipsis.Instance.

/// <summary>Python's <c>Ellipsis</c> (<c>...</c>).</summary>
public sealed class PyEllipsis
{
    public static readonly PyEllipsis Instance = new();
    private PyEllipsis() { }
    public override string ToString() => "Ellipsis";
}

/// <summary>A Python complex number; literals give a zero real part (<c>2j</c>).</summary>
public readonly record struct PyComplex(double Real, double Imag)
{
    public override string ToString() => PyFloatFormat.ComplexRepr(this);
}

/// <summary>
/// A Python str holding surrogate code points (from escapes such as <c>"\ud834\udd20"</c>,
/// which is two code points in Python). A UTF-16 string cannot tell that pair from
/// U+1D120, so such strings keep their code points.
/// </summary>
public sealed class PyCodePointString(int[] codePoints)
{
    public IReadOnlyList<int> CodePoints { get; } = codePoints;

    /// <summary>A best-effort UTF-16 rendering (surrogates kept as UTF-16 units).</summary>
    public override string ToString() => string.Concat(CodePoints.Select(c => c < 0x10000 ? ((char)c).ToString() : char.ConvertFromUtf32(c)));
}

/// <summary>Helpers for Python integers.</summary>
public static class PyInt
{
    /// <summary>Normalises an integer: <c>long</c> when it fits, else <see cref="BigInteger"/>.</summary>
    public static object Normalize(BigInteger value) =>
        value >= long.MinValue && value <= long.MaxValue ? (long)value : value;
}
