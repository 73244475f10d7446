using UnsyncMigrate.Analysis.Program;
using System.Diagnostics;
using UnsyncMigrate.TestSupport;
using UnsyncMigrate.Translation.Scaffolding;

namespace UnsyncMigrate.Translation.Tests;

/// <summary>
/// The generated C# of every public corpus case, compared exactly with golden files in the
/// repository (UPDATE_GOLDEN=1 re-accepts), and one migrated project built where the
/// repository is out of reach.
/// </summary>
public class CorpusSnapshotTests
{
    static string Corpus => Path.Combine(SharedFolder.TryFind()!, "corpus", "public");

    static TranslationOutput Translate(string caseDir)
    {
        var program = AnalyzedProgram.Load(caseDir);
        Assert.Empty(program.Problems);
        var entry = EntryModule.Choose(program, null)!;
        return new ProgramTranslator(new ProgramModel(program, entry.Name)).Translate();
    }

    [RequiresFact(Requirement.SharedFolder)]
    public void GeneratedCSharp_EveryCorpusCase_MatchesGolden()
    {
        var failures = new List<string>();
        foreach (var dir in Directory.GetDirectories(Corpus).OrderBy(d => d, StringComparer.Ordinal))
        {
            string name = Path.GetFileName(dir);
            var output = Translate(dir);
            foreach (var file in output.Files)
            {
                try { Golden.Match(file.Content, Path.Combine(name, file.RelativePath)); }
                catch (Exception e) when (e.GetType().Name.Contains("Exception")) { failures.Add(e.Message); }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    [RequiresFact(Requirement.SharedFolder)]
    public void MigratedProject_CopiedOutsideTheRepository_Builds()
    {
        var dir = Path.Combine(Corpus, "07_helper_module");
        var output = Translate(dir);
        var scaffold = ProjectScaffolder.Scaffold(new ScaffoldOptions("Helper", "Migrated", "07_helper_module", "main", "0.0.0-test"), output);
        var outDir = Path.Combine(Path.GetTempPath(), "unsync-migrate-build-" + Guid.NewGuid().ToString("N"));
        try
        {
            foreach (var f in output.Files.Concat(scaffold))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(outDir, f.RelativePath))!);
                File.WriteAllText(Path.Combine(outDir, f.RelativePath), f.Content);
            }
            Directory.CreateDirectory(Path.Combine(outDir, "lib"));
            File.Copy(typeof(UnsyncMigrate.Runtime.Unsync).Assembly.Location, Path.Combine(outDir, "lib", "UnsyncMigrate.Runtime.dll"));
            var psi = new ProcessStartInfo("dotnet", ["build", outDir, "-nologo", "-v", "q"])
            {
                RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = outDir,
            };
            using var p = Process.Start(psi)!;
            string log = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
            Assert.True(p.WaitForExit(TimeSpan.FromMinutes(5)), "dotnet build timed out");
            Assert.True(p.ExitCode == 0, log);
        }
        finally
        {
            try { Directory.Delete(outDir, recursive: true); } catch (IOException) { }
        }
    }
}
