using System.Buffers.Binary;
using System.Diagnostics;

namespace UnsyncMigrate.Runtime.Bench;

/// <summary>
/// The raw baseline of process mode: the same program started again as a bare echo server over
/// stdin/stdout with the same 4-byte length prefix and no JSON, no registry, no pool.
/// </summary>
internal sealed class RawPipe : IDisposable
{
    public const string EchoArgument = "--raw-echo";
    private readonly Process _process;
    private readonly Stream _in;
    private readonly Stream _out;

    public RawPipe()
    {
        var psi = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false, RedirectStandardInput = true, RedirectStandardOutput = true };
        // Started as `dotnet bench.dll`, the program is the dll, not the host.
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet") psi.ArgumentList.Add(typeof(RawPipe).Assembly.Location);
        psi.ArgumentList.Add(EchoArgument);
        _process = Process.Start(psi)!;
        _in = _process.StandardInput.BaseStream;
        _out = _process.StandardOutput.BaseStream;
    }

    /// <summary>A request of about the size of a real one: <c>{"id":1234,"fn":"bench:square","args":[1234]}</c>.</summary>
    public static readonly byte[] Frame = MakeFrame("{\"id\":1234,\"fn\":\"bench:square\",\"args\":[1234]}"u8);

    private static byte[] MakeFrame(ReadOnlySpan<byte> payload)
    {
        var f = new byte[payload.Length + 4];
        BinaryPrimitives.WriteInt32LittleEndian(f, payload.Length);
        payload.CopyTo(f.AsSpan(4));
        return f;
    }

    /// <summary>One write, one blocking read of the echoed frame.</summary>
    public void RoundTrip(byte[] reply)
    {
        _in.Write(Frame);
        _in.Flush();
        _out.ReadExactly(reply);
    }

    /// <summary>Pipelined: a writer thread sends <paramref name="count"/> frames while this thread reads the echoes.</summary>
    public void Pipelined(int count)
    {
        var writer = new Thread(() =>
        {
            for (int i = 0; i < count; i++) _in.Write(Frame);
            _in.Flush();
        });
        writer.Start();
        var reply = new byte[Frame.Length * 64];
        long remaining = (long)count * Frame.Length;
        while (remaining > 0) remaining -= _out.Read(reply, 0, (int)Math.Min(reply.Length, remaining));
        writer.Join();
    }

    public void Dispose()
    {
        _in.Dispose();
        _process.WaitForExit(5000);
        _process.Dispose();
    }

    /// <summary>Worker side of the baseline.</summary>
    public static void ServeEcho()
    {
        using var input = Console.OpenStandardInput();
        using var output = Console.OpenStandardOutput();
        var frame = new byte[1 << 16];
        while (input.ReadAtLeast(frame.AsSpan(0, 4), 4, throwOnEndOfStream: false) == 4)
        {
            int n = BinaryPrimitives.ReadInt32LittleEndian(frame);
            input.ReadExactly(frame, 4, n);
            output.Write(frame, 0, n + 4); // one write per reply, like the runtime's worker
            output.Flush();
        }
    }
}
