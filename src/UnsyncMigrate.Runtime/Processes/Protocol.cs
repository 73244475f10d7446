using System.Text;
using System.Text.Json;

namespace UnsyncMigrate.Runtime;

/// <summary>
/// The worker protocol. After start-up the worker writes <see cref="Handshake"/>; then every message
/// is a frame holding UTF-8 JSON, written by hand with <see cref="Utf8JsonWriter"/> so the envelope
/// costs no reflection:
/// request <c>{"id":7,"fn":"main:f","args":[...]}</c>,
/// reply <c>{"id":7,"ok":value}</c> or <c>{"id":7,"err":{"type","aqn","msg","stack","detail"}}</c>.
/// Arguments and results are (de)serialised as the registered parameter and return types.
/// </summary>
internal static class Protocol
{
    public static ReadOnlySpan<byte> Handshake => "UNSYNC-WORKER-1\n"u8;

    [ThreadStatic] private static FrameBuffer? t_buffer;
    [ThreadStatic] private static Utf8JsonWriter? t_writer;

    private static Utf8JsonWriter WriterFor(FrameBuffer buffer)
    {
        var w = t_writer ??= new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true });
        w.Reset(buffer);
        return w;
    }

    /// <summary>Encodes a request frame (length prefix included). Throws
    /// <see cref="ProcessSerializationException"/> naming the argument that cannot be serialised.</summary>
    public static byte[] EncodeRequest(long id, ProcessTarget target, object?[] args, JsonSerializerOptions options)
    {
        var buffer = t_buffer ??= new FrameBuffer();
        buffer.Clear();
        buffer.BeginFrame();
        var w = WriterFor(buffer);
        w.WriteStartObject();
        w.WriteNumber("id"u8, id);
        w.WriteString("fn"u8, target.Key);
        w.WriteStartArray("args"u8);
        for (int i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            var declared = target.ParameterTypes[i];
            // Serialise as the declared type (what the worker will read); an argument of another
            // runtime type (an int for a long parameter) goes as itself and converts on reading.
            var type = arg is null || declared.IsInstanceOfType(arg) ? declared : arg.GetType();
            try
            {
                if (!PrimitiveJson.TryWrite(w, arg, type, options)) JsonSerializer.Serialize(w, arg, type, options);
            }
            catch (Exception e)
            {
                w.Reset();
                throw new ProcessSerializationException(
                    $"Argument {i + 1} of process function '{target.Key}' (a {TypeName(arg?.GetType() ?? type)}) cannot be sent to a worker process: {e.Message}", e);
            }
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
        buffer.EndFrame();
        return buffer.ToArray();
    }

    /// <summary>Decodes a request in the worker.</summary>
    public static (long Id, string Key) ReadRequestHeader(ref Utf8JsonReader r)
    {
        Expect(ref r, JsonTokenType.StartObject);
        ExpectProperty(ref r, "id"u8);
        Expect(ref r, JsonTokenType.Number);
        long id = r.GetInt64();
        ExpectProperty(ref r, "fn"u8);
        Expect(ref r, JsonTokenType.String);
        string key = r.GetString()!;
        return (id, key);
    }

    /// <summary>Reads the arguments after <see cref="ReadRequestHeader"/>.</summary>
    public static object?[] ReadArguments(ref Utf8JsonReader r, ProcessTarget target, JsonSerializerOptions options)
    {
        ExpectProperty(ref r, "args"u8);
        Expect(ref r, JsonTokenType.StartArray);
        var args = new object?[target.ParameterTypes.Count];
        for (int i = 0; ; i++)
        {
            if (!r.Read()) throw new JsonException("Truncated argument list.");
            if (r.TokenType == JsonTokenType.EndArray)
            {
                if (i != args.Length) throw new ArgumentException($"'{target.Key}' takes {args.Length} argument(s), got {i}.");
                return args;
            }
            if (i >= args.Length) throw new ArgumentException($"'{target.Key}' takes {args.Length} argument(s), got more.");
            var type = target.ParameterTypes[i];
            try
            {
                if (!PrimitiveJson.TryRead(ref r, type, options, out args[i])) args[i] = JsonSerializer.Deserialize(ref r, type, options);
            }
            catch (Exception e)
            {
                throw new ProcessSerializationException($"Argument {i + 1} of '{target.Key}' cannot be read as {TypeName(type)} in the worker: {e.Message}", e);
            }
        }
    }

    /// <summary>Appends a success reply to <paramref name="output"/>; on a result that cannot be
    /// serialised, appends an error reply instead.</summary>
    public static void WriteResult(FrameBuffer output, long id, ProcessTarget target, object? result, JsonSerializerOptions options)
    {
        output.BeginFrame();
        var w = WriterFor(output);
        try
        {
            w.WriteStartObject();
            w.WriteNumber("id"u8, id);
            w.WritePropertyName("ok"u8);
            if (target.IsVoid) w.WriteNullValue();
            else if (!PrimitiveJson.TryWrite(w, result, target.ReturnType, options)) JsonSerializer.Serialize(w, result, target.ReturnType, options);
            w.WriteEndObject();
            w.Flush();
            output.EndFrame();
        }
        catch (Exception e)
        {
            w.Reset();
            output.RollbackFrame();
            WriteError(output, id, new ProcessSerializationException(
                $"The result of process function '{target.Key}' (a {TypeName(result?.GetType() ?? target.ReturnType)}) cannot be sent back from the worker: {e.Message}", e));
        }
    }

    /// <summary>Appends an error reply carrying type, message and stack trace.</summary>
    public static void WriteError(FrameBuffer output, long id, Exception error)
    {
        output.BeginFrame();
        var w = WriterFor(output);
        w.WriteStartObject();
        w.WriteNumber("id"u8, id);
        w.WriteStartObject("err"u8);
        w.WriteString("type"u8, error.GetType().FullName);
        w.WriteString("aqn"u8, error.GetType().AssemblyQualifiedName);
        w.WriteString("msg"u8, error.Message);
        w.WriteString("stack"u8, error.StackTrace ?? "");
        w.WriteString("detail"u8, error.ToString());
        w.WriteEndObject();
        w.WriteEndObject();
        w.Flush();
        output.EndFrame();
    }

    /// <summary>Parent side: reads the id of a reply and leaves the reader on "ok" or "err".</summary>
    public static long ReadReplyHeader(ref Utf8JsonReader r, out bool ok)
    {
        Expect(ref r, JsonTokenType.StartObject);
        ExpectProperty(ref r, "id"u8);
        Expect(ref r, JsonTokenType.Number);
        long id = r.GetInt64();
        if (!r.Read() || r.TokenType != JsonTokenType.PropertyName) throw new JsonException("Reply without outcome.");
        ok = r.ValueTextEquals("ok"u8);
        if (!ok && !r.ValueTextEquals("err"u8)) throw new JsonException("Reply outcome must be 'ok' or 'err'.");
        if (!r.Read()) throw new JsonException("Truncated reply.");
        return id;
    }

    /// <summary>Parent side: reads the error object of a reply into an exception.</summary>
    public static Exception ReadError(ref Utf8JsonReader r)
    {
        if (r.TokenType != JsonTokenType.StartObject) throw new JsonException("Malformed error reply.");
        string type = "", msg = "", stack = "", detail = "";
        string? aqn = null;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            var name = r.GetString();
            r.Read();
            var value = r.TokenType == JsonTokenType.String ? r.GetString() ?? "" : "";
            switch (name)
            {
                case "type": type = value; break;
                case "aqn": aqn = value; break;
                case "msg": msg = value; break;
                case "stack": stack = value; break;
                case "detail": detail = value; break;
            }
        }
        return RemoteExceptionFactory.Create(type, aqn, msg, stack, detail);
    }

    private static void Expect(ref Utf8JsonReader r, JsonTokenType type)
    {
        if (!r.Read() || r.TokenType != type) throw new JsonException($"Protocol error: expected {type}.");
    }

    private static void ExpectProperty(ref Utf8JsonReader r, ReadOnlySpan<byte> name)
    {
        if (!r.Read() || r.TokenType != JsonTokenType.PropertyName || !r.ValueTextEquals(name))
            throw new JsonException($"Protocol error: expected property '{Encoding.UTF8.GetString(name)}'.");
    }

    internal static string TypeName(Type t)
    {
        if (!t.IsGenericType) return t.FullName ?? t.Name;
        var name = t.Name;
        int tick = name.IndexOf('`');
        if (tick > 0) name = name[..tick];
        return $"{t.Namespace}.{name}<{string.Join(", ", t.GetGenericArguments().Select(TypeName))}>";
    }
}
