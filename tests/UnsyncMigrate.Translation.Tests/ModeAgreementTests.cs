using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using UnsyncMigrate.Analysis.Model;
using UnsyncMigrate.Analysis.Program;
using UnsyncMigrate.TestSupport;

namespace UnsyncMigrate.Translation.Tests;

/// <summary>
/// The mode written in the code is the mode in the report: for every function of the scan's
/// report, the generated C# runs it on that executor (read back from the C# syntax, not from
/// the translator's own bookkeeping), or the migration says at migrate time what happens instead.
/// </summary>
public class ModeAgreementTests
{
    static string Samples => Path.Combine(RepoRoot.Find(), "tests", "samples");

    /// <summary>Where the generated code runs each report function: the executor, or why it is decided elsewhere.</summary>
    static List<string> Disagreements(string programDir, string? entryFile = null)
    {
        var program = AnalyzedProgram.Load(programDir);
        Assert.Empty(program.Problems);
        var entry = EntryModule.Choose(program, entryFile == null ? null : Path.Combine(programDir, entryFile))!;
        var output = new ProgramTranslator(new ProgramModel(program, entry.Name)).Translate();
        var trees = output.Files.ToDictionary(f => f.RelativePath, f => CSharpSyntaxTree.ParseText(f.Content).GetRoot());
        var entryPoint = output.Files.Single(f => f.RelativePath == "Program.cs").Content;
        var problems = new List<string>();
        foreach (var f in program.Report.Functions.Where(f => !f.External))
        {
            string mode = ReportNames.Of(f.Mode);
            string where = $"{f.File}:{f.Line} {f.Qualname} [{mode}, {ReportNames.Of(f.How)}]";
            bool noted(string code) => output.Notes.Any(n => n.Code == code && (n.File == f.File || n.File == f.WrapFile)
                                                          && (n.Line == f.Line || n.Line == f.WrapSpan.Line));
            var names = output.ModuleNames.Single(n => n.RelativePath == f.File);
            string? emitted = EmittedExecutor(trees[names.File], names.Class, f.Qualname);
            if (f.Mode == ExecutionMode.Unknown)
            {
                // Known only when the decorator runs: the code must choose then (as unsync does), or say it cannot.
                bool choosesAtRunTime = emitted == "process if cpu_bound, else thread" && f.CpuBound != null;
                if (!choosesAtRunTime && !noted("UM2003") && f.How == WrapKind.Decorator) problems.Add($"{where}: unknown mode without a UM2003 warning");
                continue;
            }
            if (emitted != null)
            {
                if (emitted != mode) problems.Add($"{where}: the C# runs it as {emitted}");
                continue;
            }
            // Not a method of its own: a wrapper made at run time (unsync(f), stacked decorators),
            // which applies unsync's own rule (coroutine function? cpu_bound?) when it is created.
            if (f.Mode == ExecutionMode.Process
                && !entryPoint.Contains($"RegisterWrappedTarget(\"{f.Module}:{f.Qualname}\"", StringComparison.Ordinal) && !noted("UM2004"))
                problems.Add($"{where}: a process function that no worker can run, without a UM2004 warning");
        }
        return problems;
    }

    /// <summary>The executor the C# method (or nested PyFunc) of <paramref name="qualname"/> returns a future of, or null when it has none.</summary>
    static string? EmittedExecutor(SyntaxNode root, string moduleClass, string qualname)
    {
        SyntaxNode? body = null;
        if (qualname.Contains("<locals>"))
        {
            body = root.DescendantNodes().OfType<ObjectCreationExpressionSyntax>()
                .FirstOrDefault(o => o.Type.ToString() == "PyFunc" && o.ArgumentList?.Arguments.Count == 3
                                     && o.ArgumentList.Arguments[2].Expression is LiteralExpressionSyntax l && l.Token.ValueText == qualname)
                ?.ArgumentList!.Arguments[1].Expression;
        }
        else
        {
            var parts = qualname.Split('.');
            SyntaxNode? scope = root.DescendantNodes().OfType<ClassDeclarationSyntax>().FirstOrDefault(c => c.Identifier.Text == moduleClass);
            foreach (var cls in parts[..^1])
                scope = scope?.ChildNodes().OfType<ClassDeclarationSyntax>().FirstOrDefault(c => c.Identifier.ValueText == cls);
            body = scope?.ChildNodes().OfType<MethodDeclarationSyntax>()
                .FirstOrDefault(m => m.Identifier.ValueText == parts[^1])?.Body;
        }
        var returned = body?.DescendantNodes().OfType<ReturnStatementSyntax>().FirstOrDefault()?.Expression;
        if (returned is ConditionalExpressionSyntax choice && Executor(choice.WhenTrue) == "process" && Executor(choice.WhenFalse) == "thread")
            return "process if cpu_bound, else thread";
        return Executor(returned);
    }

    static string? Executor(ExpressionSyntax? call) => (call as InvocationExpressionSyntax)?.Expression.ToString() switch
    {
        "Unsync.Loop<object?>" => "async-loop",
        "Unsync.Thread<object?>" => "thread",
        "PyUnsync.Process" => "process",
        "PyUnsync.CpuBoundAsyncError" => "error-cpu-bound-async",
        _ => null,
    };

    [Fact]
    public void EveryFunction_OfTheSamplePrograms_RunsWhereTheReportSays()
    {
        foreach (var (sample, entry) in new[] { ("modes", (string?)null), ("cpu_bound", "cpu_bound.py"), ("greetings", null) })
        {
            var problems = Disagreements(Path.Combine(Samples, sample), entry);
            Assert.True(problems.Count == 0, $"{sample}: {string.Join("\n", problems)}");
        }
    }

    [RequiresFact(Requirement.SharedFolder)]
    public void EveryFunction_OfTheCorpus_RunsWhereTheReportSays()
    {
        var corpus = Path.Combine(SharedFolder.TryFind()!, "corpus", "public");
        var problems = Directory.GetDirectories(corpus).Order(StringComparer.Ordinal)
            .SelectMany(c => Disagreements(c).Select(p => $"{Path.GetFileName(c)}: {p}")).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void StackedCpuBound_OnAFunctionNoWorkerCanRun_IsReported()
    {
        var analysis = AnalyzedProgram.FromSources([("main.py", """
            from unsync import unsync

            def deco(f):
                return f

            @unsync(cpu_bound=True)
            @deco
            def heavy(n):
                return n * n

            print(heavy(3).result())
            """.ReplaceLineEndings("\n") + "\n")]);
        var output = new ProgramTranslator(new ProgramModel(analysis, "main")).Translate();
        var note = Assert.Single(output.Notes);
        Assert.Equal(("UM2004", 8), (note.Code, note.Line));
        Assert.Contains("runs on the thread pool instead", note.Message);
        var readme = Scaffolding.ProjectScaffolder.Scaffold(new Scaffolding.ScaffoldOptions("P", "Migrated", "p", "main", "0.0.0-test"), output)
            .Single(f => f.RelativePath == "README.md").Content;
        Assert.Contains("| `main.py:8` | UM2004 |", readme);
    }
}
