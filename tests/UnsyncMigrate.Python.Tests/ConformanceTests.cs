using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using UnsyncMigrate.Python.Tests.Support;
using Xunit.Abstractions;

namespace UnsyncMigrate.Python.Tests;

/// <summary>
/// Quick conformance: the ~700 library files of ../shared/tools/quick-sample.txt (every 20th
/// file CPython parses and every file it rejects, from the 3.13 and 3.11 library folders),
/// dumped by CPython 3.13 with pyast_dump.py (cached under ~/.cache between runs) and
/// compared with the parser's JSON. Skipped when Python 3.13 or ../shared is absent.
/// </summary>
public class ConformanceTests(ITestOutputHelper output)
{
    [Python313Fact]
    public void Quick_sample_matches_cpython()
    {
        var tools = Paths.SharedTools!;
        var files = SampleFiles(tools);
        Assert.True(files.Count > 500, $"only {files.Count} sample files found");

        string expectedPath = CpythonDump(tools, files);
        var pending = PendingFeatures();
        int valid = 0, identical = 0, invalid = 0, rejectedToo = 0, sameLine = 0;
        var problems = new List<string>();
        var excused = new List<string>();
        Py.OnBigStack(() =>
        {
            foreach (var line in File.ReadLines(expectedPath, Encoding.UTF8))
            {
                var m = Head.Match(line);
                Assert.True(m.Success, "unexpected line in CPython's dump: " + line[..Math.Min(200, line.Length)]);
                string path = JsonSerializer.Deserialize<string>(m.Groups[1].Value)!;
                bool ok = m.Groups[2].Value == "true";
                var r = PythonParser.ParseFile(File.ReadAllBytes(path));
                string rel = Relative(path);
                if (ok)
                {
                    valid++;
                    Assert.True(line.AsSpan(m.Length).StartsWith(",\"ast\":") && line.EndsWith('}'), "unexpected line for " + path);
                    string expectedAst = line[(m.Length + 7)..^1];
                    if (r.Module == null)
                    {
                        Sort(rel, $"rejected: {Py.Describe(r.Error)}", Excuse(r.Error!.Message, r.Error.Kind, pending));
                        continue;
                    }
                    string actual = Py.ToJson(r.Module);
                    if (actual == expectedAst || JsonEqual(expectedAst, actual)) identical++;
                    else Sort(rel, "different tree: " + FirstDifference(expectedAst, actual), null);
                }
                else
                {
                    invalid++;
                    var err = JsonNode.Parse(line, documentOptions: new JsonDocumentOptions { MaxDepth = 16 })!["error"]!;
                    string type = err["type"]!.GetValue<string>();
                    int? eline = err["line"]?.GetValue<int>();
                    if (r.Error != null)
                    {
                        rejectedToo++;
                        if (r.Error.Line == eline) sameLine++;
                    }
                    else Sort(rel, $"accepted, CPython: {type} line {eline}: {err["msg"]}", Excuse(err["msg"]!.GetValue<string>(), type, pending));
                }
            }
            return null!;
        }, TimeSpan.FromMinutes(3));

        double pct = 100.0 * identical / Math.Max(valid, 1);
        // Differences that only the pending decoder / \N{...} work explains do not count against the bar.
        int excusedValid = excused.Count(e => !e.Contains("accepted, CPython"));
        double pctExcusing = 100.0 * (identical + excusedValid) / Math.Max(valid, 1);
        var summary = $"quick conformance: {identical}/{valid} identical trees ({pct:F2}%), {rejectedToo}/{invalid} invalid files rejected " +
                      $"({sameLine} on CPython's line); {excused.Count} differences excused as pending work ({string.Join(", ", pending)})";
        output.WriteLine(summary);
        foreach (var e in excused) output.WriteLine("  excused: " + e);
        foreach (var p in problems) output.WriteLine("  " + p);
        Assert.True(pctExcusing >= 99.9 && problems.Count(p => p.Contains("accepted, CPython")) == 0,
            summary + "\n" + string.Join("\n", problems.Take(30)));

        void Sort(string rel, string what, string? excuse)
        {
            if (excuse != null) excused.Add($"{rel}: {what} [{excuse}]");
            else problems.Add($"{rel}: {what}");
        }
    }

    /// <summary>Features of the front end that another branch is adding: differences they explain are excused until they land.</summary>
    static List<string> PendingFeatures()
    {
        var list = new List<string>();
        if (PythonParser.ParseText("'\\N{EM DASH}'\n").Module == null) list.Add("unicode-names");
        var koi8 = Encoding.Latin1.GetBytes("# -*- coding: koi8-r -*-\nx = '\u00c1'\n");
        var cookie = PythonParser.ParseFile(Encoding.Latin1.GetBytes("# -*- coding: bogus-codec -*-\nx = 1\n"));
        if (PythonParser.ParseFile(koi8).Module == null || cookie.Module != null) list.Add("decoder");
        return list;
    }

    static string? Excuse(string message, string kind, List<string> pending)
    {
        if (pending.Contains("unicode-names") && message.Contains("unknown Unicode character name")) return "unicode-names";
        if (pending.Contains("decoder") && (kind == "DecodeError" || message.Contains("encoding"))) return "decoder";
        return null;
    }

    static List<string> SampleFiles(string tools)
    {
        var (code, stdout, stderr) = Python313.Run(["-c", "import sys, sysconfig; print(sysconfig.get_paths()['stdlib']); print(sys.prefix)"], TimeSpan.FromSeconds(30));
        Assert.True(code == 0, stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        string lib313 = lines[0].Trim();
        // Python 3.11's library: a sibling installation of the same pyenv (the newest 3.11.x).
        var versions = Directory.GetParent(lines[1].Trim())?.FullName;
        string? lib311 = versions == null ? null : Directory.EnumerateDirectories(versions, "3.11.*")
            .Select(d => Path.Combine(d, "lib", "python3.11")).Where(Directory.Exists).Order(StringComparer.Ordinal).LastOrDefault();
        var roots = new Dictionary<string, string?> { ["3.13"] = lib313, ["3.11"] = lib311 };
        var files = new List<string>();
        foreach (var l in File.ReadLines(Path.Combine(tools, "quick-sample.txt")))
        {
            if (l.StartsWith('#') || !l.Contains('\t')) continue;
            var parts = l.Split('\t', 2);
            if (roots.GetValueOrDefault(parts[0]) is { } root && File.Exists(Path.Combine(root, parts[1])))
                files.Add(Path.Combine(root, parts[1]));
        }
        return files;
    }

    /// <summary>CPython's dump of the files (JSON lines, in order), cached by interpreter, script and file list.</summary>
    static string CpythonDump(string tools, List<string> files)
    {
        string dump = Path.Combine(tools, "pyast_dump.py");
        var key = new StringBuilder(Python313.Run(["--version"], TimeSpan.FromSeconds(20)).stdout);
        key.Append(Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(dump))));
        foreach (var f in files) key.Append(f).Append(' ').Append(new FileInfo(f).Length).Append(' ').Append(File.GetLastWriteTimeUtc(f).Ticks).Append('\n');
        string hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key.ToString())))[..16].ToLowerInvariant();
        string cacheDir = Path.Combine(Environment.GetEnvironmentVariable("XDG_CACHE_HOME") ??
                                       Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"), "unsync-migrate-tests");
        Directory.CreateDirectory(cacheDir);
        string cached = Path.Combine(cacheDir, $"quick-{hash}.jsonl");
        if (File.Exists(cached)) return cached;
        string listFile = Path.Combine(cacheDir, $"quick-{hash}.txt");
        File.WriteAllLines(listFile, files);
        string tmp = cached + ".tmp";
        // pyast_dump takes the files as arguments; -j 2 for this 2-core machine.
        var (code, _, stderr) = Python313.Run([dump, "-j", "2", "-o", tmp, .. files], TimeSpan.FromMinutes(5));
        Assert.True(code == 0, "pyast_dump.py failed: " + stderr);
        File.Move(tmp, cached, overwrite: true);
        return cached;
    }

    static string Relative(string path)
    {
        int i = path.IndexOf("/lib/python3.", StringComparison.Ordinal);
        return i >= 0 ? path[(i + 5)..] : path;
    }

    static readonly Regex Head = new(@"^\{""path"":(""(?:[^""\\]|\\.)*""),""ok"":(true|false)", RegexOptions.Compiled);

    static readonly JsonDocumentOptions Deep = new() { MaxDepth = 100_000 };

    static bool JsonEqual(string a, string b) =>
        JsonNode.DeepEquals(JsonNode.Parse(a, documentOptions: Deep), JsonNode.Parse(b, documentOptions: Deep));

    /// <summary>The JSON path of the first difference, with both values (shortened).</summary>
    static string FirstDifference(string expected, string actual)
    {
        var e = JsonNode.Parse(expected, documentOptions: Deep);
        var a = JsonNode.Parse(actual, documentOptions: Deep);
        return Walk(e, a, "$") ?? "(equal as JSON)";

        static string Short(JsonNode? n)
        {
            var s = n?.ToJsonString() ?? "null";
            return s.Length > 120 ? s[..120] + "..." : s;
        }

        static string? Walk(JsonNode? e, JsonNode? a, string at)
        {
            if (JsonNode.DeepEquals(e, a)) return null;
            if (e is JsonObject eo && a is JsonObject ao)
            {
                string name = eo["_type"] is JsonValue t ? $"<{t}>" : "";
                foreach (var (k, v) in eo)
                    if (Walk(v, ao[k], $"{at}{name}.{k}") is { } d) return d;
                foreach (var (k, v) in ao)
                    if (!eo.ContainsKey(k)) return $"{at}{name}.{k}: unexpected {Short(v)}";
            }
            else if (e is JsonArray ea && a is JsonArray aa)
            {
                for (int i = 0; i < Math.Min(ea.Count, aa.Count); i++)
                    if (Walk(ea[i], aa[i], $"{at}[{i}]") is { } d) return d;
                return $"{at}: {ea.Count} elements expected, {aa.Count} found";
            }
            return $"{at}: expected {Short(e)} got {Short(a)}";
        }
    }
}
