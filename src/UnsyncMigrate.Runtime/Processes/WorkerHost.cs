using System.Text.Json;

namespace UnsyncMigrate.Runtime;

/// <summary>
/// The worker side: read a request, run the registered function on this thread (one call at a
/// time, like a Python pool worker), append the reply, and flush replies only when no further
/// request is already buffered. Ends at EOF on stdin, which is also what happens when the parent
/// dies, even by SIGKILL: the kernel closes its end of the pipe.
/// </summary>
internal static class WorkerHost
{
    // Runs once for the worker's life: keep it out of tier-0 code (see SingleThreadLoop.Run).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static void Run(Stream input, Stream output, int inputPollFd = -1)
    {
        var reader = new FrameReader(input, inputPollFd);
        var replies = new FrameBuffer(16 * 1024);
        output.Write(Protocol.Handshake);
        output.Flush();
        while (true)
        {
            if (replies.Length > 0 && !reader.HasBufferedFrame)
            {
                replies.WriteTo(output);
            }
            bool more;
            ReadOnlyMemory<byte> frame;
            try { more = reader.TryReadFrame(out frame); }
            catch (IOException) { return; } // parent vanished mid-frame
            if (!more) break;
            Handle(frame.Span, replies);
        }
        if (replies.Length > 0)
        {
            try { replies.WriteTo(output); } catch (IOException) { }
        }
    }

    private static void Handle(ReadOnlySpan<byte> frame, FrameBuffer replies)
    {
        var options = ProcessRegistry.JsonOptions;
        var json = new Utf8JsonReader(frame);
        long id;
        string key;
        try { (id, key) = Protocol.ReadRequestHeader(ref json); }
        catch (Exception e)
        {
            // Without an id there is nobody to answer: the stream is not ours to trust any more.
            Console.Error.WriteLine($"unsync worker: unreadable request, exiting: {e.Message}");
            throw new IOException("Unreadable request.", e);
        }
        ProcessTarget target;
        object? result;
        try
        {
            target = ProcessRegistry.Get(key);
            var args = Protocol.ReadArguments(ref json, target, options);
            result = target.Invoke(args);
        }
        catch (Exception e)
        {
            Protocol.WriteError(replies, id, e);
            return;
        }
        Protocol.WriteResult(replies, id, target, result, options);
    }
}
