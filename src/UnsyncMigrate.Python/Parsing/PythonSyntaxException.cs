namespace UnsyncMigrate.Python.Parsing;

/// <summary>
/// Raised inside the tokenizer and parser to abandon a parse at the first error, as
/// CPython does; <see cref="PythonParser"/> turns it into a <see cref="SyntaxDiagnostic"/>.
/// Columns are CPython's 1-based offsets.
/// </summary>
internal sealed class PythonSyntaxException(string kind, string message, int? line, int? column, int? endLine = null, int? endColumn = null)
    : Exception(message)
{
    public SyntaxDiagnostic Diagnostic { get; } = new(kind, message, line, column, endLine, endColumn);

    /// <summary>For a parser error where a token was unexpected ("invalid syntax", "expected ')'"): its index, else -1.</summary>
    public int TokenIndex { get; set; } = -1;

    public static PythonSyntaxException Syntax(string message, int line, int col0, int endLine = -1, int endCol0 = -1) =>
        new("SyntaxError", message, line, col0 + 1, endLine < 0 ? line : endLine, endCol0 < 0 ? col0 + 2 : endCol0 + 1);

    public static PythonSyntaxException Indentation(string message, int line, int col0) =>
        new("IndentationError", message, line, col0 + 1, line, col0 + 2);
}
