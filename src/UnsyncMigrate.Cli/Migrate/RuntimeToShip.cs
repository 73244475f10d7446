using System.Diagnostics;

namespace UnsyncMigrate.Cli.Migrate;

/// <summary>
/// The runtime DLL copied into a generated project's <c>lib/</c>: the ReadyToRun image the
/// Release build publishes into <c>runtime-r2r/</c> beside the tool (migrated programs and
/// each of their worker processes then start without JIT-compiling the runtime), when it was
/// built from the same sources as the IL assembly the tool runs with; else that IL assembly.
/// </summary>
public static class RuntimeToShip
{
    public const string FileName = "UnsyncMigrate.Runtime.dll";

    /// <summary>The path of the DLL to ship with the runtime this tool runs with.</summary>
    public static string Path() => Path(typeof(UnsyncMigrate.Runtime.Unsync).Assembly.Location);

    /// <summary>The path of the DLL to ship, for the IL runtime at <paramref name="loaded"/>.</summary>
    public static string Path(string loaded)
    {
        string precompiled = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(loaded)!, "runtime-r2r", FileName);
        return File.Exists(precompiled) && SameBuild(precompiled, loaded) ? precompiled : loaded;
    }

    /// <summary>
    /// The image is a separate (RID-specific) compilation, so its module id differs; it counts as
    /// the same build when it has the same version and commit (the informational version) and is
    /// not older than the IL assembly (a stale image after an incremental build is not shipped).
    /// </summary>
    static bool SameBuild(string precompiled, string loaded) =>
        FileVersionInfo.GetVersionInfo(precompiled).ProductVersion is { Length: > 0 } version
        && version == FileVersionInfo.GetVersionInfo(loaded).ProductVersion
        && File.GetLastWriteTimeUtc(precompiled) >= File.GetLastWriteTimeUtc(loaded);
}
