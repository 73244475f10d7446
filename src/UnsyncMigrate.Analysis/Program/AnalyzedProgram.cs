using System.Text;
using UnsyncMigrate.Analysis.Model;
using UnsyncMigrate.Analysis.Scanning;
using UnsyncMigrate.Analysis.Semantics;
using UnsyncMigrate.Python.Ast;

namespace UnsyncMigrate.Analysis.Program;

/// <summary>
/// One unsync wrapping as the report lists it (<see cref="Function"/>), tied to the code:
/// the def or lambda it wraps (null for a callable from outside the program) and the decorator
/// or call that wraps it.
/// </summary>
public sealed record Wrapping(UnsyncFunction Function, SourceModule? Module, Node? Definition, SourceModule SiteModule, Node Site);

/// <summary>
/// The program model: the modules of a Python program, each parsed once, analysed once, with
/// the scan's report, how every name resolves (<see cref="Symbols"/>) and every unsync wrapping
/// tied to its definition. The report and anything built from this model (the translation)
/// therefore agree by construction.
/// </summary>
public sealed class AnalyzedProgram
{
    readonly Dictionary<Node, Wrapping> _byDefinition = new(ReferenceEqualityComparer.Instance);

    AnalyzedProgram(ScanRun run)
    {
        Root = run.Root;
        Report = run.Result;
        var sources = new Dictionary<ModuleInfo, SourceModule>(ReferenceEqualityComparer.Instance);
        foreach (var m in run.Modules)
        {
            if (m.File == null || m.Ast == null) continue;
            sources[m] = new SourceModule(m, m.Utf8 is { } utf8 ? Encoding.UTF8.GetString(utf8) : "");
        }
        Modules = sources.Values.OrderBy(m => m.RelativePath, StringComparer.Ordinal).ToList();
        Symbols = new ProgramSymbols(run.Index, sources);
        foreach (var m in Modules) m.Symbols = Symbols;
        Wrappings = run.Wrappers.Select(w => new Wrapping(w.Function,
            w.Entry.Identity.Scope != null ? sources.GetValueOrDefault(w.Entry.Module) : null,
            w.Entry.Identity.Scope?.Node, sources[w.Entry.SiteScope.Module], w.Entry.Site)).ToList();
        foreach (var w in Wrappings)
            if (w.Definition != null) _byDefinition.TryAdd(w.Definition, w);
        var parsed = run.Result.Files.Where(f => f.Parsed).Select(f => f.File).ToHashSet(StringComparer.Ordinal);
        Problems = run.Result.Errors.Where(e => !parsed.Contains(e.File)).ToList();
    }

    /// <summary>Discovers, parses and analyses the program at <paramref name="path"/> (a folder or one file), as <c>scan</c> does.</summary>
    /// <exception cref="FileNotFoundException">The path does not exist.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public static AnalyzedProgram Load(string path, int jobs = 0, CancellationToken cancellationToken = default) =>
        Load(new ScanOptions { Path = path, DefaultExcludes = true, Jobs = jobs > 0 ? jobs : Environment.ProcessorCount }, cancellationToken);

    /// <summary>The program as <c>scan</c> with <paramref name="options"/> sees it (excludes, jobs, progress), every module's tree kept.</summary>
    public static AnalyzedProgram Load(ScanOptions options, CancellationToken cancellationToken = default) =>
        new(Scanner.Run(options, keepEverything: true, cancellationToken));

    /// <summary>
    /// Analyses a program given in memory: (relative path, source) pairs laid out as in a folder
    /// (for tests and tools; <see cref="Load"/> reads a real one).
    /// </summary>
    public static AnalyzedProgram FromSources(IEnumerable<(string Path, string Source)> sources) =>
        new(Scanner.RunSources(sources, ".", null, keepEverything: true));

    /// <summary>The folder module names are relative to.</summary>
    public string Root { get; }

    /// <summary>The scan's report of the program.</summary>
    public ScanResult Report { get; }

    /// <summary>The modules that parsed, by relative path.</summary>
    public IReadOnlyList<SourceModule> Modules { get; }

    /// <summary>The files that could not be read, decoded or parsed (also in <see cref="ScanResult.Errors"/>).</summary>
    public IReadOnlyList<ScanError> Problems { get; }

    public ProgramSymbols Symbols { get; }

    /// <summary>Every unsync wrapping, in report order.</summary>
    public IReadOnlyList<Wrapping> Wrappings { get; }

    /// <summary>The wrapping of a def or lambda (its first, if it is wrapped more than once), or null.</summary>
    public Wrapping? WrappingOf(Node definition) => _byDefinition.GetValueOrDefault(definition);

    /// <summary>The module of that name, or null.</summary>
    public SourceModule? Module(string name) => Modules.FirstOrDefault(m => m.Name == name);
}
