using System.Globalization;
using System.Text;
using UnsyncMigrate.Cli.IO;

namespace UnsyncMigrate.Cli.Ast;

/// <summary>Texts that must read as CPython's: <c>repr(str)</c> and <c>str(OSError)</c>.</summary>
public static class PythonText
{
    /// <summary>Python's <c>repr()</c> of a str: quotes, escapes and non-printable characters as CPython writes them.</summary>
    public static string Repr(string s)
    {
        char quote = s.Contains('\'') && !s.Contains('"') ? '"' : '\'';
        var sb = new StringBuilder(s.Length + 2).Append(quote);
        for (int i = 0; i < s.Length; i++)
        {
            int cp = s[i];
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                cp = char.ConvertToUtf32(s[i], s[i + 1]);
                i++;
            }
            switch (cp)
            {
                case '\\': sb.Append("\\\\"); continue;
                case '\t': sb.Append("\\t"); continue;
                case '\n': sb.Append("\\n"); continue;
                case '\r': sb.Append("\\r"); continue;
            }
            if (cp == quote) sb.Append('\\').Append(quote);
            else if (cp >= 0x20 && cp < 0x7f) sb.Append((char)cp);
            else if (cp < 0x80 || !IsPrintable(cp))
            {
                sb.Append(cp <= 0xff ? $"\\x{cp:x2}" : cp <= 0xffff ? $"\\u{cp:x4}" : $"\\U{cp:x8}");
            }
            else sb.Append(char.ConvertFromUtf32(cp));
        }
        return sb.Append(quote).ToString();
    }

    // str.isprintable(): not Cc, Cf, Cs, Co, Cn, Zl, Zp, nor Zs other than the space.
    static bool IsPrintable(int cp)
    {
        if (cp is >= 0xD800 and <= 0xDFFF) return false;
        return CharUnicodeInfo.GetUnicodeCategory(cp) switch
        {
            UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or
            UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned or
            UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => false,
            UnicodeCategory.SpaceSeparator => cp == ' ',
            _ => true,
        };
    }

    /// <summary>
    /// <c>str(e)</c> for the OSError that Python's <c>open(path, "rb")</c> / read raises, e.g.
    /// <c>[Errno 2] No such file or directory: 'x.py'</c>, given the .NET exception of the same failure.
    /// </summary>
    public static string OSErrorMessage(string path, Exception e)
    {
        int? errno = Posix.OpenErrno(path) ?? e switch
        {
            FileNotFoundException or DirectoryNotFoundException => 2,
            UnauthorizedAccessException => Directory.Exists(path) ? 21 : 13,
            PathTooLongException => 36,
            IOException io when io.HResult is > 0 and < 4096 => io.HResult,   // .NET keeps the raw errno here
            _ => null,
        };
        return errno is int n ? $"[Errno {n}] {Posix.StrError(n)}: {Repr(path)}" : e.Message;
    }
}
