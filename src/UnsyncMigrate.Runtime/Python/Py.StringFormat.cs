using System.Globalization;
using System.Numerics;
using System.Text;

namespace UnsyncMigrate.Runtime.Python;

public static partial class Py
{
    // ---------------------------------------------------------------- printf-style: fmt % args

    /// <summary>Python's <c>fmt % args</c> for str.</summary>
    public static string PercentFormat(string fmt, object? args) => PercentFormatCore(fmt, args, false);

    /// <summary>Python's <c>fmt % args</c> for bytes.</summary>
    public static PyBytes PercentFormat(PyBytes fmt, object? args) =>
        new(Encoding.Latin1.GetBytes(PercentFormatCore(Encoding.Latin1.GetString(fmt.Data), args, true)));

    /// <summary>What CPython's PyMapping_Check accepts (anything subscriptable but tuple and str).</summary>
    static bool IsMappingLike(object? o) => o switch
    {
        PyTuple or string or null => false,
        PyDict or PyList or PyBytes or PyRange or IPySubscriptable => true,
        PyObjectBase p => p.GetType().GetMethod("__getitem__")?.DeclaringType != typeof(PyObjectBase),
        _ => false,
    };

    static string PercentFormatCore(string fmt, object? args, bool bytesMode)
    {
        // CPython's unicode_format: a tuple gives positional args; anything else is one argument
        // (arglen -1, argidx -2), usable once; a mapping-like argument also serves %(key)s.
        object?[] items = args is PyTuple t ? t.Items : Array.Empty<object?>();
        int argLen = args is PyTuple ? items.Length : -1;
        int argIndex = argLen < 0 ? -2 : 0;
        object? current = args;
        object? dict = IsMappingLike(args) && !(bytesMode && args is PyBytes) ? args : null;
        object? NextArg()
        {
            if (argIndex < argLen)
            {
                argIndex++;
                return argLen < 0 ? current : items[argIndex - 1];
            }
            throw new TypeError("not enough arguments for format string");
        }

        var sb = new StringBuilder(fmt.Length + 16);
        int i = 0, n = fmt.Length;
        while (i < n)
        {
            char c = fmt[i];
            if (c != '%') { sb.Append(c); i++; continue; }
            int start = i;
            i++;
            if (i >= n) throw new ValueError("incomplete format");
            if (fmt[i] == '%') { sb.Append('%'); i++; continue; }
            if (fmt[i] == '(')
            {
                if (dict is null) throw new TypeError("format requires a mapping");
                int depth = 1, ks = i + 1;
                i++;
                while (i < n && depth > 0)
                {
                    if (fmt[i] == '(') depth++;
                    else if (fmt[i] == ')') depth--;
                    i++;
                }
                if (depth > 0) throw new ValueError("incomplete format key");
                string key = fmt.Substring(ks, i - 1 - ks);
                current = GetItem(dict, bytesMode ? new PyBytes(Encoding.Latin1.GetBytes(key)) : key);
                argLen = -1;
                argIndex = -2;
            }
            bool ljust = false, plus = false, space = false, alt = false, zero = false;
            for (; i < n; i++)
            {
                char fc = fmt[i];
                if (fc == '-') ljust = true;
                else if (fc == '+') plus = true;
                else if (fc == ' ') space = true;
                else if (fc == '#') alt = true;
                else if (fc == '0') zero = true;
                else break;
            }
            int width = -1, prec = -1;
            if (i < n && fmt[i] == '*')
            {
                var w = NextArg();
                if (!IsInt(w)) throw new TypeError("* wants int");
                width = (int)ToLong(w);
                if (width < 0) { ljust = true; width = -width; }
                i++;
            }
            else
            {
                int ws = i;
                while (i < n && char.IsAsciiDigit(fmt[i])) i++;
                if (i > ws) width = int.Parse(fmt.AsSpan(ws, i - ws), CultureInfo.InvariantCulture);
            }
            if (i < n && fmt[i] == '.')
            {
                i++;
                if (i < n && fmt[i] == '*')
                {
                    var p = NextArg();
                    if (!IsInt(p)) throw new TypeError("* wants int");
                    prec = Math.Max(0, (int)ToLong(p));
                    i++;
                }
                else
                {
                    int ps = i;
                    while (i < n && char.IsAsciiDigit(fmt[i])) i++;
                    prec = i > ps ? int.Parse(fmt.AsSpan(ps, i - ps), CultureInfo.InvariantCulture) : 0;
                }
            }
            while (i < n && (fmt[i] is 'h' or 'l' or 'L')) i++;
            if (i >= n) throw new ValueError("incomplete format");
            char conv = fmt[i];
            i++;
            if (conv == '%')
            {
                sb.Append('%');
                continue;
            }
            object? arg = null;
            if ((bytesMode ? "sradiuoxXeEfFgGcb" : "sradiuoxXeEfFgGc").IndexOf(conv) >= 0) arg = NextArg();
            string body;
            string sign = "";
            string prefix = "";
            bool numeric = false;
            switch (conv)
            {
                case 's' or 'b' when bytesMode:
                    if (arg is not PyBytes ab)
                        throw new TypeError($"%b requires a bytes-like object, or an object that implements __bytes__, not '{TypeName(arg)}'");
                    body = Encoding.Latin1.GetString(ab.Data);
                    if (prec >= 0) body = TruncateCodePoints(body, prec);
                    break;
                case 'r' when bytesMode: body = Ascii(arg); if (prec >= 0) body = TruncateCodePoints(body, prec); break;
                case 's': body = Str(arg); if (prec >= 0) body = TruncateCodePoints(body, prec); break;
                case 'r': body = Repr(arg); if (prec >= 0) body = TruncateCodePoints(body, prec); break;
                case 'a': body = Ascii(arg); if (prec >= 0) body = TruncateCodePoints(body, prec); break;
                case 'd': case 'i': case 'u':
                    {
                        BigInteger v;
                        if (IsInt(arg)) v = ToBig(arg);
                        else if (arg is double dv) v = ToBig(FloatToInt(dv));
                        else if (arg is IPyObject po && CallDunder0(po, "__int__", out var iv) && IsInt(iv)) v = ToBig(iv);
                        else throw new TypeError($"%{conv} format: a real number is required, not {TypeName(arg)}");
                        numeric = true;
                        if (v.Sign < 0) { sign = "-"; v = -v; }
                        body = IntToString(v);
                        if (prec > body.Length) body = new string('0', prec - body.Length) + body;
                        break;
                    }
                case 'o': case 'x': case 'X':
                    {
                        if (!IsInt(arg) && !(arg is IPyObject po2 && CallDunder0(po2, "__index__", out _)))
                            throw new TypeError($"%{conv} format: an integer is required, not {TypeName(arg)}");
                        BigInteger v = ToBig(arg is IPyObject po3 && CallDunder0(po3, "__index__", out var ix) ? ix : arg);
                        numeric = true;
                        if (v.Sign < 0) { sign = "-"; v = -v; }
                        body = ToBase(v, conv == 'o' ? 8 : 16);
                        if (conv == 'X') body = body.ToUpperInvariant();
                        if (prec > body.Length) body = new string('0', prec - body.Length) + body;
                        if (alt) prefix = conv == 'o' ? "0o" : conv == 'x' ? "0x" : "0X";
                        break;
                    }
                case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
                    {
                        double v = arg switch
                        {
                            double dd => dd,
                            _ when IsInt(arg) => ToDouble(arg),
                            IPyObject po4 when CallDunder0(po4, "__float__", out var fv) && fv is double fd => fd,
                            _ => throw new TypeError($"must be real number, not {TypeName(arg)}"),
                        };
                        numeric = true;
                        char lower = char.ToLowerInvariant(conv);
                        string s = PyFloat.ToString(v, lower, prec < 0 ? 6 : prec, alt, false, char.IsUpper(conv));
                        if (s.StartsWith('-')) { sign = "-"; s = s.Substring(1); }
                        body = s;
                        break;
                    }
                case 'c':
                    if (arg is string cs)
                    {
                        if (PyStr.Length(cs) != 1) throw new TypeError("%c requires int or char");
                        body = cs;
                    }
                    else if (IsInt(arg))
                    {
                        BigInteger cv = ToBig(arg);
                        if (cv.Sign < 0 || cv > 0x10FFFF) throw new OverflowError("%c arg not in range(0x110000)");
                        body = PyStr.FromCodePoint((long)cv);
                    }
                    else throw new TypeError("%c requires int or char");
                    break;
                default:
                    throw new ValueError($"unsupported format character '{conv}' (0x{(int)conv:x}) at index {i - 1}");
            }
            if (numeric && sign.Length == 0)
            {
                if (plus) sign = "+";
                else if (space) sign = " ";
            }
            int len = sign.Length + prefix.Length + PyStr.Length(body);
            if (width > len)
            {
                int pad = width - len;
                if (ljust) sb.Append(sign).Append(prefix).Append(body).Append(' ', pad);
                else if (zero && numeric) sb.Append(sign).Append(prefix).Append('0', pad).Append(body);
                else sb.Append(' ', pad).Append(sign).Append(prefix).Append(body);
            }
            else sb.Append(sign).Append(prefix).Append(body);
            _ = start;
        }
        if (argIndex < argLen && dict is null)
            throw new TypeError($"not all arguments converted during {(bytesMode ? "bytes" : "string")} formatting");
        return sb.ToString();
    }

    static string TruncateCodePoints(string s, int n)
    {
        if (PyStr.Length(s) <= n) return s;
        return PyStr.HasSurrogates(s) ? string.Concat(PyStr.Chars(s).Take(n)) : s.Substring(0, n);
    }

    // ---------------------------------------------------------------- str.format

    /// <summary>Python's <c>fmt.format(*args, **kwargs)</c>.</summary>
    public static string StrFormat(string fmt, object?[] args, PyKwargs? kwargs = null)
    {
        var state = new FormatState(args, kwargs);
        return StrFormatCore(fmt, state, 2);
    }

    /// <summary>Python's <c>fmt.format_map(mapping)</c>.</summary>
    public static string StrFormatMap(string fmt, object? mapping)
    {
        var state = new FormatState(Array.Empty<object?>(), null) { Mapping = mapping };
        return StrFormatCore(fmt, state, 2);
    }

    sealed class FormatState(object?[] args, PyKwargs? kwargs)
    {
        public readonly object?[] Args = args;
        public readonly PyKwargs? Kwargs = kwargs;
        public object? Mapping;
        public int AutoIndex;   // -1 once manual numbering is used
        public bool Manual;
    }

    static string StrFormatCore(string fmt, FormatState st, int depth)
    {
        if (depth < 0) throw new ValueError("Max string recursion exceeded");
        var sb = new StringBuilder(fmt.Length + 16);
        int i = 0, n = fmt.Length;
        while (i < n)
        {
            char c = fmt[i];
            if (c == '{')
            {
                if (i + 1 < n && fmt[i + 1] == '{') { sb.Append('{'); i += 2; continue; }
                // find the matching '}'
                int j = i + 1, level = 1;
                bool inBracket = false;
                while (j < n)
                {
                    char d = fmt[j];
                    if (inBracket) { if (d == ']') inBracket = false; }
                    else if (d == '[') inBracket = true;
                    else if (d == '{') level++;
                    else if (d == '}') { level--; if (level == 0) break; }
                    j++;
                }
                if (j >= n)
                    throw new ValueError(level > 1 || fmt.IndexOf('}', i) < 0 && fmt.Substring(i + 1).Length > 0 ? "expected '}' before end of string" : "Single '{' encountered in format string");
                string field = fmt.Substring(i + 1, j - i - 1);
                sb.Append(RenderField(field, st, depth));
                i = j + 1;
            }
            else if (c == '}')
            {
                if (i + 1 < n && fmt[i + 1] == '}') { sb.Append('}'); i += 2; continue; }
                throw new ValueError("Single '}' encountered in format string");
            }
            else { sb.Append(c); i++; }
        }
        return sb.ToString();
    }

    static string RenderField(string field, FormatState st, int depth)
    {
        // split field_name [!conv] [:spec], ignoring ! and : inside [..]
        int k = 0;
        bool inBracket = false;
        while (k < field.Length)
        {
            char d = field[k];
            if (inBracket) { if (d == ']') inBracket = false; }
            else if (d == '[') inBracket = true;
            else if (d == '!' || d == ':') break;
            k++;
        }
        string name = field.Substring(0, k);
        char conv = '\0';
        string spec = "";
        if (k < field.Length && field[k] == '!')
        {
            if (k + 1 >= field.Length) throw new ValueError("end of string while looking for conversion specifier");
            conv = field[k + 1];
            k += 2;
            if (k < field.Length && field[k] != ':') throw new ValueError("expected ':' after conversion specifier");
        }
        if (k < field.Length && field[k] == ':') spec = field.Substring(k + 1);

        object? value = ResolveFieldName(name, st);
        value = conv switch
        {
            '\0' => value,
            's' => Str(value),
            'r' => Repr(value),
            'a' => Ascii(value),
            _ => throw new ValueError($"Unknown conversion specifier {conv}"),
        };
        if (spec.IndexOf('{') >= 0) spec = StrFormatCore(spec, st, depth - 1);
        return Format(value, spec);
    }

    static object? ResolveFieldName(string name, FormatState st)
    {
        int p = 0;
        while (p < name.Length && name[p] != '.' && name[p] != '[') p++;
        string first = name.Substring(0, p);
        object? obj;
        if (first.Length == 0)
        {
            if (st.Manual) throw new ValueError("cannot switch from manual field specification to automatic field numbering");
            int idx = st.AutoIndex++;
            if (idx >= st.Args.Length) throw new IndexError($"Replacement index {idx} out of range for positional args tuple");
            obj = st.Args[idx];
        }
        else if (first.All(char.IsAsciiDigit))
        {
            if (st.AutoIndex > 0) throw new ValueError("cannot switch from automatic field numbering to manual field specification");
            st.Manual = true;
            int idx = int.Parse(first, CultureInfo.InvariantCulture);
            if (idx >= st.Args.Length) throw new IndexError($"Replacement index {idx} out of range for positional args tuple");
            obj = st.Args[idx];
        }
        else
        {
            if (st.Mapping is not null) obj = GetItem(st.Mapping, first);
            else if (st.Kwargs is not null && st.Kwargs.TryGet(first, out var v)) obj = v;
            else throw new KeyError(first);
        }
        while (p < name.Length)
        {
            if (name[p] == '.')
            {
                int s = ++p;
                while (p < name.Length && name[p] != '.' && name[p] != '[') p++;
                string attr = name.Substring(s, p - s);
                if (attr.Length == 0) throw new ValueError("Empty attribute in format string");
                obj = GetAttr(obj, attr);
            }
            else if (name[p] == '[')
            {
                int s = ++p;
                while (p < name.Length && name[p] != ']') p++;
                if (p >= name.Length) throw new ValueError("Missing ']' in format string");
                string key = name.Substring(s, p - s);
                if (key.Length == 0) throw new ValueError("Empty attribute in format string");
                p++;
                obj = key.All(char.IsAsciiDigit) ? GetItem(obj, long.Parse(key, CultureInfo.InvariantCulture)) : GetItem(obj, key);
                if (p < name.Length && name[p] != '.' && name[p] != '[')
                    throw new ValueError("Only '.' or '[' may follow ']' in format field specifier");
            }
            else throw new ValueError("Only '.' or '[' may follow ']' in format field specifier");
        }
        return obj;
    }
}
