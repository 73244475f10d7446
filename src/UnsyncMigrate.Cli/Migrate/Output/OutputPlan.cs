namespace UnsyncMigrate.Cli.Migrate.Output;

/// <summary>A file of the generated project, as bytes (module sources, project files, reports, the runtime DLL).</summary>
public sealed class OutputContent(string relativePath, byte[] bytes)
{
    string? _hash;

    /// <summary>The path inside the output folder, with <c>/</c> separators.</summary>
    public string RelativePath { get; } = relativePath;

    public byte[] Bytes { get; } = bytes;

    public string Hash => _hash ??= OutputManifest.Hash(Bytes);
}

/// <summary>What is at a path in the output folder now.</summary>
public enum DiskEntryKind { Missing, File, Other }

/// <summary>A path's state on disk: missing, a regular file with its content hash, or something else (a folder, a device).</summary>
public readonly record struct DiskEntry(DiskEntryKind Kind, string? Hash = null)
{
    public static readonly DiskEntry Missing = new(DiskEntryKind.Missing);
    public static readonly DiskEntry Other = new(DiskEntryKind.Other);

    public static DiskEntry File(string hash) => new(DiskEntryKind.File, hash);
}

/// <summary>What a run does to one path of the output folder.</summary>
public enum OutputChangeKind
{
    /// <summary>The file does not exist: it is written.</summary>
    Create,
    /// <summary>The tool wrote the file and nobody changed it since: it is replaced.</summary>
    Update,
    /// <summary>The file already has the new content.</summary>
    Unchanged,
    /// <summary>The file was edited since the tool wrote it, or the tool never wrote it: it is kept, and the new version goes beside it (<see cref="PlannedChange.WrittenTo"/>).</summary>
    Conflict,
    /// <summary>An earlier run wrote the file, it is no longer generated, and nobody changed it: it is removed.</summary>
    Delete,
    /// <summary>An earlier run wrote the file, it is no longer generated, but it was edited since: it is kept.</summary>
    KeepEdited,
}

/// <summary>One path's change. For a conflict, <see cref="Generated"/> tells an edited file of the tool's from a file it never wrote.</summary>
public sealed record PlannedChange(OutputChangeKind Kind, string Path, OutputContent? Content = null, string? WrittenTo = null, bool Generated = false)
{
    /// <summary>Where the content goes, if anything is written: the path itself, or the <c>.new</c> file beside a conflict.</summary>
    public string? Destination => Kind switch
    {
        OutputChangeKind.Create or OutputChangeKind.Update => Path,
        OutputChangeKind.Conflict => WrittenTo,
        _ => null,
    };

    /// <summary>Records this change, once carried out, in the manifest's file list.</summary>
    public void Record(IDictionary<string, string> manifest)
    {
        switch (Kind)
        {
            case OutputChangeKind.Create or OutputChangeKind.Update or OutputChangeKind.Unchanged:
                manifest[Path] = Content!.Hash;
                break;
            case OutputChangeKind.Conflict:
                // The kept file keeps its old entry (if any): it stays "edited since generated".
                manifest[WrittenTo!] = Content!.Hash;
                break;
            case OutputChangeKind.Delete:
                manifest.Remove(Path);
                break;
        }
    }
}

/// <summary>
/// The changes that bring an output folder to a new generation, decided from the files to
/// write, the previous manifest and what is on disk, before anything is touched. The same plan
/// drives a run, <c>--dry-run</c> and <c>--check</c>. The rule that keeps a user's work: only a
/// file the manifest lists, still with the content the tool wrote, is replaced or removed.
/// </summary>
public sealed class OutputPlan
{
    OutputPlan(IReadOnlyList<PlannedChange> changes) => Changes = changes;

    /// <summary>One change per generated path, then one per path an earlier run wrote that is no longer generated; in that order.</summary>
    public IReadOnlyList<PlannedChange> Changes { get; }

    /// <summary>Whether carrying it out changes any file.</summary>
    public bool ChangesFiles => Changes.Any(c => c.Kind != OutputChangeKind.Unchanged);

    /// <summary>Whether some file needs a person's attention (an edited or foreign file kept, with the new version beside it).</summary>
    public bool HasConflicts => Changes.Any(c => c.Kind is OutputChangeKind.Conflict or OutputChangeKind.KeepEdited);

    /// <param name="files">The new generation.</param>
    /// <param name="previous">The folder's manifest (null: the tool wrote nothing there that it knows of).</param>
    /// <param name="probe">What is at a relative path now.</param>
    public static OutputPlan Make(IReadOnlyList<OutputContent> files, OutputManifest? previous, Func<string, DiskEntry> probe)
    {
        var known = previous?.Files ?? new Dictionary<string, string>();
        var generated = files.Select(f => f.RelativePath).ToHashSet(StringComparer.Ordinal);
        var changes = new List<PlannedChange>();
        var claimed = new HashSet<string>(StringComparer.Ordinal);     // the .new files this run writes

        bool OursUnchanged(string path, DiskEntry disk) =>
            disk.Kind == DiskEntryKind.File && known.TryGetValue(path, out var hash) && hash == disk.Hash;

        foreach (var file in files)
        {
            var disk = probe(file.RelativePath);
            if (disk.Kind == DiskEntryKind.Missing)
                changes.Add(new PlannedChange(OutputChangeKind.Create, file.RelativePath, file));
            else if (disk.Kind == DiskEntryKind.File && disk.Hash == file.Hash)
                changes.Add(new PlannedChange(OutputChangeKind.Unchanged, file.RelativePath, file));
            else if (OursUnchanged(file.RelativePath, disk))
                changes.Add(new PlannedChange(OutputChangeKind.Update, file.RelativePath, file));
            else
            {
                string beside = FreeNeighbour(file, generated, claimed, probe, OursUnchanged);
                claimed.Add(beside);
                changes.Add(new PlannedChange(OutputChangeKind.Conflict, file.RelativePath, file, beside, known.ContainsKey(file.RelativePath)));
            }
        }
        foreach (var (path, hash) in known.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            if (generated.Contains(path) || claimed.Contains(path)) continue;
            var disk = probe(path);
            if (disk.Kind == DiskEntryKind.Missing) continue;
            changes.Add(new PlannedChange(disk.Kind == DiskEntryKind.File && disk.Hash == hash ? OutputChangeKind.Delete : OutputChangeKind.KeepEdited, path));
        }
        return new OutputPlan(changes);
    }

    /// <summary>
    /// Where the new version of a kept file goes: <c>NAME.new</c>, or <c>NAME.new2</c>... when that
    /// name is taken by something the tool may not replace.
    /// </summary>
    static string FreeNeighbour(OutputContent file, HashSet<string> generated, HashSet<string> claimed,
        Func<string, DiskEntry> probe, Func<string, DiskEntry, bool> oursUnchanged)
    {
        for (int n = 1; ; n++)
        {
            string candidate = file.RelativePath + (n == 1 ? ".new" : $".new{n}");
            if (generated.Contains(candidate) || claimed.Contains(candidate)) continue;
            var disk = probe(candidate);
            if (disk.Kind == DiskEntryKind.Missing || oursUnchanged(candidate, disk)
                || (disk.Kind == DiskEntryKind.File && disk.Hash == file.Hash))
                return candidate;
        }
    }
}
