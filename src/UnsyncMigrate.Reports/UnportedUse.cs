namespace UnsyncMigrate.Reports;

/// <summary>
/// A use of a library member the runtime has no C# equivalent for (warning UM2002): the migrated
/// call compiles and raises <c>NotSupportedException</c> when reached. <paramref name="Path"/> is
/// the member's real dotted path (<c>pandas.concat</c>; a builtin as <c>builtins.eval</c>);
/// <paramref name="Column"/> is 1-based. Which members the runtime provides is the caller's
/// knowledge (the CLI asks the runtime): the reports only show them.
/// </summary>
public sealed record UnportedUse(string File, int Line, int Column, string Path)
{
    public const string Code = "UM2002";

    /// <summary>As a user wrote it: <c>eval</c> rather than <c>builtins.eval</c>.</summary>
    public string Name => Path.StartsWith("builtins.", StringComparison.Ordinal) ? Path["builtins.".Length..] : Path;

    /// <summary>The top-level module (<c>os</c> for <c>os.path.join</c>), or <c>builtins</c>.</summary>
    public string Library => Path[..(Path.IndexOf('.') is > 0 and var dot ? dot : Path.Length)];

    public string Message => $"'{Name}' has no C# equivalent in the runtime";

    /// <summary>The MSBuild-style line editors and CI read (<paramref name="file"/>: the path as shown).</summary>
    public string Warning(string file) => $"{file}({Line},{Column}): warning {Code}: {Message}";
}
