using System.Text.Json;

namespace UnsyncMigrate.Runtime;

/// <summary>
/// Strings, 64/32-bit integers, finite doubles and booleans written and read straight through
/// <see cref="Utf8JsonWriter"/>/<see cref="Utf8JsonReader"/>, producing the same JSON as
/// <see cref="JsonSerializer"/> with the default options. Why: the first reflection-based
/// serialisation in a process builds converter tables and emits IL accessors (a couple of hundred
/// methods to JIT, tens of milliseconds); every worker process would pay that at start-up, and
/// migrated code's process calls carry only strings (the Python-value payload). Used only while
/// <see cref="ProcessRegistry.JsonOptions"/> are the defaults, since custom options may convert
/// even these types differently; anything else falls back to the serializer.
/// </summary>
internal static class PrimitiveJson
{
    public static bool TryWrite(Utf8JsonWriter w, object? value, Type type, JsonSerializerOptions options)
    {
        if (!ProcessRegistry.IsDefaultJsonOptions(options)) return false;
        switch (value)
        {
            case null when !type.IsValueType || Nullable.GetUnderlyingType(type) is not null:
                w.WriteNullValue();
                return true;
            case string s when type == typeof(string):
                w.WriteStringValue(s);
                return true;
            case long l when type == typeof(long):
                w.WriteNumberValue(l);
                return true;
            case int i when type == typeof(int):
                w.WriteNumberValue(i);
                return true;
            case double d when type == typeof(double) && double.IsFinite(d):
                // NaN and infinities are written as named literals by the serializer: leave them to it.
                w.WriteNumberValue(d);
                return true;
            case bool b when type == typeof(bool):
                w.WriteBooleanValue(b);
                return true;
            default:
                return false;
        }
    }

    /// <summary>Reads a value of <paramref name="type"/> at the reader's current token, or returns
    /// false (reader untouched) for anything the serializer must handle, errors included.</summary>
    public static bool TryRead(ref Utf8JsonReader r, Type type, JsonSerializerOptions options, out object? value)
    {
        value = null;
        if (!ProcessRegistry.IsDefaultJsonOptions(options)) return false;
        if (type == typeof(string))
        {
            if (r.TokenType == JsonTokenType.Null) return true;
            if (r.TokenType != JsonTokenType.String) return false;
            value = r.GetString();
            return true;
        }
        if (type == typeof(long))
        {
            if (r.TokenType != JsonTokenType.Number || !r.TryGetInt64(out long l)) return false;
            value = l;
            return true;
        }
        if (type == typeof(int))
        {
            if (r.TokenType != JsonTokenType.Number || !r.TryGetInt32(out int i)) return false;
            value = i;
            return true;
        }
        if (type == typeof(double))
        {
            if (r.TokenType != JsonTokenType.Number || !r.TryGetDouble(out double d)) return false;
            value = d;
            return true;
        }
        if (type == typeof(bool))
        {
            if (r.TokenType is not (JsonTokenType.True or JsonTokenType.False)) return false;
            value = r.GetBoolean();
            return true;
        }
        return false;
    }
}
