using UnsyncMigrate.Runtime.Python;

namespace UnsyncMigrate.Runtime.Tests.Python;

/// <summary>
/// Under the GIL each operation on a built-in container is atomic, so Python programs let
/// thread-mode functions append to one shared list. The runtime's dynamic container operations
/// keep that guarantee (a plain List would lose items or throw).
/// </summary>
public class ContainerThreadSafetyTests
{
    const int Threads = 8, PerThread = 20_000;

    static void RunConcurrently(Action<int> body)
    {
        using var start = new ManualResetEventSlim(false);
        var threads = Enumerable.Range(0, Threads).Select(t => new Thread(() => { start.Wait(); body(t); })).ToList();
        threads.ForEach(t => t.Start());
        start.Set();
        threads.ForEach(t => t.Join());
    }

    [Fact]
    public void ListAppend_FromManyThreads_KeepsEveryItem()
    {
        var list = new PyList();
        RunConcurrently(t =>
        {
            for (int i = 0; i < PerThread; i++) Py.CallMethod(list, "append", [(long)(t * PerThread + i)]);
        });
        Assert.Equal(Threads * PerThread, list.Count);
        Assert.Equal(Enumerable.Range(0, Threads * PerThread).Select(i => (object?)(long)i), list.OrderBy(x => (long)x!));
    }

    [Fact]
    public void DictSetItemAndPop_FromManyThreads_StayConsistent()
    {
        var dict = new PyDict();
        RunConcurrently(t =>
        {
            for (int i = 0; i < PerThread; i++)
            {
                Py.SetItem(dict, $"{t}:{i}", (long)i);
                if (i % 2 == 1) Py.CallMethod(dict, "pop", [$"{t}:{i - 1}"]);
            }
        });
        Assert.Equal(Threads * PerThread / 2, dict.Count);
    }

    [Fact]
    public void ListPop_FromManyThreads_TakesEachItemOnce()
    {
        var list = new PyList(Enumerable.Range(0, Threads * PerThread).Select(i => (object?)(long)i));
        var taken = new long[Threads];
        RunConcurrently(t =>
        {
            for (int i = 0; i < PerThread; i++) taken[t] += (long)Py.CallMethod(list, "pop", [])!;
        });
        Assert.Empty(list);
        Assert.Equal((long)Threads * PerThread * (Threads * PerThread - 1) / 2, taken.Sum());
    }
}
