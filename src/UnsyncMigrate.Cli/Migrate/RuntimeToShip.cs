using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace UnsyncMigrate.Cli.Migrate;

/// <summary>
/// The runtime DLL copied into a generated project's <c>lib/</c>: the ReadyToRun image the
/// Release build publishes into <c>runtime-r2r/</c> beside the tool (migrated programs and
/// each of their worker processes then start without JIT-compiling the runtime), when it was
/// compiled from the very assembly the tool runs with; else that IL assembly.
/// </summary>
internal static class RuntimeToShip
{
    public const string FileName = "UnsyncMigrate.Runtime.dll";

    /// <summary>The path of the DLL to ship.</summary>
    public static string Path()
    {
        string loaded = typeof(UnsyncMigrate.Runtime.Unsync).Assembly.Location;
        string precompiled = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(loaded)!, "runtime-r2r", FileName);
        // Same module version id: crossgen keeps the IL assembly's metadata, so an image of another
        // build (stale after an incremental build) is never shipped in its place.
        return File.Exists(precompiled) && ModuleVersionId(precompiled) is { } id && id == ModuleVersionId(loaded) ? precompiled : loaded;
    }

    /// <summary>Whether the file is a ReadyToRun image (it has a managed native header).</summary>
    public static bool IsReadyToRun(string path)
    {
        using var pe = new PEReader(File.OpenRead(path));
        return pe.PEHeaders.CorHeader?.ManagedNativeHeaderDirectory.Size > 0;
    }

    static Guid? ModuleVersionId(string path)
    {
        try
        {
            using var pe = new PEReader(File.OpenRead(path));
            var metadata = pe.GetMetadataReader();
            return metadata.GetGuid(metadata.GetModuleDefinition().Mvid);
        }
        catch (Exception e) when (e is IOException or BadImageFormatException or InvalidOperationException)
        {
            return null;
        }
    }
}
