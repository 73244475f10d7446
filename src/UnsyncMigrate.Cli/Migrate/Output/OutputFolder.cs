namespace UnsyncMigrate.Cli.Migrate.Output;

/// <summary>
/// The output folder as the tool sees it: what is at each path (<see cref="Probe"/>), the
/// manifest of an earlier run, and the one step that changes it (<see cref="Apply"/>). Paths
/// are relative, with <c>/</c>; none may leave the folder.
/// </summary>
public sealed class OutputFolder(string fullPath)
{
    /// <summary>The folder's full path (it need not exist yet).</summary>
    public string FullPath { get; } = Path.TrimEndingDirectorySeparator(Path.GetFullPath(fullPath));

    /// <summary>The full path of a relative path inside the folder.</summary>
    /// <exception cref="InvalidOperationException">The path would leave the folder (a bug in the generator).</exception>
    public string Resolve(string relativePath)
    {
        string full = Path.GetFullPath(Path.Combine(FullPath, relativePath));
        if (!full.StartsWith(FullPath + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new InvalidOperationException($"refusing a path outside the output folder: {relativePath}");
        return full;
    }

    /// <summary>Whether the folder exists and holds anything.</summary>
    public bool HasEntries => Directory.Exists(FullPath) && Directory.EnumerateFileSystemEntries(FullPath).Any();

    /// <summary>
    /// What is at <paramref name="relativePath"/>: a regular file with its hash, nothing, or
    /// something the tool never replaces (a folder, a symbolic link, a device).
    /// </summary>
    public DiskEntry Probe(string relativePath)
    {
        var info = new FileInfo(Resolve(relativePath));
        if (info.LinkTarget != null) return DiskEntry.Other;
        if (info.Exists) return DiskEntry.File(OutputManifest.Hash(File.ReadAllBytes(info.FullName)));
        return Directory.Exists(info.FullName) ? DiskEntry.Other : DiskEntry.Missing;
    }

    /// <summary>The earlier run's manifest, as <see cref="ManifestState"/>.</summary>
    public ManifestState ReadManifest()
    {
        string path = Path.Combine(FullPath, OutputManifest.FileName);
        if (File.Exists(path))
        {
            var manifest = OutputManifest.Parse(File.ReadAllBytes(path), out string? problem);
            return manifest != null ? ManifestState.Found(manifest) : ManifestState.Unreadable(path, problem!);
        }
        string legacy = Path.Combine(FullPath, OutputManifest.LegacyMarkerName);
        if (File.Exists(legacy) && File.ReadAllText(legacy) == OutputManifest.LegacyMarkerText)
            return ManifestState.Found(OutputManifest.ForLegacyMarker());
        return ManifestState.None;
    }

    /// <summary>
    /// Carries out <paramref name="plan"/>: moves the staged files into place, removes the stale
    /// ones, then writes the manifest. Signals are held for the duration (the caller's
    /// <see cref="IO.Termination.Defer"/>); if a file operation fails half-way, the manifest still
    /// records exactly what was done, so the next run knows which files are the tool's.
    /// </summary>
    public void Apply(OutputPlan plan, StagingFolder staging, OutputManifest? previous, string source, string toolVersion)
    {
        var files = new Dictionary<string, string>(previous?.Files ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        Directory.CreateDirectory(FullPath);
        try
        {
            foreach (var change in plan.Changes)
            {
                if (change.Destination is { } destination)
                {
                    string target = Resolve(destination);
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    File.Move(staging.PathOf(destination), target, overwrite: true);
                }
                else if (change.Kind == OutputChangeKind.Delete)
                {
                    File.Delete(Resolve(change.Path));
                }
                change.Record(files);
            }
        }
        finally
        {
            var manifest = new OutputManifest(source, toolVersion, files);
            string staged = staging.Write(OutputManifest.FileName, manifest.ToBytes());
            File.Move(staged, Path.Combine(FullPath, OutputManifest.FileName), overwrite: true);
        }
    }
}

/// <summary>The manifest of an output folder: none, one (possibly rebuilt from the legacy marker), or a file of that name the tool cannot read.</summary>
public sealed record ManifestState(OutputManifest? Manifest, string? UnreadablePath, string? Problem)
{
    public static readonly ManifestState None = new(null, null, null);

    public static ManifestState Found(OutputManifest manifest) => new(manifest, null, null);

    public static ManifestState Unreadable(string path, string problem) => new(null, path, problem);
}
