using System.Text;
using System.Text.Json;
using UnsyncMigrate.TestSupport;

namespace UnsyncMigrate.Cli.Tests;

/// <summary>
/// Against the reference itself: shared/tools/pyast_dump.py run by CPython 3.13. Skipped
/// cleanly where either is missing. Only parser-independent parts are compared here (file set,
/// order, OSError lines, the empty module); whole trees are parser-conformance's job.
/// </summary>
public class PythonComparisonTests : IDisposable
{
    readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    static string PyAstDump => SharedFolder.TryFindFile("tools/pyast_dump.py")
        ?? throw new InvalidOperationException("shared/tools/pyast_dump.py is missing from the shared folder");

    static string[] Dump(params string[] args)
    {
        var (code, stdout, stderr) = Python313.TryFind()!.Run([PyAstDump, .. args]);
        Assert.True(code == 0, $"pyast_dump.py failed ({code}): {stderr}");
        return Encoding.UTF8.GetString(stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    static string PathOf(string line) => JsonDocument.Parse(line).RootElement.GetProperty("path").GetString()!;

    [RequiresFact(Requirement.SharedFolder, Requirement.Python313, Requirement.Unix)]
    public void Root_file_set_and_order_match_pyast_dump()
    {
        string[] expected = Trees.Enumeration(_dir);
        Trees.Varied(_dir, 25);
        var reference = Dump("--no-positions", "--root", _dir.Path).Select(PathOf).ToList();
        var ours = Cli.Paths(Cli.Run("ast", "--no-positions", "--root", _dir.Path));
        Assert.Equal(reference, ours);
        Assert.Superset(expected.ToHashSet(), ours.ToHashSet());
    }

    [RequiresFact(Requirement.SharedFolder, Requirement.Python313, Requirement.Unix)]
    public void OSError_lines_are_byte_identical()
    {
        string file = _dir.Write("file.py", "x = 1\n");
        _dir.CreateDirectory("folder.py");
        string loop = _dir.Symlink("loop.py", "loop.py", directory: false);
        string[] args =
        [
            Path.Combine(_dir.Path, "missing.py"), _dir["folder.py"], file + "/inner.py",
            Path.Combine(_dir.Path, "it's.py"), Path.Combine(_dir.Path, "both'\".py"), Path.Combine(_dir.Path, "tab\t\u00a0é😀.py"), loop,
        ];
        var reference = Dump(args);
        var ours = Cli.Run(["ast", .. args]);
        Assert.Equal(reference, ours.Lines);
        Assert.Equal(ExitCodes.InputRejected, ours.ExitCode);
    }

    [RequiresFact(Requirement.SharedFolder, Requirement.Python313)]
    public void The_empty_module_line_is_byte_identical()
    {
        _dir.Write("empty.py", "");
        var reference = Dump("--root", _dir.Path);
        var stdout = new MemoryStream();
        new Ast.AstRunner(new Ast.AstOptions(_dir.Path, [], true, false, 1), _ => Python.ParseResult.Ok(new Python.Ast.ModModule([], [])))
            .Run(stdout, TextWriter.Null);
        Assert.Equal(reference[0] + "\n", Encoding.UTF8.GetString(stdout.ToArray()));
    }

    [RequiresFact(Requirement.SharedFolder, Requirement.Python313)]
    public void Error_lines_have_pyast_dumps_keys()
    {
        _dir.Write("bad.py", "def f(:\n");
        var reference = JsonDocument.Parse(Dump("--root", _dir.Path)[0]).RootElement;
        var ours = JsonDocument.Parse(Cli.Run("ast", "--root", _dir.Path).Lines[0]).RootElement;
        Assert.Equal(reference.EnumerateObject().Select(p => p.Name), ours.EnumerateObject().Select(p => p.Name));
        Assert.Equal(reference.GetProperty("error").EnumerateObject().Select(p => p.Name),
                     ours.GetProperty("error").EnumerateObject().Select(p => p.Name));
    }

    [RequiresFact(Requirement.Python313)]
    public void Repr_matches_cpython()
    {
        string[] samples = ["a.py", "it's", "\"q\"", "both'\"", "\\", "\t\n\r\u0001\u007f", "\u00a0\u00ad\u00e9", "\u200b\u2028\u3000",
                            "\ue000", "😀", "\U000e0001", "日本語", " ", "\u0378"];
        string script = "import json,sys\nfor s in json.load(sys.stdin.buffer if False else open(sys.argv[1], encoding='utf-8')): print(repr(s))";
        string input = _dir.Write("in.json", JsonSerializer.Serialize(samples));
        string code = _dir.Write("repr.py", script);
        var (exit, stdout, stderr) = Python313.TryFind()!.Run([code, input]);
        Assert.True(exit == 0, stderr);
        var expected = Encoding.UTF8.GetString(stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(expected, samples.Select(Ast.PythonText.Repr));
    }

    [ParserFact(Requirement.SharedFolder, Requirement.Python313)]
    public void With_a_working_parser_the_samples_match_cpython_exactly()
    {
        string samples = Path.Combine(RepoRoot.Find(), "tests", "samples");
        Assert.Equal(Dump("--root", samples), Cli.Run("ast", "--root", samples).Lines);
    }
}
