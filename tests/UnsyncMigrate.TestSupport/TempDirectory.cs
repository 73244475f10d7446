using System.Text;

namespace UnsyncMigrate.TestSupport;

/// <summary>A fresh folder under the system temp folder, deleted on Dispose; helpers to lay out files in it.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory(string prefix = "um-test")
    {
        Path = Directory.CreateTempSubdirectory(prefix + "-").FullName;
    }

    public string Path { get; }

    /// <summary>The full path of <paramref name="relative"/> ('/' separated) inside the folder.</summary>
    public string this[string relative] => System.IO.Path.Combine(Path, relative.Replace('/', System.IO.Path.DirectorySeparatorChar));

    /// <summary>Writes a UTF-8 (no BOM) text file, creating its folders; returns its full path.</summary>
    public string Write(string relative, string text) => WriteBytes(relative, new UTF8Encoding(false).GetBytes(text));

    public string WriteBytes(string relative, byte[] bytes)
    {
        string full = this[relative];
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        return full;
    }

    public string CreateDirectory(string relative) => Directory.CreateDirectory(this[relative]).FullName;

    /// <summary>Creates a symbolic link at <paramref name="relative"/> pointing to <paramref name="target"/> (stored as given, may be relative).</summary>
    public string Symlink(string relative, string target, bool directory)
    {
        string full = this[relative];
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        if (directory) Directory.CreateSymbolicLink(full, target);
        else File.CreateSymbolicLink(full, target);
        return full;
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
