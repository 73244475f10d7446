using UnsyncMigrate.AstGen;
using UnsyncMigrate.Python.Tests.Support;

namespace UnsyncMigrate.Python.Tests;

public class GeneratedCodeTests
{
    /// <summary>Nodes.g.cs is what AstGen makes of python-ast.def today (regenerate with the AstGen project).</summary>
    [Fact]
    public void Nodes_g_cs_is_up_to_date()
    {
        var dir = Path.Combine(Paths.RepoRoot, "src", "UnsyncMigrate.Python", "Ast");
        string generated = NodeGenerator.Generate(File.ReadAllText(Path.Combine(dir, "python-ast.def")));
        string committed = File.ReadAllText(Path.Combine(dir, "Nodes.g.cs"));
        Assert.True(generated == committed,
            "src/UnsyncMigrate.Python/Ast/Nodes.g.cs is stale: run `dotnet run --project src/UnsyncMigrate.AstGen`\n" +
            Golden.Diff(committed, generated, maxLines: 40));
    }
}
