using UnsyncMigrate.AstGen;

// Usage: AstGen [SPEC] [OUT]; defaults locate the front end's folder from this project.
string here = AppContext.BaseDirectory;
string repoSrc = FindSrc(here);
string spec = args.Length > 0 ? args[0] : Path.Combine(repoSrc, "UnsyncMigrate.Python", "Ast", "python-ast.def");
string output = args.Length > 1 ? args[1] : Path.Combine(repoSrc, "UnsyncMigrate.Python", "Ast", "Nodes.g.cs");
string code = NodeGenerator.Generate(File.ReadAllText(spec));
File.WriteAllText(output, code);
Console.WriteLine($"wrote {output}");
return 0;

static string FindSrc(string start)
{
    for (var d = new DirectoryInfo(start); d != null; d = d.Parent)
        if (File.Exists(Path.Combine(d.FullName, "UnsyncMigrate.Python", "UnsyncMigrate.Python.csproj")))
            return d.FullName;
        else if (File.Exists(Path.Combine(d.FullName, "src", "UnsyncMigrate.Python", "UnsyncMigrate.Python.csproj")))
            return Path.Combine(d.FullName, "src");
    throw new DirectoryNotFoundException("cannot find src/UnsyncMigrate.Python from " + start);
}
