using System.Buffers;
using System.Globalization;
using System.Numerics;
using System.Text;
using UnsyncMigrate.Python.Ast;

namespace UnsyncMigrate.Python.Serialization;

/// <summary>
/// Writes ASTs as the canonical JSON of <c>pyast_dump.py</c> (Python's
/// <c>json.dumps(ensure_ascii=False, separators=(",", ":"))</c>), byte for byte, into a
/// reusable UTF-8 buffer. Special values use that script's tagged objects
/// (<c>{"_int": ...}</c>, <c>{"_float": ...}</c>, ...).
/// </summary>
public sealed class AstJsonWriter
{
    const long JsonIntLimit = 1L << 53;
    static readonly byte[] HexDigits = "0123456789abcdef"u8.ToArray();

    readonly ArrayBufferWriter<byte> _out = new(1 << 16);
    // One entry per open array: whether the next element is its first.
    readonly Stack<bool> _arrayFirst = new();
    bool _inArray;

    public AstJsonWriter(bool includePositions = true) => IncludePositions = includePositions;

    public bool IncludePositions { get; }

    public ReadOnlySpan<byte> WrittenSpan => _out.WrittenSpan;

    public void Clear()
    {
        _out.Clear();
        _arrayFirst.Clear();
        _inArray = false;
    }

    // ---- structure -------------------------------------------------------------

    public void BeginNode(string pythonName)
    {
        BeforeValue();
        PushObject();
        Raw("{\"_type\":"u8);
        WriteStringRaw(pythonName);
    }

    public void EndNode()
    {
        Byte((byte)'}');
        PopObject();
    }

    /// <summary>Starts a JSON object that is not an AST node (the per-file line, the error object).</summary>
    public void BeginObject()
    {
        BeforeValue();
        PushObject();
        Byte((byte)'{');
        _firstProperty = true;
    }

    public void EndObject() => EndNode();

    bool _firstProperty;

    public void Property(string name)
    {
        if (_firstProperty) _firstProperty = false;
        else Byte((byte)',');
        WriteStringRaw(name);
        Byte((byte)':');
    }

    public void BeginArray()
    {
        BeforeValue();
        Byte((byte)'[');
        _arrayFirst.Push(_inArray);
        _inArray = true;
        _first = true;
    }

    public void EndArray()
    {
        Byte((byte)']');
        _inArray = _arrayFirst.Pop();
        _first = false;
    }

    bool _first;

    void PushObject()
    {
        _arrayFirst.Push(_inArray);
        _inArray = false;
        _firstProperty = false;
    }

    void PopObject() => _inArray = _arrayFirst.Pop();

    void BeforeValue()
    {
        if (!_inArray) return;
        if (_first) _first = false;
        else Byte((byte)',');
    }

    // ---- values ----------------------------------------------------------------

    public void WriteNode(Node? node)
    {
        if (node == null) WriteNull();
        else node.WriteJson(this);
    }

    public void WriteNodeList<T>(IReadOnlyList<T?> nodes) where T : Node
    {
        BeginArray();
        for (int i = 0; i < nodes.Count; i++)
        {
            var n = nodes[i];
            if (n == null) WriteNull();
            else
            {
                n.WriteJson(this);
            }
        }
        EndArray();
    }

    public void WriteStringList(IReadOnlyList<string> values)
    {
        BeginArray();
        foreach (var v in values) WriteString(v);
        EndArray();
    }

    public void WriteSingleton(string pythonName)
    {
        BeforeValue();
        Raw("{\"_type\":"u8);
        WriteStringRaw(pythonName);
        Byte((byte)'}');
    }

    public void WritePositions(int lineno, int col, int endLineno, int endCol)
    {
        if (!IncludePositions) return;
        Raw(",\"lineno\":"u8); Number(lineno);
        Raw(",\"col_offset\":"u8); Number(col);
        Raw(",\"end_lineno\":"u8); Number(endLineno);
        Raw(",\"end_col_offset\":"u8); Number(endCol);
    }

    public void WriteNull()
    {
        BeforeValue();
        Raw("null"u8);
    }

    public void WriteBool(bool value)
    {
        BeforeValue();
        Raw(value ? "true"u8 : "false"u8);
    }

    public void WriteInt(int value)
    {
        BeforeValue();
        Number(value);
    }

    public void WriteInt(int? value)
    {
        if (value is int v) WriteInt(v);
        else WriteNull();
    }

    public void WriteInt(long value)
    {
        BeforeValue();
        Number(value);
    }

    public void WriteString(string? value)
    {
        if (value == null) { WriteNull(); return; }
        BeforeValue();
        WriteStringRaw(value);
    }

    /// <summary>A Constant or MatchSingleton value, with the tagged encodings of pyast_dump.py.</summary>
    public void WriteConstant(object? value)
    {
        switch (value)
        {
            case null: WriteNull(); break;
            case bool b: WriteBool(b); break;
            case string s: WriteString(s); break;
            case long l:
                if (l > -JsonIntLimit && l < JsonIntLimit) WriteInt(l);
                else Tagged("_int", l.ToString(CultureInfo.InvariantCulture));
                break;
            case int i: WriteInt(i); break;
            case BigInteger big:
                if (big > -JsonIntLimit && big < JsonIntLimit) WriteInt((long)big);
                else Tagged("_int", big.ToString(CultureInfo.InvariantCulture));
                break;
            case double d: Tagged("_float", PyFloatFormat.Repr(d)); break;
            case PyComplex c: Tagged("_complex", PyFloatFormat.ComplexRepr(c)); break;
            case byte[] bytes: Tagged("_bytes", Convert.ToHexStringLower(bytes)); break;
            case PyEllipsis:
                BeforeValue();
                Raw("{\"_ellipsis\":true}"u8);
                break;
            case PyCodePointString cps:
                BeforeValue();
                Raw("{\"_str_codepoints\":["u8);
                for (int k = 0; k < cps.CodePoints.Count; k++)
                {
                    if (k > 0) Byte((byte)',');
                    Number(cps.CodePoints[k]);
                }
                Raw("]}"u8);
                break;
            default:
                throw new ArgumentException($"not a constant value: {value.GetType()}");
        }
    }

    void Tagged(string tag, string text)
    {
        BeforeValue();
        Byte((byte)'{');
        WriteStringRaw(tag);
        Byte((byte)':');
        WriteStringRaw(text);
        Byte((byte)'}');
    }

    // ---- bytes -----------------------------------------------------------------

    void Number(long value)
    {
        var span = _out.GetSpan(24);
        value.TryFormat(span, out int n, default, CultureInfo.InvariantCulture);
        _out.Advance(n);
    }

    void Byte(byte b)
    {
        _out.GetSpan(1)[0] = b;
        _out.Advance(1);
    }

    void Raw(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(_out.GetSpan(bytes.Length));
        _out.Advance(bytes.Length);
    }

    void WriteStringRaw(string s)
    {
        // Worst case: every UTF-16 unit becomes \u00XX (6 bytes) or 3 UTF-8 bytes.
        var span = _out.GetSpan(s.Length * 6 + 2);
        int n = 0;
        span[n++] = (byte)'"';
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\')
            {
                span[n++] = (byte)c;
                continue;
            }
            switch (c)
            {
                case '"': span[n++] = (byte)'\\'; span[n++] = (byte)'"'; continue;
                case '\\': span[n++] = (byte)'\\'; span[n++] = (byte)'\\'; continue;
                case '\n': span[n++] = (byte)'\\'; span[n++] = (byte)'n'; continue;
                case '\r': span[n++] = (byte)'\\'; span[n++] = (byte)'r'; continue;
                case '\t': span[n++] = (byte)'\\'; span[n++] = (byte)'t'; continue;
                case '\b': span[n++] = (byte)'\\'; span[n++] = (byte)'b'; continue;
                case '\f': span[n++] = (byte)'\\'; span[n++] = (byte)'f'; continue;
            }
            if (c < 0x20 || (char.IsSurrogate(c) && !IsPairAt(s, i)))
            {
                // Control characters as json.dumps writes them; a lone surrogate as the
                // \uXXXX text that Python's "backslashreplace" leaves.
                span[n++] = (byte)'\\'; span[n++] = (byte)'u';
                span[n++] = HexDigits[(c >> 12) & 0xf]; span[n++] = HexDigits[(c >> 8) & 0xf];
                span[n++] = HexDigits[(c >> 4) & 0xf]; span[n++] = HexDigits[c & 0xf];
                continue;
            }
            if (char.IsHighSurrogate(c))
            {
                n += Encoding.UTF8.GetBytes(s.AsSpan(i, 2), span[n..]);
                i++;
                continue;
            }
            n += Encoding.UTF8.GetBytes(s.AsSpan(i, 1), span[n..]);
        }
        span[n++] = (byte)'"';
        _out.Advance(n);
    }

    static bool IsPairAt(string s, int i) =>
        char.IsHighSurrogate(s[i]) ? i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])
                                   : i > 0 && char.IsHighSurrogate(s[i - 1]);
}
