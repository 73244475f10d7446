namespace UnsyncMigrate.Python;

/// <summary>
/// One <c>#</c> comment of a source file, as the tokenizer saw it (so never a <c>#</c> inside a
/// string or f-string literal).
/// </summary>
/// <param name="Line">1-based line, as in the AST.</param>
/// <param name="Column">0-based UTF-8 byte column of the <c>#</c>, as the AST's <c>col_offset</c>.</param>
/// <param name="Text">The comment from its <c>#</c> to the end of the line (without the newline).</param>
/// <param name="OwnLine">True when only blanks precede it on its line; false when it trails code.</param>
public readonly record struct PythonComment(int Line, int Column, string Text, bool OwnLine);
