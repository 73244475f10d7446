using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace UnsyncMigrate.Python.Tests.Support;

/// <summary>
/// Golden-file assertions: the actual text must equal the committed file exactly.
/// On a mismatch the test fails with a line diff and writes <c>FILE.received</c> beside the
/// golden file; a missing golden file is a failure too (with a .received file to inspect).
/// With <c>UPDATE_GOLDEN=1</c> in the environment the actual text is written to the golden
/// file instead (for the AST cases, regenerate from CPython with Cases/make_goldens.py rather
/// than accepting the parser's own output).
/// </summary>
public static class Golden
{
    static readonly UTF8Encoding Utf8NoBom = new(false);

    public static bool Updating => Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1";

    public static void Verify(string goldenPath, string actual)
    {
        string received = goldenPath + ".received";
        if (!File.Exists(goldenPath))
        {
            if (Updating)
            {
                File.WriteAllText(goldenPath, actual, Utf8NoBom);
                DeleteIfExists(received);
                return;
            }
            File.WriteAllText(received, actual, Utf8NoBom);
            Assert.Fail($"golden file missing: {goldenPath}\nwrote the actual output to {received}; " +
                        "review it and rename it, or run with UPDATE_GOLDEN=1 to accept it.");
        }
        string expected = File.ReadAllText(goldenPath, Utf8NoBom);
        if (string.Equals(expected, actual, StringComparison.Ordinal))
        {
            DeleteIfExists(received);
            return;
        }
        if (Updating)
        {
            File.WriteAllText(goldenPath, actual, Utf8NoBom);
            DeleteIfExists(received);
            return;
        }
        File.WriteAllText(received, actual, Utf8NoBom);
        Assert.Fail($"output differs from {goldenPath} (actual written to {received}; UPDATE_GOLDEN=1 accepts it)\n" +
                    Diff(expected, actual));
    }

    /// <summary>A readable line diff (- expected, + actual) with 3 lines of context, at most <paramref name="maxLines"/> lines.</summary>
    public static string Diff(string expected, string actual, int maxLines = 120)
    {
        var model = InlineDiffBuilder.Diff(expected, actual, ignoreWhiteSpace: false);
        var lines = model.Lines;
        var show = new bool[lines.Count];
        for (int i = 0; i < lines.Count; i++)
            if (lines[i].Type != ChangeType.Unchanged)
                for (int j = Math.Max(0, i - 3); j <= Math.Min(lines.Count - 1, i + 3); j++)
                    show[j] = true;
        var sb = new StringBuilder();
        int written = 0;
        bool gap = false;
        for (int i = 0; i < lines.Count; i++)
        {
            if (!show[i])
            {
                gap = true;
                continue;
            }
            if (gap && sb.Length > 0) sb.Append("  ...\n");
            gap = false;
            var l = lines[i];
            string mark = l.Type switch
            {
                ChangeType.Inserted => "+ ",
                ChangeType.Deleted => "- ",
                ChangeType.Modified => "~ ",
                _ => "  ",
            };
            string where = l.Position is int p ? $"{p,5} " : "      ";
            sb.Append(mark).Append(where).Append(l.Text).Append('\n');
            if (++written >= maxLines)
            {
                sb.Append("  ... (diff truncated)\n");
                break;
            }
        }
        if (written == 0 && expected != actual)
            sb.Append("(texts differ only in line endings or a trailing newline)\n");
        return sb.ToString();
    }

    static void DeleteIfExists(string path)
    {
        if (File.Exists(path)) File.Delete(path);
    }
}
