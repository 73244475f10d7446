using System.Text.Json;

namespace UnsyncMigrate.Runtime;

/// <summary>One process-mode call in flight: its encoded request and how to complete its future.</summary>
internal abstract class ProcessCall(long id, string key, byte[] frame)
{
    public long Id { get; } = id;
    public string Key { get; } = key;
    public byte[] Frame { get; } = frame;
    /// <summary>When it was written to a worker (Stopwatch ticks), for the service-time estimate.</summary>
    public long SentAt { get; set; }

    /// <summary>Completes from the "ok" value of a reply (reader positioned on it).</summary>
    public abstract void Complete(ref Utf8JsonReader reader, JsonSerializerOptions options);

    public abstract void Fail(Exception error);
}

internal sealed class ProcessCall<T>(long id, ProcessTarget target, byte[] frame) : ProcessCall(id, target.Key, frame)
{
    public TaskCompletionSource<T> Source { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override void Complete(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        T value;
        try
        {
            value = PrimitiveJson.TryRead(ref reader, target.ReturnType, options, out var primitive)
                ? (T)primitive!
                : target.ReturnType == typeof(T)
                    ? JsonSerializer.Deserialize<T>(ref reader, options)!
                    : (T)JsonSerializer.Deserialize(ref reader, target.ReturnType, options)!;
        }
        catch (Exception e)
        {
            Fail(new ProcessSerializationException(
                $"The result of process function '{Key}' could not be read as {Protocol.TypeName(typeof(T))}: {e.Message}", e));
            return;
        }
        Source.TrySetResult(value);
    }

    public override void Fail(Exception error) => Source.TrySetException(error);
}

internal sealed class ProcessCallVoid(long id, string key, byte[] frame) : ProcessCall(id, key, frame)
{
    public TaskCompletionSource Source { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override void Complete(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        reader.Skip();
        Source.TrySetResult();
    }

    public override void Fail(Exception error) => Source.TrySetException(error);
}
