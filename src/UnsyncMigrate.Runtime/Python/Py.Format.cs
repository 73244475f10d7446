using System.Globalization;
using System.Numerics;
using System.Text;

namespace UnsyncMigrate.Runtime.Python;

/// <summary>A parsed format spec: <c>[[fill]align][sign][z][#][0][width][grouping][.precision][type]</c>.</summary>
internal sealed class FormatSpec
{
    public string Fill = " ";
    public char Align;          // '\0' when not given
    public char Sign;           // '\0', '+', '-', ' '
    public bool NoNegZero;
    public bool Alternate;
    public int Width = -1;
    public char Grouping;       // '\0', ',', '_'
    public int Precision = -1;
    public char Type;           // '\0' when not given
    public bool FillGiven;

    static bool IsAlign(char c) => c is '<' or '>' or '=' or '^';

    public static FormatSpec Parse(string spec, object? obj, char defaultAlign)
    {
        var f = new FormatSpec();
        int pos = 0, end = spec.Length;
        // fill may be an astral character (two UTF-16 units)
        int fillLen = end >= 2 && char.IsHighSurrogate(spec[0]) && char.IsLowSurrogate(spec[1]) ? 2 : 1;
        bool alignGiven = false;
        if (end - pos >= fillLen + 1 && IsAlign(spec[pos + fillLen]))
        {
            f.Fill = spec.Substring(pos, fillLen);
            f.Align = spec[pos + fillLen];
            f.FillGiven = true;
            alignGiven = true;
            pos += fillLen + 1;
        }
        else if (end - pos >= 1 && IsAlign(spec[pos]))
        {
            f.Align = spec[pos];
            alignGiven = true;
            pos++;
        }
        if (pos < end && (spec[pos] is '+' or '-' or ' ')) { f.Sign = spec[pos]; pos++; }
        if (pos < end && spec[pos] == 'z') { f.NoNegZero = true; pos++; }
        if (pos < end && spec[pos] == '#') { f.Alternate = true; pos++; }
        if (!f.FillGiven && pos < end && spec[pos] == '0')
        {
            f.Fill = "0";
            if (!alignGiven && defaultAlign == '>') f.Align = '=';
            pos++;
        }
        int start = pos;
        while (pos < end && char.IsAsciiDigit(spec[pos])) pos++;
        if (pos > start) f.Width = ParseInt(spec, start, pos);
        if (pos < end && spec[pos] == ',') { f.Grouping = ','; pos++; }
        if (pos < end && spec[pos] == '_')
        {
            if (f.Grouping != '\0') throw new ValueError("Cannot specify both ',' and '_'.");
            f.Grouping = '_';
            pos++;
        }
        if (pos < end && spec[pos] == ',' && f.Grouping == '_') throw new ValueError("Cannot specify both ',' and '_'.");
        if (pos < end && spec[pos] == '.')
        {
            pos++;
            start = pos;
            while (pos < end && char.IsAsciiDigit(spec[pos])) pos++;
            if (pos == start) throw new ValueError("Format specifier missing precision");
            f.Precision = ParseInt(spec, start, pos);
        }
        if (end - pos > 1)
            throw new ValueError($"Invalid format specifier '{spec}' for object of type '{Py.TypeName(obj)}'");
        if (end - pos == 1) f.Type = spec[pos];
        if (f.Grouping != '\0')
        {
            switch (f.Type)
            {
                case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case '\0':
                    break;
                case 'b': case 'o': case 'x': case 'X':
                    if (f.Grouping == '_') break;
                    goto default;
                default:
                    throw new ValueError($"Cannot specify '{f.Grouping}' with '{f.Type}'.");
            }
        }
        return f;
    }

    static int ParseInt(string s, int start, int end)
    {
        if (!int.TryParse(s.AsSpan(start, end - start), NumberStyles.None, CultureInfo.InvariantCulture, out int v))
            throw new ValueError("Too many decimal digits in format string");
        return v;
    }
}

public static partial class Py
{
    /// <summary>Python's <c>format(value, spec)</c>.</summary>
    public static string Format(object? value, string spec = "")
    {
        switch (value)
        {
            case string s: return spec.Length == 0 ? s : FormatStr(s, spec);
            case bool b: return spec.Length == 0 ? (b ? "True" : "False") : FormatInt(b ? 1 : 0, spec, value);
            case long l: return spec.Length == 0 ? l.ToString(CultureInfo.InvariantCulture) : FormatInt(l, spec, value);
            case double d: return FormatFloat(d, spec);
            case int i: return FormatInt(i, spec, value);
            case BigInteger big: return spec.Length == 0 ? IntToString(big) : FormatInt(big, spec, value);
            case PyObjectBase p:
                {
                    var r = p.__format__(spec);
                    if (r is not PyNotImplemented) return r as string ?? throw new TypeError($"__format__ must return a str, not {TypeName(r)}");
                    break;
                }
            case IPyObject po when po.TryCallMethod("__format__", new object?[] { spec }, null, out var res):
                return res as string ?? throw new TypeError($"__format__ must return a str, not {TypeName(res)}");
            case IPyFormattable pf: return pf.PyFormat(spec);
        }
        if (spec.Length == 0) return Str(value);
        throw new TypeError($"unsupported format string passed to {TypeName(value)}.__format__");
    }

    public static string Format(long value, string spec) => spec.Length == 0 ? value.ToString(CultureInfo.InvariantCulture) : FormatInt(value, spec, value);
    public static string Format(double value, string spec) => FormatFloat(value, spec);
    public static string Format(string? value, string spec) => value is null ? Format((object?)null, spec) : spec.Length == 0 ? value : FormatStr(value, spec);

    /// <summary>
    /// An f-string replacement field <c>{value!conv:spec}</c>: conversion is -1 (none), 's', 'r' or 'a'
    /// (the AST's conversion codes).
    /// </summary>
    public static string FormatValue(object? value, int conversion = -1, string spec = "")
    {
        switch (conversion)
        {
            case 's': value = Str(value); break;
            case 'r': value = Repr(value); break;
            case 'a': value = Ascii(value); break;
        }
        return Format(value, spec);
    }

    static string Pad(string body, FormatSpec f, char defaultAlign)
    {
        int len = PyStr.Length(body);
        if (f.Width <= len) return body;
        int pad = f.Width - len;
        char align = f.Align == '\0' ? defaultAlign : f.Align;
        string fill = f.Fill;
        var sb = new StringBuilder(body.Length + pad * fill.Length);
        int left = align switch { '<' => 0, '^' => pad / 2, _ => pad };
        for (int i = 0; i < left; i++) sb.Append(fill);
        sb.Append(body);
        for (int i = 0; i < pad - left; i++) sb.Append(fill);
        return sb.ToString();
    }

    static string FormatStr(string s, string spec)
    {
        var f = FormatSpec.Parse(spec, s, '<');
        if (f.Type != '\0' && f.Type != 's')
            throw new ValueError($"Unknown format code '{f.Type}' for object of type 'str'");
        if (f.Sign != '\0') throw new ValueError("Sign not allowed in string format specifier");
        if (f.Alternate) throw new ValueError("Alternate form (#) not allowed in string format specifier");
        if (f.Align == '=') throw new ValueError("'=' alignment not allowed in string format specifier");
        if (f.NoNegZero) throw new ValueError("Negative zero coercion (z) not allowed in format specifier");
        if (f.Grouping != '\0') throw new ValueError($"Cannot specify '{f.Grouping}' with 's'.");
        if (f.Precision >= 0 && PyStr.Length(s) > f.Precision)
        {
            s = PyStr.HasSurrogates(s) ? string.Concat(PyStr.Chars(s).Take(f.Precision)) : s.Substring(0, f.Precision);
        }
        return Pad(s, f, '<');
    }

    static string FormatInt(BigInteger v, string spec, object? original)
    {
        var f = FormatSpec.Parse(spec, original, '>');
        char type = f.Type == '\0' ? 'd' : f.Type;
        switch (type)
        {
            case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%':
                return FormatFloatSpec(IntToDouble(v), f);
            case 'n':
                if (f.Grouping != '\0') throw new ValueError($"Cannot specify '{f.Grouping}' with 'n'.");
                type = 'd';
                break;
            case 'd': case 'b': case 'o': case 'x': case 'X': case 'c':
                break;
            default:
                throw new ValueError($"Unknown format code '{f.Type}' for object of type '{TypeName(original)}'");
        }
        if (f.Precision >= 0) throw new ValueError("Precision not allowed in integer format specifier");
        if (f.NoNegZero) throw new ValueError("Negative zero coercion (z) not allowed in integer format specifier");
        if (type == 'c')
        {
            if (f.Sign != '\0') throw new ValueError("Sign not allowed with integer format specifier 'c'");
            if (f.Alternate) throw new ValueError("Alternate form (#) not allowed with integer format specifier 'c'");
            if (v < LongMin || v > LongMax) throw new OverflowError("Python int too large to convert to C long");
            if (v.Sign < 0 || v > 0x10FFFF) throw new OverflowError("%c arg not in range(0x110000)");
            string ch = PyStr.FromCodePoint((long)v);
            return Pad(ch, f, '<' == f.Align ? '<' : '>');
        }
        bool neg = v.Sign < 0;
        BigInteger a = BigInteger.Abs(v);
        string digits;
        string prefix = "";
        switch (type)
        {
            case 'b': digits = ToBase(a, 2); if (f.Alternate) prefix = "0b"; break;
            case 'o': digits = ToBase(a, 8); if (f.Alternate) prefix = "0o"; break;
            case 'x': digits = ToBase(a, 16); if (f.Alternate) prefix = "0x"; break;
            case 'X': digits = ToBase(a, 16).ToUpperInvariant(); if (f.Alternate) prefix = "0X"; break;
            default: digits = IntToString(a); break;
        }
        int group = f.Grouping == '\0' ? 0 : (type is 'b' or 'o' or 'x' or 'X' ? 4 : 3);
        return RenderNumber(neg, digits, "", prefix, f, group);
    }

    internal static string ToBase(BigInteger a, int radix)
    {
        if (a.IsZero) return "0";
        if (a <= ulong.MaxValue)
        {
            ulong u = (ulong)a;
            return radix == 16 ? u.ToString("x", CultureInfo.InvariantCulture) : UBase(u, radix);
        }
        var sb = new StringBuilder();
        const string digs = "0123456789abcdef";
        while (!a.IsZero)
        {
            a = BigInteger.DivRem(a, radix, out BigInteger r);
            sb.Insert(0, digs[(int)r]);
        }
        return sb.ToString();
    }

    static string UBase(ulong u, int radix)
    {
        var sb = new StringBuilder();
        while (u != 0) { sb.Insert(0, (char)('0' + (int)(u % (ulong)radix))); u /= (ulong)radix; }
        return sb.ToString();
    }

    /// <summary>
    /// CPython's calc_number_widths + fill_number: sign, prefix, grouped (and zero-padded when the
    /// fill is '0' with '=' alignment) integer digits, then the rest (decimal part, exponent, '%').
    /// </summary>
    static string RenderNumber(bool negative, string intDigits, string rest, string prefix, FormatSpec f, int group)
    {
        string sign = negative ? "-" : f.Sign == '+' ? "+" : f.Sign == ' ' ? " " : "";
        int nonDigits = sign.Length + prefix.Length + rest.Length;
        int minWidth = f.Fill == "0" && f.Align == '=' ? f.Width - nonDigits : 0;
        string grouped = intDigits.Length == 0 ? "" : Group(intDigits, minWidth, group, f.Grouping == '\0' ? "" : f.Grouping.ToString());
        int total = sign.Length + prefix.Length + grouped.Length + rest.Length;
        int pad = f.Width > total ? f.Width - total : 0;
        char align = f.Align == '\0' ? '>' : f.Align;
        var sb = new StringBuilder(total + pad);
        int left = 0, right = 0, mid = 0;
        switch (align)
        {
            case '<': right = pad; break;
            case '^': left = pad / 2; right = pad - left; break;
            case '=': mid = pad; break;
            default: left = pad; break;
        }
        for (int i = 0; i < left; i++) sb.Append(f.Fill);
        sb.Append(sign).Append(prefix);
        for (int i = 0; i < mid; i++) sb.Append(f.Fill);
        sb.Append(grouped).Append(rest);
        for (int i = 0; i < right; i++) sb.Append(f.Fill);
        return sb.ToString();
    }

    /// <summary>CPython's _PyUnicode_InsertThousandsGrouping (with zero padding to minWidth).</summary>
    static string Group(string digits, int minWidth, int group, string sep)
    {
        minWidth = Math.Max(0, minWidth);
        if (group == 0 || sep.Length == 0)
        {
            return digits.Length >= minWidth ? digits : new string('0', minWidth - digits.Length) + digits;
        }
        var chunks = new List<string>();
        int remaining = digits.Length;
        while (true)
        {
            int l = Math.Min(group, Math.Max(Math.Max(remaining, minWidth), 1));
            int nZeros = Math.Max(0, l - remaining);
            int nChars = Math.Max(0, Math.Min(remaining, l));
            chunks.Add(new string('0', nZeros) + digits.Substring(remaining - nChars, nChars));
            remaining -= nChars;
            minWidth -= l;
            if (remaining <= 0 && minWidth <= 0) break;
            minWidth -= sep.Length;
        }
        chunks.Reverse();
        return string.Join(sep, chunks);
    }

    static string FormatFloat(double d, string spec)
    {
        if (spec.Length == 0) return PyFloat.Repr(d);
        var f = FormatSpec.Parse(spec, d, '>');
        return FormatFloatSpec(d, f);
    }

    static string FormatFloatSpec(double val, FormatSpec f)
    {
        char type = f.Type;
        int precision = f.Precision;
        bool addDot0 = false;
        int defaultPrecision = 6;
        switch (type)
        {
            case '\0': addDot0 = true; type = 'r'; defaultPrecision = 0; break;
            case 'n': type = 'g'; break;
            case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': break;
            default: throw new ValueError($"Unknown format code '{f.Type}' for object of type 'float'");
        }
        if (f.Type == 'n' && f.Grouping != '\0') throw new ValueError($"Cannot specify '{f.Grouping}' with 'n'.");
        bool upper = type is 'E' or 'F' or 'G';
        if (upper) type = char.ToLowerInvariant(type);
        bool pct = false;
        if (type == '%') { type = 'f'; val *= 100; pct = true; }
        if (precision < 0) precision = defaultPrecision;
        else if (type == 'r') type = 'g';
        string s = PyFloat.ToString(val, type, precision, f.Alternate, addDot0, upper);
        bool neg = s.StartsWith('-');
        if (neg) s = s.Substring(1);
        if (neg && f.NoNegZero && IsZeroText(s)) neg = false;
        if (pct) s += "%";
        // split into integer digits and the rest
        int n = 0;
        while (n < s.Length && char.IsAsciiDigit(s[n])) n++;
        string intDigits = s.Substring(0, n);
        string rest = s.Substring(n);
        return RenderNumber(neg, intDigits, rest, "", f, f.Grouping == '\0' ? 0 : 3);
    }

    static bool IsZeroText(string s)
    {
        if (s.Length == 0 || !char.IsAsciiDigit(s[0])) return false;
        foreach (char c in s)
        {
            if (c == 'e' || c == 'E') break;
            if (c >= '1' && c <= '9') return false;
        }
        return true;
    }
}

/// <summary>A runtime type with its own <c>__format__</c>.</summary>
public interface IPyFormattable
{
    string PyFormat(string spec);
}
