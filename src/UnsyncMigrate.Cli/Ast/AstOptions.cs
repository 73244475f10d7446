namespace UnsyncMigrate.Cli.Ast;

/// <summary>
/// The validated options of <c>ast</c>: exactly one of <see cref="Root"/> and <see cref="Files"/>
/// is given (the command line checks that).
/// </summary>
/// <param name="Root">--root DIR: every *.py under it, paths printed relative to it.</param>
/// <param name="Files">FILE arguments, read and printed as given.</param>
/// <param name="Positions">false with --no-positions: nodes without lineno/col_offset/end_lineno/end_col_offset.</param>
/// <param name="Quiet">--quiet: parse only, print one summary line.</param>
/// <param name="Jobs">worker threads (--jobs, default: the number of cores).</param>
public sealed record AstOptions(string? Root, IReadOnlyList<string> Files, bool Positions, bool Quiet, int Jobs)
{
    /// <summary>The largest accepted --jobs.</summary>
    public const int MaxJobs = 256;
}
