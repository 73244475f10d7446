using System.Diagnostics;
using UnsyncMigrate.TestSupport;

namespace UnsyncMigrate.Cli.Tests.Migrate;

/// <summary>
/// A program with no entry module (a library) migrates as a class library: no Program.cs,
/// OutputType Library, the runtime in lib/, a README saying how to use it; a host program that
/// follows the README prints what the same calls print in CPython 3.13.
/// </summary>
public class LibraryMigrationTests : IDisposable
{
    readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    void WriteLibrary()
    {
        _dir.Write("py/shapes.py", """
            from unsync import unsync


            class Square:
                def __init__(self, side):
                    self.side = side

                @property
                def area(self):
                    return self.side * self.side


            def describe(n):
                return f"square {n}: {Square(n).area}"


            @unsync
            def slow_area(n):
                return Square(n).area
            """.ReplaceLineEndings("\n"));
        _dir.Write("py/pkg/__init__.py", "");
        _dir.Write("py/pkg/heavy.py", """
            from unsync import unsync


            @unsync(cpu_bound=True)
            def crunch(n):
                return sum(i * i for i in range(n))
            """.ReplaceLineEndings("\n"));
    }

    static (int Code, string Output) Run(string workingDirectory, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        string stdout = p.StandardOutput.ReadToEnd();
        Assert.True(p.WaitForExit(TimeSpan.FromMinutes(5)), $"dotnet {string.Join(' ', args)} timed out");
        return (p.ExitCode, stdout + (p.ExitCode != 0 ? "\n--- stderr\n" + stderr.Result : ""));
    }

    [Fact]
    public void Migrate_PackageWithoutMain_IsAClassLibraryAHostCanCall()
    {
        WriteLibrary();
        var r = Cli.Run(_dir["py"], "-o", _dir["lib"]);
        Assert.True(r.ExitCode == ExitCodes.Success, r.ToString());
        Assert.Contains("is migrated as a class library (no Program.cs)", r.Stderr);
        Assert.Contains("(class library)", r.Stdout);
        Assert.False(File.Exists(_dir["lib/Program.cs"]));
        Assert.True(File.Exists(_dir["lib/lib/UnsyncMigrate.Runtime.dll"]));
        Assert.Contains("<OutputType>Library</OutputType>", File.ReadAllText(_dir["lib/py.csproj"]));
        string readme = File.ReadAllText(_dir["lib/README.md"]);
        Assert.Contains("this is a class library (no `Program.cs`)", readme);
        Assert.Contains("Migrated.UnsyncRegistration.Register();", readme);

        var build = Run(_dir["lib"], "build", "-nologo", "-v", "q");
        Assert.True(build.Code == 0, build.Output);
        Assert.Contains(" 0 Error(s)", build.Output);

        // A host written as the README says; the same calls in CPython 3.13 (host.py importing
        // the library, unsync 1.4.0) print: square 3: 9 / 285 / 16.
        _dir.Write("host/host.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="{_dir["lib/py.csproj"]}" />
                <Reference Include="UnsyncMigrate.Runtime"><HintPath>{_dir["lib/lib/UnsyncMigrate.Runtime.dll"]}</HintPath></Reference>
              </ItemGroup>
            </Project>
            """);
        _dir.Write("host/Directory.Build.props", "<Project />\n");
        _dir.Write("host/Directory.Packages.props", "<Project />\n");
        _dir.Write("host/Program.cs", """
            using Migrated;
            using UnsyncMigrate.Runtime;

            UnsyncRegistration.Register();
            if (UnsyncRuntime.RunWorkerIfRequested(args)) return 0;
            ShapesModule.__init__();
            Pkg_HeavyModule.__init__();
            Console.WriteLine(ShapesModule.describe(3));
            Console.WriteLine(Pkg_HeavyModule.crunch(10).Result());
            Console.WriteLine(ShapesModule.slow_area(4).Result());
            Unsync.Shutdown();
            return 0;
            """);
        var host = Run(_dir["host"], "run", "-nologo", "-v", "q");
        Assert.True(host.Code == 0, host.Output);
        Assert.Equal("square 3: 9\n285\n16\n", host.Output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Migrate_LibraryOption_IgnoresMainPy()
    {
        _dir.Write("py/main.py", "print('hi')\n");
        var r = Cli.Run(_dir["py"], "-o", _dir["out"], "--library");
        Assert.True(r.ExitCode == ExitCodes.Success, r.ToString());
        Assert.Contains("note: --library:", r.Stderr);
        Assert.False(File.Exists(_dir["out/Program.cs"]));
        Assert.Contains("__name__ = \"main\"", File.ReadAllText(_dir["out/Main.cs"]));
    }

    [Fact]
    public void Migrate_LibraryWithEntry_IsAUsageError()
    {
        _dir.Write("py/main.py", "print('hi')\n");
        var r = Cli.Run(_dir["py"], "-o", _dir["out"], "--library", "--entry", "main.py");
        Assert.Equal(ExitCodes.Usage, r.ExitCode);
        Assert.Contains("--library and --entry do not go together", r.Stderr);
    }

    [Fact]
    public void Migrate_EntryOptionOnALibrary_StillMakesAProgram()
    {
        WriteLibrary();
        var r = Cli.Run(_dir["py"], "-o", _dir["out"], "--entry", "shapes");
        Assert.True(r.ExitCode == ExitCodes.Success, r.ToString());
        Assert.DoesNotContain("class library", r.Stderr);
        Assert.True(File.Exists(_dir["out/Program.cs"]));
        Assert.Contains("<OutputType>Exe</OutputType>", File.ReadAllText(_dir["out/py.csproj"]));
    }
}
