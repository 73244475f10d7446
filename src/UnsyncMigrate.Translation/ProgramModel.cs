using UnsyncMigrate.Python.Ast;

namespace UnsyncMigrate.Translation;

/// <summary>One Python module of the program being translated.</summary>
public sealed record PythonModule(string Name, string RelativePath, ModModule Tree, bool IsPackage = false);

/// <summary>The whole program: its modules and which one is the entry point.</summary>
public sealed record ProgramModel(IReadOnlyList<PythonModule> Modules, string EntryModule);

/// <summary>A generated C# file, relative to the output project's root.</summary>
public sealed record GeneratedFile(string RelativePath, string Content);

/// <summary>A Python construct that was not translated, with where it is and the stub that replaced it.</summary>
public sealed record TranslationGap(string File, int Line, int Column, string Construct, string SourceLine);

/// <summary>What the translator produced.</summary>
/// <remarks><see cref="TypingByModule"/>: per module, how many declarations the C# types statically;
/// <see cref="ModuleNames"/>: each module's C# file and class (in module-name order).</remarks>
public sealed record TranslationOutput(IReadOnlyList<GeneratedFile> Files, IReadOnlyList<TranslationGap> Gaps,
    IReadOnlyList<string> ProcessTargets, IReadOnlyList<TypingReport> TypingByModule, IReadOnlyList<ModuleCsName> ModuleNames)
{
    /// <summary>The typing figures of the whole program.</summary>
    public TypingReport Typing => TypingReport.Sum("*", TypingByModule);
}

/// <summary>How an unsync function runs: the modes of the analysis report.</summary>
public enum UnsyncMode { None, AsyncLoop, Thread, Process, CpuBoundAsyncError }
