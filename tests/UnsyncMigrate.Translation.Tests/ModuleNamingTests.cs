using UnsyncMigrate.Analysis.Program;
using UnsyncMigrate.Python;
using static UnsyncMigrate.Translation.Tests.SnippetRunner;

namespace UnsyncMigrate.Translation.Tests;

/// <summary>
/// Modules whose C# names would collide (names equal but for case, snake_case against
/// camelCase, a module called program) get distinct files and classes, also on file systems
/// that ignore case, and the program still prints what CPython prints.
/// </summary>
public class ModuleNamingTests
{
    static IReadOnlyList<SourceModule> Modules(params string[] names) =>
        AnalyzedProgram.FromSources(names.Select(n => (n.Replace('.', '/') + ".py", "X = 1\n"))).Modules;

    static string Show(IEnumerable<ModuleCsName> names) =>
        string.Join("\n", names.Select(n => $"{n.Module}: {n.File} {n.Class}{(n.RenamedFrom != null ? $" (was {n.RenamedFrom}, taken by {n.TakenBy})" : "")}"));

    [Fact]
    public void Assign_CaseOnlyAndSpellingClashes_GetNumberedNames()
    {
        var names = ModuleNaming.Assign(Modules("util", "Util", "my_mod", "myMod", "main", "program", "pkg.util", "pkg.Util"));
        Assert.Equal(
            """
            Util: Util.cs UtilModule
            main: Main.cs MainModule
            myMod: MyMod.cs MyModModule
            my_mod: MyMod_2.cs MyMod_2Module (was MyMod.cs, taken by myMod)
            pkg.Util: Pkg.Util.cs Pkg_UtilModule
            pkg.util: Pkg.Util_2.cs Pkg_Util_2Module (was Pkg.Util.cs, taken by pkg.Util)
            program: Program_2.cs Program_2Module (was Program.cs, taken by Program.cs)
            util: Util_2.cs Util_2Module (was Util.cs, taken by Util)
            """.ReplaceLineEndings("\n"), Show(names));
        Assert.Equal(names.Count, names.Select(n => n.File.ToLowerInvariant()).Distinct().Count());
        Assert.Equal(names.Count, names.Select(n => n.Class).Distinct().Count());
    }

    [Fact]
    public void Assign_AlreadyNumberedNameOfAnotherModule_IsSkipped()
    {
        // util_2.py naturally makes Util_2.cs: the clash of util/Util must take _3.
        var names = ModuleNaming.Assign(Modules("Util", "util", "util_2"));
        Assert.Equal(3, names.Select(n => n.File.ToLowerInvariant()).Distinct().Count());
        Assert.Equal(3, names.Select(n => n.Class).Distinct().Count());
    }

    [Fact]
    public void Translate_ClashingModules_RunAsInPython()
    {
        // Recorded with CPython 3.13 on Linux (a case-sensitive file system), the same five files.
        const string python = """
            # module: main
            import util
            import Util
            import my_mod
            import myMod
            import program

            print(util.NAME, Util.NAME, my_mod.NAME, myMod.NAME, program.NAME)
            print(util.where(), Util.where())
            # module: util
            NAME = 'lower'


            def where():
                return 'util.where'
            # module: Util
            NAME = 'upper'


            def where():
                return 'Util.where'
            # module: my_mod
            NAME = 'snake'
            # module: myMod
            NAME = 'camel'
            # module: program
            NAME = 'program'
            """;
        Assert.Equal("lower upper snake camel program\nutil.where Util.where\n", TranslateAndRun(python.ReplaceLineEndings("\n") + "\n"));
    }
}
