using System.Buffers.Binary;

namespace UnsyncMigrate.Runtime;

/// <summary>
/// Reads length-prefixed frames (4-byte little-endian length, then the payload) from a pipe with
/// its own buffer, so it can tell whether another whole frame is already buffered: the worker
/// flushes its replies only when none is, which batches replies under load without delaying a lone
/// reply. With a descriptor to poll (<see cref="PipePoll"/>), it spins briefly before a read that
/// would block.
/// </summary>
internal sealed class FrameReader(Stream stream, int pollFd = -1)
{
    public const int MaxFrameLength = 1 << 30;
    private byte[] _buffer = new byte[64 * 1024];
    private int _start, _end;

    /// <summary>Whether a complete frame can be returned without reading the pipe.</summary>
    public bool HasBufferedFrame
    {
        get
        {
            int available = _end - _start;
            if (available < 4) return false;
            int length = BinaryPrimitives.ReadInt32LittleEndian(_buffer.AsSpan(_start, 4));
            return available - 4 >= length;
        }
    }

    /// <summary>Fills <paramref name="destination"/> with raw bytes (the handshake), or less at EOF.</summary>
    public int ReadRaw(Span<byte> destination)
    {
        while (_end - _start < destination.Length && Fill()) { }
        int n = Math.Min(destination.Length, _end - _start);
        _buffer.AsSpan(_start, n).CopyTo(destination);
        _start += n;
        return n;
    }

    /// <summary>Blocks for the next frame. False at a clean end of stream; the returned memory is
    /// valid until the next call.</summary>
    public bool TryReadFrame(out ReadOnlyMemory<byte> frame)
    {
        frame = default;
        while (_end - _start < 4)
        {
            if (!Fill())
            {
                if (_end == _start) return false;
                throw new EndOfStreamException("The pipe closed in the middle of a frame header.");
            }
        }
        int length = BinaryPrimitives.ReadInt32LittleEndian(_buffer.AsSpan(_start, 4));
        if (length < 0 || length > MaxFrameLength)
            throw new InvalidDataException($"Invalid frame length {length}: the other side is not speaking the unsync worker protocol.");
        int needed = 4 + length;
        if (needed > _buffer.Length - _start) MakeRoom(needed);
        while (_end - _start < needed)
        {
            if (!Fill()) throw new EndOfStreamException("The pipe closed in the middle of a frame.");
        }
        frame = new ReadOnlyMemory<byte>(_buffer, _start + 4, length);
        _start += needed;
        return true;
    }

    private void MakeRoom(int needed)
    {
        int available = _end - _start;
        var target = needed > _buffer.Length ? new byte[Math.Max(needed, _buffer.Length * 2)] : _buffer;
        Buffer.BlockCopy(_buffer, _start, target, 0, available);
        _buffer = target;
        _start = 0;
        _end = available;
    }

    private bool Fill()
    {
        if (_start == _end) _start = _end = 0;
        else if (_end == _buffer.Length) MakeRoom(_end - _start + 1);
        PipePoll.SpinUntilReadable(pollFd);
        int n = stream.Read(_buffer, _end, _buffer.Length - _end);
        if (n <= 0) return false;
        _end += n;
        return true;
    }
}
