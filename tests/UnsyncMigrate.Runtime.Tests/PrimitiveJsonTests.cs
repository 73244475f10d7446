using System.Text.Json;

namespace UnsyncMigrate.Runtime.Tests;

/// <summary>The serializer-free path for primitives must write exactly what the serializer writes
/// with the default options, read what it reads, and leave everything else to it.</summary>
public sealed class PrimitiveJsonTests
{
    private static readonly JsonSerializerOptions Defaults = ProcessRegistry.JsonOptions;

    public static TheoryData<object?, Type> Values() => new()
    {
        { "plain", typeof(string) },
        { "", typeof(string) },
        { "quote \" backslash \\ tab \t nul \0 <html> & é ☃ 😀 \ud800", typeof(string) },
        { null, typeof(string) },
        { long.MinValue, typeof(long) },
        { long.MaxValue, typeof(long) },
        { 0L, typeof(long) },
        { int.MinValue, typeof(int) },
        { 42, typeof(int) },
        { 0.1, typeof(double) },
        { -1e300, typeof(double) },
        { double.Epsilon, typeof(double) },
        { -0.0, typeof(double) },
        { true, typeof(bool) },
        { false, typeof(bool) },
    };

    private static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true })) write(w);
        return buffer.WrittenSpan.ToArray();
    }

    [Theory]
    [MemberData(nameof(Values))]
    public void Write_SameBytesAsTheSerializer(object? value, Type type)
    {
        var expected = Write(w => JsonSerializer.Serialize(w, value, type, Defaults));
        var actual = Write(w => Assert.True(PrimitiveJson.TryWrite(w, value, type, Defaults)));
        Assert.Equal(System.Text.Encoding.UTF8.GetString(expected), System.Text.Encoding.UTF8.GetString(actual));
    }

    [Theory]
    [MemberData(nameof(Values))]
    public void Read_SameValueAsTheSerializer(object? value, Type type)
    {
        var json = Write(w => JsonSerializer.Serialize(w, value, type, Defaults));
        var reader = new Utf8JsonReader(json);
        Assert.True(reader.Read());
        Assert.True(PrimitiveJson.TryRead(ref reader, type, Defaults, out var read));
        Assert.Equal(JsonSerializer.Deserialize(json, type, Defaults), read);
        Assert.False(reader.Read()); // positioned on the value's last token, like the serializer
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void NamedFloatLiterals_AreLeftToTheSerializer(double value)
    {
        Write(w => Assert.False(PrimitiveJson.TryWrite(w, value, typeof(double), Defaults)));
        var json = Write(w => JsonSerializer.Serialize(w, value, Defaults));
        var reader = new Utf8JsonReader(json);
        reader.Read();
        Assert.False(PrimitiveJson.TryRead(ref reader, typeof(double), Defaults, out _));
    }

    [Fact]
    public void OtherTypesMismatchesAndCustomOptions_AreLeftToTheSerializer()
    {
        Write(w => Assert.False(PrimitiveJson.TryWrite(w, 3, typeof(long), Defaults)));       // int for a long: converts on reading
        Write(w => Assert.False(PrimitiveJson.TryWrite(w, null, typeof(long), Defaults)));
        Write(w => Assert.False(PrimitiveJson.TryWrite(w, 1.5m, typeof(decimal), Defaults)));
        Write(w => Assert.False(PrimitiveJson.TryWrite(w, "x", typeof(string), new JsonSerializerOptions())));
        var reader = new Utf8JsonReader("\"12\""u8);
        reader.Read();
        Assert.False(PrimitiveJson.TryRead(ref reader, typeof(long), Defaults, out _)); // the serializer's error, not ours
        reader = new Utf8JsonReader("4294967296"u8);
        reader.Read();
        Assert.False(PrimitiveJson.TryRead(ref reader, typeof(int), Defaults, out _));
    }
}
