using System.Runtime.CompilerServices;
using UnsyncMigrate.Runtime;

namespace UnsyncMigrate.Runtime.TestWorker;

/// <summary>The process functions of the tests, registered as generated code would: from a module
/// initializer, so the parent (the test process) and every worker hold the same table.</summary>
public static class TestTargets
{
    public const string Square = "tests:square";
    public const string Add = "tests:add";
    public const string Pid = "tests:pid";
    public const string Boom = "tests:boom";
    public const string CustomBoom = "tests:custom_boom";
    public const string OddBoom = "tests:odd_boom";
    public const string BlockUntil = "tests:block_until";
    public const string Exit = "tests:exit";
    public const string Tuple = "tests:tuple";
    public const string Describe = "tests:describe";
    public const string Cyclic = "tests:cyclic";
    public const string TakesNode = "tests:takes_node";
    public const string Chatty = "tests:chatty";
    public const string Touch = "tests:touch";
    public const string SumOfSquares = "tests:sum_of_squares";
    public const string Echo = "tests:echo";

    /// <summary>Touching this type runs the module initializer in the test process.</summary>
    public static void EnsureRegistered() { }

    [ModuleInitializer]
    internal static void Register()
    {
        ProcessRegistry.Register<long, long>(Square, x => x * x);
        ProcessRegistry.Register<int, int, int>(Add, (a, b) => a + b);
        ProcessRegistry.Register(Pid, () => Environment.ProcessId);
        ProcessRegistry.Register<string, int>(Boom, ThrowBoom);
        ProcessRegistry.Register<string, int>(CustomBoom, m => throw new TestWorkerException(m));
        ProcessRegistry.Register<string, int>(OddBoom, m => throw new OddException(m.Length));
        ProcessRegistry.Register<string, int>(BlockUntil, BlockUntilReleased);
        ProcessRegistry.Register<int, int>(Exit, code => { Environment.Exit(code); return 0; });
        ProcessRegistry.Register<int, (int, string)>(Tuple, n => (n * 2, new string('x', n)));
        ProcessRegistry.Register<Dictionary<string, List<int>>, Dictionary<string, double>>(Describe,
            d => d.ToDictionary(kv => kv.Key, kv => kv.Value.Average()));
        ProcessRegistry.Register<Node>(Cyclic, () => { var n = new Node(); n.Next = n; return n; });
        ProcessRegistry.Register<Node, int>(TakesNode, n => n.Next is null ? 1 : 2);
        ProcessRegistry.Register<string, string>(Chatty, s => { Console.WriteLine("stray print " + s); Console.Out.Flush(); return s.ToUpperInvariant(); });
        ProcessRegistry.Register<string>(Touch, path => File.WriteAllText(path, Environment.ProcessId.ToString()));
        ProcessRegistry.Register<string, string>(Echo, s => s);
        ProcessRegistry.Register<int, int, long>(SumOfSquares, (lo, hi) => { long t = 0; for (long n = lo; n < hi; n++) t += n * n; return t; });
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int ThrowBoom(string message) => throw new InvalidOperationException(message);

    /// <summary>Writes its pid to <c>path + ".started"</c>, then waits until <c>path</c> exists
    /// (or 5 minutes): a call the test can catch in the middle.</summary>
    private static int BlockUntilReleased(string path)
    {
        File.WriteAllText(path + ".started.tmp", Environment.ProcessId.ToString());
        File.Move(path + ".started.tmp", path + ".started");
        var until = DateTime.UtcNow.AddMinutes(5);
        while (!File.Exists(path) && DateTime.UtcNow < until) Thread.Sleep(5);
        return Environment.ProcessId;
    }
}

public sealed class Node
{
    public Node? Next { get; set; }
}

public sealed class TestWorkerException : Exception
{
    public TestWorkerException(string message) : base(message) { }
}

/// <summary>No (string) constructor: cannot be recreated in the parent.</summary>
public sealed class OddException(int code) : Exception($"odd {code}")
{
    public int Code { get; } = code;
}
