using System.Text;
using UnsyncMigrate.Cli.Commands;
using UnsyncMigrate.Cli.IO;
using UnsyncMigrate.Analysis.Model;
using UnsyncMigrate.Analysis.Program;
using UnsyncMigrate.Cli.Migrate.Output;
using UnsyncMigrate.Translation;
using UnsyncMigrate.Translation.Scaffolding;

namespace UnsyncMigrate.Cli.Migrate;

/// <summary>
/// <c>dotnet unsync-migrate PATH [-o OUT]</c>: discovers the program's modules, parses them,
/// translates them to C# and brings OUT to the new generation (a buildable project with the
/// runtime in <c>lib/</c>). Safe on a working tree: the whole generation is computed and
/// staged beside OUT first, then moved into place in one short step that signals cannot cut;
/// only files the tool wrote and nobody changed since are replaced or removed (the manifest,
/// <see cref="OutputManifest"/>); anything else is kept and the new version goes beside it.
/// Deterministic: the same input gives byte-identical files.
/// </summary>
public static class MigrateRunner
{
    public static int Run(MigrateOptions options, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        string source = Path.TrimEndingDirectorySeparator(Path.GetFullPath(options.Path));
        if (!File.Exists(source) && !Directory.Exists(source))
        {
            stderr.WriteLine($"error: '{options.Path}' is neither a Python file nor a folder");
            return ExitCodes.Usage;
        }
        var folder = new OutputFolder(options.Output ?? OutputTarget.DefaultFor(source));
        if (!OutputTarget.TryOpen(folder, source, options.Force, out var manifest, out string? refusal))
        {
            stderr.WriteLine(refusal);
            return ExitCodes.Usage;
        }

        if (options.Check || options.DryRun) return Migrate(options, source, folder, manifest, null, stdout, stderr, cancellationToken);
        // Staged first: an output that cannot be written is reported before the work, not after it.
        StagingFolder staging;
        try
        {
            staging = StagingFolder.Create(folder);
        }
        catch (Exception e) when (FileSystemErrors.IsFileSystemError(e))
        {
            return CannotWrite(folder, e, stderr);
        }
        using (staging)
        using (Termination.OnInterrupt(staging.Dispose))
            return Migrate(options, source, folder, manifest, staging, stdout, stderr, cancellationToken);
    }

    /// <summary>The migration proper; <paramref name="staging"/> is null for <c>--check</c> and <c>--dry-run</c>, which write nothing.</summary>
    static int Migrate(MigrateOptions options, string source, OutputFolder folder, OutputManifest? manifest, StagingFolder? staging,
        TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var program = AnalyzedProgram.Load(source, options.Jobs, cancellationToken);
        var timings = new List<(string Phase, TimeSpan Elapsed)> { ("load+analyse", clock.Elapsed) };
        // A file that cannot be read or parsed is reported and left out; the rest is still
        // migrated (imports of a missing module fail at run time with ModuleNotFoundError).
        foreach (var problem in program.Problems) stderr.WriteLine(Describe(problem));
        if (program.Modules.Count == 0 && program.Problems.Count == 0)
        {
            stderr.WriteLine($"error: no Python files in '{options.Path}'");
            return ExitCodes.Usage;
        }
        // No entry module (and none asked for): a library, migrated as a class library.
        // A main.py that does not parse is not "no entry": the program is not migrated without it.
        if (!options.Library && options.Entry == null && EntryFailedToParse(program)) return NoEntry(program, options, stderr);
        var entry = options.Library ? null : EntryModule.Choose(program, options.Entry);
        if (entry == null && options.Entry != null) return NoEntry(program, options, stderr);
        if (entry == null)
            stderr.WriteLine($"note: {(options.Library ? "--library" : "no entry module (main.py, __main__.py or --entry)")}: '{options.Path}' is migrated as a class library (no Program.cs)");

        var translator = new ProgramTranslator(new ProgramModel(program, entry?.Name), "Migrated", options.CpuBoundOnThreads);
        var output = translator.Translate();
        timings.AddRange(translator.Timings);
        cancellationToken.ThrowIfCancellationRequested();
        clock.Restart();
        var unported = UnportedLibraries.Uses(output);
        var files = ProjectFiles(program, entry?.Name, output, UnportedLibraries.Summary(unported));
        timings.Add(("project files", clock.Elapsed));
        // UM_TIMINGS=1: where the time went, for reports of a slow migration.
        if (Environment.GetEnvironmentVariable("UM_TIMINGS") == "1")
            stderr.WriteLine("timings: " + string.Join(", ", timings.Select(t => $"{t.Phase} {t.Elapsed.TotalSeconds:F2} s")));
        cancellationToken.ThrowIfCancellationRequested();

        var plan = OutputPlan.Make(files, manifest, folder.Probe);
        ReportNames(output, stderr);
        ReportGaps(output, stderr);
        foreach (var use in unported) stderr.WriteLine(UnportedLibraries.Warning(use));
        if (staging == null)
        {
            foreach (var change in plan.Changes.Where(c => c.Kind != OutputChangeKind.Unchanged))
                stdout.WriteLine($"{(options.Check ? "check" : "dry run")}: {Describe(change)}");
            stdout.WriteLine(TypingSection.TerminalLine(output));
            if (options.DryRun) return Finish(program, stderr);
            int changed = plan.Changes.Count(c => c.Kind != OutputChangeKind.Unchanged);
            stdout.WriteLine(changed == 0 ? $"check: '{folder.FullPath}' is up to date" : $"check: {changed} file(s) in '{folder.FullPath}' would change");
            return program.Problems.Count > 0 || changed > 0 ? ExitCodes.InputRejected : ExitCodes.Success;
        }

        try
        {
            foreach (var change in plan.Changes)
            {
                if (change.Destination is { } destination) staging.Write(destination, change.Content!.Bytes);
                cancellationToken.ThrowIfCancellationRequested();
            }
            using (Termination.Defer())
            {
                cancellationToken.ThrowIfCancellationRequested();
                folder.Apply(plan, staging, manifest, source, ScanCommand.ToolVersion);
            }
        }
        catch (Exception e) when (FileSystemErrors.IsFileSystemError(e))
        {
            return CannotWrite(folder, e, stderr);
        }
        foreach (var change in plan.Changes) ReportConflict(folder, change, stderr);

        stdout.WriteLine($"migrated {program.Modules.Count} module(s) ({(entry == null ? "class library" : $"entry '{entry.Name}'")}) to {folder.FullPath}: {Summary(plan)}");
        stdout.WriteLine(TypingSection.TerminalLine(output));
        stdout.WriteLine(entry == null
            ? $"build: dotnet build {folder.FullPath}    use: see {Path.Combine(folder.FullPath, "README.md")}"
            : $"build: dotnet build {folder.FullPath}    run: dotnet run --project {folder.FullPath}");
        int code = Finish(program, stderr);
        if (plan.HasConflicts)
        {
            stderr.WriteLine("error: some files were kept because they were edited or not written by unsync-migrate; merge the new versions (*.new) by hand");
            return ExitCodes.InputRejected;
        }
        return code;
    }

    static int CannotWrite(OutputFolder folder, Exception e, TextWriter stderr)
    {
        stderr.WriteLine($"error: cannot write to '{folder.FullPath}': {FileSystemErrors.Describe(e)}");
        return ExitCodes.Usage;
    }

    /// <summary>Every file of the generated project: the modules' C#, the project files, the scan reports and the runtime.</summary>
    static List<OutputContent> ProjectFiles(AnalyzedProgram program, string? entry, TranslationOutput output, IReadOnlyList<UnportedLibrary> unported)
    {
        string displayRoot = Path.GetFileName(program.Root);
        string project = CSharpNames.Sanitize(displayRoot is { Length: > 0 } n ? n : "Migrated");
        var scaffold = ProjectScaffolder.Scaffold(new ScaffoldOptions(project, "Migrated", displayRoot, entry, ScanCommand.ToolVersion, unported), output);
        var files = output.Files.Concat(scaffold).Concat(ScanReports(program.Report, displayRoot, output, unported))
            .Select(f => new OutputContent(f.RelativePath, Encoding.UTF8.GetBytes(f.Content)))
            .ToList();
        files.Add(new OutputContent("lib/" + RuntimeToShip.FileName, File.ReadAllBytes(RuntimeToShip.Path())));
        return files;
    }

    /// <summary>A file that could not be read or parsed, as <c>file(line,col): error Kind: message</c>.</summary>
    static string Describe(ScanError e) =>
        e.Line is int line ? $"{e.File}({line},{e.Column ?? 1}): error {e.Kind}: {e.Message}" : $"{e.File}: error {e.Kind}: {e.Message}";

    /// <summary>Whether the file that would be the entry module (main.py, __main__.py) was rejected: then the program is no library.</summary>
    static bool EntryFailedToParse(AnalyzedProgram program) =>
        EntryModule.IsFailedFile(program, "main.py") || EntryModule.IsFailedFile(program, "__main__.py");

    static int NoEntry(AnalyzedProgram program, MigrateOptions options, TextWriter stderr)
    {
        if (options.Entry != null && EntryModule.IsFailedFile(program, options.Entry)
            || options.Entry == null && program.Problems.Count > 0)
        {
            stderr.WriteLine($"error: the entry module could not be read or parsed ({program.Problems.Count} file(s) rejected); nothing was written");
            return ExitCodes.InputRejected;
        }
        stderr.WriteLine(options.Entry != null
            ? $"error: --entry {options.Entry} is not a module of {options.Path}"
            : "error: no entry module: add main.py or __main__.py, or pass --entry FILE");
        return ExitCodes.Usage;
    }

    static string Describe(PlannedChange change) => change.Kind switch
    {
        OutputChangeKind.Create => $"{change.Path} would be created",
        OutputChangeKind.Update => $"{change.Path} would be updated",
        OutputChangeKind.Delete => $"{change.Path} would be removed (no longer generated)",
        OutputChangeKind.KeepEdited => $"{change.Path} is no longer generated but was edited; it would be kept",
        OutputChangeKind.Conflict => $"{change.Path} {(change.Generated ? "was edited since it was generated" : "was not written by unsync-migrate")}; it would be kept, the new version written to {change.WrittenTo}",
        _ => $"{change.Path} is unchanged",
    };

    static string Summary(OutputPlan plan)
    {
        int Count(params OutputChangeKind[] kinds) => plan.Changes.Count(c => kinds.Contains(c.Kind));
        var parts = new List<string>
        {
            $"{Count(OutputChangeKind.Create, OutputChangeKind.Update)} file(s) written",
            $"{Count(OutputChangeKind.Unchanged)} unchanged",
        };
        if (Count(OutputChangeKind.Delete) is > 0 and var removed) parts.Add($"{removed} removed");
        if (Count(OutputChangeKind.Conflict, OutputChangeKind.KeepEdited) is > 0 and var kept) parts.Add($"{kept} kept (see warnings)");
        return string.Join(", ", parts);
    }

    /// <summary>The warning for a file that was kept: UM3001 (new version beside it) or UM3002 (stale but edited).</summary>
    static void ReportConflict(OutputFolder folder, PlannedChange change, TextWriter stderr)
    {
        string where = Path.Combine(folder.FullPath, change.Path);
        if (change.Kind == OutputChangeKind.Conflict)
            stderr.WriteLine($"{where}: warning UM3001: {change.Path} {(change.Generated ? "was edited since it was generated" : "was not written by unsync-migrate")}; new version in {change.WrittenTo}");
        else if (change.Kind == OutputChangeKind.KeepEdited)
            stderr.WriteLine($"{where}: warning UM3002: {change.Path} was generated by an earlier run and edited since; it is no longer generated and was kept");
    }

    /// <summary>UM3003: a module whose C# file or class name was taken (names equal but for case, or the entry point's Program.cs).</summary>
    static void ReportNames(TranslationOutput output, TextWriter stderr)
    {
        foreach (var n in output.ModuleNames.Where(n => n.RenamedFrom != null))
        {
            string holder = n.TakenBy == n.RenamedFrom ? "the entry point's file" : $"the file of module '{n.TakenBy}'";
            stderr.WriteLine($"{n.RelativePath}(1,1): warning UM3003: module '{n.Module}' would be written to {n.RenamedFrom}, {holder} " +
                             $"(names that differ only in case are one file on case-insensitive file systems); it goes to {n.File} as class {n.Class}");
        }
    }

    static void ReportGaps(TranslationOutput output, TextWriter stderr)
    {
        foreach (var g in output.Gaps)
            stderr.WriteLine($"{g.File}({g.Line},{g.Column + 1}): warning UM2001: not translated: {g.Construct}");
        foreach (var n in output.Notes)
            stderr.WriteLine($"{n.File}({n.Line},{n.Column + 1}): warning {n.Code}: {n.Message}");
    }

    /// <summary>Success, or <see cref="ExitCodes.InputRejected"/> when some files were left out.</summary>
    static int Finish(AnalyzedProgram program, TextWriter stderr)
    {
        if (program.Problems.Count == 0) return ExitCodes.Success;
        stderr.WriteLine($"error: {program.Problems.Count} file(s) could not be read or parsed and were left out: {string.Join(", ", program.Problems.Select(p => p.File))}");
        return ExitCodes.InputRejected;
    }

    /// <summary>The scan's report (how each function and call maps to its execution mode), as JSON and Markdown: the program model's own.</summary>
    static IEnumerable<GeneratedFile> ScanReports(UnsyncMigrate.Analysis.Model.ScanResult report, string displayRoot, TranslationOutput output,
        IReadOnlyList<UnportedLibrary> unported)
    {
        var context = new UnsyncMigrate.Reports.ReportContext(displayRoot, ScanCommand.ToolVersion);
        foreach (var (format, file) in new[] { (UnsyncMigrate.Reports.ReportFormat.Json, "unsync-report.json"), (UnsyncMigrate.Reports.ReportFormat.Markdown, "unsync-report.md") })
        {
            var text = new StringWriter();
            UnsyncMigrate.Reports.ReportWriters.For(format).Write(report, context, text);
            string content = text.ToString().ReplaceLineEndings("\n");
            content = format == UnsyncMigrate.Reports.ReportFormat.Json
                ? UnportedSection.AddToJson(TypingSection.AddToJson(content, output), unported)
                : UnportedSection.AddToMarkdown(TypingSection.AddToMarkdown(content, output), unported);
            yield return new GeneratedFile(file, content);
        }
    }
}
