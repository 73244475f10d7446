using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

// Usage: CompileCheck PROJECT_DIR... Compiles each generated project's C# files (as its csproj
// does: net10.0, nullable, implicit usings, lib/UnsyncMigrate.Runtime.dll) and prints every error as
// MSBuild does (FILE(LINE,COL): error CODE: message, FILE relative to the project), each project after
// a line "## PROJECT_DIR"; exit 1 if there is any. Several folders share one process
// (Roslyn is loaded and compiled once).
if (args.Length == 0 || args.Any(a => !Directory.Exists(a)))
{
    Console.Error.WriteLine("usage: CompileCheck PROJECT_DIR...");
    return 2;
}
var parse = new CSharpParseOptions(LanguageVersion.Latest);
// What <ImplicitUsings>enable</ImplicitUsings> adds for Microsoft.NET.Sdk.
const string implicitUsings = "global using System; global using System.Collections.Generic; global using System.IO; global using System.Linq; " +
                              "global using System.Net.Http; global using System.Threading; global using System.Threading.Tasks;";
var framework = Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>().ToList();
int errors = 0;
foreach (string arg in args)
{
    string dir = Path.GetFullPath(arg);
    Console.WriteLine("## " + arg);
    var trees = Directory.GetFiles(dir, "*.cs", SearchOption.AllDirectories)
        .Where(f => !Path.GetRelativePath(dir, f).Split(Path.DirectorySeparatorChar).Any(p => p is "bin" or "obj"))
        .Order(StringComparer.Ordinal)
        .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), parse, Path.GetRelativePath(dir, f)))
        .Append(CSharpSyntaxTree.ParseText(implicitUsings, parse, "ImplicitUsings.g.cs"))
        .ToList();
    var references = framework.Append(MetadataReference.CreateFromFile(Path.Combine(dir, "lib", "UnsyncMigrate.Runtime.dll")));
    var compilation = CSharpCompilation.Create("Check", trees, references,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    foreach (var d in compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error))
    {
        var span = d.Location.GetLineSpan();
        Console.WriteLine($"{span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): error {d.Id}: {d.GetMessage()}");
        errors++;
    }
}
return errors > 0 ? 1 : 0;
