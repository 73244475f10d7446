using UnsyncMigrate.Analysis.Program;

namespace UnsyncMigrate.Translation;

/// <summary>
/// What a translation starts from: the analysis' program model (modules, names, unsync modes:
/// the same facts the report is made of) and which module is the entry point (null: a class
/// library, with no entry point and no module running as <c>__main__</c>).
/// </summary>
public sealed record ProgramModel(AnalyzedProgram Analysis, string? EntryModule)
{
    public IReadOnlyList<SourceModule> Modules => Analysis.Modules;
}

/// <summary>A generated C# file, relative to the output project's root.</summary>
public sealed record GeneratedFile(string RelativePath, string Content);

/// <summary>A Python construct that was not translated, with where it is and the stub that replaced it.</summary>
public sealed record TranslationGap(string File, int Line, int Column, string Construct, string SourceLine);

/// <summary>
/// A warning about the translation other than an untranslated construct (those are
/// <see cref="TranslationGap"/>s): where, its code (<c>UM2003</c>...) and what happens instead.
/// </summary>
public sealed record TranslationNote(string File, int Line, int Column, string Code, string Message);

/// <summary>
/// A place where the generated code looks up something from outside the program in the
/// runtime by its Python name (<c>Py.Lib("json.dumps")</c>, <c>Py.CallLib</c>...): what may raise
/// <c>NotSupportedException</c> when reached, if the runtime lacks it. Constructs the translation
/// lowers itself (dataclasses, super(), sorted keys...) are not such places.
/// </summary>
public sealed record LibraryUse(string File, int Line, int Column, string Path);

/// <summary>What the translator produced.</summary>
/// <remarks><see cref="TypingByModule"/>: per module, how many declarations the C# types statically;
/// <see cref="ModuleNames"/>: each module's C# file and class (in module-name order); <see cref="Notes"/>: warnings, by file and line;
/// <see cref="LibraryUses"/>: the runtime library lookups the code makes, by file and position.</remarks>
public sealed record TranslationOutput(IReadOnlyList<GeneratedFile> Files, IReadOnlyList<TranslationGap> Gaps,
    IReadOnlyList<string> ProcessTargets, IReadOnlyList<TypingReport> TypingByModule, IReadOnlyList<ModuleCsName> ModuleNames,
    IReadOnlyList<TranslationNote> Notes, IReadOnlyList<LibraryUse> LibraryUses)
{
    /// <summary>The typing figures of the whole program.</summary>
    public TypingReport Typing => TypingReport.Sum("*", TypingByModule);
}

/// <summary>How an unsync function runs: the modes of the analysis report.</summary>
public enum UnsyncMode { None, AsyncLoop, Thread, Process, CpuBoundAsyncError }
