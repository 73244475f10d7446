namespace UnsyncMigrate.Cli.IO;

/// <summary>
/// The reason a file-system call failed, in a few words and without the path (the caller names
/// the path the user gave, not the temporary one the call was about): .NET's messages embed
/// whichever path the call used, and for POSIX errors carry the errno in the HResult.
/// </summary>
internal static class FileSystemErrors
{
    /// <summary>Whether <paramref name="e"/> is a failure of the file system rather than a bug.</summary>
    public static bool IsFileSystemError(Exception e) => e is IOException or UnauthorizedAccessException;

    public static string Describe(Exception e) => e switch
    {
        UnauthorizedAccessException => "permission denied",
        DirectoryNotFoundException => "a folder on the path does not exist or is not a folder",
        FileNotFoundException => "a folder on the path does not exist or cannot hold files",
        IOException io => Errno(io.HResult) ?? io.Message,
        _ => e.Message,
    };

    /// <summary>The usual errno values (.NET reports POSIX errors with the errno as HResult).</summary>
    static string? Errno(int code) => code switch
    {
        1 or 13 => "permission denied",
        17 => "a file of that name exists",
        20 => "a part of the path is a file, not a folder",
        21 => "it is a folder",
        28 => "no space left on the device",
        30 => "read-only file system",
        36 => "file name too long",
        122 => "disk quota exceeded",
        _ => null,
    };
}
