using System.Runtime.CompilerServices;
using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Xunit.Sdk;

namespace UnsyncMigrate.TestSupport;

/// <summary>
/// Golden-file (snapshot) assertions. The expected text lives in <c>golden/NAME</c> beside the
/// calling test's source file and is compared exactly (line endings normalised to "\n", nothing
/// else). On a mismatch the actual text is written to <c>NAME.received</c> and the failure shows
/// a line diff; <c>UPDATE_GOLDEN=1</c> accepts the actual text instead. A missing golden file
/// fails (with a .received to accept), also in CI: a forgotten snapshot never passes silently.
/// </summary>
public static class Golden
{
    const int MaxDiffLines = 200;

    /// <summary>True when <c>UPDATE_GOLDEN=1</c>: mismatching or missing golden files are (re)written instead of failing.</summary>
    public static bool Updating => Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1";

    /// <summary>The golden file's path for a test source file (<c>dir/golden/name</c>).</summary>
    public static string PathFor(string name, [CallerFilePath] string callerFile = "") =>
        Path.Combine(Path.GetDirectoryName(callerFile)!, "golden", name);

    public static void Match(string actual, string name, [CallerFilePath] string callerFile = "")
    {
        string path = PathFor(name, callerFile);
        string received = path + ".received";
        actual = actual.ReplaceLineEndings("\n");

        if (Updating)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual, new UTF8Encoding(false));
            File.Delete(received);
            return;
        }
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(received, actual, new UTF8Encoding(false));
            throw new XunitException(
                $"No golden file {path}.\nWrote the actual text to {received}.\nRe-run with UPDATE_GOLDEN=1 to accept it.");
        }
        string expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        if (expected == actual)
        {
            File.Delete(received);
            return;
        }
        File.WriteAllText(received, actual, new UTF8Encoding(false));
        throw new XunitException(
            $"Golden mismatch: {path}\n(- expected, + actual; trailing spaces shown as '·', tabs as '→'; actual written to {received};" +
            " UPDATE_GOLDEN=1 accepts it)\n" + Diff(expected, actual));
    }

    /// <summary>A readable line diff (3 lines of context around changes), whitespace significant.</summary>
    public static string Diff(string expected, string actual)
    {
        // ignoreWhiteSpace defaults to true in DiffPlex: an indentation-only change would show no difference.
        var lines = InlineDiffBuilder.Diff(expected, actual, ignoreWhiteSpace: false, ignoreCase: false).Lines;
        var keep = new bool[lines.Count];
        for (int i = 0; i < lines.Count; i++)
        {
            if (lines[i].Type is ChangeType.Unchanged) continue;
            for (int k = Math.Max(0, i - 3); k <= Math.Min(lines.Count - 1, i + 3); k++) keep[k] = true;
        }
        var sb = new StringBuilder();
        int shown = 0;
        bool gap = false;
        for (int i = 0; i < lines.Count; i++)
        {
            if (!keep[i]) { gap = true; continue; }
            if (gap && sb.Length > 0) sb.Append("  ...\n");
            gap = false;
            var l = lines[i];
            string prefix = l.Type switch { ChangeType.Inserted => "+ ", ChangeType.Deleted => "- ", _ => "  " };
            string text = l.Type is ChangeType.Unchanged ? l.Text : Visible(l.Text);
            sb.Append(prefix).Append(l.Position is int p ? $"{p,4}| " : "    | ").Append(text).Append('\n');
            if (++shown >= MaxDiffLines)
            {
                sb.Append($"  ... (diff cut at {MaxDiffLines} lines)\n");
                break;
            }
        }
        if (expected.EndsWith('\n') != actual.EndsWith('\n'))
            sb.Append(expected.EndsWith('\n') ? "  (expected ends with a newline, actual does not)\n" : "  (actual ends with a newline, expected does not)\n");
        if (sb.Length == 0) sb.Append("  (the texts differ only in line structure DiffPlex does not show)\n");
        return sb.ToString();
    }

    static string Visible(string line)
    {
        string body = line.TrimEnd(' ', '\t');
        string tail = line[body.Length..].Replace(' ', '·').Replace('\t', '→');
        return body.Replace("\t", "→") + tail;
    }
}
