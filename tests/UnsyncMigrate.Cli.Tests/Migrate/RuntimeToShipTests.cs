using System.Reflection.PortableExecutable;
using UnsyncMigrate.Cli.Migrate;
using UnsyncMigrate.TestSupport;

namespace UnsyncMigrate.Cli.Tests.Migrate;

/// <summary>Which runtime DLL a generated project gets: the ReadyToRun image beside the tool when it is of the same build, else the IL assembly.</summary>
public class RuntimeToShipTests : IDisposable
{
    readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    static string RuntimeDll => typeof(UnsyncMigrate.Runtime.Unsync).Assembly.Location;

    string Tool(DateTime ilTime)
    {
        string il = Path.Combine(_dir.Path, RuntimeToShip.FileName);
        File.Copy(RuntimeDll, il);
        File.SetLastWriteTimeUtc(il, ilTime);
        return il;
    }

    string Image(string fromAssembly, DateTime time)
    {
        string image = Path.Combine(_dir.CreateDirectory("runtime-r2r"), RuntimeToShip.FileName);
        File.Copy(fromAssembly, image);
        File.SetLastWriteTimeUtc(image, time);
        return image;
    }

    static readonly DateTime Built = new(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void NoImage_ShipsTheIlAssembly()
    {
        string il = Tool(Built);
        Assert.Equal(il, RuntimeToShip.Path(il));
    }

    [Fact]
    public void ImageOfTheSameBuild_IsShipped()
    {
        string il = Tool(Built);
        string image = Image(RuntimeDll, Built.AddSeconds(5));
        Assert.Equal(image, RuntimeToShip.Path(il));
    }

    [Fact]
    public void ImageOlderThanTheIlAssembly_IsStale()
    {
        string il = Tool(Built);
        Image(RuntimeDll, Built.AddMinutes(-5));
        Assert.Equal(il, RuntimeToShip.Path(il));
    }

    [Fact]
    public void ImageOfAnotherVersion_IsNotShipped()
    {
        string il = Tool(Built);
        // Another assembly stands in for an image of another version (xunit's own version differs from ours).
        Image(typeof(FactAttribute).Assembly.Location, Built.AddSeconds(5));
        Assert.Equal(il, RuntimeToShip.Path(il));
    }

    /// <summary>Whether the file is a ReadyToRun image (it has a managed native header).</summary>
    static bool IsReadyToRun(string path)
    {
        using var pe = new PEReader(File.OpenRead(path));
        return pe.PEHeaders.CorHeader?.ManagedNativeHeaderDirectory.Size > 0;
    }

    [Fact]
    public void IsReadyToRun_TellsAnImageFromIl()
    {
        Assert.False(IsReadyToRun(RuntimeDll));                    // the tests reference the IL assembly
        Assert.True(IsReadyToRun(typeof(object).Assembly.Location));   // System.Private.CoreLib ships precompiled
    }

#if RELEASE
    [Fact]
#else
    [Fact(Skip = "the ReadyToRun runtime is published by Release builds of the CLI only (CI builds Release)")]
#endif
    public void ReleaseBuildOfTheTool_ShipsItsReadyToRunImage()
    {
        string bin = Path.Combine(RepoRoot.Find(), "src", "UnsyncMigrate.Cli", "bin", "Release", "net10.0");
        string shipped = RuntimeToShip.Path(Path.Combine(bin, RuntimeToShip.FileName));
        Assert.Equal(Path.Combine(bin, "runtime-r2r", RuntimeToShip.FileName), shipped);
        Assert.True(IsReadyToRun(shipped));
    }
}
