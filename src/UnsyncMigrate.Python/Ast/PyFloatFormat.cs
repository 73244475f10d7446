using System.Globalization;

namespace UnsyncMigrate.Python.Ast;

/// <summary>Python's <c>repr</c> of floats and complex numbers (shortest round-trip digits).</summary>
public static class PyFloatFormat
{
    /// <summary><c>repr(x)</c> for a float: <c>1.0</c>, <c>1e+16</c>, <c>1e-05</c>, <c>inf</c>, <c>nan</c>.</summary>
    public static string Repr(double x) => Format(x, addDotZero: true);

    /// <summary>
    /// <c>repr(z)</c> for a complex: <c>2j</c> when the real part is +0.0 (as literals give),
    /// else <c>(1+2j)</c>.
    /// </summary>
    public static string ComplexRepr(PyComplex z)
    {
        if (z.Real == 0 && !double.IsNegative(z.Real))
            return Format(z.Imag, addDotZero: false) + "j";
        string re = Format(z.Real, addDotZero: false);
        string im = Format(z.Imag, addDotZero: false);
        string sign = im.StartsWith('-') ? "" : "+";
        return $"({re}{sign}{im}j)";
    }

    static string Format(double x, bool addDotZero)
    {
        if (double.IsNaN(x)) return "nan";
        if (double.IsPositiveInfinity(x)) return "inf";
        if (double.IsNegativeInfinity(x)) return "-inf";
        if (x == 0) return (double.IsNegative(x) ? "-0" : "0") + (addDotZero ? ".0" : "");

        // .NET's "R" gives the shortest round-trip digits; re-lay them out as Python does.
        string shortest = Math.Abs(x).ToString("R", CultureInfo.InvariantCulture);
        (string digits, int decpt) = Decompose(shortest);
        var sb = new System.Text.StringBuilder();
        if (x < 0) sb.Append('-');
        if (decpt <= -4 || decpt > 16)
        {
            sb.Append(digits[0]);
            if (digits.Length > 1) sb.Append('.').Append(digits, 1, digits.Length - 1);
            int exp = decpt - 1;
            sb.Append('e').Append(exp < 0 ? '-' : '+');
            sb.Append(Math.Abs(exp).ToString("00", CultureInfo.InvariantCulture));
        }
        else if (decpt <= 0)
        {
            sb.Append("0.").Append('0', -decpt).Append(digits);
        }
        else if (decpt >= digits.Length)
        {
            sb.Append(digits).Append('0', decpt - digits.Length);
            if (addDotZero) sb.Append(".0");
        }
        else
        {
            sb.Append(digits, 0, decpt).Append('.').Append(digits, decpt, digits.Length - decpt);
        }
        return sb.ToString();
    }

    /// <summary>Splits "1.2345E+16" or "123.45" into significant digits and the decimal point's position.</summary>
    static (string Digits, int DecPt) Decompose(string s)
    {
        int exp = 0;
        int e = s.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exp = int.Parse(s.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            s = s[..e];
        }
        int dot = s.IndexOf('.');
        string intPart = dot < 0 ? s : s[..dot];
        string frac = dot < 0 ? "" : s[(dot + 1)..];
        string all = intPart + frac;
        int decpt = intPart.Length + exp;
        int lead = 0;
        while (lead < all.Length - 1 && all[lead] == '0') { lead++; decpt--; }
        all = all[lead..].TrimEnd('0');
        if (all.Length == 0) all = "0";
        return (all, decpt);
    }
}
