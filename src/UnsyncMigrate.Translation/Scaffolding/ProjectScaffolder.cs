using System.Reflection;
using Scriban;
using Scriban.Runtime;

namespace UnsyncMigrate.Translation.Scaffolding;

/// <summary>What the generated project is called and where it came from.</summary>
/// <param name="EntryModule">The module that runs as <c>__main__</c>; null: a class library (no <c>Program.cs</c>).</param>
/// <param name="Unported">The libraries the program uses beyond what the runtime provides (listed in the README).</param>
public sealed record ScaffoldOptions(string AssemblyName, string RootNamespace, string SourceName, string? EntryModule, string ToolVersion,
    IReadOnlyList<UnportedLibrary>? Unported = null);

/// <summary>One library the program uses beyond what the runtime provides: the members it uses, how often, and what a migrator would reach for in .NET.</summary>
public sealed record UnportedLibrary(string Library, IReadOnlyList<string> Members, int Uses, string DotNetEquivalent);

/// <summary>
/// Lays out the generated project around the translated C# files, from the Scriban templates
/// in the repository's <c>templates/</c> folder (embedded in this assembly).
/// </summary>
public static class ProjectScaffolder
{
    /// <summary>The non-C# files of the project: csproj, build isolation props, README.</summary>
    public static IReadOnlyList<GeneratedFile> Scaffold(ScaffoldOptions options, TranslationOutput output)
    {
        var model = new
        {
            options.AssemblyName,
            options.RootNamespace,
            options.SourceName,
            EntryModule = options.EntryModule ?? "",
            IsLibrary = options.EntryModule == null,
            // A library's first module, for the README's example of calling it.
            Example = output.ModuleNames.Select(m => new { Name = m.Module, m.Class }).FirstOrDefault() ?? new { Name = "", Class = "" },
            HasRegistration = output.Files.Any(f => f.RelativePath == ProgramTranslator.LibraryRegistrationFile),
            options.ToolVersion,
            Modules = output.ModuleNames.Select(m => new { Name = m.Module, m.File }).ToList(),
            Gaps = output.Gaps.Select(g => new { g.File, g.Line, Construct = g.Construct.Replace("|", "\\|") }).ToList(),
            Notes = output.Notes.Select(n => new { n.File, n.Line, n.Code, Message = n.Message.Replace("|", "\\|") }).ToList(),
            Unported = (options.Unported ?? []).Select(u => new
            {
                u.Library, u.Uses, Equivalent = u.DotNetEquivalent,
                Members = string.Join(", ", u.Members.Take(12).Select(m => $"`{m}`")) + (u.Members.Count > 12 ? $" and {u.Members.Count - 12} more" : ""),
            }).ToList(),
        };
        return
        [
            new GeneratedFile(options.AssemblyName + ".csproj", Render("project/project.csproj.sbn", model)),
            new GeneratedFile("Directory.Build.props", Render("project/Directory.Build.props.sbn", model)),
            new GeneratedFile("Directory.Packages.props", Render("project/Directory.Packages.props.sbn", model)),
            new GeneratedFile("README.md", Render("project/README.md.sbn", model)),
        ];
    }

    static string Render(string name, object model)
    {
        var text = Load(name);
        var template = Template.Parse(text, name);
        if (template.HasErrors) throw new InvalidOperationException($"template {name}: {template.Messages[0]}");
        // LoopLimit 0: the README lists every untranslated construct, and a large program has thousands.
        var context = new TemplateContext { StrictVariables = true, MemberRenamer = m => m.Name, LoopLimit = 0 };
        var globals = new ScriptObject();
        globals.Import(model, renamer: m => m.Name);
        context.PushGlobal(globals);
        return template.Render(context).ReplaceLineEndings("\n");
    }

    static string Load(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("templates/" + name)
            ?? throw new FileNotFoundException("embedded template missing: " + name);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
