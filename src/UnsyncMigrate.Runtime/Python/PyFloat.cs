using System.Globalization;
using System.Numerics;
using System.Text;

namespace UnsyncMigrate.Runtime.Python;

/// <summary>
/// Python's float → text conversions (CPython's <c>PyOS_double_to_string</c>): the shortest
/// round-trip repr, and correctly rounded (round-half-even on the exact binary value) 'e', 'f',
/// 'g' digits, laid out exactly as CPython's <c>format_float_short</c> does.
/// </summary>
public static partial class PyFloat
{
    /// <summary><c>repr(x)</c> and <c>str(x)</c>: <c>1.0</c>, <c>1e+16</c>, <c>1e-05</c>, <c>inf</c>, <c>nan</c>, <c>-0.0</c>.</summary>
    public static string Repr(double x) => ToString(x, 'r', 0, alt: false, addDot0: true, upper: false);

    /// <summary>
    /// CPython's <c>PyOS_double_to_string(x, type, precision, flags)</c>: type is 'r' (shortest),
    /// 'e', 'f' or 'g'; the result has a leading '-' for negative values (including -0.0 and -inf)
    /// and no other sign.
    /// </summary>
    public static string ToString(double x, char type, int precision, bool alt, bool addDot0, bool upper)
    {
        if (double.IsNaN(x)) return upper ? "NAN" : "nan";
        bool neg = double.IsNegative(x);
        if (double.IsInfinity(x)) return (neg ? "-" : "") + (upper ? "INF" : "inf");
        double ax = Math.Abs(x);
        int mode;
        switch (type)
        {
            case 'e': mode = 2; precision++; break;
            case 'f': mode = 3; break;
            case 'g': mode = 2; if (precision == 0) precision = 1; break;
            case 'r': mode = 0; precision = 0; break;
            default: throw new ArgumentException("bad float format type " + type);
        }
        string digits = Digits(ax, mode, precision, out int decpt);
        string body = Layout(digits, decpt, type, precision, alt, addDot0);
        if (upper) body = body.ToUpperInvariant();
        return neg ? "-" + body : body;
    }

    /// <summary>
    /// The decimal digits of a non-negative finite double, without trailing zeros, and the position
    /// of the decimal point (value = 0.DIGITS × 10^decpt). Mode 0: shortest round-trip; mode 2:
    /// <paramref name="ndigits"/> significant digits; mode 3: <paramref name="ndigits"/> digits after
    /// the point (may give "" when the value rounds to zero). Zero gives "0" and decpt 1.
    /// </summary>
    public static string Digits(double ax, int mode, int ndigits, out int decpt)
    {
        if (ax == 0) { decpt = 1; return "0"; }
        if (mode == 0)
        {
            string r = ax.ToString("R", CultureInfo.InvariantCulture);
            return Decompose(r, out decpt);
        }
        (BigInteger num, BigInteger den) = Exact(ax);
        if (mode == 3)
        {
            BigInteger q = RoundDiv(ndigits >= 0 ? num * BigInteger.Pow(10, ndigits) : num,
                                    ndigits >= 0 ? den : den * BigInteger.Pow(10, -ndigits));
            if (q.IsZero) { decpt = -ndigits; return ""; }
            string s = q.ToString(CultureInfo.InvariantCulture);
            decpt = s.Length - ndigits;
            return s.TrimEnd('0');
        }
        // mode 2: ndigits significant digits
        if (ndigits < 1) ndigits = 1;
        int e10 = (int)Math.Floor(Math.Log10(ax));
        // Make sure 10^e10 <= ax < 10^(e10+1) exactly.
        while (Compare(num, den, e10) < 0) e10--;
        while (Compare(num, den, e10 + 1) >= 0) e10++;
        int scale = ndigits - 1 - e10; // multiply by 10^scale
        BigInteger qq = scale >= 0 ? RoundDiv(num * BigInteger.Pow(10, scale), den)
                                   : RoundDiv(num, den * BigInteger.Pow(10, -scale));
        string str = qq.ToString(CultureInfo.InvariantCulture);
        if (str.Length > ndigits)
        {
            // rounded up to a power of ten
            e10++;
            str = str.Substring(0, ndigits);
        }
        decpt = e10 + 1;
        str = str.TrimEnd('0');
        return str.Length == 0 ? "0" : str;
    }

    /// <summary>Compares num/den with 10^e.</summary>
    static int Compare(BigInteger num, BigInteger den, int e)
    {
        if (e >= 0) return num.CompareTo(den * BigInteger.Pow(10, e));
        return (num * BigInteger.Pow(10, -e)).CompareTo(den);
    }

    static BigInteger RoundDiv(BigInteger num, BigInteger den)
    {
        BigInteger q = BigInteger.DivRem(num, den, out BigInteger r);
        BigInteger twice = r * 2;
        int c = twice.CompareTo(den);
        if (c > 0 || (c == 0 && !q.IsEven)) q += 1;
        return q;
    }

    /// <summary>A positive finite double as an exact fraction num/den (den a power of two).</summary>
    internal static (BigInteger Num, BigInteger Den) Exact(double ax)
    {
        long bits = BitConverter.DoubleToInt64Bits(ax);
        int exp = (int)((bits >> 52) & 0x7FF);
        long mant = bits & 0xFFFFFFFFFFFFFL;
        if (exp == 0) exp = 1; else mant |= 1L << 52;
        exp -= 1075;
        if (exp >= 0) return (new BigInteger(mant) << exp, BigInteger.One);
        return (new BigInteger(mant), BigInteger.One << -exp);
    }

    static string Decompose(string s, out int decpt)
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
        decpt = intPart.Length + exp;
        int lead = 0;
        while (lead < all.Length - 1 && all[lead] == '0') { lead++; decpt--; }
        all = all[lead..].TrimEnd('0');
        if (all.Length == 0) { all = "0"; decpt = 1; }
        return all;
    }

    /// <summary>CPython's format_float_short layout of digits.</summary>
    static string Layout(string digits, int decpt, char type, int precision, bool alt, bool addDot0)
    {
        int digitsLen = digits.Length;
        int vdigitsEnd = digitsLen;
        bool useExp = false;
        int exp = 0;
        switch (type)
        {
            case 'e': useExp = true; vdigitsEnd = precision; break;
            case 'f': vdigitsEnd = decpt + precision; break;
            case 'g':
                if (decpt <= -4 || decpt > (addDot0 ? precision - 1 : precision)) useExp = true;
                if (alt) vdigitsEnd = precision;
                break;
            case 'r':
                if (decpt <= -4 || decpt > 16) useExp = true;
                break;
        }
        if (useExp)
        {
            exp = decpt - 1;
            decpt = 1;
        }
        int vdigitsStart = decpt <= 0 ? decpt - 1 : 0;
        if (!useExp && addDot0)
            vdigitsEnd = vdigitsEnd > decpt ? vdigitsEnd : decpt + 1;
        else
            vdigitsEnd = vdigitsEnd > decpt ? vdigitsEnd : decpt;

        var sb = new StringBuilder(Math.Max(16, vdigitsEnd - vdigitsStart + 8));
        if (decpt <= 0)
        {
            sb.Append('0', decpt - vdigitsStart);
            sb.Append('.');
            sb.Append('0', -decpt);
        }
        else
        {
            sb.Append('0', -vdigitsStart);
        }
        if (0 < decpt && decpt <= digitsLen)
        {
            sb.Append(digits, 0, decpt);
            sb.Append('.');
            sb.Append(digits, decpt, digitsLen - decpt);
        }
        else
        {
            sb.Append(digits);
        }
        if (digitsLen < decpt)
        {
            sb.Append('0', decpt - digitsLen);
            sb.Append('.');
            sb.Append('0', Math.Max(0, vdigitsEnd - decpt));
        }
        else
        {
            sb.Append('0', Math.Max(0, vdigitsEnd - digitsLen));
        }
        if (sb[^1] == '.' && !alt) sb.Length--;
        if (useExp)
        {
            sb.Append('e');
            sb.Append(exp < 0 ? '-' : '+');
            int ae = Math.Abs(exp);
            if (ae < 10) sb.Append('0');
            sb.Append(ae.ToString(CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    /// <summary>Python's <c>round(x, ndigits)</c> for floats: correctly rounded, half-even on the exact value.</summary>
    public static double Round(double x, long ndigits)
    {
        if (double.IsNaN(x) || double.IsInfinity(x) || x == 0) return x;
        // Python: ndigits > 22 + 308ish → x unchanged; very negative → 0.0 with sign.
        if (ndigits > 323) return x;
        if (ndigits < -308) return Math.CopySign(0.0, x);
        string digits = Digits(Math.Abs(x), 3, (int)ndigits, out int decpt);
        if (digits.Length == 0) return Math.CopySign(0.0, x);
        string s = "0." + digits + "e" + decpt.ToString(CultureInfo.InvariantCulture);
        double r = double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (double.IsInfinity(r)) throw new OverflowError("rounded value too large to represent");
        return x < 0 ? -r : r;
    }

    /// <summary>Python's <c>round(x)</c> for floats: nearest int, ties to even.</summary>
    public static object RoundToInt(double x)
    {
        if (double.IsNaN(x)) throw new ValueError("cannot convert float NaN to integer");
        if (double.IsInfinity(x)) throw new OverflowError("cannot convert float infinity to integer");
        double r = Math.Round(x, MidpointRounding.ToEven);
        return Py.FloatToInt(r);
    }

    /// <summary>Python's <c>float(str)</c> parser; null when the text is not a valid float literal.</summary>
    public static double? Parse(string text)
    {
        string s = PyNumberText.ToAscii(text).Trim(PyStr.AsciiWhitespace);
        if (s.Length == 0) return null;
        int i = 0;
        bool neg = false;
        if (s[0] == '+' || s[0] == '-') { neg = s[0] == '-'; i = 1; }
        string rest = s[i..].ToLowerInvariant();
        if (rest is "inf" or "infinity") return neg ? double.NegativeInfinity : double.PositiveInfinity;
        if (rest == "nan") return neg ? -double.NaN : double.NaN;
        // digits with single underscores between digits
        var sb = new StringBuilder(s.Length);
        int n = rest.Length, p = 0;
        bool ReadDigits()
        {
            int start = p;
            while (p < n)
            {
                if (rest[p] >= '0' && rest[p] <= '9') { sb.Append(rest[p]); p++; }
                else if (rest[p] == '_' && p > start && p + 1 < n && rest[p - 1] != '_' && rest[p + 1] >= '0' && rest[p + 1] <= '9') p++;
                else break;
            }
            return p > start;
        }
        bool intDigits = ReadDigits();
        bool fracDigits = false;
        if (p < n && rest[p] == '.')
        {
            sb.Append('.');
            p++;
            fracDigits = ReadDigits();
        }
        if (!intDigits && !fracDigits) return null;
        if (p < n && rest[p] == 'e')
        {
            sb.Append('e');
            p++;
            if (p < n && (rest[p] == '+' || rest[p] == '-')) { sb.Append(rest[p]); p++; }
            if (!ReadDigits()) return null;
        }
        if (p != n) return null;
        double v = double.Parse(sb.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture);
        return neg ? -v : v;
    }
}
