using System.Buffers.Binary;
using System.IO.Compression;
using System.Reflection;
using System.Text;

namespace UnsyncMigrate.Python.Text;

/// <summary>What kind of decoder a CPython codec module is (see gen_codecs.py).</summary>
internal enum CodecKind : byte
{
    NotText = 0,
    Utf8 = 1,
    Utf8Sig = 2,
    Ascii = 3,
    Latin1 = 4,
    Charmap = 5,
    Utf16 = 6,
    Utf32 = 7,
    Cjk = 8,
    Unsupported = 9,
    CjkTrie = 10,
}

/// <summary>One codec of CPython's registry: its module name (<c>encodings.X</c>), its kind, the
/// name CPython prints in a UnicodeDecodeError, and a kind-specific argument.</summary>
internal sealed class PythonCodec(string module, CodecKind kind, string errorName, int arg, ushort[]? table)
{
    public string Module { get; } = module;
    public CodecKind Kind { get; } = kind;
    /// <summary>The encoding name in CPython's UnicodeDecodeError ("charmap", "ascii", "shift_jis"...).</summary>
    public string ErrorName { get; } = errorName;
    /// <summary>Charmap: unused; UTF-16/32: 0 = BOM-detecting, 1 = LE, 2 = BE; CJK: .NET code page
    /// (0 = none); CJK trie: index of the trie in CjkCodecs.bin.</summary>
    public int Arg { get; } = arg;
    /// <summary>Charmap decoding table (0xFFFE = undefined), else null.</summary>
    public ushort[]? Table { get; } = table;
}

/// <summary>A stateless CJK codec as a byte trie probed from CPython (see gen_codecs.py):
/// <see cref="Rows"/> holds rows of 256 entries, row 0 the root; an entry is a code point,
/// 0xD800 + k - 1 for "illegal multibyte sequence" over k bytes, 0xDC00 + n for "go on in row n",
/// or <see cref="MakeUp"/> for euc_kr's 8-byte make-up sequence, decoded with
/// <see cref="Choseong"/>/<see cref="Jongseong"/> (indexes for bytes A1..BE, 0xFF = none).</summary>
internal sealed class CjkTrie(ushort[] rows, byte[]? choseong, byte[]? jongseong)
{
    public const int MakeUp = 0xDBFF;
    public ushort[] Rows { get; } = rows;
    public byte[]? Choseong { get; } = choseong;
    public byte[]? Jongseong { get; } = jongseong;
}

/// <summary>
/// CPython 3.13's codec registry, as far as source decoding needs it: resolves an encoding name
/// exactly like <c>codecs.lookup</c> (C-level lower-casing, <c>encodings.normalize_encoding</c>,
/// <c>encodings.aliases</c>, then the module name). Data: the embedded resource made by gen_codecs.py.
/// </summary>
internal static class PythonCodecs
{
    private sealed class Registry(Dictionary<string, string> aliases, Dictionary<string, PythonCodec> modules)
    {
        public readonly Dictionary<string, string> Aliases = aliases;
        public readonly Dictionary<string, PythonCodec> Modules = modules;
    }

    private static readonly Lazy<Registry> s_registry = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    public const string ResourceName = "UnsyncMigrate.Python.Text.PythonCodecs.bin";
    public const string CjkResourceName = "UnsyncMigrate.Python.Text.CjkCodecs.bin";

    private static readonly Lazy<CjkTrie[]> s_tries = new(LoadTries, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The decoding trie of a <see cref="CodecKind.CjkTrie"/> codec.</summary>
    public static CjkTrie GetTrie(int index) => s_tries.Value[index];

    private static CjkTrie[] LoadTries()
    {
        byte[] d = ReadResource(CjkResourceName);
        if (!d.AsSpan(0, 8).SequenceEqual("PYCJKTR1"u8))
            throw new InvalidDataException("bad CJK codec table");
        int p = 8;
        int n = BinaryPrimitives.ReadUInt16LittleEndian(d.AsSpan(p));
        p += 2;
        var tries = new CjkTrie[n];
        for (int t = 0; t < n; t++)
        {
            int rows = BinaryPrimitives.ReadUInt16LittleEndian(d.AsSpan(p));
            p += 2;
            var trie = new ushort[rows * 256];
            for (int i = 0; i < trie.Length; i++, p += 2)
                trie[i] = BinaryPrimitives.ReadUInt16LittleEndian(d.AsSpan(p));
            byte[]? cho = null, jong = null;
            if (d[p++] != 0)
            {
                cho = d.AsSpan(p, 30).ToArray();
                jong = d.AsSpan(p + 30, 30).ToArray();
                p += 60;
            }
            tries[t] = new CjkTrie(trie, cho, jong);
        }
        return tries;
    }

    private static byte[] ReadResource(string name)
    {
        using var stream = typeof(PythonCodecs).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException("missing resource " + name);
        using var z = new ZLibStream(stream, CompressionMode.Decompress);
        using var ms = new MemoryStream();
        z.CopyTo(ms);
        return ms.ToArray();
    }

    /// <summary>The codec <c>codecs.lookup(name)</c> finds, or null for "unknown encoding".</summary>
    public static PythonCodec? Lookup(string name)
    {
        var reg = s_registry.Value;
        string norm = Normalize(name);
        string? aliased = reg.Aliases.GetValueOrDefault(norm);
        if (aliased is null && norm.Contains('.'))
            aliased = reg.Aliases.GetValueOrDefault(norm.Replace('.', '_'));
        if (aliased is not null && TryModule(reg, aliased, out var c1))
            return c1;
        return TryModule(reg, norm, out var c2) ? c2 : null;

        static bool TryModule(Registry reg, string mod, out PythonCodec? codec)
        {
            codec = null;
            return mod.Length != 0 && !mod.Contains('.') && reg.Modules.TryGetValue(mod, out codec);
        }
    }

    /// <summary>Lower-cases (ASCII) and collapses every run of characters other than ASCII letters,
    /// digits and '.' into one '_' (none at the ends), as CPython's C normaliser followed by
    /// <c>encodings.normalize_encoding</c> do.</summary>
    internal static string Normalize(string name)
    {
        var sb = new StringBuilder(name.Length);
        bool punct = false;
        foreach (char c in name)
        {
            if (char.IsAsciiLetterOrDigit(c) || c == '.')
            {
                if (punct && sb.Length > 0)
                    sb.Append('_');
                sb.Append(char.ToLowerInvariant(c));
                punct = false;
            }
            else
            {
                punct = true;
            }
        }
        return sb.ToString();
    }

    private static Registry Load()
    {
        ReadOnlySpan<byte> d = ReadResource(ResourceName);
        int p;
        if (!d[..8].SequenceEqual("PYCODEC1"u8))
            throw new InvalidDataException("bad codec table");
        p = 8;
        int nAliases = U16(d, ref p);
        var aliases = new Dictionary<string, string>(nAliases, StringComparer.Ordinal);
        for (int i = 0; i < nAliases; i++)
        {
            string a = Str(d, ref p);
            aliases[a] = Str(d, ref p);
        }
        int nModules = U16(d, ref p);
        var raw = new (string Module, CodecKind Kind, string Err, int Arg)[nModules];
        for (int i = 0; i < nModules; i++)
        {
            string m = Str(d, ref p);
            var kind = (CodecKind)d[p++];
            string err = Str(d, ref p);
            int arg = BinaryPrimitives.ReadInt32LittleEndian(d[p..]);
            p += 4;
            raw[i] = (m, kind, err, arg);
        }
        int nTables = U16(d, ref p);
        var tables = new ushort[nTables][];
        for (int t = 0; t < nTables; t++)
        {
            var table = new ushort[256];
            for (int b = 0; b < 256; b++, p += 2)
                table[b] = BinaryPrimitives.ReadUInt16LittleEndian(d[p..]);
            tables[t] = table;
        }
        var modules = new Dictionary<string, PythonCodec>(nModules, StringComparer.Ordinal);
        foreach (var (m, kind, err, arg) in raw)
            modules[m] = new PythonCodec(m, kind, err, arg, kind == CodecKind.Charmap ? tables[arg] : null);
        return new Registry(aliases, modules);

        static int U16(ReadOnlySpan<byte> d, ref int p)
        {
            int v = BinaryPrimitives.ReadUInt16LittleEndian(d[p..]);
            p += 2;
            return v;
        }

        static string Str(ReadOnlySpan<byte> d, ref int p)
        {
            int n = d[p++];
            string s = Encoding.ASCII.GetString(d.Slice(p, n));
            p += n;
            return s;
        }
    }
}
