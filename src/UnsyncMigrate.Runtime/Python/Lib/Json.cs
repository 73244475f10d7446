using System.Globalization;
using System.Numerics;
using System.Text;

namespace UnsyncMigrate.Runtime.Python.Lib;

/// <summary><c>json.dumps</c> and <c>json.loads</c> with CPython's output byte for byte.</summary>
public static class Json
{
    /// <summary>
    /// <c>json.dumps(obj, *, skipkeys=False, ensure_ascii=True, allow_nan=True, indent=None,
    /// separators=None, default=None, sort_keys=False)</c>. indent is null, an int or a str;
    /// separators a 2-tuple (item, key).
    /// </summary>
    public static string Dumps(object? obj, object? indent = null, bool sort_keys = false, object? separators = null,
        bool ensure_ascii = true, bool allow_nan = true, object? @default = null, bool skipkeys = false)
    {
        string? indentStr = indent switch
        {
            null => null,
            string s => s,
            _ when Py.IsInt(indent) => new string(' ', (int)Math.Max(0, Py.ToLong(indent))),
            _ => throw new TypeError("indent must be an int or a str"),
        };
        string itemSep = indentStr is null ? ", " : ",", keySep = ": ";
        if (separators is not null)
        {
            var seps = Py.Unpack(separators, 2);
            itemSep = (string)seps[0]!;
            keySep = (string)seps[1]!;
        }
        var w = new Writer(indentStr, itemSep, keySep, sort_keys, ensure_ascii, allow_nan, @default, skipkeys);
        var sb = new StringBuilder();
        w.Write(sb, obj, 0);
        return sb.ToString();
    }

    /// <summary>Overload taking Python's keyword arguments as they appear in a call.</summary>
    public static string Dumps(object? obj, PyKwargs? kwargs)
    {
        kwargs ??= new PyKwargs();
        return Dumps(obj, kwargs.Get("indent"), Py.IsTrue(kwargs.Get("sort_keys", false)), kwargs.Get("separators"),
            Py.IsTrue(kwargs.Get("ensure_ascii", true)), Py.IsTrue(kwargs.Get("allow_nan", true)), kwargs.Get("default"),
            Py.IsTrue(kwargs.Get("skipkeys", false)));
    }

    sealed class Writer(string? indent, string itemSep, string keySep, bool sortKeys, bool ensureAscii, bool allowNan, object? dflt, bool skipKeys)
    {
        readonly HashSet<object> _markers = new(RefComparer.Instance);

        string FloatStr(double d)
        {
            if (double.IsNaN(d) || double.IsInfinity(d))
            {
                if (!allowNan) throw new ValueError("Out of range float values are not JSON compliant");
                return double.IsNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity";
            }
            return PyFloat.Repr(d);
        }

        public void Write(StringBuilder sb, object? o, int level)
        {
            switch (o)
            {
                case string s: EncodeString(sb, s, ensureAscii); return;
                case null: sb.Append("null"); return;
                case bool b: sb.Append(b ? "true" : "false"); return;
                case long or int or BigInteger: sb.Append(Py.Repr(o)); return;
                case double d: sb.Append(FloatStr(d)); return;
                case PyList or PyTuple: WriteList(sb, (IEnumerable<object?>)o, o, level); return;
                case PyDict dict: WriteDict(sb, dict, level); return;
            }
            if (dflt is null) throw new TypeError($"Object of type {Py.TypeName(o)} is not JSON serializable");
            Enter(o);
            Write(sb, Py.Call(dflt, new[] { o }), level);
            _markers.Remove(o!);
        }

        void Enter(object? o)
        {
            if (o is not null && !_markers.Add(o)) throw new ValueError("Circular reference detected");
        }

        void NewLine(StringBuilder sb, int level)
        {
            sb.Append('\n');
            for (int i = 0; i < level; i++) sb.Append(indent);
        }

        void WriteList(StringBuilder sb, IEnumerable<object?> items, object container, int level)
        {
            var list = items.ToList();
            if (list.Count == 0) { sb.Append("[]"); return; }
            Enter(container);
            sb.Append('[');
            if (indent is not null) NewLine(sb, level + 1);
            for (int i = 0; i < list.Count; i++)
            {
                if (i > 0)
                {
                    sb.Append(itemSep);
                    if (indent is not null) NewLine(sb, level + 1);
                }
                Write(sb, list[i], level + 1);
            }
            if (indent is not null) NewLine(sb, level);
            sb.Append(']');
            _markers.Remove(container);
        }

        void WriteDict(StringBuilder sb, PyDict dict, int level)
        {
            if (dict.Count == 0) { sb.Append("{}"); return; }
            Enter(dict);
            sb.Append('{');
            if (indent is not null) NewLine(sb, level + 1);
            IEnumerable<KeyValuePair<object?, object?>> pairs = dict.Pairs.ToList();
            if (sortKeys)
            {
                var keys = Py.Sorted(new PyList(pairs.Select(p => p.Key)));
                pairs = keys.Select(k => new KeyValuePair<object?, object?>(k, dict.Get(k))).ToList();
            }
            bool first = true;
            foreach (var kv in pairs)
            {
                string key;
                switch (kv.Key)
                {
                    case string s: key = s; break;
                    case double d: key = FloatStr(d); break;
                    case bool b: key = b ? "true" : "false"; break;
                    case null: key = "null"; break;
                    case long or int or BigInteger: key = Py.Repr(kv.Key); break;
                    default:
                        if (skipKeys) continue;
                        throw new TypeError($"keys must be str, int, float, bool or None, not {Py.TypeName(kv.Key)}");
                }
                if (!first)
                {
                    sb.Append(itemSep);
                    if (indent is not null) NewLine(sb, level + 1);
                }
                first = false;
                EncodeString(sb, key, ensureAscii);
                sb.Append(keySep);
                Write(sb, kv.Value, level + 1);
            }
            if (indent is not null) NewLine(sb, level);
            sb.Append('}');
            _markers.Remove(dict);
        }
    }

    static void EncodeString(StringBuilder sb, string s, bool ensureAscii)
    {
        sb.Append('"');
        foreach (char c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                default:
                    if (c < 0x20 || (ensureAscii && c > 0x7E))
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        sb.Append('"');
    }

    /// <summary><c>json.loads(s)</c>: objects → PyDict, arrays → PyList, ints → int, numbers with . or e → float.</summary>
    public static object? Loads(object? s)
    {
        string text = s switch
        {
            string str => str,
            PyBytes b => b.Decode(),
            _ => throw new TypeError($"the JSON object must be str, bytes or bytearray, not {Py.TypeName(s)}"),
        };
        var p = new Parser(text);
        p.SkipWs();
        var v = p.Value();
        p.SkipWs();
        if (p.Pos != text.Length) throw p.Error("Extra data");
        return v;
    }

    sealed class Parser(string s)
    {
        public int Pos;

        public ValueError Error(string msg)
        {
            int line = 1, col = 1;
            for (int i = 0; i < Pos && i < s.Length; i++)
            {
                if (s[i] == '\n') { line++; col = 1; } else col++;
            }
            return new JSONDecodeError(msg, s, (long)Pos);
        }

        public void SkipWs()
        {
            while (Pos < s.Length && (s[Pos] is ' ' or '\t' or '\n' or '\r')) Pos++;
        }

        public object? Value()
        {
            if (Pos >= s.Length) throw Error("Expecting value");
            char c = s[Pos];
            switch (c)
            {
                case '{': return Obj();
                case '[': return Arr();
                case '"': return Str();
            }
            if (Match("null")) return null;
            if (Match("true")) return true;
            if (Match("false")) return false;
            if (Match("NaN")) return double.NaN;
            if (Match("Infinity")) return double.PositiveInfinity;
            if (Match("-Infinity")) return double.NegativeInfinity;
            return Number();
        }

        bool Match(string lit)
        {
            if (string.CompareOrdinal(s, Pos, lit, 0, lit.Length) == 0) { Pos += lit.Length; return true; }
            return false;
        }

        object Number()
        {
            int start = Pos;
            if (Pos < s.Length && s[Pos] == '-') Pos++;
            if (Pos < s.Length && s[Pos] == '0') Pos++;
            else if (Pos < s.Length && s[Pos] >= '1' && s[Pos] <= '9') { while (Pos < s.Length && char.IsAsciiDigit(s[Pos])) Pos++; }
            else { Pos = start; throw Error("Expecting value"); }
            bool isFloat = false;
            if (Pos + 1 < s.Length && s[Pos] == '.' && char.IsAsciiDigit(s[Pos + 1]))
            {
                isFloat = true;
                Pos++;
                while (Pos < s.Length && char.IsAsciiDigit(s[Pos])) Pos++;
            }
            if (Pos < s.Length && (s[Pos] == 'e' || s[Pos] == 'E'))
            {
                int save = Pos;
                Pos++;
                if (Pos < s.Length && (s[Pos] == '+' || s[Pos] == '-')) Pos++;
                if (Pos < s.Length && char.IsAsciiDigit(s[Pos]))
                {
                    isFloat = true;
                    while (Pos < s.Length && char.IsAsciiDigit(s[Pos])) Pos++;
                }
                else Pos = save;
            }
            string num = s.Substring(start, Pos - start);
            if (isFloat) return double.Parse(num, NumberStyles.Float, CultureInfo.InvariantCulture);
            return Py.Int(num);
        }

        string Str()
        {
            Pos++;
            var sb = new StringBuilder();
            while (true)
            {
                if (Pos >= s.Length) { throw Error("Unterminated string starting at"); }
                char c = s[Pos++];
                if (c == '"') break;
                if (c == '\\')
                {
                    if (Pos >= s.Length) throw Error("Unterminated string starting at");
                    char e = s[Pos++];
                    switch (e)
                    {
                        case '"': sb.Append('"'); break;
                        case '\\': sb.Append('\\'); break;
                        case '/': sb.Append('/'); break;
                        case 'b': sb.Append('\b'); break;
                        case 'f': sb.Append('\f'); break;
                        case 'n': sb.Append('\n'); break;
                        case 'r': sb.Append('\r'); break;
                        case 't': sb.Append('\t'); break;
                        case 'u':
                            if (Pos + 4 > s.Length || !int.TryParse(s.AsSpan(Pos, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int cp))
                                throw Error("Invalid \\uXXXX escape");
                            sb.Append((char)cp);
                            Pos += 4;
                            break;
                        default: Pos -= 2; throw Error("Invalid \\escape");
                    }
                }
                else if (c < 0x20) { Pos--; throw Error("Invalid control character at"); }
                else sb.Append(c);
            }
            return sb.ToString();
        }

        PyList Arr()
        {
            Pos++;
            var l = new PyList();
            SkipWs();
            if (Pos < s.Length && s[Pos] == ']') { Pos++; return l; }
            while (true)
            {
                SkipWs();
                l.Add(Value());
                SkipWs();
                if (Pos < s.Length && s[Pos] == ',') { Pos++; continue; }
                if (Pos < s.Length && s[Pos] == ']') { Pos++; return l; }
                throw Error("Expecting ',' delimiter");
            }
        }

        PyDict Obj()
        {
            Pos++;
            var d = new PyDict();
            SkipWs();
            if (Pos < s.Length && s[Pos] == '}') { Pos++; return d; }
            while (true)
            {
                SkipWs();
                if (Pos >= s.Length || s[Pos] != '"') throw Error("Expecting property name enclosed in double quotes");
                string k = Str();
                SkipWs();
                if (Pos >= s.Length || s[Pos] != ':') throw Error("Expecting ':' delimiter");
                Pos++;
                SkipWs();
                d[k] = Value();
                SkipWs();
                if (Pos < s.Length && s[Pos] == ',') { Pos++; continue; }
                if (Pos < s.Length && s[Pos] == '}') { Pos++; return d; }
                throw Error("Expecting ',' delimiter");
            }
        }
    }
}

/// <summary>
/// <c>json.JSONDecodeError(msg, doc, pos)</c> (a ValueError): its message says where (line,
/// column, char), and it has <c>msg</c>, <c>doc</c>, <c>pos</c>, <c>lineno</c>, <c>colno</c>.
/// </summary>
public class JSONDecodeError : ValueError, IPyInit
{
    // Without arguments: a program subclass's object, whose __init__ runs Init through super().
    public JSONDecodeError(params object?[] args) : base(args)
    {
        if (args.Length > 0) Init(args, null);
    }
    public override string PyTypeName => "JSONDecodeError";
    public override string PyModuleName => "json.decoder";

    /// <summary>Python's <c>JSONDecodeError.__init__</c> (also what a subclass's <c>super().__init__(...)</c> runs).</summary>
    public void Init(object?[] args, PyKwargs? kwargs)
    {
        var b = PyArgs.Bind("JSONDecodeError", args, kwargs, ["msg", "doc", "pos"], [PyArgs.NoDefault, PyArgs.NoDefault, PyArgs.NoDefault], 3, false, false);
        string msg = Py.Str(b[0]), doc = Py.Str(b[1]);
        long pos = Py.ToLong(b[2]);
        int end = (int)Math.Clamp(pos, 0, doc.Length);
        long lineno = doc.AsSpan(0, end).Count('\n') + 1;
        long colno = pos - (end == 0 ? -1 : doc.LastIndexOf('\n', end - 1, end));
        Args = PyTuple.Of($"{msg}: line {lineno} column {colno} (char {pos})");
        foreach (var (name, value) in new (string, object?)[] { ("msg", msg), ("doc", doc), ("pos", pos), ("lineno", lineno), ("colno", colno) })
            TrySetAttr(name, value);
    }
}
