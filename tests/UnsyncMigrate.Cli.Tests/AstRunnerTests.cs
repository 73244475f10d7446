using System.Text;
using UnsyncMigrate.Cli.Ast;
using UnsyncMigrate.Python;
using UnsyncMigrate.Python.Ast;
using UnsyncMigrate.TestSupport;

namespace UnsyncMigrate.Cli.Tests;

/// <summary>The runner with a stand-in front end, so success paths and parser failures are tested today.</summary>
public class AstRunnerTests : IDisposable
{
    readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    static readonly ModModule Empty = new([], []);

    /// <summary>Accepts every file, except those whose text contains "bad" (an IndentationError at 3:5-3:9).</summary>
    static ParseResult Fake(byte[] source) =>
        Encoding.UTF8.GetString(source).Contains("bad")
            ? ParseResult.Fail(new SyntaxDiagnostic("IndentationError", "unexpected indent", 3, 5, 3, 9))
            : ParseResult.Ok(Empty);

    static (int Code, string Stdout, string Stderr) Run(AstOptions options, Func<byte[], ParseResult> parse)
    {
        var stdout = new MemoryStream();
        var stderr = new StringWriter();
        int code = new AstRunner(options, parse).Run(stdout, stderr);
        return (code, Encoding.UTF8.GetString(stdout.ToArray()), stderr.ToString());
    }

    static AstOptions Root(string root, int jobs = 2, bool quiet = false) => new(root, [], Positions: true, Quiet: quiet, Jobs: jobs);

    [Fact]
    public void A_parsed_file_prints_path_ok_and_tree()
    {
        _dir.Write("a.py", "");
        var (code, stdout, stderr) = Run(Root(_dir.Path), Fake);
        // Exactly what pyast_dump.py prints for an empty file.
        Assert.Equal("{\"path\":\"a.py\",\"ok\":true,\"ast\":{\"_type\":\"Module\",\"body\":[],\"type_ignores\":[]}}\n", stdout);
        Assert.Equal((ExitCodes.Success, ""), (code, stderr));
    }

    [Fact]
    public void A_rejected_file_prints_the_diagnostic_fields_in_order()
    {
        _dir.Write("a.py", "");
        _dir.Write("b.py", "bad");
        var (code, stdout, _) = Run(Root(_dir.Path), Fake);
        Assert.Equal(
            "{\"path\":\"a.py\",\"ok\":true,\"ast\":{\"_type\":\"Module\",\"body\":[],\"type_ignores\":[]}}\n" +
            "{\"path\":\"b.py\",\"ok\":false,\"error\":{\"type\":\"IndentationError\",\"msg\":\"unexpected indent\",\"line\":3,\"col\":5,\"end_line\":3,\"end_col\":9}}\n",
            stdout);
        Assert.Equal(ExitCodes.InputRejected, code);
    }

    [Fact]
    public void Paths_and_messages_are_json_escaped_as_python_does()
    {
        string odd = _dir.Write("q\"uote\\tab\té.py", "");
        var (_, stdout, _) = Run(new AstOptions(null, [odd], true, false, 1), Fake);
        string escaped = odd.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\t", "\\t");
        Assert.StartsWith($"{{\"path\":\"{escaped}\",\"ok\":true", stdout);
    }

    [Fact]
    public void A_parser_that_throws_is_an_internal_error_but_the_run_goes_on()
    {
        _dir.Write("a.py", "boom");
        _dir.Write("b.py", "");
        ParseResult Throwing(byte[] s) => s.Length > 0 ? throw new InvalidOperationException("kaput") : ParseResult.Ok(Empty);
        var (code, stdout, stderr) = Run(Root(_dir.Path), Throwing);
        Assert.Equal(ExitCodes.InternalError, code);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("{\"path\":\"a.py\",\"ok\":false,\"error\":{\"type\":\"InternalError\",\"msg\":\"the parser threw System.InvalidOperationException: kaput\"", lines[0]);
        Assert.StartsWith("{\"path\":\"b.py\",\"ok\":true", lines[1]);
        Assert.Contains("internal error on a.py", stderr);
        Assert.Contains("kaput", stderr);
    }

    [Fact]
    public void Quiet_counts_bytes_files_and_failures()
    {
        _dir.Write("a.py", new string('x', 700_000));
        _dir.Write("b.py", "bad" + new string('x', 99_997));
        var (code, stdout, _) = Run(Root(_dir.Path, quiet: true), Fake);
        Assert.Matches(@"^files: 2, failed: 1, MB: 0\.8, seconds: \d+\.\d\d\n$", stdout);
        Assert.Equal(ExitCodes.InputRejected, code);
    }

    [Fact]
    public void Output_order_is_input_order_however_long_each_file_takes()
    {
        for (int i = 0; i < 120; i++) _dir.Write($"f{i:D3}.py", i.ToString());
        ParseResult Slow(byte[] s)
        {
            int n = int.Parse(Encoding.UTF8.GetString(s));
            Thread.Sleep(n * 7 % 5);
            return ParseResult.Ok(Empty);
        }
        var (_, stdout, _) = Run(Root(_dir.Path, jobs: 6), Slow);
        var paths = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l[9..16]).ToList();
        Assert.Equal(Enumerable.Range(0, 120).Select(i => $"f{i:D3}.py"), paths);
    }

    [Fact]
    public void Workers_have_a_big_stack_for_deep_recursion()
    {
        _dir.Write("a.py", "");
        // ~30 MB of stack: far beyond the default 1.5 MB of a .NET thread, well within 256 MB.
        ParseResult Deep(byte[] s) => Recurse(200_000) > 0 ? ParseResult.Ok(Empty) : ParseResult.Ok(Empty);
        var (code, _, _) = Run(Root(_dir.Path, jobs: 1), Deep);
        Assert.Equal(ExitCodes.Success, code);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    static int Recurse(int n)
    {
        Span<long> pad = stackalloc long[16];
        pad[n % 16] = n;
        return n == 0 ? 1 : Recurse(n - 1) + (int)(pad[n % 16] & 0);
    }
}
