using UnsyncMigrate.Python.Ast;

namespace UnsyncMigrate.Python;

/// <summary>The outcome of parsing one source: a module, or the first error (as CPython reports one).</summary>
public sealed class ParseResult
{
    private ParseResult(ModModule? module, SyntaxDiagnostic? error)
    {
        Module = module;
        Error = error;
    }

    public ModModule? Module { get; }

    public SyntaxDiagnostic? Error { get; }

    public bool Success => Error == null;

    public static ParseResult Ok(ModModule module) => new(module, null);

    public static ParseResult Fail(SyntaxDiagnostic error) => new(null, error);
}
