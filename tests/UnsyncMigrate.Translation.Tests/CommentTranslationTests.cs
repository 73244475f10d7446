using UnsyncMigrate.Analysis.Program;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using UnsyncMigrate.Python;

namespace UnsyncMigrate.Translation.Tests;

/// <summary>
/// Python comments land at their place in the C#, docstrings become XML doc comments, and
/// the result still compiles (with documentation diagnostics on, so a malformed or misplaced
/// doc comment would show as a warning) and runs as the Python did.
/// </summary>
public class CommentTranslationTests
{
    /// <summary>The generated Main.cs, after compiling it and checking what <c>__init__</c> prints.</summary>
    static string Translate(string python, string expectedStdout)
    {
        var output = new ProgramTranslator(new ProgramModel(AnalyzedProgram.FromSources([("main.py", python)]), "main")).Translate();
        var parse = new CSharpParseOptions(LanguageVersion.Preview, DocumentationMode.Diagnose);
        var trees = output.Files.Select(f => CSharpSyntaxTree.ParseText(f.Content, parse, path: f.RelativePath));
        var refs = Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(UnsyncMigrate.Runtime.Unsync).Assembly.Location));
        var compilation = CSharpCompilation.Create("comments_" + Guid.NewGuid().ToString("N"), trees, refs,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var ms = new MemoryStream();
        var emit = compilation.Emit(ms);
        string main = output.Files.Single(f => f.RelativePath == "Main.cs").Content;
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)) + "\n" + main);
        // CS1591 (undocumented public member) is what turning documentation on always brings; any other doc warning is ours.
        var docWarnings = emit.Diagnostics.Where(d => IsDocumentationWarning(d.Id)).ToList();
        Assert.True(docWarnings.Count == 0, string.Join("\n", docWarnings) + "\n" + main);
        var module = Assembly.Load(ms.ToArray()).GetType("Migrated.MainModule")!;
        var writer = new StringWriter();
        lock (SnippetRunner.StdoutLock)
        {
            UnsyncMigrate.Runtime.Python.Py.SetStdout(writer);
            try { module.GetMethod("__init__")!.Invoke(null, null); }
            finally { UnsyncMigrate.Runtime.Python.Py.FlushStdout(); }
        }
        Assert.Equal(expectedStdout, writer.ToString());
        return main;
    }

    // XML documentation comment warnings (CS1570-CS1599 and a few more), CS1591 aside.
    static bool IsDocumentationWarning(string id) =>
        id != "CS1591" && (string.CompareOrdinal(id, "CS1570") >= 0 && string.CompareOrdinal(id, "CS1599") <= 0
            || id is "CS1658" or "CS1710" or "CS1711" or "CS1712" or "CS1723" or "CS1734" or "CS1735");

    /// <summary>The lines of <paramref name="code"/>, trimmed, from the first containing <paramref name="from"/>.</summary>
    static string[] LinesFrom(string code, string from)
    {
        var lines = code.Split('\n').Select(l => l.Trim()).ToArray();
        int i = Array.FindIndex(lines, l => l.Contains(from, StringComparison.Ordinal));
        Assert.True(i >= 0, $"'{from}' not in:\n{code}");
        return lines[i..];
    }

    static void AssertSequence(string code, params string[] expected)
    {
        var lines = LinesFrom(code, expected[0]);
        bool matches = lines.Length >= expected.Length
            && expected.Select((e, i) => e.Length == 0 ? lines[i].Length == 0 : lines[i].StartsWith(e, StringComparison.Ordinal)).All(m => m);
        Assert.True(matches,
            $"expected:\n{string.Join("\n", expected)}\nactual:\n{string.Join("\n", lines.Take(expected.Length + 3))}\n\nin:\n{code}");
    }

    [Fact]
    public void Full_line_comments_go_before_their_statement_in_order()
    {
        var cs = Translate("x = 1\n# first\n# second\nprint(x)\n", "1\n");
        AssertSequence(cs, "// first", "// second", "Py.Print(");
    }

    [Fact]
    public void Trailing_comment_ends_the_translated_line()
    {
        var cs = Translate("x = 1  # one\nprint(x)  # show it\n", "1\n");
        Assert.Contains(LinesFrom(cs, "// one"), l => l.EndsWith("// one") && l.Contains('='));
        Assert.Contains(LinesFrom(cs, "// show it"), l => l.StartsWith("Py.Print(") && l.EndsWith("; // show it"));
    }

    [Fact]
    public void Comments_in_nested_blocks_stay_in_their_block_and_at_its_end()
    {
        var py = "def f(n):\n    # top of body\n    if n > 0:\n        # positive\n        r = 'pos'\n        # end of if\n    else:\n        # other\n        r = 'neg'  # neg\n        # end of else\n    # before return\n    return r\n    # end of f\nprint(f(1), f(-1))\n";
        var cs = Translate(py, "pos neg\n");
        AssertSequence(cs, "// top of body", "if (");
        AssertSequence(cs, "// positive", "r = \"pos\";", "// end of if", "}", "else", "{", "// other");
        Assert.Contains(LinesFrom(cs, "// neg"), l => l.StartsWith("r = \"neg\";") && l.EndsWith("// neg"));
        AssertSequence(cs, "// end of else", "}", "", "// before return", "return r;", "// end of f", "}");
    }

    [Fact]
    public void Comments_on_a_function_and_its_header_go_above_the_method()
    {
        var py = "# helper below\ndef f():  # header note\n    return 2\n\nprint(f())\n";
        var cs = Translate(py, "2\n");
        AssertSequence(cs, "// helper below", "// header note", "// Python: def f.", "public static long f()");
    }

    [Fact]
    public void Comments_inside_a_multiline_expression_move_before_the_statement()
    {
        var py = "xs = [\n    1,  # one\n    # two next\n    2,\n]  # done\nprint(xs)\n";
        var cs = Translate(py, "[1, 2]\n");
        AssertSequence(cs, "// one", "// two next");
        Assert.Contains(cs.Split('\n'), l => l.TrimEnd().EndsWith("// done") && l.Contains("xs"));
    }

    [Fact]
    public void Module_header_goes_atop_the_class_shebang_and_coding_cookie_are_dropped()
    {
        var py = "#!/usr/bin/env python3\n# -*- coding: utf-8 -*-\n# Copyright notice\n# License line\n\nprint('hi')\n# the end\n";
        var cs = Translate(py, "hi\n");
        Assert.DoesNotContain("/usr/bin/env", cs);
        Assert.DoesNotContain("coding", cs);
        AssertSequence(cs, "// Copyright notice", "// License line", "// Python module 'main' (main.py).", "public static partial class MainModule");
        AssertSequence(cs, "Py.Print(", "// the end", "}");
    }

    [Fact]
    public void Hash_in_strings_is_text_and_double_hash_is_not_a_doc_comment()
    {
        var cs = Translate("print('# not a comment', f\"{'#'}\")  ## real\n", "# not a comment #\n");
        Assert.Contains("//# real", cs);
        Assert.DoesNotContain("/// # real", cs);
        Assert.Single(cs.Split('\n'), l => l.Contains("//") && l.Contains("real"));
    }

    [Fact]
    public void Comments_of_statements_without_code_are_kept()
    {
        var py = "def f():\n    # only a comment before pass\n    pass\nclass A:\n    # about x\n    x = 1  # one\n    # end of A\nglobal_ = A.x  # read\nprint(f(), global_)\n";
        var cs = Translate(py, "None 1\n");
        foreach (var c in new[] { "// only a comment before pass", "// about x", "// one", "// end of A", "// read" })
            Assert.Contains(c, cs);
        AssertSequence(cs, "// about x", "A.x = 1L; // one");
    }

    [Fact]
    public void Elif_and_loop_else_comments_keep_their_place()
    {
        var py = "for i in range(3):\n    if i == 0:\n        print('zero')\n    # before elif\n    elif i == 1:\n        # in elif\n        print('one')\n    else:  # otherwise\n        print('more')\nelse:\n    # loop done\n    print('done')\n";
        var cs = Translate(py, "zero\none\nmore\ndone\n");
        foreach (var c in new[] { "// before elif", "// in elif", "// otherwise", "// loop done" })
            Assert.Contains(c, cs);
        AssertSequence(cs, "// in elif", "Py.Print(new object?[] { \"one\" });");
        AssertSequence(cs, "// loop done", "Py.Print(new object?[] { \"done\" });");
    }

    [Fact]
    public void Docstrings_become_xml_summaries_escaped_and_cleaned()
    {
        var py = "\"\"\"Module <doc> & more.\"\"\"\nclass Job:\n    \"\"\"A job.\n\n        Runs x < y & z.\n    \"\"\"\n    def run(self):\n        \"\"\"Run it.\"\"\"\n        return 1\ndef top():\n    '''\n    Top level.\n      indented\n    '''\n    return Job().run()\nprint(top())\n";
        var cs = Translate(py, "1\n");
        AssertSequence(cs, "/// <summary>Module &lt;doc&gt; &amp; more.</summary>", "public static partial class MainModule");
        AssertSequence(cs, "/// A job.", "///", "/// Runs x &lt; y &amp; z.", "/// </summary>", "public class Job");
        AssertSequence(cs, "/// <summary>Run it.</summary>", "public virtual long run()");
        AssertSequence(cs, "/// Top level.", "///   indented", "/// </summary>", "public static long top()");
    }

    [Fact]
    public void Docstring_is_still_the_functions_doc_attribute()
    {
        var cs = Translate("def f():\n    \"\"\"Says hi.\n\n    More.\n    \"\"\"\n    return 1\ndef g():\n    return 2\nprint(repr(f.__doc__), g.__doc__)\n",
            "'Says hi.\\n\\nMore.\\n' None\n");
        Assert.Contains("/// <summary>", cs);
    }

    [Fact]
    public void No_comment_is_dropped_wherever_it_stands()
    {
        var py = """"
            # c01 header
            import asyncio  # c02
            from dataclasses import dataclass
            from unsync import unsync

            @dataclass  # c03
            # c04 between decorator and class
            class Item:
                # c05
                sku: str  # c06
                qty: int = 0
                # c07 end of Item

            class Box:
                """Doc."""  # c08
                size = 2  # c09
                def grow(self, by):  # c10
                    # c11
                    return Box.size + by  # c12
                # c13

            @unsync  # c14
            async def work(n):
                await asyncio.sleep(0)  # c15
                return n  # c16

            def unused():
                class Inner:  # c17
                    pass  # c18
                return Inner

            def f(xs):
                total = 0
                try:  # c19
                    for x in xs:  # c20
                        # c21
                        if x > 2:
                            break  # c22
                        total += x
                    else:  # c23
                        pass  # c24
                except ValueError:  # c25
                    pass  # c26
                finally:
                    # c27
                    total += 0
                while total < 0:
                    total += 1
                else:
                    total += 0  # c28
                assert total >= 0, (  # c29
                    'negative')
                def inner(a=[1,  # c30
                             2]):
                    return a  # c31
                return total, inner(), (lambda q:  # c32
                    q)(1)
            # c33
            print(f([1, 2, 3]), Item('a'), Box().grow(1), work(3).result())  # c34
            # c35 last
            """";
        var cs = Translate(py.Replace("\r", ""), "(3, [1, 2], 1) Item(sku='a', qty=0) 3 3\n");
        for (int i = 1; i <= 35; i++)
        {
            string tag = $"c{i:00}";
            int count = cs.Split('\n').Count(l => l.Contains("// " + tag) || l.Contains("// " + tag + " "));
            Assert.True(count == 1, $"{tag} appears {count} times in:\n{cs}");
        }
        AssertSequence(cs, "// c21", "if (");
        AssertSequence(cs, "// c33", "Py.Print(");
    }

    [Fact]
    public void CleanDoc_matches_inspect_cleandoc()
    {
        Assert.Equal(["First.", "", "Body", "  more"], DocComments.CleanDoc("  First.\n\n    Body\n      more\n  "));
        Assert.Equal(["a", "b"], DocComments.CleanDoc("\n\ta\n\tb\n"));
        // CPython 3.13's __doc__ (checked against python3.13): blank lines kept, tabs expanded.
        Assert.Equal("\ntabbed\n  x\n", DocComments.RuntimeDoc("\n\ttabbed\n\t  x\n    "));
        Assert.Equal("Says hi.\n\nMore.\n", DocComments.RuntimeDoc("Says hi.\n\n    More.\n    "));
    }
}
