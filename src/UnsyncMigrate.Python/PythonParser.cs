using UnsyncMigrate.Python.Ast;

namespace UnsyncMigrate.Python;

/// <summary>
/// Entry point of the front end: Python 3.13 source in, CPython-identical AST out.
/// Never throws on bad input: every failure is a <see cref="SyntaxDiagnostic"/>.
/// </summary>
public static class PythonParser
{
    /// <summary>Parses a file's raw bytes, decoding them as CPython does (BOM, PEP 263 cookie, UTF-8).</summary>
    public static ParseResult ParseFile(byte[] source)
    {
        // TODO(parser): wired up by the parser work in progress.
        _ = source;
        return ParseResult.Fail(new SyntaxDiagnostic("SyntaxError", "parser not yet implemented", null, null));
    }

    /// <summary>Parses already-decoded source text (like <c>ast.parse(str)</c>).</summary>
    public static ParseResult ParseText(string source)
    {
        _ = source;
        return ParseResult.Fail(new SyntaxDiagnostic("SyntaxError", "parser not yet implemented", null, null));
    }

    /// <summary>Convenience for tests and tools: the module, or an exception describing the error.</summary>
    public static ModModule ParseOrThrow(string source) =>
        ParseText(source) is { Module: { } m } ? m : throw new FormatException(ParseText(source).Error!.ToString());
}
