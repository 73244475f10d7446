using System.Security;
using Microsoft.CodeAnalysis;
using UnsyncMigrate.Python.Ast;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace UnsyncMigrate.Translation;

/// <summary>Python docstrings as C# XML documentation comments (<c>/// &lt;summary&gt;</c>).</summary>
internal static class DocComments
{
    /// <summary>The docstring of a module, class or function body: its first statement, if a string literal.</summary>
    public static string? Docstring(IReadOnlyList<Stmt> body) =>
        body.Count > 0 && body[0] is StmtExpr { Value: ExprConstant { Value: string doc } } ? doc : null;

    /// <summary>The body's docstring as a summary, or no trivia when it has none.</summary>
    public static SyntaxTriviaList For(IReadOnlyList<Stmt> body)
    {
        var doc = Docstring(body);
        if (doc == null) return default;
        var lines = CleanDoc(doc).Select(l => SecurityElement.Escape(Safe(l))).ToList();
        if (lines.Count == 0) return default;
        var text = lines.Count == 1
            ? [$"/// <summary>{lines[0]}</summary>"]
            : lines.Select(l => l.Length == 0 ? "///" : $"/// {l}").Prepend("/// <summary>").Append("/// </summary>");
        // Plain comment trivia that reads as a doc comment once compiled: the formatter indents
        // it like any comment (a parsed multi-line doc comment would be indented twice).
        return TriviaList(text.SelectMany(t => new[] { Comment(t), ElasticCarriageReturnLineFeed }));
    }

    /// <summary>
    /// Python's <c>inspect.cleandoc</c>: tabs expanded, the first line's leading blanks and the
    /// common indentation of the other lines removed, blank lines at either end dropped.
    /// </summary>
    public static List<string> CleanDoc(string doc)
    {
        var lines = doc.Split('\n').Select(l => ExpandTabs(l).TrimEnd('\r')).ToList();
        int margin = int.MaxValue;
        foreach (var l in lines.Skip(1))
        {
            int content = l.Length - l.TrimStart(' ').Length;
            if (content < l.Length) margin = Math.Min(margin, content);
        }
        lines[0] = lines[0].TrimStart(' ');
        if (margin != int.MaxValue)
            for (int i = 1; i < lines.Count; i++) lines[i] = lines[i].Length >= margin ? lines[i][margin..] : lines[i].TrimStart(' ');
        while (lines.Count > 0 && lines[0].Trim().Length == 0) lines.RemoveAt(0);
        while (lines.Count > 0 && lines[^1].Trim().Length == 0) lines.RemoveAt(lines.Count - 1);
        return lines.Select(l => l.TrimEnd()).ToList();
    }

    /// <summary>
    /// The docstring as CPython 3.13 stores it in <c>__doc__</c> (its compiler's
    /// <c>_PyCompile_CleanDoc</c>): tabs expanded, the first line's leading spaces and the
    /// common indentation of the other lines removed, but blank lines kept.
    /// </summary>
    public static string RuntimeDoc(string doc)
    {
        var lines = ExpandTabs(doc).Split('\n');
        int margin = int.MaxValue;
        foreach (var l in lines.Skip(1))
        {
            int spaces = l.Length - l.TrimStart(' ').Length;
            if (spaces < l.Length) margin = Math.Min(margin, spaces);
        }
        if (margin == int.MaxValue) margin = 0;
        lines[0] = lines[0].TrimStart(' ');
        for (int i = 1; i < lines.Length; i++)
        {
            int spaces = lines[i].Length - lines[i].TrimStart(' ').Length;
            lines[i] = lines[i][Math.Min(margin, spaces)..];
        }
        return string.Join('\n', lines);
    }

    static string ExpandTabs(string line)
    {
        if (!line.Contains('\t')) return line;
        var sb = new System.Text.StringBuilder();
        int column = 0;
        foreach (char ch in line)
        {
            if (ch == '\t')
            {
                sb.Append(' ', 8 - column % 8);
                column += 8 - column % 8;
                continue;
            }
            sb.Append(ch);
            column = ch is '\n' or '\r' ? 0 : column + 1;
        }
        return sb.ToString();
    }

    // Characters that end a C# comment line, and those XML 1.0 cannot hold, become blanks.
    static string Safe(string line) =>
        new(line.Select(ch => ch is '\r' or '\u0085' or '\u2028' or '\u2029' || (char.IsControl(ch) && ch != '\t') ? ' ' : ch).ToArray());
}
