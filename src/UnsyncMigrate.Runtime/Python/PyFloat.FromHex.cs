using System.Globalization;
using System.Numerics;

namespace UnsyncMigrate.Runtime.Python;

// float.fromhex: text → float, correctly rounded (round-half-even, subnormals included), as
// CPython's float_fromhex.
public static partial class PyFloat
{
    const string InvalidHex = "invalid hexadecimal floating-point string";

    /// <summary><c>float.fromhex(s)</c>: <c>[sign] ['0x'] digits ['.' digits] ['p' exponent]</c>, or inf/infinity/nan.</summary>
    public static double FromHex(string text)
    {
        string s = text.Trim(PyStr.WhitespaceChars);
        bool negative = s.StartsWith('-');
        if (s.StartsWith('-') || s.StartsWith('+')) s = s[1..];
        switch (s.ToLowerInvariant())
        {
            case "inf" or "infinity": return negative ? double.NegativeInfinity : double.PositiveInfinity;
            case "nan": return double.NaN;
        }
        if (s.StartsWith("0x", StringComparison.OrdinalIgnoreCase)) s = s[2..];
        int pos = 0;
        BigInteger mantissa = BigInteger.Zero;
        long exponent = 0;
        int digits = 0;
        bool afterPoint = false;
        for (; pos < s.Length; pos++)
        {
            if (s[pos] == '.' && !afterPoint) { afterPoint = true; continue; }
            int d = HexDigit(s[pos]);
            if (d < 0) break;
            mantissa = mantissa * 16 + d;
            digits++;
            if (afterPoint) exponent -= 4;
        }
        if (digits == 0) throw new ValueError(InvalidHex);
        if (pos < s.Length)
        {
            if (s[pos] is not ('p' or 'P')) throw new ValueError(InvalidHex);
            string exp = s[(pos + 1)..];
            if (!BigInteger.TryParse(exp, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var e) || exp.Length == 0 || char.IsWhiteSpace(exp[0]))
                throw new ValueError(InvalidHex);
            // Far beyond the double range either way: the result is 0 or an overflow all the same.
            exponent += (long)BigInteger.Clamp(e, -1_000_000_000, 1_000_000_000);
        }
        double magnitude = RoundToDouble(mantissa, exponent);
        return negative ? -magnitude : magnitude;
    }

    static int HexDigit(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    /// <summary>mantissa × 2^exponent as the nearest double (ties to even).</summary>
    static double RoundToDouble(BigInteger mantissa, long exponent)
    {
        if (mantissa.IsZero) return 0.0;
        long bits = (long)mantissa.GetBitLength();
        // Keep 53 significant bits, and none below 2^-1074 (the smallest subnormal).
        long drop = Math.Max(bits - 53, -1074 - exponent);
        if (drop > 0)
        {
            if (drop > bits + 1) return 0.0;
            var kept = mantissa >> (int)drop;
            var rest = mantissa - (kept << (int)drop);
            var half = BigInteger.One << (int)(drop - 1);
            if (rest > half || (rest == half && !kept.IsEven)) kept += 1;
            mantissa = kept;
            exponent += drop;
        }
        if ((long)mantissa.GetBitLength() + exponent > 1024) throw new OverflowError("hexadecimal value too large to represent as a float");
        return Math.ScaleB((double)mantissa, (int)exponent);
    }
}
