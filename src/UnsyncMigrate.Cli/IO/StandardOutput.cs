using Microsoft.Win32.SafeHandles;

namespace UnsyncMigrate.Cli.IO;

/// <summary>The process's raw standard output as a byte stream.</summary>
internal static class StandardOutput
{
    /// <summary>
    /// On Unix, a FileStream over file descriptor 1: unlike Console.OpenStandardOutput(), whose
    /// writes silently ignore EPIPE, it throws when the reader has gone away (<c>| head</c>), so a
    /// long run can stop at once. Elsewhere, the console's stream.
    /// </summary>
    public static Stream Open()
    {
        if (OperatingSystem.IsWindows()) return Console.OpenStandardOutput();
        try
        {
            return new FileStream(new SafeFileHandle(1, ownsHandle: false), FileAccess.Write, bufferSize: 0);
        }
        catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException)
        {
            return Console.OpenStandardOutput();
        }
    }
}
