namespace UnsyncMigrate.Cli;

/// <summary>
/// The process exit codes of <c>dotnet unsync-migrate</c>. They are part of the tool's
/// contract (scripts and the measuring tools rely on them); the README lists them too.
/// </summary>
public static class ExitCodes
{
    /// <summary>Everything worked (for <c>ast</c>: every file parsed). Also <c>--help</c> and <c>--version</c>.</summary>
    public const int Success = 0;

    /// <summary>The command ran, but some inputs were rejected (a file did not parse or could not be read); the rest was processed.</summary>
    public const int InputRejected = 1;

    /// <summary>Bad command line: unknown option, bad value, missing or conflicting inputs, missing <c>--root</c> folder.</summary>
    public const int Usage = 2;

    /// <summary>Reserved for an action that exists in the command line but is not implemented; no verb returns it today.</summary>
    public const int NotImplemented = 3;

    /// <summary>A bug in the tool: an unexpected exception (reported on stderr).</summary>
    public const int InternalError = 4;

    /// <summary>Interrupted (Ctrl+C / SIGINT), as shells report it (128 + 2).</summary>
    public const int Interrupted = 130;

    /// <summary>The reader of standard output went away (e.g. piped into <c>head</c>), as shells report SIGPIPE (128 + 13).</summary>
    public const int OutputClosed = 141;
}
