using System.Text;

namespace UnsyncMigrate.Python.Parsing;

/// <summary>
/// Interns identifiers straight from UTF-8 bytes, so a name seen before costs a hash and a
/// compare instead of a string allocation. One table per thread, reused across files
/// (names repeat heavily across a code base); it is cleared when it grows large.
/// Non-ASCII names are NFKC-normalised, as CPython does.
/// </summary>
internal sealed class NameTable
{
    const int MaxEntries = 1 << 17;

    [ThreadStatic] static NameTable? t_current;

    string?[] _slots = new string?[1 << 12];
    int _used;

    public static NameTable ForCurrentThread() => t_current ??= new NameTable();

    public string Get(byte[] src, int start, int length)
    {
        var span = src.AsSpan(start, length);
        uint h = 2166136261;
        bool ascii = true;
        foreach (byte b in span)
        {
            h = (h ^ b) * 16777619;
            ascii &= b < 0x80;
        }
        if (!ascii) return Encoding.UTF8.GetString(span).Normalize(NormalizationForm.FormKC);

        int mask = _slots.Length - 1;
        int i = (int)(h & (uint)mask);
        while (true)
        {
            var s = _slots[i];
            if (s == null) break;
            if (Equal(s, span)) return s;
            i = (i + 1) & mask;
        }
        string created = Encoding.ASCII.GetString(span);
        if (_used >= MaxEntries) { Array.Clear(_slots); _used = 0; }
        if ((_used + 1) * 2 > _slots.Length) Grow();
        Insert(created, h);
        return created;
    }

    static bool Equal(string s, ReadOnlySpan<byte> span)
    {
        if (s.Length != span.Length) return false;
        for (int k = 0; k < span.Length; k++)
            if (s[k] != span[k]) return false;
        return true;
    }

    void Insert(string s, uint h)
    {
        int mask = _slots.Length - 1;
        int i = (int)(h & (uint)mask);
        while (_slots[i] != null) i = (i + 1) & mask;
        _slots[i] = s;
        _used++;
    }

    void Grow()
    {
        var old = _slots;
        _slots = new string?[old.Length * 2];
        _used = 0;
        foreach (var s in old)
        {
            if (s == null) continue;
            uint h = 2166136261;
            foreach (char c in s) h = (h ^ (byte)c) * 16777619;
            Insert(s, h);
        }
    }
}
