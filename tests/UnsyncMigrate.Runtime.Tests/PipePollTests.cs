using System.Diagnostics;
using System.IO.Pipes;

namespace UnsyncMigrate.Runtime.Tests;

/// <summary>The (opt-in) spin before a blocking pipe read: it finds the parent's end of a worker
/// pipe on Linux, returns as soon as data or EOF is there, and gives up (to the blocking read) otherwise.</summary>
public sealed class PipePollTests
{
    [Fact]
    public void ParentSideOfARedirectedChild_HasADescriptorOnLinux()
    {
        var psi = new ProcessStartInfo("cat") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        using var cat = Process.Start(psi)!;
        try
        {
            int fd = PipePoll.PipeDescriptor(cat.StandardOutput.BaseStream);
            if (OperatingSystem.IsLinux()) Assert.True(fd > 2);
            else Assert.Equal(-1, fd);
            cat.StandardInput.BaseStream.Write("x"u8);
            cat.StandardInput.BaseStream.Flush();
            PipePoll.SpinUntilReadable(fd); // data arrives: returns, and the read finds it
            var got = new byte[1];
            Assert.Equal(1, cat.StandardOutput.BaseStream.Read(got));
            Assert.Equal((byte)'x', got[0]);
        }
        finally
        {
            cat.StandardInput.Close();
            cat.WaitForExit(60_000);
        }
    }

    [Fact]
    public void IdleOrClosedPipe_SpinEnds()
    {
        using var server = new AnonymousPipeServerStream(PipeDirection.In);
        using var client = new AnonymousPipeClientStream(PipeDirection.Out, server.ClientSafePipeHandle);
        int fd = PipePoll.PipeDescriptor(server);
        PipePoll.SpinUntilReadable(fd); // nothing comes: the budget runs out
        client.Dispose();
        server.DisposeLocalCopyOfClientHandle();
        PipePoll.SpinUntilReadable(fd); // EOF counts as readable
        Assert.Equal(0, server.Read(new byte[1]));
    }

    [Fact]
    public void NotAPipe_NoDescriptor()
    {
        Assert.Equal(-1, PipePoll.PipeDescriptor(new MemoryStream()));
        Assert.Equal(-1, PipePoll.DescriptorOf(new MemoryStream()));
        PipePoll.SpinUntilReadable(-1);
    }
}
