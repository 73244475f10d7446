using UnsyncMigrate.Analysis.Program;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using UnsyncMigrate.Python;
using UnsyncMigrate.Runtime.Python;

namespace UnsyncMigrate.Translation.Tests;

/// <summary>
/// Translates Python snippets, compiles the C# in memory against the runtime, runs a snippet's
/// module code and returns what it printed. A batch compiles many snippets into one assembly
/// (one namespace each), since compiling is the slow part.
/// </summary>
internal static class SnippetRunner
{
    /// <summary>Held while a snippet runs: the runtime's stdout is process-wide.</summary>
    internal static readonly object StdoutLock = new();

    static readonly MetadataReference[] References = Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>()
        .Append(MetadataReference.CreateFromFile(typeof(UnsyncMigrate.Runtime.Unsync).Assembly.Location)).ToArray();

    public static string TranslateAndRun(string python)
    {
        var batch = new Batch(new Dictionary<string, string> { ["single"] = python });
        return batch.Run("single");
    }

    /// <summary>
    /// The C# files of one snippet translated as program <c>main</c>, in namespace <paramref name="ns"/>.
    /// A snippet of several modules separates them with <c># module: NAME</c> lines (the entry is <c>main</c>).
    /// </summary>
    static (List<SyntaxTree> Trees, string Source) Translate(string python, string ns)
    {
        var analysis = AnalyzedProgram.FromSources(SplitModules(python).Select(m => (m.Name + ".py", m.Source)));
        Assert.True(analysis.Problems.Count == 0, "does not parse: " + string.Join("; ", analysis.Problems.Select(p => $"{p.File}({p.Line}): {p.Message}")));
        var output = new ProgramTranslator(new ProgramModel(analysis, "main"), ns).Translate();
        Assert.True(output.Gaps.Count == 0, "untranslated: " + string.Join("; ", output.Gaps.Select(g => $"{g.Line}: {g.Construct}")));
        string source = string.Join("\n", output.Files.Select(f => f.Content));
        return (output.Files.Select(f => CSharpSyntaxTree.ParseText(f.Content, path: ns + "/" + f.RelativePath)).ToList(), source);
    }

    static IEnumerable<(string Name, string Source)> SplitModules(string python)
    {
        const string marker = "# module: ";
        if (!python.StartsWith(marker, StringComparison.Ordinal)) { yield return ("main", python); yield break; }
        foreach (var part in python.Split("\n" + marker).Select((p, i) => i == 0 ? p[marker.Length..] : p))
        {
            int eol = part.IndexOf('\n');
            yield return (part[..eol].Trim(), part[(eol + 1)..]);
        }
    }

    /// <summary>Snippets compiled together on first use; a snippet that fails to translate or compile fails alone.</summary>
    public sealed class Batch(IReadOnlyDictionary<string, string> snippets)
    {
        readonly Lazy<(Assembly? Assembly, Dictionary<string, string> Errors)> _compiled = new(() => Compile(snippets));

        public string Run(string name) => RunCapturing(name, captureStderr: false).Stdout;

        /// <summary>What the snippet printed on stdout and on stderr (its sys.stderr, logging's default stream).</summary>
        public (string Stdout, string Stderr) RunCapturingStderr(string name) => RunCapturing(name, captureStderr: true);

        (string Stdout, string Stderr) RunCapturing(string name, bool captureStderr)
        {
            var (assembly, errors) = _compiled.Value;
            if (errors.TryGetValue(name, out var error)) Assert.Fail(error);
            var module = assembly!.GetType(Namespace(name) + ".MainModule")!;
            var writer = new StringWriter();
            var errWriter = new StringWriter();
            lock (StdoutLock)
            {
                // Each snippet starts as a fresh interpreter would: logging's loggers and handlers are process-wide.
                UnsyncMigrate.Runtime.Python.Lib.Logging.Logging.Reset();
                var stderr = Console.Error;
                Py.SetStdout(writer);
                if (captureStderr) Console.SetError(errWriter);
                try { module.GetMethod("__init__")!.Invoke(null, null); }
                catch (TargetInvocationException e) { Assert.Fail($"raised {e.InnerException}\nprinted so far:\n{writer}"); }
                finally
                {
                    Py.FlushStdout();
                    if (captureStderr) Console.SetError(stderr);
                }
            }
            return (writer.ToString(), errWriter.ToString());
        }

        static string Namespace(string name) => "Snippet_" + name;

        static (Assembly?, Dictionary<string, string>) Compile(IReadOnlyDictionary<string, string> snippets)
        {
            var errors = new Dictionary<string, string>();
            var translated = new Dictionary<string, (List<SyntaxTree> Trees, string Source)>();
            foreach (var (name, python) in snippets)
            {
                try { translated[name] = Translate(python, Namespace(name)); }
                catch (Exception e) { errors[name] = e.Message; }
            }
            // A compile error in one snippet drops that snippet and compiles the rest again.
            while (true)
            {
                var compilation = CSharpCompilation.Create("snippets_" + Guid.NewGuid().ToString("N"),
                    translated.Values.SelectMany(t => t.Trees), References,
                    new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
                using var ms = new MemoryStream();
                var emit = compilation.Emit(ms);
                // Generated code builds clean: a warning in a snippet fails that snippet like an error.
                var warned = emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning && d.Location.SourceTree != null)
                    .GroupBy(d => d.Location.SourceTree!.FilePath.Split('/')[0]).ToList();
                foreach (var n in translated.Keys.Where(n => warned.Any(g => g.Key == Namespace(n))).ToList())
                    errors[n] = "C# warnings:\n" + string.Join("\n", warned.First(g => g.Key == Namespace(n))) + "\n" + translated[n].Source;
                if (emit.Success) return (Assembly.Load(ms.ToArray()), errors);
                var broken = emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)
                    .GroupBy(d => d.Location.SourceTree?.FilePath.Split('/')[0] ?? "").ToList();
                var names = translated.Keys.Where(n => broken.Any(g => g.Key == Namespace(n))).ToList();
                if (names.Count == 0)
                    throw new InvalidOperationException(string.Join("\n", emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
                foreach (var n in names)
                {
                    errors[n] = "C# does not compile:\n" + string.Join("\n", broken.First(g => g.Key == Namespace(n))) + "\n" + translated[n].Source;
                    translated.Remove(n);
                }
            }
        }
    }
}
