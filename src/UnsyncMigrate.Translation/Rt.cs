using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CSharp;
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
    static ExpressionSyntax Generic(string type, string method) =>
        SyntaxFactory.MemberAccessExpression(Microsoft.CodeAnalysis.CSharp.SyntaxKind.SimpleMemberAccessExpression, Id(type),
            SyntaxFactory.GenericName(method).AddTypeArgumentListArguments(Cs.Object));

    public static ExpressionSyntax Loop(ExpressionSyntax asyncLambda) => Call(Generic("Unsync", "Loop"), asyncLambda);
    public static ExpressionSyntax Thread(ExpressionSyntax lambda) => Call(Generic("Unsync", "Thread"), lambda);
    public static ExpressionSyntax Process(string key, ExpressionSyntax args) => Call(Member(Id("PyUnsync"), "Process"), Str(key), args);
    public static ExpressionSyntax CpuBoundAsync(string name) => Call(Member(Id("PyUnsync"), "CpuBoundAsyncError"), Str(name));
    public static ExpressionSyntax Await(ExpressionSyntax value) => Py("Await", value);
    public static ExpressionSyntax AsyncSleep(ExpressionSyntax seconds) => Call(Member(Id("PyUnsync"), "Sleep"), seconds);
    public static ExpressionSyntax Wrap(ExpressionSyntax callable, ExpressionSyntax cpuBound) => Call(Member(Id("PyUnsync"), "Wrap"), callable, cpuBound);
    public static ExpressionSyntax FromValue(ExpressionSyntax value) => Call(Member(Id("PyUnsync"), "FromValue"), value);

    // ---- Python semantics ----------------------------------------------------------
    public static ExpressionSyntax IsTrue(ExpressionSyntax e) => Py("IsTrue", e);
    public static ExpressionSyntax Kwargs(IEnumerable<(string Name, ExpressionSyntax Value)> items, IEnumerable<ExpressionSyntax> spreads)
    {
        ExpressionSyntax kw = Py("Kw", items.SelectMany(i => new[] { Str(i.Name), i.Value }).ToArray());
        foreach (var s in spreads) kw = Py("KwMerge", kw, s);
        return kw;
    }
}
