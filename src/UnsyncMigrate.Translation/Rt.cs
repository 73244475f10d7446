using Microsoft.CodeAnalysis.CSharp.Syntax;
using static UnsyncMigrate.Translation.Cs;

namespace UnsyncMigrate.Translation;

/// <summary>
/// The runtime API the generated code calls, in one place: every name of
/// UnsyncMigrate.Runtime that the translator emits comes from here.
/// </summary>
internal static class Rt
{
    public const string RuntimeNamespace = "UnsyncMigrate.Runtime";
    public const string PythonNamespace = "UnsyncMigrate.Runtime.Python";

    // ---- executor ----------------------------------------------------------------
    public static ExpressionSyntax Loop(ExpressionSyntax asyncLambda) => Call(Member(Id("Unsync"), "Loop"), asyncLambda);
    public static ExpressionSyntax Thread(ExpressionSyntax lambda) => Call(Member(Id("Unsync"), "Thread"), lambda);
    public static ExpressionSyntax Process(string key, ExpressionSyntax args) => Call(Member(Id("Unsync"), "Process"), Str(key), args);
    public static ExpressionSyntax CpuBoundAsync(string name) => Call(Member(Id("Unsync"), "CpuBoundAsyncError"), Str(name));
    public static ExpressionSyntax Await(ExpressionSyntax value) => Py("Await", value);
    public static ExpressionSyntax AsyncSleep(ExpressionSyntax seconds) => Call(Member(Id("Unsync"), "Sleep"), seconds);
    public static ExpressionSyntax Wrap(ExpressionSyntax callable, ExpressionSyntax cpuBound) => Call(Member(Id("Unsync"), "Wrap"), callable, cpuBound);

    // ---- Python semantics ----------------------------------------------------------
    public static ExpressionSyntax IsTrue(ExpressionSyntax e) => Py("IsTrue", e);
    public static ExpressionSyntax Kwargs(IEnumerable<(string Name, ExpressionSyntax Value)> items, IEnumerable<ExpressionSyntax> spreads)
    {
        ExpressionSyntax kw = Call(Member(Id("PyKwargs"), "Of"), items.SelectMany(i => new[] { Str(i.Name), i.Value }).ToArray());
        foreach (var s in spreads) kw = Call(Member(kw, "With"), s);
        return kw;
    }
}
