using System.Runtime.CompilerServices;
using UnsyncMigrate.Runtime;

namespace UnsyncMigrate.Runtime.Bench;

/// <summary>The process function measured, registered the way generated code does.</summary>
internal static class Targets
{
    public const string Square = "bench:square";

    [ModuleInitializer]
    internal static void Register() => ProcessRegistry.Register<long, long>(Square, x => x * x);

    /// <summary>The coroutine measured in loop mode: an async method, as generated code has.</summary>
    public static async Task<long> SquareAsync(long x)
    {
        await Task.CompletedTask;
        return x * x;
    }
}
