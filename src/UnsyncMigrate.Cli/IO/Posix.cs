using System.Runtime.InteropServices;
using System.Text;

namespace UnsyncMigrate.Cli.IO;

/// <summary>
/// The two POSIX facts that .NET's file APIs blur and that Python's behaviour depends on:
/// <c>os.path.isfile</c> (a regular file after following symlinks: .NET's File.Exists is also
/// true for FIFOs and broken symlinks) and the errno of a failed <c>open()</c> (for OSError
/// messages like Python's). Linux uses statx/open from libc; elsewhere it falls back to
/// .NET's approximations.
/// </summary>
internal static class Posix
{
    const int AtFdCwd = -100;
    const uint StatxType = 0x1;
    const int StatxModeOffset = 28;   // struct statx: u32 mask, u32 blksize, u64 attributes, u32 nlink, u32 uid, u32 gid, u16 mode
    const int SIfMt = 0xF000, SIfReg = 0x8000, SIfDir = 0x4000;
    const int ORdOnly = 0, OCloExec = 0x80000, ONonBlock = 0x800;
    const int EIsDir = 21;

    static bool _nativeBroken = !OperatingSystem.IsLinux();

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    static extern int StatxNative(int dirfd, byte[] pathname, int flags, uint mask, byte[] statxbuf);

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    static extern int OpenNative(byte[] pathname, int flags);

    [DllImport("libc", EntryPoint = "close")]
    static extern int CloseNative(int fd);

    static byte[] CString(string path)
    {
        var bytes = new byte[Encoding.UTF8.GetMaxByteCount(path.Length) + 1];
        int n = Encoding.UTF8.GetBytes(path, bytes);
        bytes[n] = 0;
        return bytes;
    }

    /// <summary>The file type bits of stat(path) (symlinks followed), or null when it cannot be stat'ed or the platform call is unavailable.</summary>
    static int? FileType(string path, out bool available)
    {
        available = false;
        if (_nativeBroken) return null;
        try
        {
            var buf = new byte[256];
            available = true;
            if (StatxNative(AtFdCwd, CString(path), 0, StatxType, buf) != 0) return null;
            return BitConverter.ToUInt16(buf, StatxModeOffset) & SIfMt;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            _nativeBroken = true;
            available = false;
            return null;
        }
    }

    /// <summary>Python's <c>os.path.isfile</c>: true only for a regular file, following symlinks.</summary>
    public static bool IsRegularFile(string path)
    {
        int? type = FileType(path, out bool available);
        if (available) return type == SIfReg;
        return File.Exists(path) && !Directory.Exists(path);
    }

    /// <summary>Python's <c>os.path.isdir</c>: true for a directory, following symlinks.</summary>
    public static bool IsDirectory(string path)
    {
        int? type = FileType(path, out bool available);
        if (available) return type == SIfDir;
        return Directory.Exists(path);
    }

    /// <summary>
    /// The errno that Python's <c>open(path, "rb")</c> would raise, found by trying the open
    /// again natively (21 for a directory, which open() accepts but Python refuses); null
    /// when unknown (the open now succeeds, or the platform call is unavailable).
    /// </summary>
    public static int? OpenErrno(string path)
    {
        if (_nativeBroken) return null;
        try
        {
            int fd = OpenNative(CString(path), ORdOnly | OCloExec | ONonBlock);
            if (fd < 0) return Marshal.GetLastPInvokeError();
            CloseNative(fd);
            return IsDirectory(path) ? EIsDir : null;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            _nativeBroken = true;
            return null;
        }
    }

    /// <summary>The C library's text for an errno (strerror), as Python prints it.</summary>
    public static string StrError(int errno) => Marshal.GetPInvokeErrorMessage(errno);
}
