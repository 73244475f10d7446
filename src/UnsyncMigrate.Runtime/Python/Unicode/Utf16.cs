using System.Text;

namespace UnsyncMigrate.Runtime.Python;

/// <summary>
/// Code points of a .NET string as a Python str sees them: a surrogate pair is one code point,
/// and a lone surrogate is a code point of its own (Python strs can hold them).
/// </summary>
internal static class Utf16
{
    /// <summary>The code point that starts at <c>s[i]</c>; <paramref name="width"/> is its length in chars.</summary>
    public static int At(string s, int i, out int width)
    {
        char c = s[i];
        if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
        {
            width = 2;
            return char.ConvertToUtf32(c, s[i + 1]);
        }
        width = 1;
        return c;
    }

    /// <summary>The code point that ends just before <c>s[end]</c>; <paramref name="width"/> is its length in chars.</summary>
    public static int Before(string s, int end, out int width)
    {
        char c = s[end - 1];
        if (char.IsLowSurrogate(c) && end >= 2 && char.IsHighSurrogate(s[end - 2]))
        {
            width = 2;
            return char.ConvertToUtf32(s[end - 2], c);
        }
        width = 1;
        return c;
    }

    public static void Append(StringBuilder sb, int cp)
    {
        if (cp < 0x10000)
        {
            sb.Append((char)cp);
            return;
        }
        cp -= 0x10000;
        sb.Append((char)(0xD800 + (cp >> 10))).Append((char)(0xDC00 + (cp & 0x3FF)));
    }
}
