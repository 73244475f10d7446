using System.Text;
using UnsyncMigrate.Cli.Migrate.Output;

namespace UnsyncMigrate.Cli.Tests.Migrate;

/// <summary>The decision table of <see cref="OutputPlan"/>, on an in-memory folder: which files a run may replace or remove.</summary>
public class OutputPlanTests
{
    static OutputContent File(string path, string text) => new(path, Encoding.UTF8.GetBytes(text));

    static string Hash(string text) => OutputManifest.Hash(Encoding.UTF8.GetBytes(text));

    static OutputManifest Manifest(params (string Path, string Text)[] files) =>
        new("/src", "0.1.0", files.ToDictionary(f => f.Path, f => Hash(f.Text), StringComparer.Ordinal));

    /// <summary>A folder holding these files (text by path); anything else is missing.</summary>
    static Func<string, DiskEntry> Disk(params (string Path, string Text)[] files)
    {
        var map = files.ToDictionary(f => f.Path, f => f.Text, StringComparer.Ordinal);
        return p => map.TryGetValue(p, out var t) ? DiskEntry.File(Hash(t)) : DiskEntry.Missing;
    }

    static string Show(OutputPlan plan) =>
        string.Join("\n", plan.Changes.Select(c => $"{c.Kind} {c.Path}{(c.WrittenTo != null ? " -> " + c.WrittenTo : "")}{(c.Generated ? " (generated)" : "")}"));

    [Fact]
    public void Plan_EmptyFolder_CreatesEverything()
    {
        var plan = OutputPlan.Make([File("Main.cs", "a"), File("lib/R.dll", "b")], null, Disk());
        Assert.Equal("Create Main.cs\nCreate lib/R.dll", Show(plan));
        Assert.True(plan.ChangesFiles);
        Assert.False(plan.HasConflicts);
    }

    [Fact]
    public void Plan_OwnUnchangedFiles_AreUpdatedOrLeftAsTheyAre()
    {
        var plan = OutputPlan.Make([File("Main.cs", "new"), File("Program.cs", "same")],
            Manifest(("Main.cs", "old"), ("Program.cs", "same")), Disk(("Main.cs", "old"), ("Program.cs", "same")));
        Assert.Equal("Update Main.cs\nUnchanged Program.cs", Show(plan));
        Assert.False(plan.HasConflicts);
    }

    [Fact]
    public void Plan_EditedGeneratedFile_IsKeptAndTheNewVersionGoesBesideIt()
    {
        var plan = OutputPlan.Make([File("Main.cs", "new")], Manifest(("Main.cs", "old")), Disk(("Main.cs", "old + my edit")));
        Assert.Equal("Conflict Main.cs -> Main.cs.new (generated)", Show(plan));
        Assert.True(plan.HasConflicts);
    }

    [Fact]
    public void Plan_FileTheToolNeverWrote_IsKeptEvenWithoutAManifest()
    {
        var plan = OutputPlan.Make([File("Main.cs", "new")], null, Disk(("Main.cs", "the user's own")));
        Assert.Equal("Conflict Main.cs -> Main.cs.new", Show(plan));
    }

    [Fact]
    public void Plan_FileTheToolNeverWroteButWithTheSameContent_IsAdopted()
    {
        var plan = OutputPlan.Make([File("Main.cs", "same")], null, Disk(("Main.cs", "same")));
        Assert.Equal("Unchanged Main.cs", Show(plan));
        var manifest = new Dictionary<string, string>();
        plan.Changes[0].Record(manifest);
        Assert.Equal(Hash("same"), manifest["Main.cs"]);
    }

    [Fact]
    public void Plan_NoLongerGeneratedFiles_AreRemovedOnlyWhenUnchanged()
    {
        var plan = OutputPlan.Make([File("Main.cs", "m")], Manifest(("Main.cs", "m"), ("Old.cs", "old"), ("Edited.cs", "gen"), ("Gone.cs", "x")),
            Disk(("Main.cs", "m"), ("Old.cs", "old"), ("Edited.cs", "gen + edit"), ("UserCode.cs", "mine")));
        Assert.Equal("Unchanged Main.cs\nKeepEdited Edited.cs\nDelete Old.cs", Show(plan));   // UserCode.cs and Gone.cs: not touched
    }

    [Fact]
    public void Plan_TakenNewName_MovesToTheNextFreeOne()
    {
        // Main.cs.new is the user's (not in the manifest); Main.cs.new2 is free.
        var plan = OutputPlan.Make([File("Main.cs", "new")], Manifest(("Main.cs", "old")),
            Disk(("Main.cs", "edited"), ("Main.cs.new", "the user's notes")));
        Assert.Equal("Conflict Main.cs -> Main.cs.new2 (generated)", Show(plan));
    }

    [Fact]
    public void Plan_OwnNewFileFromAnEarlierRun_IsReusedOrRemovedWhenTheConflictIsGone()
    {
        var manifest = Manifest(("Main.cs", "old"), ("Main.cs.new", "previous new"));
        var stillEdited = OutputPlan.Make([File("Main.cs", "newer")], manifest, Disk(("Main.cs", "edited"), ("Main.cs.new", "previous new")));
        Assert.Equal("Conflict Main.cs -> Main.cs.new (generated)", Show(stillEdited));

        // The user merged: Main.cs now has exactly what the tool generates; the .new file is stale.
        var merged = OutputPlan.Make([File("Main.cs", "newer")], manifest, Disk(("Main.cs", "newer"), ("Main.cs.new", "previous new")));
        Assert.Equal("Unchanged Main.cs\nDelete Main.cs.new", Show(merged));
    }

    [Fact]
    public void Plan_SomethingElseAtAPath_IsNeverReplaced()
    {
        var plan = OutputPlan.Make([File("lib", "x")], Manifest(("lib", "x")), p => p == "lib" ? DiskEntry.Other : DiskEntry.Missing);
        Assert.Equal("Conflict lib -> lib.new (generated)", Show(plan));
    }

    [Fact]
    public void Plan_LegacyMarker_IsTheToolsOwnAndOtherFilesAreNot()
    {
        var plan = OutputPlan.Make([File("Main.cs", "new")], OutputManifest.ForLegacyMarker(),
            Disk(("Main.cs", "old"), (OutputManifest.LegacyMarkerName, OutputManifest.LegacyMarkerText)));
        Assert.Equal("Conflict Main.cs -> Main.cs.new\nDelete .unsync-migrate", Show(plan));
    }

    [Fact]
    public void Record_ConflictKeepsTheOldEntry_SoTheFileStaysEdited()
    {
        var plan = OutputPlan.Make([File("Main.cs", "new")], Manifest(("Main.cs", "old")), Disk(("Main.cs", "edited")));
        var files = new Dictionary<string, string>(Manifest(("Main.cs", "old")).Files);
        foreach (var change in plan.Changes) change.Record(files);
        Assert.Equal(Hash("old"), files["Main.cs"]);
        Assert.Equal(Hash("new"), files["Main.cs.new"]);
    }

    [Fact]
    public void Manifest_RoundTrips_AndRejectsWhatIsNotOne()
    {
        var manifest = Manifest(("b.cs", "b"), ("a.cs", "a"));
        var back = OutputManifest.Parse(manifest.ToBytes(), out var problem);
        Assert.Null(problem);
        Assert.Equal(manifest.Source, back!.Source);
        Assert.Equal(manifest.Files.OrderBy(f => f.Key), back.Files.OrderBy(f => f.Key));
        Assert.True(Encoding.UTF8.GetString(manifest.ToBytes()).IndexOf("a.cs") < Encoding.UTF8.GetString(manifest.ToBytes()).IndexOf("b.cs"));

        Assert.Null(OutputManifest.Parse("{\"files\": {}}"u8.ToArray(), out problem));
        Assert.Contains("not an unsync-migrate/output-manifest", problem);
        Assert.Null(OutputManifest.Parse("not json"u8.ToArray(), out problem));
        Assert.Contains("not valid JSON", problem);
    }
}
