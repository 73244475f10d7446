using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace UnsyncMigrate.Runtime;

/// <summary>Serializer defaults for values crossing the process boundary (pickle's role in Python).</summary>
public static class ProcessJson
{
    /// <summary>
    /// Options used unless <see cref="ProcessRegistry.JsonOptions"/> is replaced: fields included
    /// (value tuples have only fields), Python's unbounded ints as <see cref="BigInteger"/>, NaN and
    /// infinities allowed (Python floats have them).
    /// </summary>
    public static JsonSerializerOptions CreateDefaultOptions() => new()
    {
        IncludeFields = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new BigIntegerConverter() },
    };

    /// <summary>Writes a <see cref="BigInteger"/> as a plain JSON number of any length.</summary>
    private sealed class BigIntegerConverter : JsonConverter<BigInteger>
    {
        public override BigInteger Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType is not (JsonTokenType.Number or JsonTokenType.String))
                throw new JsonException($"Expected a number for BigInteger, got {reader.TokenType}.");
            var text = reader.HasValueSequence
                ? System.Text.Encoding.UTF8.GetString(System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence))
                : System.Text.Encoding.UTF8.GetString(reader.ValueSpan);
            return BigInteger.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        }

        public override void Write(Utf8JsonWriter writer, BigInteger value, JsonSerializerOptions options) =>
            writer.WriteRawValue(value.ToString(CultureInfo.InvariantCulture), skipInputValidation: true);
    }
}
