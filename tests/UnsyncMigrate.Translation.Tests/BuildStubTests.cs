using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using UnsyncMigrate.Analysis.Program;

namespace UnsyncMigrate.Translation.Tests;

/// <summary>
/// Constructs of issue 13's build failures the translation leaves to a human: the C# still
/// compiles with 0 errors, and each is reported (UM2001 gap, or UM2002 for a library call the
/// runtime lacks) at the place it occurs.
/// </summary>
public class BuildStubTests
{
    /// <summary>The program translated (entry <c>main</c>) and compiled; fails on any C# error.</summary>
    static TranslationOutput TranslateAndCompile(params (string File, string Source)[] sources)
    {
        var output = new ProgramTranslator(new ProgramModel(AnalyzedProgram.FromSources(sources), "main")).Translate();
        var errors = GeneratedCode.CompileErrors(output);
        Assert.True(errors.Count == 0, string.Join("\n", errors) + "\n" + string.Join("\n", output.Files.Select(f => f.Content)));
        return output;
    }

    [Fact]
    public void DelOfAFieldAttribute_Compiles_ReportedAsAGap()
    {
        var output = TranslateAndCompile(("main.py", """
            class Box:
                def __init__(self):
                    self.item = 1

            b = Box()
            del b.item
            print(hasattr(b, 'item'))
            """));
        var gap = Assert.Single(output.Gaps);
        Assert.Equal((6, "del of attribute 'item' (a field of a class)"), (gap.Line, gap.Construct));
    }

    [Fact]
    public void BuiltinsTheRuntimeLacks_Compile_ReportedAsLibraryUses()
    {
        var output = TranslateAndCompile(("main.py", """
            data = bytearray(b'ab')
            z = complex(1, 2)
            print(eval('1 + 2'), 'data' in globals(), data, z)
            """));
        Assert.Empty(output.Gaps);
        // What the CLI reports as UM2002: each lookup the runtime does not provide, at its place.
        var missing = output.LibraryUses.Where(u => !UnsyncMigrate.Runtime.Python.PyLibrary.Provides(u.Path))
            .Select(u => (u.Line, u.Path)).OrderBy(u => u).ToList();
        Assert.Equal([(1, "builtins.bytearray"), (2, "builtins.complex"), (3, "builtins.eval"), (3, "builtins.globals")], missing);
    }

    [Fact]
    public void ClassDefiningNew_Compiles_ReportedAsAGap()
    {
        var output = TranslateAndCompile(("main.py", """
            class Single:
                _it = None

                def __new__(cls, *args):
                    if cls._it is None:
                        cls._it = super().__new__(cls)
                    return cls._it

            print(Single() is Single())
            """));
        var gap = Assert.Single(output.Gaps);
        Assert.Equal((4, "__new__ (instances are made by __init__ alone)"), (gap.Line, gap.Construct));
    }

    [Fact]
    public void SelfAttributeNamedLikeAMethod_Compiles_ReportedAsMethodReplacement()
    {
        // A field beside the method 'decode' did not compile (CS0102); the store is refused at run
        // time (calls to methods are direct), so it is reported where it is written.
        var output = TranslateAndCompile(("main.py", """
            class Reader:
                def __init__(self, fast):
                    if fast:
                        self.decode = self.fast_decode
                    self.name = "r"

                def decode(self, s):
                    return "slow " + s

                def fast_decode(self, s):
                    return "fast " + s

            print(Reader(False).decode("a"))
            """));
        var note = Assert.Single(output.Notes);
        Assert.Equal((4, "UM2013"), (note.Line, note.Code));
        Assert.Contains("'self.decode' is assigned at run time", note.Message);
    }
}
