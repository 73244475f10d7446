using UnsyncMigrate.Python.Ast;
using UnsyncMigrate.Python.Tests.Support;

namespace UnsyncMigrate.Python.Tests;

/// <summary>
/// Every positioned node lies within its nearest positioned ancestor (nodes without
/// positions, like arguments, comprehension, withitem, match_case, keyword-less wrappers and
/// expression contexts, are looked through), and every range starts no later than it ends.
/// The one exception is the one CPython 3.13 shows on its own trees
/// (Tools/check_cpython_invariants.py over the 3.13 and 3.11 libraries): decorators, which
/// lie before their def's or class's range. Their own descendants are checked against them.
/// </summary>
public class InvariantTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var name in CaseFiles.Passing()) data.Add(name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_file_ranges_nest(string name)
    {
        var r = Py.ParseFile(File.ReadAllBytes(CaseFiles.PathOf(name)));
        Assert.True(r.Module != null, Py.Describe(r.Error));
        var violations = Violations(r.Module!);
        Assert.True(violations.Count == 0, $"{name}:\n" + string.Join("\n", violations.Take(20)));
    }

    [SkippableLibraryFact]
    public void Library_sample_ranges_nest()
    {
        var files = LibrarySample.Files(step: 7);
        var problems = new List<string>();
        int parsed = 0;
        Py.OnBigStack(() =>
        {
            foreach (var f in files)
            {
                var r = PythonParser.ParseFile(File.ReadAllBytes(f));
                if (r.Module == null) continue; // rejected files are the conformance test's business
                parsed++;
                foreach (var v in Violations(r.Module).Take(5)) problems.Add($"{f}: {v}");
            }
            return null!;
        }, TimeSpan.FromSeconds(90));
        Assert.True(parsed > 100, $"only {parsed} files parsed");
        Assert.True(problems.Count == 0, $"{problems.Count} violations:\n" + string.Join("\n", problems.Take(40)));
    }

    [Fact]
    public void Decorators_are_the_exception_and_are_checked_inside()
    {
        // CPython: the decorator lies before the def's range; its children lie within it.
        var m = Py.ParseText("@a.b(c)\ndef f(): pass\n").Module!;
        var def = Assert.IsType<StmtFunctionDef>(m.Body[0]);
        var deco = (PositionedNode)def.DecoratorList[0];
        Assert.False(def.Range.Contains(deco.Range));
        Assert.Empty(Violations(m));
    }

    /// <summary>Each violation as "Parent range > Child range".</summary>
    public static List<string> Violations(ModModule module)
    {
        var found = new List<string>();
        // (node, nearest positioned ancestor or null, whether the node is a decorator of its parent)
        var stack = new Stack<(Node node, PositionedNode? anc)>();
        stack.Push((module, null));
        while (stack.Count > 0)
        {
            var (node, anc) = stack.Pop();
            IReadOnlyList<Expr>? decorators = node switch
            {
                StmtFunctionDef f => f.DecoratorList,
                StmtAsyncFunctionDef f => f.DecoratorList,
                StmtClassDef c => c.DecoratorList,
                _ => null,
            };
            var here = node as PositionedNode ?? anc;
            foreach (var child in node.ChildNodes())
            {
                if (child is PositionedNode pc)
                {
                    var r = pc.Range;
                    if (r.Line > r.EndLine || (r.Line == r.EndLine && r.Col > r.EndCol))
                        found.Add($"ill-formed {pc.PythonName} {r}");
                    bool isDecorator = decorators != null && decorators.Any(d => ReferenceEquals(d, child));
                    if (here != null && !isDecorator && !here.Range.Contains(r))
                        found.Add($"{here.PythonName} {here.Range} does not contain {pc.PythonName} {r}");
                }
                stack.Push((child, here));
            }
        }
        return found;
    }
}
