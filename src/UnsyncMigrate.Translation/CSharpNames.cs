using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace UnsyncMigrate.Translation;

/// <summary>Python names made into valid, stable C# identifiers.</summary>
public static class CSharpNames
{
    /// <summary>A Python identifier as a C# identifier (<c>class</c> → <c>@class</c>).</summary>
    public static string Identifier(string pythonName)
    {
        var kind = SyntaxFacts.GetKeywordKind(pythonName);
        if (kind != SyntaxKind.None)
            return "@" + pythonName;
        return pythonName;
    }

    /// <summary>The C# class holding a module: <c>geometry.shapes</c> → <c>Geometry_ShapesModule</c>.</summary>
    /// <param name="suffix">Set by <see cref="ModuleNaming"/> when the natural name is taken (<c>_2</c>).</param>
    public static string ModuleClass(string moduleName, string suffix = "")
    {
        var sb = new StringBuilder();
        foreach (var part in moduleName.Split('.'))
        {
            if (sb.Length > 0) sb.Append('_');
            sb.Append(Pascal(part));
        }
        sb.Append(suffix).Append("Module");
        return Sanitize(sb.ToString());
    }

    /// <summary>A file name for a module's C# source: <c>geometry.shapes</c> → <c>Geometry.Shapes.cs</c>.</summary>
    /// <param name="suffix">Set by <see cref="ModuleNaming"/> when the natural name is taken (<c>_2</c>).</param>
    public static string ModuleFile(string moduleName, string suffix = "") =>
        string.Join(".", moduleName.Split('.').Select(p => Sanitize(Pascal(p)))) + suffix + ".cs";

    static string Pascal(string s)
    {
        var sb = new StringBuilder();
        bool upper = true;
        foreach (char c in s)
        {
            if (c == '_') { upper = true; continue; }
            sb.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }
        return sb.Length == 0 ? "_" : sb.ToString();
    }

    /// <summary>Keeps letters, digits and '_' (anything else becomes '_'); never starts with a digit.</summary>
    public static string Sanitize(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (char c in s) sb.Append(char.IsLetterOrDigit(c) || c == '_' ? c : '_');
        if (sb.Length == 0 || char.IsDigit(sb[0])) sb.Insert(0, '_');
        return sb.ToString();
    }
}
