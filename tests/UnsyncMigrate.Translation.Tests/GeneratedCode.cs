using UnsyncMigrate.Analysis.Program;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using UnsyncMigrate.Python;

namespace UnsyncMigrate.Translation.Tests;

/// <summary>Translates a one-module snippet and reads declarations back from the generated C# (so a test sees what the C# really declares).</summary>
internal static class GeneratedCode
{
    /// <summary>The translation of <paramref name="python"/> as program <c>main</c>, and its Main.cs.</summary>
    public static (string Code, TranslationOutput Output) Translate(string python)
    {
        var output = new ProgramTranslator(new ProgramModel(AnalyzedProgram.FromSources([("main.py", python)]), "main")).Translate();
        return (output.Files.Single(f => f.RelativePath == "Main.cs").Content, output);
    }

    /// <summary>The C# compiler's errors for the generated files, compiled against the runtime as a library (empty when it builds).</summary>
    public static List<string> CompileErrors(TranslationOutput output)
    {
        var trees = output.Files.Where(f => f.RelativePath.EndsWith(".cs", StringComparison.Ordinal))
            .Select(f => CSharpSyntaxTree.ParseText(f.Content, path: f.RelativePath));
        var refs = Basic.Reference.Assemblies.Net100.References.All.Cast<Microsoft.CodeAnalysis.MetadataReference>()
            .Append(Microsoft.CodeAnalysis.MetadataReference.CreateFromFile(typeof(UnsyncMigrate.Runtime.Unsync).Assembly.Location));
        var compilation = CSharpCompilation.Create("generated", trees, refs,
            new CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: Microsoft.CodeAnalysis.NullableContextOptions.Enable));
        return compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
    }

    /// <summary>The C# type of <paramref name="name"/> in method <paramref name="method"/> (a parameter or local; "return" for the return type), or a module field when method is null.</summary>
    public static string TypeOf(string code, string? method, string name)
    {
        var root = CSharpSyntaxTree.ParseText(code).GetRoot();
        if (method == null)
            return root.DescendantNodes().OfType<FieldDeclarationSyntax>()
                .Single(f => f.Declaration.Variables.Any(v => v.Identifier.Text == name)).Declaration.Type.ToString();
        var m = root.DescendantNodes().OfType<MethodDeclarationSyntax>().First(x => x.Identifier.Text == method);
        if (name == "return") return m.ReturnType.ToString();
        if (m.ParameterList.Parameters.FirstOrDefault(p => p.Identifier.Text == name) is { } p) return p.Type!.ToString();
        return m.DescendantNodes().OfType<LocalDeclarationStatementSyntax>()
            .First(l => l.Declaration.Variables.Any(v => v.Identifier.Text == name)).Declaration.Type.ToString();
    }
}
