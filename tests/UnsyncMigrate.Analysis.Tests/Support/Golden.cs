using System.Runtime.CompilerServices;
using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace UnsyncMigrate.Analysis.Tests.Support;

/// <summary>
/// Golden files: exact comparison with a readable line diff on mismatch; <c>UPDATE_GOLDEN=1</c>
/// accepts the new output. A mismatch leaves <c>NAME.received</c> beside the golden file.
/// </summary>
public static class Golden
{
    /// <summary>The Golden folder of the test project, in the source tree.</summary>
    public static string Folder() => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(ThisFile())!, "..", "Golden"));

    static string ThisFile([CallerFilePath] string path = "") => path;

    public static void Match(string actual, string name)
    {
        string path = Path.GetFullPath(Path.Combine(Folder(), name));
        string received = path + ".received";
        actual = actual.ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual, new UTF8Encoding(false));
            if (File.Exists(received)) File.Delete(received);
            return;
        }
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(received, actual, new UTF8Encoding(false));
            Assert.Fail($"No golden file {path}. Wrote {received}. Re-run with UPDATE_GOLDEN=1 to accept.");
        }
        string expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        if (expected == actual)
        {
            if (File.Exists(received)) File.Delete(received);
            return;
        }
        File.WriteAllText(received, actual, new UTF8Encoding(false));
        var sb = new StringBuilder($"Golden mismatch: {path} (- expected, + actual; UPDATE_GOLDEN=1 accepts)\n");
        int shown = 0;
        foreach (var line in InlineDiffBuilder.Diff(expected, actual, ignoreWhiteSpace: false).Lines)
        {
            if (line.Type == ChangeType.Unchanged) continue;
            sb.Append(line.Type == ChangeType.Inserted ? "+ " : "- ").Append(line.Position?.ToString() ?? "").Append(": ").AppendLine(line.Text);
            if (++shown >= 80)
            {
                sb.AppendLine("...");
                break;
            }
        }
        Assert.Fail(sb.ToString());
    }
}
