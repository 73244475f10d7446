using System.Numerics;

namespace UnsyncMigrate.Runtime.Python;

/// <summary>
/// Helpers for statically typed generated code: checked conversions from dynamic values
/// into typed slots (a mismatch raises TypeError instead of silently converting, so a
/// bool never becomes a long), and native int/float operations with Python's rules.
/// </summary>
public static partial class Py
{
    /// <summary>A Python int (not bool) that fits 64 bits, for a slot typed <c>long</c>.</summary>
    public static long AsInt(object? o) => o switch
    {
        long l => l,
        int i => i,
        BigInteger b when b >= LongMin && b <= LongMax => (long)b,
        BigInteger => throw new OverflowError("Python int too large for a statically typed int slot"),
        _ => throw new TypeError($"expected int, got {TypeName(o)}"),
    };

    /// <summary>A Python float, for a slot typed <c>double</c> (an int is not silently widened).</summary>
    public static double AsFloat(object? o) => o switch
    {
        double d => d,
        float f => f,
        _ => throw new TypeError($"expected float, got {TypeName(o)}"),
    };

    public static string AsStr(object? o) => o as string ?? throw new TypeError($"expected str, got {TypeName(o)}");

    public static bool AsBool(object? o) => o is bool b ? b : throw new TypeError($"expected bool, got {TypeName(o)}");

    /// <summary>An instance of a container or class type, for a slot typed <typeparamref name="T"/>.</summary>
    public static T As<T>(object? o, string pyType) where T : class =>
        o as T ?? throw new TypeError($"expected {pyType}, got {TypeName(o)}");

    /// <summary>Python's <c>a // b</c> on ints (floor toward negative infinity); OverflowError past 64 bits.</summary>
    public static long IntFloorDiv(long a, long b) =>
        FloorDivLong(a, b) is long q ? q : throw new OverflowError("integer result too large for a statically typed int");

    /// <summary>Python's <c>a % b</c> on ints (the result has the divisor's sign).</summary>
    public static long IntMod(long a, long b) => ModLong(a, b);

    /// <summary>Python's <c>a / b</c> on ints: a correctly rounded float.</summary>
    public static double IntTrueDiv(long a, long b)
    {
        if (b == 0) throw new ZeroDivisionError("division by zero");
        if (a >= -(1L << 53) && a <= (1L << 53) && b >= -(1L << 53) && b <= (1L << 53)) return (double)a / b;
        return IntTrueDiv((BigInteger)a, (BigInteger)b);
    }

    /// <summary>Python's <c>a / b</c> on floats.</summary>
    public static double FloatDiv(double a, double b) =>
        b == 0 ? throw new ZeroDivisionError("float division by zero") : a / b;

    /// <summary><c>int(x)</c> of a float, checked: NaN and infinities raise as in Python, past 64 bits OverflowError.</summary>
    public static long FloatToLong(double x) =>
        FloatToInt(x) is long l ? l : throw new OverflowError("int too large for a statically typed int");

    /// <summary>A range's step, checked once before a native loop (Python: ValueError for 0).</summary>
    public static long RangeStep(long step) => step != 0 ? step : throw new ValueError("range() arg 3 must not be zero");
}
