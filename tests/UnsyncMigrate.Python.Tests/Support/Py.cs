using System.Text;
using UnsyncMigrate.Python.Ast;
using UnsyncMigrate.Python.Serialization;

namespace UnsyncMigrate.Python.Tests.Support;

/// <summary>Parsing helpers for the tests: a big stack, a time limit, and the canonical JSON.</summary>
public static class Py
{
    public const int BigStack = 256 * 1024 * 1024;

    /// <summary>Runs <paramref name="parse"/> on a thread with a 256 MB stack; fails the test on a hang or an exception.</summary>
    public static ParseResult OnBigStack(Func<ParseResult> parse, TimeSpan? timeout = null, string? what = null)
    {
        ParseResult? result = null;
        Exception? error = null;
        var t = new Thread(() =>
        {
            try { result = parse(); }
            catch (Exception e) { error = e; }
        }, BigStack) { IsBackground = true };
        t.Start();
        if (!t.Join(timeout ?? TimeSpan.FromSeconds(60)))
            Assert.Fail($"parse did not finish within {(timeout ?? TimeSpan.FromSeconds(60)).TotalSeconds} s{(what is null ? "" : ": " + what)}");
        if (error != null)
            Assert.Fail($"threw {error.GetType().Name}{(what is null ? "" : " on " + what)}: {error}");
        return result!;
    }

    public static ParseResult ParseText(string source, TimeSpan? timeout = null) =>
        OnBigStack(() => PythonParser.ParseText(source), timeout);

    public static ParseResult ParseFile(byte[] source, TimeSpan? timeout = null) =>
        OnBigStack(() => PythonParser.ParseFile(source), timeout);

    /// <summary>The canonical compact JSON of a module (the "ast" value of pyast_dump.py).</summary>
    public static string ToJson(ModModule module, bool positions = true)
    {
        var w = new AstJsonWriter(positions);
        module.WriteJson(w);
        return Encoding.UTF8.GetString(w.WrittenSpan);
    }

    public static string Describe(SyntaxDiagnostic? d) =>
        d is null ? "(no error)" : $"{d.Kind} at {d.Line}:{d.Column}: {d.Message}";
}
