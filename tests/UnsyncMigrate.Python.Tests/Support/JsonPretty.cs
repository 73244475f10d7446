using System.Text;

namespace UnsyncMigrate.Python.Tests.Support;

/// <summary>
/// Lays out compact JSON (as pyast_dump.py and AstJsonWriter write it) for golden files,
/// exactly as Cases/make_goldens.py does: no token is re-encoded, only whitespace outside
/// strings is added. A container whose compact text is at most <see cref="Width"/> UTF-8
/// bytes stays on one line; a larger one gets one element per line, indented by two spaces.
/// </summary>
public static class JsonPretty
{
    public const int Width = 120;

    public static string Format(string compact)
    {
        var sb = new StringBuilder(compact.Length * 2);
        int end = Emit(compact, 0, 0, sb);
        if (end != compact.Length) throw new FormatException($"trailing text at {end}");
        sb.Append('\n');
        return sb.ToString();
    }

    /// <summary>Removes the layout again (whitespace outside strings).</summary>
    public static string Compact(string pretty)
    {
        var sb = new StringBuilder(pretty.Length);
        bool inString = false;
        for (int i = 0; i < pretty.Length; i++)
        {
            char c = pretty[i];
            if (inString)
            {
                sb.Append(c);
                if (c == '\\') sb.Append(pretty[++i]);
                else if (c == '"') inString = false;
            }
            else if (c == '"') { inString = true; sb.Append(c); }
            else if (!char.IsWhiteSpace(c)) sb.Append(c);
        }
        return sb.ToString();
    }

    static int Emit(string s, int i, int indent, StringBuilder sb)
    {
        int end = ValueEnd(s, i);
        char c = s[i];
        if ((c != '{' && c != '[') || s[i + 1] == (c == '{' ? '}' : ']') ||
            Encoding.UTF8.GetByteCount(s.AsSpan(i, end - i)) <= Width)
        {
            sb.Append(s, i, end - i);
            return end;
        }
        char close = c == '{' ? '}' : ']';
        sb.Append(c).Append('\n');
        int j = i + 1;
        while (true)
        {
            sb.Append(' ', 2 * (indent + 1));
            if (c == '{')
            {
                int k = StringEnd(s, j);
                sb.Append(s, j, k - j).Append(':');
                j = k + 1;
            }
            j = Emit(s, j, indent + 1, sb);
            if (s[j] == ',')
            {
                sb.Append(",\n");
                j++;
                continue;
            }
            if (s[j] != close) throw new FormatException($"expected '{close}' at {j}");
            sb.Append('\n').Append(' ', 2 * indent).Append(close);
            return j + 1;
        }
    }

    static int StringEnd(string s, int i)
    {
        int j = i + 1;
        while (s[j] != '"') j += s[j] == '\\' ? 2 : 1;
        return j + 1;
    }

    /// <summary>The index just past the JSON value starting at <paramref name="i"/>.</summary>
    static int ValueEnd(string s, int i)
    {
        char c = s[i];
        if (c == '"') return StringEnd(s, i);
        if (c != '{' && c != '[')
        {
            int j = i;
            while (j < s.Length && s[j] != ',' && s[j] != ']' && s[j] != '}') j++;
            return j;
        }
        int depth = 0;
        for (int j = i; j < s.Length; j++)
        {
            char d = s[j];
            if (d == '"') { j = StringEnd(s, j) - 1; continue; }
            if (d == '{' || d == '[') depth++;
            else if (d == '}' || d == ']')
            {
                if (--depth == 0) return j + 1;
            }
        }
        throw new FormatException("unbalanced JSON");
    }
}
