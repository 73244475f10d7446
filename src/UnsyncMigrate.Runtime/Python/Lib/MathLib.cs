using System.Numerics;

namespace UnsyncMigrate.Runtime.Python.Lib;

/// <summary><c>math</c>, with CPython's errors ("math domain error", "math range error") and int handling.</summary>
public static class MathLib
{
    public const double pi = Math.PI;
    public const double e = Math.E;
    public const double tau = 2 * Math.PI;
    public const double inf = double.PositiveInfinity;
    public const double nan = double.NaN;

    static double F(object? x) => x switch
    {
        double d => d,
        long l => l,
        _ when Py.IsInt(x) => Py.IntToDouble(Py.ToBig(x)),
        _ => Py.Float(x is string ? throw new TypeError($"must be real number, not str") : x),
    };

    static double Check(double r, double x)
    {
        if (double.IsNaN(r) && !double.IsNaN(x)) throw new ValueError("math domain error");
        if (double.IsInfinity(r) && !double.IsInfinity(x)) throw new OverflowError("math range error");
        return r;
    }

    public static double sqrt(object? x)
    {
        double d = F(x);
        if (d < 0) throw new ValueError("math domain error");
        return Math.Sqrt(d);
    }

    /// <summary><c>math.floor</c>: an int.</summary>
    public static object floor(object? x) => Py.IsInt(x) ? Py.Int(x) : Py.FloatToInt(Math.Floor(F(x)));
    public static object ceil(object? x) => Py.IsInt(x) ? Py.Int(x) : Py.FloatToInt(Math.Ceiling(F(x)));
    public static object trunc(object? x) => Py.IsInt(x) ? Py.Int(x) : Py.FloatToInt(Math.Truncate(F(x)));

    public static object isqrt(object? n)
    {
        BigInteger v = Py.ToBig(n);
        if (v.Sign < 0) throw new ValueError("isqrt() argument must be nonnegative");
        if (v < (BigInteger.One << 52)) return (long)Math.Sqrt((double)v);
        BigInteger x = (BigInteger)Math.Sqrt((double)v);
        if (x.IsZero) x = 1;
        while (true)
        {
            BigInteger y = (x + v / x) >> 1;
            if (BigInteger.Abs(y - x) <= 1)
            {
                x = y;
                while (x * x > v) x--;
                while ((x + 1) * (x + 1) <= v) x++;
                return Py.Norm(x);
            }
            x = y;
        }
    }

    public static object gcd(params object?[] ints)
    {
        BigInteger g = 0;
        foreach (var i in ints) g = BigInteger.GreatestCommonDivisor(g, Py.ToBig(i));
        return Py.Norm(g);
    }

    public static object lcm(params object?[] ints)
    {
        BigInteger l = 1;
        foreach (var i in ints)
        {
            BigInteger v = BigInteger.Abs(Py.ToBig(i));
            if (v.IsZero) return 0L;
            l = l / BigInteger.GreatestCommonDivisor(l, v) * v;
        }
        return Py.Norm(l);
    }

    public static object factorial(object? n)
    {
        if (n is double) throw new TypeError("'float' object cannot be interpreted as an integer");
        BigInteger v = Py.ToBig(n);
        if (v.Sign < 0) throw new ValueError("factorial() not defined for negative values");
        BigInteger r = 1;
        for (BigInteger i = 2; i <= v; i++) r *= i;
        return Py.Norm(r);
    }

    static double LogHelper(object? x, Func<double, double> f, double ln2Factor)
    {
        if (Py.IsInt(x))
        {
            BigInteger v = Py.ToBig(x);
            if (v.Sign <= 0) throw new ValueError("math domain error");
            if (v.GetBitLength() <= 1000) return f(Py.IntToDouble(v));
            // frexp-style: v = m * 2**e with m in [0.5, 1)
            long e = (long)v.GetBitLength();
            double m = Py.IntToDouble(v >> (int)(e - 60)) / Math.Pow(2, 60);
            return f(m) + e * ln2Factor;
        }
        double d = F(x);
        if (d <= 0) throw new ValueError("math domain error");
        return f(d);
    }

    public static double log(object? x) => LogHelper(x, Math.Log, Math.Log(2));
    public static double log(object? x, object? @base)
    {
        double num = log(x), den = log(@base);
        if (den == 0) throw new ZeroDivisionError("float division by zero");
        return num / den;
    }
    public static double log2(object? x) => LogHelper(x, Math.Log2, 1.0);
    public static double log10(object? x) => LogHelper(x, Math.Log10, Math.Log10(2));
    public static double log1p(object? x) { double d = F(x); if (d <= -1) throw new ValueError("math domain error"); return Math.Abs(d) < 1e-5 ? d - d * d / 2 + d * d * d / 3 : Math.Log(1 + d); }

    public static double exp(object? x) => Check(Math.Exp(F(x)), F(x));
    public static double expm1(object? x) { double d = F(x); return Math.Abs(d) < 1e-5 ? d + d * d / 2 + d * d * d / 6 : Check(Math.Exp(d) - 1, d); }

    public static double pow(object? x, object? y)
    {
        double a = F(x), b = F(y);
        if (a == 0 && b < 0) throw new ValueError("math domain error");
        if (a < 0 && !double.IsInfinity(b) && Math.Floor(b) != b && !double.IsNaN(b)) throw new ValueError("math domain error");
        double r = Math.Pow(a, b);
        if (double.IsInfinity(r) && !double.IsInfinity(a) && !double.IsInfinity(b)) throw new OverflowError("math range error");
        return r;
    }

    public static double fabs(object? x) => Math.Abs(F(x));
    public static double copysign(object? x, object? y) => Math.CopySign(F(x), F(y));
    public static double fmod(object? x, object? y)
    {
        double a = F(x), b = F(y);
        if (b == 0 || double.IsInfinity(a)) throw new ValueError("math domain error");
        return a % b;
    }
    public static PyTuple modf(object? x) { double d = F(x); double t = Math.Truncate(d); return new PyTuple(double.IsInfinity(d) ? Math.CopySign(0.0, d) : d - t, t); }
    public static PyTuple frexp(object? x)
    {
        double d = F(x);
        if (d == 0 || double.IsNaN(d) || double.IsInfinity(d)) return new PyTuple(d, 0L);
        int e = (int)Math.Floor(Math.Log2(Math.Abs(d))) + 1;
        double m = Math.ScaleB(d, -e);
        if (Math.Abs(m) >= 1) { m /= 2; e++; }
        if (Math.Abs(m) < 0.5) { m *= 2; e--; }
        return new PyTuple(m, (long)e);
    }
    public static double ldexp(object? x, object? i) => Check(Math.ScaleB(F(x), (int)Math.Clamp(Py.ToLong(i), -100000, 100000)), F(x));

    public static double degrees(object? x) => F(x) * (180.0 / Math.PI);
    public static double radians(object? x) => F(x) * (Math.PI / 180.0);
    public static double sin(object? x) => Check(Math.Sin(F(x)), F(x) is var d && double.IsInfinity(d) ? 0 : d);
    public static double cos(object? x) => Check(Math.Cos(F(x)), F(x) is var d && double.IsInfinity(d) ? 0 : d);
    public static double tan(object? x) => Check(Math.Tan(F(x)), F(x) is var d && double.IsInfinity(d) ? 0 : d);
    public static double asin(object? x) => Check(Math.Asin(F(x)), F(x));
    public static double acos(object? x) => Check(Math.Acos(F(x)), F(x));
    public static double atan(object? x) => Math.Atan(F(x));
    public static double atan2(object? y, object? x) => Math.Atan2(F(y), F(x));
    public static double sinh(object? x) => Check(Math.Sinh(F(x)), F(x));
    public static double cosh(object? x) => Check(Math.Cosh(F(x)), F(x));
    public static double tanh(object? x) => Math.Tanh(F(x));
    public static double asinh(object? x) => Math.Asinh(F(x));
    public static double acosh(object? x) => Check(Math.Acosh(F(x)), F(x));
    public static double atanh(object? x) { double d = F(x); if (Math.Abs(d) >= 1) throw new ValueError("math domain error"); return Math.Atanh(d); }

    public static bool isfinite(object? x) => double.IsFinite(F(x));
    public static bool isnan(object? x) => double.IsNaN(F(x));
    public static bool isinf(object? x) => double.IsInfinity(F(x));

    /// <summary><c>isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)</c>.</summary>
    public static bool isclose(object? a, object? b, double rel_tol = 1e-09, double abs_tol = 0.0)
    {
        if (rel_tol < 0 || abs_tol < 0) throw new ValueError("tolerances must be non-negative");
        double x = F(a), y = F(b);
        if (x == y) return true;
        if (double.IsInfinity(x) || double.IsInfinity(y)) return false;
        double diff = Math.Abs(y - x);
        return diff <= Math.Abs(rel_tol * y) || diff <= Math.Abs(rel_tol * x) || diff <= abs_tol;
    }

    /// <summary><c>fsum(iterable)</c>: CPython's exactly rounded sum (Shewchuk partials).</summary>
    public static double fsum(object? iterable)
    {
        var p = new List<double>();
        double specialSum = 0, infSum = 0;
        foreach (var item in Py.Iter(iterable))
        {
            double x = F(item), xsave = x;
            int i = 0;
            for (int j = 0; j < p.Count; j++)
            {
                double y = p[j];
                if (Math.Abs(x) < Math.Abs(y)) (x, y) = (y, x);
                double hi = x + y, yr = hi - x, lo = y - yr;
                if (lo != 0.0) p[i++] = lo;
                x = hi;
            }
            p.RemoveRange(i, p.Count - i);
            if (x != 0.0)
            {
                if (!double.IsFinite(x))
                {
                    if (double.IsFinite(xsave)) throw new OverflowError("intermediate overflow in fsum");
                    if (double.IsInfinity(xsave)) infSum += xsave;
                    specialSum += xsave;
                    p.Clear();
                }
                else p.Add(x);
            }
        }
        if (specialSum != 0.0)
        {
            if (double.IsNaN(infSum)) throw new ValueError("-inf + inf in fsum");
            return specialSum;
        }
        double h = 0.0, l = 0.0;
        int n = p.Count;
        if (n > 0)
        {
            h = p[--n];
            while (n > 0)
            {
                double xx = h, yy = p[--n];
                h = xx + yy;
                double yr = h - xx;
                l = yy - yr;
                if (l != 0.0) break;
            }
            if (n > 0 && ((l < 0.0 && p[n - 1] < 0.0) || (l > 0.0 && p[n - 1] > 0.0)))
            {
                double yy = l * 2.0, xx = h + yy, yr = xx - h;
                if (yy == yr) h = xx;
            }
        }
        return h;
    }

    /// <summary><c>prod(iterable, *, start=1)</c>.</summary>
    public static object? prod(object? iterable, object? start = null)
    {
        object? acc = start ?? 1L;
        foreach (var x in Py.Iter(iterable)) acc = Py.Mul(acc, x);
        return acc;
    }

    /// <summary><c>hypot(*coordinates)</c>: CPython 3.11's vector_norm.</summary>
    public static double hypot(params object?[] coords) => VectorNorm(coords.Select(F).ToArray());

    /// <summary><c>dist(p, q)</c>.</summary>
    public static double dist(object? p, object? q)
    {
        var a = Py.Iter(p).Select(F).ToArray();
        var b = Py.Iter(q).Select(F).ToArray();
        if (a.Length != b.Length) throw new ValueError("both points must have the same number of dimensions");
        return VectorNorm(a.Zip(b, (x, y) => x - y).ToArray());
    }

    static double VectorNorm(double[] v)
    {
        double max = 0;
        bool foundNan = false;
        for (int i = 0; i < v.Length; i++)
        {
            double x = Math.Abs(v[i]);
            v[i] = x;
            foundNan |= double.IsNaN(x);
            if (x > max) max = x;
        }
        return VectorNorm(v, max, foundNan);
    }

    static double VectorNorm(double[] vec, double max, bool foundNan)
    {
        int n = vec.Length;
        if (double.IsInfinity(max)) return max;
        if (foundNan) return double.NaN;
        if (max == 0.0 || n <= 1) return max;
        int maxE = FrexpExp(max);
        if (maxE < -1023)
        {
            for (int i = 0; i < n; i++) vec[i] /= 2.2250738585072014e-308;
            return 2.2250738585072014e-308 * VectorNorm(vec, max / 2.2250738585072014e-308, foundNan);
        }
        double scale = Math.ScaleB(1.0, -maxE);
        double csum = 1.0, frac1 = 0.0, frac2 = 0.0;
        for (int i = 0; i < n; i++)
        {
            double x = vec[i] * scale;
            var (prHi, prLo) = DlMul(x, x);
            var (smHi, smLo) = DlFastSum(csum, prHi);
            csum = smHi;
            frac1 += prLo;
            frac2 += smLo;
        }
        double h = Math.Sqrt(csum - 1.0 + (frac1 + frac2));
        var (pHi, pLo) = DlMul(-h, h);
        var (sHi, sLo) = DlFastSum(csum, pHi);
        csum = sHi;
        frac1 += pLo;
        frac2 += sLo;
        double xx = csum - 1.0 + (frac1 + frac2);
        h += xx / (2.0 * h);
        return h / scale;
    }

    static int FrexpExp(double d)
    {
        long bits = BitConverter.DoubleToInt64Bits(d);
        int exp = (int)((bits >> 52) & 0x7FF);
        if (exp == 0) return FrexpExp(d * Math.Pow(2, 54)) - 54;
        return exp - 1022;
    }

    static (double, double) DlMul(double x, double y)
    {
        double z = x * y;
        return (z, Math.FusedMultiplyAdd(x, y, -z));
    }

    static (double, double) DlFastSum(double a, double b)
    {
        double x = a + b, z = x - a, y = b - z;
        return (x, y);
    }

    public static object comb(object? n, object? k)
    {
        BigInteger nn = Py.ToBig(n), kk = Py.ToBig(k);
        if (nn.Sign < 0) throw new ValueError("n must be a non-negative integer");
        if (kk.Sign < 0) throw new ValueError("k must be a non-negative integer");
        if (kk > nn) return 0L;
        if (kk > nn - kk) kk = nn - kk;
        BigInteger r = 1;
        for (BigInteger i = 1; i <= kk; i++) r = r * (nn - kk + i) / i;
        return Py.Norm(r);
    }

    public static object perm(object? n, object? k = null)
    {
        BigInteger nn = Py.ToBig(n);
        if (nn.Sign < 0) throw new ValueError("n must be a non-negative integer");
        BigInteger kk = k is null ? nn : Py.ToBig(k);
        if (kk.Sign < 0) throw new ValueError("k must be a non-negative integer");
        if (kk > nn) return 0L;
        BigInteger r = 1;
        for (BigInteger i = 0; i < kk; i++) r *= nn - i;
        return Py.Norm(r);
    }
}
