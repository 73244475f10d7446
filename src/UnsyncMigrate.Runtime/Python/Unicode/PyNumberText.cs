using System.Text;

namespace UnsyncMigrate.Runtime.Python;

/// <summary>
/// The text that int() and float() parse from a str, as CPython's
/// _PyUnicode_TransformDecimalAndSpaceToASCII makes it: non-ASCII whitespace becomes " ",
/// decimal digits of any script become ASCII digits ("١٢" is 12), and the text ends at the first
/// other non-ASCII code point with a "?" that no parser accepts. The parsers then strip only
/// <see cref="PyStr.AsciiWhitespace"/>, so "\x1c12" is not a number although "\x1c".isspace().
/// </summary>
internal static class PyNumberText
{
    public static string ToAscii(string s)
    {
        if (Ascii.IsValid(s)) return s;
        var db = UnicodeCType.Instance;
        var sb = new StringBuilder(s.Length);
        for (int i = 0, w; i < s.Length; i += w)
        {
            int cp = Utf16.At(s, i, out w);
            // 127 (DEL) goes through the lookups as in CPython; it is neither, so it ends the text.
            if (cp < 127) sb.Append((char)cp);
            else if (db.HasAny(cp, CharFlags.Space)) sb.Append(' ');
            else if (db.DecimalValue(cp) is >= 0 and var d) sb.Append((char)('0' + d));
            else return sb.Append('?').ToString();
        }
        return sb.ToString();
    }
}
