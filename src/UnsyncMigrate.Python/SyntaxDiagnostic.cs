namespace UnsyncMigrate.Python;

/// <summary>
/// Why a file could not be parsed, in CPython's terms: <see cref="Kind"/> is the exception
/// class name (<c>SyntaxError</c>, <c>IndentationError</c>, <c>TabError</c>,
/// <c>DecodeError</c>, <c>RecursionError</c>...). Lines are 1-based; <see cref="Column"/>
/// and <see cref="EndColumn"/> are CPython's 1-based offsets (UTF-8 bytes + 1) for syntax
/// errors, the 0-based byte column of the first bad byte for decode errors; any of them
/// may be unknown.
/// </summary>
public sealed record SyntaxDiagnostic(string Kind, string Message, int? Line, int? Column, int? EndLine = null, int? EndColumn = null)
{
    /// <summary>MSBuild-style canonical form: <c>path(line,col): error Kind: message</c>.</summary>
    public string Format(string path) =>
        Line is int l ? $"{path}({l},{Column ?? 1}): error {Kind}: {Message}" : $"{path}: error {Kind}: {Message}";

    public override string ToString() => Format("<unknown>");
}
