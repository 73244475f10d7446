using UnsyncMigrate.Analysis.Program;

namespace UnsyncMigrate.Translation;

/// <summary>
/// Where a module goes in C#: its file and its class. <see cref="RenamedFrom"/> is set when the
/// natural names were taken by another module (or by the entry point), so this module got a
/// numbered pair instead.
/// </summary>
/// <param name="Module">The Python module's name.</param>
/// <param name="RelativePath">The Python file.</param>
/// <param name="File">The C# file, relative to the project.</param>
/// <param name="Class">The C# class that holds the module.</param>
/// <param name="RenamedFrom">The file the module would have had, when it was taken.</param>
/// <param name="TakenBy">Who holds that file: another module's name, or the entry point's file.</param>
public sealed record ModuleCsName(string Module, string RelativePath, string File, string Class, string? RenamedFrom = null, string? TakenBy = null);

/// <summary>
/// Gives every module a C# file and class that no other module shares, also on file systems
/// that ignore case (macOS, Windows): <c>util.py</c> and <c>Util.py</c> both make <c>Util.cs</c>
/// and <c>UtilModule</c>, <c>my_mod.py</c> and <c>myMod.py</c> both make <c>MyMod.cs</c>, and a
/// module <c>program.py</c> would overwrite the entry point's <c>Program.cs</c>. Modules keep
/// their natural names in ordinal order of their Python names; a later one that collides gets
/// the first free <c>_2</c>, <c>_3</c>... suffix, so the choice is deterministic.
/// </summary>
public static class ModuleNaming
{
    /// <summary>Files the project writes besides the modules' own.</summary>
    public static readonly IReadOnlyList<string> ReservedFiles = ["Program.cs", ProgramTranslator.LibraryRegistrationFile];

    public static IReadOnlyList<ModuleCsName> Assign(IEnumerable<SourceModule> modules)
    {
        var files = ReservedFiles.ToDictionary(f => f, f => f, StringComparer.OrdinalIgnoreCase);
        var classes = new HashSet<string>(StringComparer.Ordinal);
        var names = new List<ModuleCsName>();
        foreach (var module in modules.OrderBy(m => m.Name, StringComparer.Ordinal))
        {
            string file = CSharpNames.ModuleFile(module.Name), cls = CSharpNames.ModuleClass(module.Name);
            string? renamedFrom = null, takenBy = null;
            if (files.ContainsKey(file) || classes.Contains(cls))
            {
                renamedFrom = file;
                takenBy = files.TryGetValue(file, out var owner) ? owner : names.First(n => n.Class == cls).Module;
                for (int n = 2; ; n++)
                {
                    string suffix = "_" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    (file, cls) = (CSharpNames.ModuleFile(module.Name, suffix), CSharpNames.ModuleClass(module.Name, suffix));
                    if (!files.ContainsKey(file) && !classes.Contains(cls)) break;
                }
            }
            files[file] = module.Name;
            classes.Add(cls);
            names.Add(new ModuleCsName(module.Name, module.RelativePath, file, cls, renamedFrom, takenBy));
        }
        return names;
    }
}
