using UnsyncMigrate.Analysis.Discovery;
using UnsyncMigrate.Analysis.Scanning;

namespace UnsyncMigrate.Analysis.Tests;

/// <summary>Module discovery on real folders: names, default excludes, .gitignore, symlinks; and file errors.</summary>
public sealed class DiscoveryTests : IDisposable
{
    readonly string _root = Path.Combine(Path.GetTempPath(), "um-discovery-" + Guid.NewGuid().ToString("N"));

    public DiscoveryTests() => Directory.CreateDirectory(_root);

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); }
        catch (IOException) { }
    }

    void Write(string relative, string text = "")
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    string[] Found(bool defaultExcludes = true) =>
        ModuleDiscovery.Discover(_root, defaultExcludes).Files.Select(f => $"{f.RelativePath}={f.ModuleName}").ToArray();

    [Fact]
    public void ModuleNamesFollowTheFolders()
    {
        Write("main.py");
        Write("pkg/__init__.py");
        Write("pkg/sub/mod.py");
        Write("ns/thing.py");
        Write("notes.txt");
        Assert.Equal(["main.py=main", "ns/thing.py=ns.thing", "pkg/__init__.py=pkg", "pkg/sub/mod.py=pkg.sub.mod"], Found());
    }

    [Fact]
    public void AScannedPackageKeepsItsName()
    {
        Write("__init__.py");
        Write("core.py");
        string name = Path.GetFileName(_root);
        var files = ModuleDiscovery.Discover(_root).Files;
        Assert.Equal([$"__init__.py={name}", $"core.py={name}.core"], files.Select(f => $"{f.RelativePath}={f.ModuleName}"));
    }

    [Fact]
    public void DefaultExcludes()
    {
        Write("app.py");
        Write(".git/hooks/x.py");
        Write("__pycache__/app.py");
        Write("node_modules/n/x.py");
        Write("lib/site-packages/dep.py");
        Write("env1/pyvenv.cfg", "home = /usr/bin\n");
        Write("env1/lib/x.py");
        Write(".venv/y.py");
        Write("build/gen.py");
        Write("build/keep.py");
        Write("data/skip_me.py");
        Write(".gitignore", "build/gen.py\ndata/\n");
        Assert.Equal(["app.py=app", "build/keep.py=build.keep"], Found());
        Assert.Equal(10, Found(defaultExcludes: false).Length);
    }

    [Fact]
    public void NestedGitignoreAppliesBelowItsFolder()
    {
        Write("a/.gitignore", "*_gen.py\n");
        Write("a/x_gen.py");
        Write("a/x.py");
        Write("b/y_gen.py");
        Assert.Equal(["a/x.py=a.x", "b/y_gen.py=b.y_gen"], Found());
    }

    [Fact]
    public void SymlinkLoopsAreNotFollowed()
    {
        Write("pkg/mod.py");
        Write(".hidden/shown.py");
        Directory.CreateSymbolicLink(Path.Combine(_root, "pkg", "loop"), Path.Combine(_root, "pkg"));
        Directory.CreateSymbolicLink(Path.Combine(_root, "alias"), Path.Combine(_root, "pkg"));
        Directory.CreateSymbolicLink(Path.Combine(_root, "outside"), Path.GetTempPath());
        Directory.CreateSymbolicLink(Path.Combine(_root, "git-link"), Path.Combine(_root, ".git"));
        Write(".git/objects/x.py");
        // Links to folders the walk enters anyway are not followed (no loop, no duplicate), nor links
        // outside the scanned folder or into excluded folders.
        Assert.Equal([".hidden/shown.py=.hidden.shown", "pkg/mod.py=pkg.mod"], Found());
        Assert.Equal([".git/objects/x.py=.git.objects.x", ".hidden/shown.py=.hidden.shown", "pkg/mod.py=pkg.mod"], Found(defaultExcludes: false));
    }

    [Fact]
    public void ASingleFile()
    {
        Write("tool.py", "x = 1\n");
        var result = ModuleDiscovery.Discover(Path.Combine(_root, "tool.py"));
        var file = Assert.Single(result.Files);
        Assert.Equal("tool", file.ModuleName);
        Assert.Equal("tool.py", file.RelativePath);
    }

    [Fact]
    public void BadFilesAreReportedAndTheScanGoesOn()
    {
        Write("good.py", "from unsync import unsync\n\n@unsync\ndef ok():\n    pass\n");
        Write("broken.py", "def f(:\n    pass\n");
        File.WriteAllBytes(Path.Combine(_root, "latin.py"), [0x78, 0x20, 0x3d, 0x20, 0x27, 0xe9, 0x27, 0x0a]);
        Write("tabs.py", "if True:\n\tx = 1\n        y = 2\n");
        var result = Scanner.Scan(new ScanOptions { Path = _root });
        Assert.Equal(["broken.py", "latin.py", "tabs.py"], result.Errors.Select(e => e.File));
        var broken = result.Errors[0];
        Assert.Equal(("SyntaxError", 1), (broken.Kind, broken.Line ?? 0));
        Assert.NotNull(broken.Column);
        Assert.Equal("DecodeError", result.Errors[1].Kind);
        Assert.Contains(result.Errors[2].Kind, new[] { "TabError", "IndentationError" });
        Assert.Equal("ok", Assert.Single(result.Functions).Qualname);
    }

    [Fact]
    public void OnlyCodeThatCanReachUnsyncIsWalked()
    {
        // main mentions unsync; user imports main (it may call its wrappers); helper and deep are
        // only dependencies (looked into on demand); island is unrelated.
        Write("main.py", "import helper\nfrom unsync import unsync\n\n@unsync\ndef job():\n    return helper.make()\n");
        Write("user.py", "from main import job\n\ndef go():\n    return job().result()\n");
        Write("helper.py", "import deep\n\ndef make():\n    return deep.X\n");
        Write("deep.py", "X = 1\n");
        Write("island.py", "import json\n");
        var result = Scanner.Scan(new ScanOptions { Path = _root, KeepTreesBelowBytes = 0 });
        Assert.Equal(["deep.py:False", "helper.py:False", "island.py:False", "main.py:True", "user.py:True"],
                     result.Files.Select(f => $"{f.File}:{f.Analyzed}"));
        Assert.All(result.Files, f => Assert.True(f.Parsed));
        Assert.Equal("user.py:4", $"{Assert.Single(result.CallSites).File}:{result.CallSites[0].Line}");
    }

    [Fact]
    public void MissingPathThrows()
    {
        Assert.Throws<FileNotFoundException>(() => ModuleDiscovery.Discover(Path.Combine(_root, "nope")));
    }
}
