using System.Buffers.Binary;
using System.IO.Compression;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace UnsyncMigrate.Python.Text;

/// <summary>
/// The Unicode character names that Python 3.13's <c>"\N{...}"</c> escape accepts (Unicode 15.1),
/// i.e. the ucnhash <c>getcode(name, with_named_seq=0)</c> that CPython's escape decoder calls.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Character names and formal aliases (NameAliases.txt: "LINE FEED", "BEL", "BOM", "VS16"...)
/// match ASCII-case-insensitively and exactly otherwise (no extra/missing spaces, no '_').</item>
/// <item>Named sequences ("KEYCAP DIGIT ONE", "LATIN CAPITAL LETTER A WITH MACRON AND GRAVE") are
/// rejected, as in <c>\N{}</c> (unicodedata.lookup would accept them).</item>
/// <item><c>CJK UNIFIED IDEOGRAPH-XXXX</c>: the prefix is case-sensitive, then exactly 4 or 5
/// UPPER-case hex digits (leading zero allowed: "-04E00") naming a unified ideograph.</item>
/// <item><c>HANGUL SYLLABLE XXX</c>: case-sensitive, the jamo short names matched greedily
/// (longest first) in the order L, V, T, exactly as CPython's find_syllable.</item>
/// <item>Other algorithmic-looking names are plain table entries: "CJK COMPATIBILITY
/// IDEOGRAPH-F900", "NUSHU CHARACTER-1B170", "KHITAN SMALL SCRIPT CHARACTER-18B00" match in any
/// case; "TANGUT IDEOGRAPH-17000" and "EGYPTIAN HIEROGLYPH-XXXX" style names of unnamed ranges
/// are not known to CPython 3.13 and are rejected.</item>
/// </list>
/// Data: the embedded resource made by gen_unicode_names.py, decompressed on first use
/// (thread-safe) into one byte array of names plus an open-addressing hash index.
/// </remarks>
public static class UnicodeNames
{
    public const string ResourceName = "UnsyncMigrate.Python.Text.UnicodeNames.bin";

    private const int SBase = 0xAC00, VCount = 21, TCount = 28;

    // CPython's hangul_syllables table (Modules/unicodedata.c): the jamo short names.
    private static readonly string[] s_jamoL =
        ["G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K", "T", "P", "H"];
    private static readonly string[] s_jamoV =
        ["A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WEO", "WE", "WI", "YU", "EU", "YI", "I"];
    private static readonly string[] s_jamoT =
        ["", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT", "LP", "LH", "M", "B", "BS", "S", "SS", "NG", "J", "C", "K", "T", "P", "H"];

    private sealed class Table
    {
        public required string UnicodeVersion;
        public required (int First, int Last)[] Ideographs;
        public required byte[] Names;      // all names, upper-case ASCII, back to back
        public required int[] Starts;      // Starts[i]..Starts[i+1] is name i
        public required int[] CodePoints;
        public required int[] Slots;       // open addressing: entry index + 1, 0 = empty
        public required int MaxLength;
    }

    private static readonly Lazy<Table> s_table = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The Unicode version of the table ("15.1.0"); loads it.</summary>
    public static string UnicodeVersion => s_table.Value.UnicodeVersion;

    /// <summary>Number of names and aliases in the table (algorithmic names not included); loads it.</summary>
    public static int Count => s_table.Value.CodePoints.Length;

    /// What Python's "\N{name}" accepts: unicodedata.lookup semantics as used by the
    /// string-escape decoder (case-insensitive names, aliases from NameAliases.txt, named
    /// sequences are NOT allowed in \N{}, algorithmic names: CJK UNIFIED IDEOGRAPH-XXXX,
    /// HANGUL SYLLABLE XXX, and others Python accepts). Returns false when unknown.
    public static bool TryLookup(string name, out int codePoint)
    {
        ArgumentNullException.ThrowIfNull(name);
        codePoint = 0;
        if (name.Length == 0 || name.Length > 256)
            return false;
        Span<byte> bytes = stackalloc byte[name.Length];
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (c > 0x7F)
                return false;
            bytes[i] = (byte)c;
        }
        return TryLookup(bytes, out codePoint);
    }

    /// <summary>Same as <see cref="TryLookup(string, out int)"/> on the name's UTF-8 bytes
    /// (as they sit between the braces in the source).</summary>
    public static bool TryLookup(ReadOnlySpan<byte> name, out int codePoint)
    {
        codePoint = 0;
        if (name.IsEmpty || name.Length > 256)
            return false;
        if (name.StartsWith("HANGUL SYLLABLE "u8))
            return TryHangul(name[16..], out codePoint);
        if (name.StartsWith("CJK UNIFIED IDEOGRAPH-"u8))
            return TryUnifiedIdeograph(name[22..], out codePoint);

        var t = s_table.Value;
        if (name.Length > t.MaxLength)
            return false;
        Span<byte> upper = stackalloc byte[name.Length];
        for (int i = 0; i < name.Length; i++)
        {
            byte b = name[i];
            if (b > 0x7F)
                return false;
            upper[i] = b is >= (byte)'a' and <= (byte)'z' ? (byte)(b - 32) : b;
        }
        int mask = t.Slots.Length - 1;
        uint h = Hash(upper);
        for (int slot = (int)(h & (uint)mask); ; slot = (slot + 1) & mask)
        {
            int e = t.Slots[slot];
            if (e == 0)
                return false;
            e--;
            if (upper.SequenceEqual(t.Names.AsSpan(t.Starts[e], t.Starts[e + 1] - t.Starts[e])))
            {
                codePoint = t.CodePoints[e];
                return true;
            }
        }
    }

    private static bool TryUnifiedIdeograph(ReadOnlySpan<byte> hex, out int codePoint)
    {
        codePoint = 0;
        if (hex.Length is not (4 or 5))
            return false;
        int v = 0;
        foreach (byte b in hex)
        {
            int d = b is >= (byte)'0' and <= (byte)'9' ? b - '0' : b is >= (byte)'A' and <= (byte)'F' ? b - 'A' + 10 : -1;
            if (d < 0)
                return false;
            v = v * 16 + d;
        }
        foreach (var (first, last) in s_table.Value.Ideographs)
        {
            if (v >= first && v <= last)
            {
                codePoint = v;
                return true;
            }
        }
        return false;
    }

    private static bool TryHangul(ReadOnlySpan<byte> s, out int codePoint)
    {
        codePoint = 0;
        int l = FindSyllable(ref s, s_jamoL), v = FindSyllable(ref s, s_jamoV), t = FindSyllable(ref s, s_jamoT);
        if (l < 0 || v < 0 || t < 0 || !s.IsEmpty)
            return false;
        codePoint = SBase + (l * VCount + v) * TCount + t;
        return true;
    }

    /// <summary>CPython's find_syllable: the longest (first on ties) jamo that <paramref name="s"/>
    /// starts with, case-sensitively; consumes it. -1 when none (not even "") matches.</summary>
    private static int FindSyllable(ref ReadOnlySpan<byte> s, string[] jamo)
    {
        int best = -1, bestLen = -1;
        for (int i = 0; i < jamo.Length; i++)
        {
            string j = jamo[i];
            if (j.Length <= bestLen || j.Length > s.Length)
                continue;
            bool match = true;
            for (int k = 0; k < j.Length && match; k++)
                match = s[k] == j[k];
            if (match)
            {
                best = i;
                bestLen = j.Length;
            }
        }
        if (best >= 0)
            s = s[bestLen..];
        return best;
    }

    private static uint Hash(ReadOnlySpan<byte> s)
    {
        uint h = 2166136261;
        foreach (byte b in s)
            h = (h ^ b) * 16777619;
        return h ^ (h >> 15);
    }

    // Runs once, loops over ~35k entries: compile it optimised straight away.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Table Load()
    {
        byte[] d;
        using (var stream = typeof(UnicodeNames).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("missing resource " + ResourceName))
        using (var z = new ZLibStream(stream, CompressionMode.Decompress))
        using (var ms = new MemoryStream(400_000))
        {
            z.CopyTo(ms);
            d = ms.ToArray();
        }
        if (!d.AsSpan(0, 8).SequenceEqual("PYUNAME1"u8))
            throw new InvalidDataException("bad Unicode name table");
        int p = 8;
        int vlen = d[p++];
        string version = System.Text.Encoding.ASCII.GetString(d, p, vlen);
        p += vlen;
        int nRanges = BinaryPrimitives.ReadUInt16LittleEndian(d.AsSpan(p));
        p += 2;
        var ranges = new (int, int)[nRanges];
        for (int i = 0; i < nRanges; i++, p += 8)
            ranges[i] = (BinaryPrimitives.ReadInt32LittleEndian(d.AsSpan(p)), BinaryPrimitives.ReadInt32LittleEndian(d.AsSpan(p + 4)));
        int n = BinaryPrimitives.ReadInt32LittleEndian(d.AsSpan(p));
        p += 4;

        // Names are stored front-coded; the total length is not stored, so grow as needed.
        var names = new byte[1 << 20];
        var starts = new int[n + 1];
        var cps = new int[n];
        int o = 0, cp = 0, prevStart = 0, maxLen = 0;
        for (int i = 0; i < n; i++)
        {
            int delta = 0, shift = 0;
            byte b;
            do
            {
                b = d[p++];
                delta |= (b & 0x7F) << shift;
                shift += 7;
            } while ((b & 0x80) != 0);
            cp += delta;
            int shared = d[p++], suffix = d[p++];
            int len = shared + suffix;
            if (o + len > names.Length)
                Array.Resize(ref names, names.Length * 2);
            names.AsSpan(prevStart, shared).CopyTo(names.AsSpan(o));
            d.AsSpan(p, suffix).CopyTo(names.AsSpan(o + shared));
            p += suffix;
            starts[i] = o;
            cps[i] = cp;
            prevStart = o;
            o += len;
            maxLen = Math.Max(maxLen, len);
        }
        starts[n] = o;
        if (o < names.Length)
            Array.Resize(ref names, o);

        int size = (int)BitOperations.RoundUpToPowerOf2((uint)(n + n / 2 + 1));
        var slots = new int[size];
        for (int i = 0; i < n; i++)
        {
            int slot = (int)(Hash(names.AsSpan(starts[i], starts[i + 1] - starts[i])) & (uint)(size - 1));
            while (slots[slot] != 0)
                slot = (slot + 1) & (size - 1);
            slots[slot] = i + 1;
        }
        return new Table
        {
            UnicodeVersion = version, Ideographs = ranges, Names = names, Starts = starts,
            CodePoints = cps, Slots = slots, MaxLength = maxLen,
        };
    }
}
