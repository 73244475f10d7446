using System.Diagnostics;
using System.Runtime.CompilerServices;
using UnsyncMigrate.Analysis.Discovery;
using UnsyncMigrate.Analysis.Model;
using UnsyncMigrate.Analysis.Semantics;
using UnsyncMigrate.Python;
using UnsyncMigrate.Python.Ast;
using UnsyncMigrate.Python.Text;

namespace UnsyncMigrate.Analysis.Scanning;

/// <summary>What to scan and how.</summary>
public sealed record ScanOptions
{
    /// <summary>A folder (scanned recursively) or a single Python file.</summary>
    public required string Path { get; init; }
    /// <summary>Skip virtual environments, caches, VCS folders, site-packages, node_modules and .gitignore'd paths.</summary>
    public bool DefaultExcludes { get; init; } = true;
    /// <summary>Files parsed in parallel.</summary>
    public int Jobs { get; init; } = Environment.ProcessorCount;
    public IProgress<ScanProgress>? Progress { get; init; }
    /// <summary>
    /// Keep every parsed tree in memory when the program's sources total at most this many
    /// bytes; above it, trees of files that cannot reach unsync are dropped after parsing and
    /// re-parsed only if needed.
    /// </summary>
    public long KeepTreesBelowBytes { get; init; } = 16L << 20;
    /// <summary>Keep every tree and give every module its tree (the program model needs them all).</summary>
    internal bool KeepEverything { get; init; }
}

/// <summary>
/// A scan with what it built: the report, the folder module names are relative to, every
/// module (with its tree when it parsed and was kept), the index imports resolve through,
/// and each wrapper with its report entry.
/// </summary>
internal sealed record ScanRun(ScanResult Result, string Root, IReadOnlyList<ModuleInfo> Modules, ProgramIndex Index,
    IReadOnlyList<(WrapperEntry Entry, UnsyncFunction Function)> Wrappers);

/// <summary>Progress of a scan: a phase (<c>discover</c>, <c>parse</c>, <c>analyze</c>) and how far it is.</summary>
public readonly record struct ScanProgress(string Phase, int Done, int Total);

/// <summary>
/// The <c>scan</c> pipeline: discover modules, parse them in parallel (failures are reported,
/// the scan goes on), find the modules that can reach unsync, and analyse those.
/// </summary>
public static class Scanner
{
    /// <summary>Stack of the worker threads: the parser and the analysis recurse over the tree.</summary>
    public const int WorkerStackSize = 256 * 1024 * 1024;

    sealed class FileState
    {
        public required DiscoveredFile File { get; init; }
        public required Func<byte[]> Read { get; init; }
        public ModModule? Ast;
        public byte[]? Utf8;
        public ScanError? Error;
        public bool MentionsUnsync;
        public List<(int Level, string? Module, string[] Names)> Imports = [];
        /// <summary>The analysis may need its tree (it can reach unsync, or code that does imports it).</summary>
        public bool Relevant;
        /// <summary>Its code is walked for call sites (it mentions unsync or imports, transitively, a module that does).</summary>
        public bool Walk;
        public bool Parsed;
    }

    /// <summary>Runs a scan. Throws <see cref="FileNotFoundException"/> when the path does not exist.</summary>
    public static ScanResult Scan(ScanOptions options, CancellationToken cancellationToken = default) =>
        Run(options, keepEverything: false, cancellationToken).Result;

    /// <summary>
    /// The scan with everything it built kept: every module's tree and scopes, the program's
    /// index and the wrappers (what <see cref="Program.AnalyzedProgram"/> exposes).
    /// </summary>
    internal static ScanRun Run(ScanOptions options, bool keepEverything, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        options.Progress?.Report(new ScanProgress("discover", 0, 0));
        var discovery = ModuleDiscovery.Discover(options.Path, options.DefaultExcludes);
        var files = discovery.Files.Select(f => new FileState { File = f, Read = () => File.ReadAllBytes(f.FullPath) }).ToArray();
        return Run(files, options with { KeepEverything = keepEverything }, clock, cancellationToken) with
        {
            Root = discovery.RootDirectory,
        };
    }

    /// <summary>
    /// Scans sources given in memory: (relative path, text) pairs laid out as in a folder
    /// (module names from the paths, <paramref name="packagePrefix"/> as in <see cref="DiscoveryResult"/>).
    /// </summary>
    public static ScanResult ScanSources(IEnumerable<(string Path, string Source)> sources, string root = ".", string? packagePrefix = null) =>
        RunSources(sources, root, packagePrefix, keepEverything: false).Result;

    /// <summary><see cref="ScanSources"/> with everything it built kept (see <see cref="Run(ScanOptions, bool, CancellationToken)"/>).</summary>
    internal static ScanRun RunSources(IEnumerable<(string Path, string Source)> sources, string root, string? packagePrefix, bool keepEverything)
    {
        var clock = Stopwatch.StartNew();
        var files = sources.OrderBy(s => s.Path, StringComparer.Ordinal).Select(s =>
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(s.Source);
            var (module, init) = ModuleDiscovery.ModuleNameOf(s.Path, packagePrefix);
            return new FileState { File = new DiscoveredFile(s.Path, s.Path, module, init, bytes.Length), Read = () => bytes };
        }).ToArray();
        return Run(files, new ScanOptions { Path = root, Jobs = 1, KeepEverything = keepEverything }, clock, CancellationToken.None);
    }

    static ScanRun Run(FileState[] files, ScanOptions options, Stopwatch clock, CancellationToken cancellationToken)
    {
        long totalBytes = files.Sum(f => f.File.Length);
        bool keepAll = options.KeepEverything || totalBytes <= options.KeepTreesBelowBytes;
        int jobs = Math.Clamp(options.Jobs, 1, 64);

        // 1. Parse everything (errors are part of the report).
        int parsed = 0;
        options.Progress?.Report(new ScanProgress("parse", 0, files.Length));
        Parallel(files.Length, jobs, i =>
        {
            ParseOne(files[i], keepAll, firstPass: true);
            int done = Interlocked.Increment(ref parsed);
            if ((done & 63) == 0 || done == files.Length) options.Progress?.Report(new ScanProgress("parse", done, files.Length));
        }, cancellationToken);

        // 2. Which modules can reach unsync: those that mention it, and every module connected to them by imports.
        MarkRelevant(files);

        // 3. Re-parse the walked files whose trees were dropped (the other relevant ones are parsed if the analysis asks).
        var missing = files.Where(f => f.Walk && f.Ast == null && f.Error == null).ToArray();
        Parallel(missing.Length, jobs, i => ParseOne(missing[i], keep: true, firstPass: false), cancellationToken);

        // 4. Analyse.
        AnalysisOutput output = AnalysisOutput.Empty;
        var analysisErrors = new List<ScanError>();
        var relevant = files.Where(f => f.Walk && f.Ast != null).ToArray();
        var modules = Modules(files, withAllTrees: options.KeepEverything);
        options.Progress?.Report(new ScanProgress("analyze", 0, relevant.Length));
        if (relevant.Length > 0)
        {
            RunOnBigStack(() => output = AnalyzeModules(modules, analysisErrors), cancellationToken);
        }
        options.Progress?.Report(new ScanProgress("analyze", relevant.Length, relevant.Length));

        var errors = files.Where(f => f.Error != null).Select(f => f.Error!).Concat(analysisErrors).Concat(output.Errors)
            .OrderBy(e => e.File, StringComparer.Ordinal).ThenBy(e => e.Line ?? 0).ToList();
        var result = new ScanResult
        {
            Root = options.Path,
            Files = files.Select(f => new ScannedFile
            {
                File = f.File.RelativePath, Module = f.File.ModuleName, Parsed = f.Parsed, Analyzed = f.Walk && f.Ast != null,
                Bytes = f.File.Length,
            }).ToList(),
            Functions = output.Functions,
            CallSites = output.CallSites,
            Operations = output.Operations,
            Hazards = output.Hazards,
            NameMatches = output.NameMatches,
            Errors = errors,
            Elapsed = clock.Elapsed,
        };
        return new ScanRun(result, options.Path, modules.Infos, modules.Index, output.Wrappers);
    }

    /// <summary>Every file as a module of the program (a file that did not parse has no tree), and which are walked for call sites.</summary>
    sealed record ModuleSet(List<(ModuleInfo Info, FileState State)> Items, ProgramIndex Index)
    {
        public IEnumerable<ModuleInfo> Walked => Items.Where(i => i.State.Walk && i.State.Ast != null).Select(i => i.Info);

        public IReadOnlyList<ModuleInfo> Infos => Items.Select(i => i.Info).ToList();
    }

    /// <param name="withAllTrees">Give every parsed module its tree (the program model needs them all); else only those the analysis may reach.</param>
    static ModuleSet Modules(FileState[] all, bool withAllTrees)
    {
        var items = new List<(ModuleInfo, FileState)>();
        foreach (var f in all)
        {
            // Scopes are built on first use (ModuleInfo.Scope): most dependencies are never looked into.
            var state = f;
            var m = !f.Relevant && !(withAllTrees && f.Ast != null) ? new ModuleInfo(f.File.ModuleName, f.File.RelativePath, f.File.IsPackageInit, null, null)
                : f.Ast != null ? new ModuleInfo(f.File.ModuleName, f.File.RelativePath, f.File.IsPackageInit, f.Ast, f.Utf8)
                : new ModuleInfo(f.File.ModuleName, f.File.RelativePath, f.File.IsPackageInit, () =>
                {
                    ParseOne(state, keep: true, firstPass: false);
                    return (state.Ast, state.Utf8);
                });
            items.Add((m, f));
        }
        return new ModuleSet(items, new ProgramIndex(items.Select(i => i.Item1)));
    }

    static AnalysisOutput AnalyzeModules(ModuleSet modules, List<ScanError> errors)
    {
        var walked = modules.Walked.ToList();
        try
        {
            var output = UnsyncAnalyzer.Analyze(walked, modules.Index);
            foreach (var (m, _) in modules.Items)
            {
                if (m.BuildError != null)
                    errors.Add(new ScanError { File = m.File ?? m.Name, Kind = "RecursionError", Message = m.BuildError });
            }
            return output;
        }
        catch (InsufficientExecutionStackException)
        {
            errors.Add(new ScanError
            {
                File = walked[0].File!, Kind = "RecursionError",
                Message = "the program nests too deeply for the analysis; the unsync report is empty",
            });
            return AnalysisOutput.Empty;
        }
    }

    static void ParseOne(FileState f, bool keep, bool firstPass)
    {
        byte[] bytes;
        try
        {
            bytes = f.Read();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            f.Error = new ScanError { File = f.File.RelativePath, Kind = "OSError", Message = e.Message };
            return;
        }
        if (firstPass) f.MentionsUnsync = bytes.AsSpan().IndexOf("unsync"u8) >= 0;
        ParseResult result;
        try
        {
            result = PythonParser.ParseFile(bytes);
        }
        catch (Exception e)
        {
            f.Error = new ScanError { File = f.File.RelativePath, Kind = "InternalError", Message = $"the parser failed: {e.GetType().Name}: {e.Message}" };
            return;
        }
        if (result.Module is not { } module)
        {
            var d = result.Error!;
            int? column = d.Column is int c ? (d.Kind == "DecodeError" ? c + 1 : Math.Max(c, 1)) : null;
            f.Error = new ScanError { File = f.File.RelativePath, Line = d.Line, Column = column, Kind = d.Kind, Message = d.Message };
            return;
        }
        f.Parsed = true;
        if (firstPass) f.Imports = CollectImports(module);
        if (keep || f.MentionsUnsync)
        {
            f.Ast = module;
            f.Utf8 = SourceDecoder.TryDecode(bytes, out var utf8, out _) ? utf8.ToArray() : bytes;
        }
    }

    static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Names = new(StringComparer.Ordinal);

    /// <summary>One string per distinct imported name (the same few thousand names recur in every file).</summary>
    static string Intern(string name)
    {
        if (Names.TryGetValue(name, out var known)) return known;
        if (Names.Count > 200_000) return name;
        return Names.GetOrAdd(name, name);
    }

    /// <summary>Every import statement of a module (also inside functions and classes), without looking into expressions.</summary>
    static List<(int, string?, string[])> CollectImports(ModModule module)
    {
        var list = new List<(int, string?, string[])>(4);
        var stack = new Stack<IReadOnlyList<Stmt>>();
        stack.Push(module.Body);
        while (stack.Count > 0)
        {
            foreach (var n in stack.Pop())
            {
                switch (n)
                {
                    case StmtImport imp:
                        foreach (var a in imp.Names) list.Add((0, Intern(a.Name), []));
                        break;
                    case StmtImportFrom from:
                        list.Add((from.Level ?? 0, from.Module == null ? null : Intern(from.Module),
                                  from.Names.Count == 0 ? [] : from.Names.Select(a => Intern(a.Name)).ToArray()));
                        break;
                    case StmtFunctionDef f: stack.Push(f.Body); break;
                    case StmtAsyncFunctionDef f: stack.Push(f.Body); break;
                    case StmtClassDef c: stack.Push(c.Body); break;
                    case StmtIf i: stack.Push(i.Body); stack.Push(i.Orelse); break;
                    case StmtFor f: stack.Push(f.Body); stack.Push(f.Orelse); break;
                    case StmtAsyncFor f: stack.Push(f.Body); stack.Push(f.Orelse); break;
                    case StmtWhile w: stack.Push(w.Body); stack.Push(w.Orelse); break;
                    case StmtWith w: stack.Push(w.Body); break;
                    case StmtAsyncWith w: stack.Push(w.Body); break;
                    case StmtTry t:
                        stack.Push(t.Body); stack.Push(t.Orelse); stack.Push(t.Finalbody);
                        foreach (var h in t.Handlers) stack.Push(h.Body);
                        break;
                    case StmtTryStar t:
                        stack.Push(t.Body); stack.Push(t.Orelse); stack.Push(t.Finalbody);
                        foreach (var h in t.Handlers) stack.Push(h.Body);
                        break;
                    case StmtMatch m:
                        foreach (var c in m.Cases) stack.Push(c.Body);
                        break;
                }
            }
        }
        return list;
    }

    static void MarkRelevant(FileState[] files)
    {
        // Nothing mentions unsync: nothing can reach it.
        if (!files.Any(f => f.MentionsUnsync && f.Parsed)) return;
        var byName = new Dictionary<string, int>(StringComparer.Ordinal);
        var byLastPart = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int i = 0; i < files.Length; i++)
        {
            string name = files[i].File.ModuleName;
            byName.TryAdd(name, i);
            string last = name[(name.LastIndexOf('.') + 1)..];
            if (!byLastPart.TryGetValue(last, out var list)) byLastPart[last] = list = [];
            list.Add(i);
        }
        var imports = new List<int>[files.Length];
        var importedBy = new List<int>[files.Length];
        for (int i = 0; i < files.Length; i++)
        {
            imports[i] = [];
            importedBy[i] = [];
        }
        var suffixCache = new Dictionary<string, int>(StringComparer.Ordinal);
        int Resolve(string name)
        {
            if (byName.TryGetValue(name, out int idx)) return idx;
            if (KnownNames.IsStdlib(name)) return -1;
            if (suffixCache.TryGetValue(name, out idx)) return idx;
            idx = -1;
            string suffix = "." + name;
            if (byLastPart.TryGetValue(name[(name.LastIndexOf('.') + 1)..], out var candidates))
            {
                foreach (int i in candidates)
                {
                    string n = files[i].File.ModuleName;
                    if (n.EndsWith(suffix, StringComparison.Ordinal) && (idx < 0 || n.Length < files[idx].File.ModuleName.Length)) idx = i;
                }
            }
            suffixCache[name] = idx;
            return idx;
        }
        for (int i = 0; i < files.Length; i++)
        {
            var f = files[i];
            string pkg = f.File.IsPackageInit ? f.File.ModuleName
                : f.File.ModuleName.Contains('.') ? f.File.ModuleName[..f.File.ModuleName.LastIndexOf('.')] : "";
            foreach (var (level, module, names) in f.Imports)
            {
                string? target = module;
                if (level > 0)
                {
                    string p = pkg;
                    for (int k = 1; k < level && p.Length > 0; k++) p = p.Contains('.') ? p[..p.LastIndexOf('.')] : "";
                    target = string.IsNullOrEmpty(module) ? p : p.Length == 0 ? module : p + "." + module;
                }
                if (string.IsNullOrEmpty(target)) continue;
                var parts = target.Split('.');
                for (int k = 1; k <= parts.Length; k++)
                {
                    int j = Resolve(string.Join('.', parts, 0, k));
                    if (j >= 0 && j != i) { imports[i].Add(j); importedBy[j].Add(i); }
                }
                foreach (var n in names)
                {
                    if (n == "*") continue;
                    int j = Resolve(target + "." + n);
                    if (j >= 0 && j != i) { imports[i].Add(j); importedBy[j].Add(i); }
                }
            }
        }
        // Walked: the modules that mention unsync, and every module importing one of those (transitively).
        var queue = new Queue<int>();
        for (int i = 0; i < files.Length; i++)
        {
            if (files[i].MentionsUnsync && files[i].Parsed)
            {
                files[i].Walk = files[i].Relevant = true;
                queue.Enqueue(i);
            }
        }
        while (queue.Count > 0)
        {
            int i = queue.Dequeue();
            foreach (int j in importedBy[i])
            {
                if (files[j].Walk || !files[j].Parsed) continue;
                files[j].Walk = files[j].Relevant = true;
                queue.Enqueue(j);
            }
        }
        // Needed for evaluation (bases, returned values, re-exports, functions given wrappers): what those import.
        for (int i = 0; i < files.Length; i++)
            if (files[i].Walk) queue.Enqueue(i);
        while (queue.Count > 0)
        {
            int i = queue.Dequeue();
            foreach (int j in imports[i])
            {
                if (files[j].Relevant || !files[j].Parsed) continue;
                files[j].Relevant = true;
                queue.Enqueue(j);
            }
        }
    }

    /// <summary>Runs <paramref name="work"/>(i) for i in [0, count) on <paramref name="jobs"/> big-stack threads.</summary>
    static void Parallel(int count, int jobs, Action<int> work, CancellationToken cancellationToken)
    {
        if (count == 0) return;
        int next = -1;
        Exception? failure = null;
        void Worker()
        {
            try
            {
                while (!cancellationToken.IsCancellationRequested && Volatile.Read(ref failure) == null)
                {
                    int i = Interlocked.Increment(ref next);
                    if (i >= count) return;
                    work(i);
                }
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref failure, e, null);
            }
        }
        var threads = Enumerable.Range(0, Math.Min(jobs, count))
            .Select(t => new Thread(Worker, WorkerStackSize) { IsBackground = true, Name = $"scan-{t}" })
            .ToList();
        foreach (var t in threads) t.Start();
        foreach (var t in threads) t.Join();
        if (failure != null) throw new AggregateException("a scan worker failed", failure);
        cancellationToken.ThrowIfCancellationRequested();
    }

    static void RunOnBigStack(Action action, CancellationToken cancellationToken)
    {
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try { action(); }
            catch (Exception e) { failure = e; }
        }, WorkerStackSize) { IsBackground = true, Name = "scan-analysis" };
        thread.Start();
        thread.Join();
        if (failure != null) throw new AggregateException("the analysis failed", failure);
        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>Checks the stack before recursing (the analysis walks trees recursively).</summary>
    internal static void CheckStack() => RuntimeHelpers.EnsureSufficientExecutionStack();
}
