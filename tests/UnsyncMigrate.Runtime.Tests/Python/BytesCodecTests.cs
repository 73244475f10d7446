using UnsyncMigrate.Runtime.Python;

namespace UnsyncMigrate.Runtime.Tests.Python;

/// <summary>bytes cross to a worker process and back (decoding calls bytes.fromhex through the type).</summary>
public class BytesCodecTests
{
    [Fact]
    public void BytesInContainers_EncodeDecode_RoundTrip()
    {
        var value = PyTuple.Of(new PyBytes([0xca, 0xfe]), PyList.Of(new PyBytes([])));
        Assert.Equal("(b'\\xca\\xfe', [b''])", Py.Repr(PyCodec.Decode(PyCodec.Encode(value))));
    }
}
