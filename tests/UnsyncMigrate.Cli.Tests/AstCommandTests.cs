using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using UnsyncMigrate.TestSupport;

namespace UnsyncMigrate.Cli.Tests;

/// <summary>
/// The `ast` verb end to end, in-process. These hold whatever the parser says about each file:
/// they check the file set, order, paths, line shape, exit codes and determinism, not the trees.
/// </summary>
public class AstCommandTests : IDisposable
{
    readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    static string NotFoundLine(string path) =>
        $"{{\"path\":{Json(path)},\"ok\":false,\"error\":{{\"type\":\"OSError\",\"msg\":{Json($"[Errno 2] No such file or directory: '{path}'")}," +
        "\"line\":null,\"col\":null,\"end_line\":null,\"end_col\":null}}";

    static string Json(string s) => JsonSerializer.Serialize(s, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    [RequiresFact(Requirement.Unix)]
    public void Root_lists_files_like_pyast_dump_iter_root()
    {
        string[] expected = Trees.Enumeration(_dir);
        var r = Cli.Run("ast", "--root", _dir.Path);
        Assert.Equal(expected, Cli.Paths(r));
        Assert.Equal(expected.Length, r.Lines.Length);
        Assert.Equal("", r.Stderr);
        Assert.Equal(Cli.AllOk(r) ? ExitCodes.Success : ExitCodes.InputRejected, r.ExitCode);
    }

    [RequiresFact(Requirement.Unix)]
    public void Root_with_a_trailing_slash_or_through_a_symlink_lists_the_same()
    {
        string[] expected = Trees.Enumeration(_dir);
        using var other = new TempDirectory();
        string link = other.Symlink("root-link", _dir.Path, directory: true);   // the root itself may be a symlink
        Assert.Equal(expected, Cli.Paths(Cli.Run("ast", "--root", _dir.Path + "/")));
        Assert.Equal(expected, Cli.Paths(Cli.Run("ast", "--root", link)));
        Assert.Equal(Cli.Run("ast", "--root", _dir.Path).Stdout, Cli.Run("ast", "--root", link).Stdout);
    }

    [Fact]
    public void Root_without_python_files_prints_nothing_and_succeeds()
    {
        _dir.Write("README.md", "# nothing\n");
        var r = Cli.Run("ast", "--root", _dir.Path);
        Assert.Equal((ExitCodes.Success, "", ""), (r.ExitCode, r.Stdout, r.Stderr));
        var q = Cli.Run("ast", "--root", _dir.Path, "--quiet");
        Assert.Equal(ExitCodes.Success, q.ExitCode);
        Assert.Matches(@"^files: 0, failed: 0, MB: 0\.0, seconds: \d+\.\d\d\n$", q.Stdout);
    }

    [Fact]
    public void File_arguments_keep_their_order_duplicates_and_spelling()
    {
        string b = _dir.Write("b.py", "b = 2\n");
        string a = _dir.Write("a.py", "a = 1\n");
        string relative = Path.GetRelativePath(Environment.CurrentDirectory, a);
        string dotted = Path.Combine(_dir.Path, ".", "sub", "..", "b.py");
        _dir.CreateDirectory("sub");
        var r = Cli.Run("ast", b, a, relative, dotted, b);
        Assert.Equal([b, a, relative, dotted, b], Cli.Paths(r));
        Assert.Equal(Cli.AllOk(r) ? ExitCodes.Success : ExitCodes.InputRejected, r.ExitCode);
        // The same file gives the same line whatever its spelling, apart from the path.
        var lines = r.Lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(lines[0].GetProperty("ok").GetRawText(), lines[4].GetProperty("ok").GetRawText());
        Assert.Equal(r.Lines[0], r.Lines[4]);
    }

    [Fact]
    public void A_missing_file_is_an_OSError_line_like_Pythons()
    {
        string missing = Path.Combine(_dir.Path, "missing.py");
        var r = Cli.Run("ast", missing);
        Assert.Equal(ExitCodes.InputRejected, r.ExitCode);
        Assert.Equal(NotFoundLine(missing) + "\n", r.Stdout);
        Assert.Equal("", r.Stderr);
    }

    [RequiresFact(Requirement.Unix)]
    public void Unreadable_inputs_give_the_errno_text_Python_gives()
    {
        string file = _dir.Write("file.py", "x = 1\n");
        string folder = _dir.CreateDirectory("folder.py");
        string notDir = file + "/inner.py";
        string quoted = Path.Combine(_dir.Path, "it's.py");
        string loop = _dir.Symlink("loop.py", "loop.py", directory: false);
        var r = Cli.Run("ast", folder, notDir, quoted, loop);
        var messages = r.Lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("error")).ToList();
        Assert.All(messages, e => Assert.Equal("OSError", e.GetProperty("type").GetString()));
        Assert.Equal(
        [
            $"[Errno 21] Is a directory: '{folder}'",
            $"[Errno 20] Not a directory: '{notDir}'",
            $"[Errno 2] No such file or directory: \"{quoted}\"",
            $"[Errno 40] Too many levels of symbolic links: '{loop}'",
        ], messages.Select(e => e.GetProperty("msg").GetString()));
        Assert.All(messages, e => Assert.Equal(
            "null,null,null,null",
            string.Join(",", new[] { "line", "col", "end_line", "end_col" }.Select(k => e.GetProperty(k).GetRawText()))));
        Assert.Equal(ExitCodes.InputRejected, r.ExitCode);
    }

    [Fact]
    public void Every_line_has_pyast_dumps_shape_and_key_order()
    {
        Trees.Varied(_dir, 20);
        var r = Cli.Run("ast", "--root", _dir.Path);
        Assert.NotEmpty(r.Lines);
        Assert.EndsWith("\n", r.Stdout);
        Assert.DoesNotContain("\r", r.Stdout);
        foreach (var line in r.Lines)
        {
            var keys = TopLevelKeys(line, out var root);
            bool ok = root.GetProperty("ok").GetBoolean();
            Assert.Equal(ok ? ["path", "ok", "ast"] : new[] { "path", "ok", "error" }, keys);
            Assert.StartsWith("{\"path\":", line);
            if (ok)
            {
                Assert.StartsWith("{\"_type\":\"Module\",\"body\":[", root.GetProperty("ast").GetRawText());
            }
            else
            {
                var error = root.GetProperty("error");
                Assert.Equal(["type", "msg", "line", "col", "end_line", "end_col"], error.EnumerateObject().Select(p => p.Name));
                Assert.Equal(JsonValueKind.String, error.GetProperty("type").ValueKind);
                Assert.Equal(JsonValueKind.String, error.GetProperty("msg").ValueKind);
                foreach (var k in new[] { "line", "col", "end_line", "end_col" })
                    Assert.Contains(error.GetProperty(k).ValueKind, new[] { JsonValueKind.Number, JsonValueKind.Null });
            }
        }
    }

    static List<string> TopLevelKeys(string line, out JsonElement root)
    {
        root = JsonDocument.Parse(line).RootElement.Clone();
        return root.EnumerateObject().Select(p => p.Name).ToList();
    }

    [Fact]
    public void Quiet_prints_one_summary_line_counting_what_the_full_run_rejects()
    {
        _dir.Write("a.py", string.Concat(Enumerable.Repeat("x = 1\n", 200_000)));   // 1,200,000 bytes
        _dir.Write("b.py", new string('#', 299_999) + "\n");                           //   300,000 bytes
        var full = Cli.Run("ast", "--root", _dir.Path);
        int rejected = full.Lines.Count(l => l.Contains("\"ok\":false"));

        var r = Cli.Run("ast", "--root", _dir.Path, "--quiet");
        var m = Regex.Match(r.Stdout, @"^files: (\d+), failed: (\d+), MB: (\d+\.\d), seconds: (\d+\.\d\d)\n$");
        Assert.True(m.Success, r.ToString());
        Assert.Equal("2", m.Groups[1].Value);
        Assert.Equal(rejected.ToString(CultureInfo.InvariantCulture), m.Groups[2].Value);
        Assert.Equal("1.5", m.Groups[3].Value);
        Assert.Equal("", r.Stderr);
        Assert.Equal(full.ExitCode, r.ExitCode);
        Assert.Equal(rejected == 0 ? ExitCodes.Success : ExitCodes.InputRejected, r.ExitCode);
    }

    [Fact]
    public void Quiet_counts_unreadable_files_as_failed()
    {
        string a = _dir.Write("a.py", "x = 1\n");
        var r = Cli.Run("ast", "--quiet", a, Path.Combine(_dir.Path, "missing.py"));
        Assert.Equal(ExitCodes.InputRejected, r.ExitCode);
        Assert.Matches(@"^files: 2, failed: [12], MB: 0\.0, seconds: \d+\.\d\d\n$", r.Stdout);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void Output_is_identical_whatever_the_job_count(bool noPositions, bool quiet)
    {
        Trees.Varied(_dir);
        string[] extra = [.. noPositions ? new[] { "--no-positions" } : [], .. quiet ? new[] { "--quiet" } : []];
        var runs = new[] { "1", "4", "3", "16" }
            .Select(j => Cli.Run(["ast", "--root", _dir.Path, "--jobs", j, .. extra]))
            .ToList();
        string Normalise(string s) => Regex.Replace(s, @"seconds: \d+\.\d\d", "seconds: S");
        foreach (var r in runs.Skip(1))
        {
            Assert.Equal(runs[0].ExitCode, r.ExitCode);
            Assert.Equal(Normalise(runs[0].Stdout), Normalise(r.Stdout));
            Assert.Equal(runs[0].Stderr, r.Stderr);
        }
        if (!quiet) Assert.Equal(43, runs[0].Lines.Length);
    }

    [Fact]
    public void File_arguments_are_also_identical_across_job_counts()
    {
        Trees.Varied(_dir, 12);
        var files = Directory.GetFiles(_dir.Path, "*.py", SearchOption.AllDirectories).Reverse()
            .Append(Path.Combine(_dir.Path, "missing.py")).ToArray();
        var one = Cli.Run(["ast", "-j", "1", .. files]);
        var many = Cli.Run(["ast", "-j", "5", .. files]);
        Assert.Equal(one.Stdout, many.Stdout);
        Assert.Equal(files, Cli.Paths(one));
    }

    [Fact]
    public void Exit_code_follows_the_lines()
    {
        Trees.Varied(_dir, 10);
        var r = Cli.Run("ast", "--root", _dir.Path);
        Assert.Equal(Cli.AllOk(r) ? ExitCodes.Success : ExitCodes.InputRejected, r.ExitCode);
        // too_nested.py (250 brackets) is a SyntaxError for CPython, so some file is always rejected here.
        Assert.Equal(ExitCodes.InputRejected, r.ExitCode);
    }

    [Fact]
    public void The_readme_sample_runs()
    {
        string sample = Path.Combine(RepoRoot.Find(), "tests", "samples", "hello.py");
        var r = Cli.Run("ast", sample);
        Assert.Equal([sample], Cli.Paths(r));
        Assert.Equal(Cli.AllOk(r) ? ExitCodes.Success : ExitCodes.InputRejected, r.ExitCode);
    }

    [ParserFact]
    public void With_a_working_parser_the_sample_parses_and_no_positions_drops_positions()
    {
        string sample = Path.Combine(RepoRoot.Find(), "tests", "samples", "hello.py");
        var with = Cli.Run("ast", sample);
        var without = Cli.Run("ast", "--no-positions", sample);
        Assert.Equal(ExitCodes.Success, with.ExitCode);
        Assert.Equal(ExitCodes.Success, without.ExitCode);
        Assert.Contains("\"lineno\":1,\"col_offset\":0", with.Stdout);
        foreach (var key in new[] { "\"lineno\"", "\"col_offset\"", "\"end_lineno\"", "\"end_col_offset\"" })
            Assert.DoesNotContain(key, without.Stdout);
    }
}
