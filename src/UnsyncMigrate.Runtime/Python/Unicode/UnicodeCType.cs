using System.Buffers.Binary;
using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text;

namespace UnsyncMigrate.Runtime.Python;

/// <summary>
/// CPython 3.13's character database as its str methods use it (Unicode 15.1, independent of the
/// Unicode version .NET has): per code point the <see cref="CharFlags"/>, the decimal digit value, and the
/// full upper, lower, title and casefold mappings (_PyUnicode_ToUpperFull and friends: "ß" upper
/// is "SS", "ŉ" upper is "ʼN"). A lone surrogate is a code point like any other.
/// </summary>
/// <remarks>
/// Data: the embedded resource written by gen_unicode_ctype.py (7 KB compressed), read on first use
/// (thread-safe) into a two-level index as CPython's own tables have: code point >> 7 selects a
/// block, the block and the low 7 bits a record (316 distinct records; mappings are deltas, so
/// "a" and "b" share one). About 100 KB in memory; a lookup is three array reads.
/// </remarks>
internal sealed class UnicodeCType
{
    public const string ResourceName = "UnsyncMigrate.Runtime.Python.Unicode.UnicodeCType.bin";

    private const int Shift = 7, LowMask = (1 << Shift) - 1;

    /// <summary>
    /// One distinct set of answers. A mapping is even, 2*d, for the single code point cp + d, or
    /// odd, (start &lt;&lt; 3) | (count &lt;&lt; 1) | 1, for <c>count</c> code points at <c>start</c> in the
    /// special array (ß → S S).
    /// </summary>
    private readonly record struct Record(CharFlags Flags, int Decimal, int Upper, int Lower, int Title, int Fold);

    private static readonly Lazy<UnicodeCType> s_instance = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Record[] _records;
    private readonly int[] _special;
    private readonly ushort[] _blocks;   // code point >> Shift → block number
    private readonly ushort[] _entries;  // block number << Shift | low bits → record number

    private UnicodeCType(string unicodeVersion, Record[] records, int[] special, ushort[] blocks, ushort[] entries)
    {
        UnicodeVersion = unicodeVersion;
        _records = records;
        _special = special;
        _blocks = blocks;
        _entries = entries;
    }

    /// <summary>The table, loaded on first use.</summary>
    public static UnicodeCType Instance => s_instance.Value;

    /// <summary>The Unicode version of the table ("15.1.0").</summary>
    public string UnicodeVersion { get; }

    private ref readonly Record Find(int cp) => ref _records[_entries[(_blocks[cp >> Shift] << Shift) | (cp & LowMask)]];

    public CharFlags Flags(int cp) => Find(cp).Flags;

    /// <summary>Whether <paramref name="cp"/> has any of <paramref name="flags"/>.</summary>
    public bool HasAny(int cp, CharFlags flags) => (Find(cp).Flags & flags) != 0;

    /// <summary>The decimal digit value (Py_UNICODE_TODECIMAL), or -1.</summary>
    public int DecimalValue(int cp) => Find(cp).Decimal;

    public void AppendUpper(StringBuilder sb, int cp) => Append(sb, cp, Find(cp).Upper);

    public void AppendLower(StringBuilder sb, int cp) => Append(sb, cp, Find(cp).Lower);

    public void AppendTitle(StringBuilder sb, int cp) => Append(sb, cp, Find(cp).Title);

    public void AppendFolded(StringBuilder sb, int cp) => Append(sb, cp, Find(cp).Fold);

    private void Append(StringBuilder sb, int cp, int mapping)
    {
        if ((mapping & 1) == 0)
        {
            Utf16.Append(sb, cp + (mapping >> 1));
            return;
        }
        int start = mapping >> 3, end = start + ((mapping >> 1) & 3);
        for (int i = start; i < end; i++) Utf16.Append(sb, _special[i]);
    }

    private static UnicodeCType Load()
    {
        using var resource = typeof(UnicodeCType).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"resource {ResourceName} is missing");
        using var inflated = new MemoryStream(128 * 1024);
        using (var zlib = new ZLibStream(resource, CompressionMode.Decompress)) zlib.CopyTo(inflated);
        var r = new Reader(inflated.GetBuffer().AsSpan(0, (int)inflated.Length));
        if (!r.Bytes(8).SequenceEqual("PYCTYPE1"u8)) throw new InvalidDataException($"{ResourceName}: not a character table");
        string version = Encoding.ASCII.GetString(r.Bytes(r.Byte()));
        if (r.Byte() != Shift) throw new InvalidDataException($"{ResourceName}: block size differs from the code's");
        var records = new Record[r.UInt16()];
        for (int i = 0; i < records.Length; i++)
        {
            var flags = (CharFlags)r.UInt16();
            byte dec = r.Byte();
            records[i] = new Record(flags, dec == 0xFF ? -1 : dec, r.Int32(), r.Int32(), r.Int32(), r.Int32());
        }
        var special = new int[r.UInt16()];
        for (int i = 0; i < special.Length; i++) special[i] = r.Int32();
        var blocks = r.UInt16s((int)r.UInt32());
        var entries = r.UInt16s((int)r.UInt32());
        if (!r.AtEnd || blocks.Length != 0x110000 >> Shift || entries.Length % (1 << Shift) != 0)
            throw new InvalidDataException($"{ResourceName}: index sizes are wrong");
        return new UnicodeCType(version, records, special, blocks, entries);
    }

    /// <summary>Little-endian fields of the decompressed table, in order.</summary>
    private ref struct Reader(ReadOnlySpan<byte> data)
    {
        private ReadOnlySpan<byte> _rest = data;

        public readonly bool AtEnd => _rest.IsEmpty;

        public ReadOnlySpan<byte> Bytes(int n)
        {
            var b = _rest[..n];
            _rest = _rest[n..];
            return b;
        }

        public byte Byte() => Bytes(1)[0];

        public ushort UInt16() => BinaryPrimitives.ReadUInt16LittleEndian(Bytes(2));

        public int Int32() => BinaryPrimitives.ReadInt32LittleEndian(Bytes(4));

        public uint UInt32() => BinaryPrimitives.ReadUInt32LittleEndian(Bytes(4));

        /// <summary>The index arrays in one copy each (byte-swapped on a big-endian machine).</summary>
        public ushort[] UInt16s(int n)
        {
            var a = MemoryMarshal.Cast<byte, ushort>(Bytes(2 * n)).ToArray();
            if (!BitConverter.IsLittleEndian) BinaryPrimitives.ReverseEndianness(a, a);
            return a;
        }
    }
}
