using Microsoft.Win32.SafeHandles;

namespace UnsyncMigrate.Cli.IO;

/// <summary>The process's raw standard output as a byte stream.</summary>
internal static class StandardOutput
{
    /// <summary>
    /// For a pipe or terminal on Unix, a FileStream over file descriptor 1: unlike
    /// Console.OpenStandardOutput(), whose writes silently ignore EPIPE, it throws when the reader
    /// has gone away (<c>| head</c>), so a long run stops at once. For a regular file, the
    /// console's stream: a FileStream would write with pwrite at its own offset without moving the
    /// descriptor's shared one, so whatever the shell writes to the same file next
    /// (<c>{ tool; echo; } &gt; f</c>) would overwrite our output.
    /// </summary>
    public static Stream Open()
    {
        if (OperatingSystem.IsWindows()) return Console.OpenStandardOutput();
        FileStream? fd1 = null;
        try
        {
            fd1 = new FileStream(new SafeFileHandle(1, ownsHandle: false), FileAccess.Write, bufferSize: 0);
            if (!fd1.CanSeek) return fd1;
        }
        catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException)
        {
        }
        fd1?.Dispose();
        return Console.OpenStandardOutput();
    }
}
