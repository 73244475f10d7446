using UnsyncMigrate.Cli.IO;
using UnsyncMigrate.Cli.Migrate.Output;

namespace UnsyncMigrate.Cli.Migrate;

/// <summary>
/// Decides where a migration goes and whether it may go there, before any work is done: the
/// default folder is per input (<c>./NAME.cs</c>, so two programs never share one), and a folder
/// that is a file, holds the program itself, holds another program's migration, or holds files
/// the tool did not write (without <c>--force</c>) is refused with one line naming it.
/// </summary>
internal static class OutputTarget
{
    /// <summary>The folder a migration of <paramref name="source"/> goes to without <c>-o</c>: <c>NAME.cs</c> in the current folder.</summary>
    public static string DefaultFor(string source)
    {
        string name = Path.GetFileName(Path.TrimEndingDirectorySeparator(source));
        if (File.Exists(source) && name.EndsWith(".py", StringComparison.OrdinalIgnoreCase)) name = name[..^3];
        return Path.GetFullPath((name.Length > 0 ? name : "migrated") + ".cs");
    }

    /// <summary>The output folder's manifest if the migration may write there; otherwise null and the error line.</summary>
    public static bool TryOpen(OutputFolder folder, string source, bool force, out OutputManifest? manifest, out string? error)
    {
        manifest = null;
        error = null;
        string path = folder.FullPath;
        if (FirstFileOnPath(path) is { } file)
        {
            error = file == path
                ? $"error: cannot write to '{path}': it is a file, not a folder"
                : $"error: cannot write to '{path}': '{file}' is a file, not a folder";
            return false;
        }
        if (Directory.Exists(source) && IsSameOrInside(source, path))
        {
            error = $"error: the output folder '{path}' cannot be the program's folder or contain it; choose another -o DIR";
            return false;
        }
        ManifestState state;
        try
        {
            state = folder.ReadManifest();
        }
        catch (Exception e) when (FileSystemErrors.IsFileSystemError(e))
        {
            error = $"error: cannot read '{path}': {FileSystemErrors.Describe(e)}";
            return false;
        }
        if (state.UnreadablePath != null)
        {
            error = $"error: '{state.UnreadablePath}' is not a manifest this tool can read ({state.Problem}); move it away to write into '{path}'";
            return false;
        }
        manifest = state.Manifest;
        if (manifest != null)
        {
            if (manifest.Source.Length > 0 && manifest.Source != source && !force)
            {
                error = $"error: '{path}' holds the migration of '{manifest.Source}'; choose another -o DIR, or use --force to replace that migration's files";
                return false;
            }
            return true;
        }
        if (folder.HasEntries && !force)
        {
            error = $"error: '{path}' is not empty and was not created by unsync-migrate; use --force to write into it (files it holds are never overwritten)";
            return false;
        }
        return true;
    }

    /// <summary>The path itself or the nearest ancestor that exists as a file (not a folder), if any.</summary>
    static string? FirstFileOnPath(string path)
    {
        for (string? p = path; p != null; p = Path.GetDirectoryName(p))
        {
            if (Directory.Exists(p)) return null;
            if (File.Exists(p)) return p;
        }
        return null;
    }

    static bool IsSameOrInside(string inner, string outer)
    {
        string relative = Path.GetRelativePath(outer, inner);
        return relative == "." || !(relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.IsPathRooted(relative));
    }
}
