using System.Buffers;
using System.Buffers.Binary;

namespace UnsyncMigrate.Runtime;

/// <summary>
/// A growable buffer of outgoing frames. A frame is begun, its JSON written through
/// <see cref="IBufferWriter{T}"/>, then ended (which patches the length) or rolled back (when
/// serialisation failed half-way).
/// </summary>
internal sealed class FrameBuffer : IBufferWriter<byte>
{
    private byte[] _buffer;
    private int _length;
    private int _frameStart = -1;

    public FrameBuffer(int capacity = 4096) => _buffer = new byte[capacity];

    public int Length => _length;

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _length);

    public void BeginFrame()
    {
        _frameStart = _length;
        GetSpan(4);
        _length += 4;
    }

    public void EndFrame()
    {
        BinaryPrimitives.WriteInt32LittleEndian(_buffer.AsSpan(_frameStart, 4), _length - _frameStart - 4);
        _frameStart = -1;
    }

    public void RollbackFrame()
    {
        _length = _frameStart;
        _frameStart = -1;
    }

    public void Clear() => _length = 0;

    public byte[] ToArray() => _buffer.AsSpan(0, _length).ToArray();

    public void WriteTo(Stream stream)
    {
        stream.Write(_buffer, 0, _length);
        stream.Flush();
        _length = 0;
    }

    public void Advance(int count) => _length += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsMemory(_length);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsSpan(_length);
    }

    private void Ensure(int sizeHint)
    {
        if (sizeHint < 16) sizeHint = 16;
        if (_buffer.Length - _length >= sizeHint) return;
        Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + sizeHint));
    }
}
