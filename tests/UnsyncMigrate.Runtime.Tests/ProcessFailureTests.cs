using System.Diagnostics;
using UnsyncMigrate.Runtime.TestWorker;

namespace UnsyncMigrate.Runtime.Tests;

/// <summary>Process mode when things go wrong: exceptions, dead workers, bad values, bad programs.</summary>
public sealed class ProcessFailureTests : IDisposable
{
    private readonly UnsyncRuntime _rt = Support.ProcessRuntime(1);

    public void Dispose() => _rt.Shutdown(Support.Patience);

    [Fact]
    public void Process_WorkerThrows_SurfacesOriginalTypeMessageAndWorkerStackTrace()
    {
        var fut = _rt.Process<int>(TestTargets.Boom, "boom in worker");
        var e = Assert.Throws<InvalidOperationException>(() => fut.Within());
        Assert.Equal("boom in worker", e.Message);
        Assert.Contains("ThrowBoom", e.StackTrace);             // the worker's frames
        var remote = Assert.IsType<WorkerException>(e.InnerException);
        Assert.Equal("System.InvalidOperationException", remote.RemoteTypeName);
        Assert.Contains("ThrowBoom", remote.RemoteStackTrace);
        // and through await on the loop
        var viaAwait = _rt.Loop(async () =>
        {
            try { await _rt.Process<int>(TestTargets.CustomBoom, "custom"); return "no"; }
            catch (TestWorkerException x) { return "caught " + x.Message; }
        }).Within();
        Assert.Equal("caught custom", viaAwait);
    }

    [Fact]
    public void Process_WorkerThrowsATypeThatCannotBeRecreated_SurfacesWorkerException()
    {
        var e = Assert.Throws<WorkerException>(() => _rt.Process<int>(TestTargets.OddBoom, "four").Within());
        Assert.Equal(typeof(OddException).FullName, e.RemoteTypeName);
        Assert.Equal("odd 4", e.RemoteMessage);
        Assert.Contains("OddException: odd 4", e.Message);
        Assert.Contains("TestTargets", e.RemoteStackTrace);
    }

    [Fact]
    public void Process_WorkerKilledMidCall_FutureFaultsAndPoolRecovers()
    {
        var path = Path.Combine(Path.GetTempPath(), $"unsync-kill-{Guid.NewGuid():N}");
        var fut = _rt.Process<int>(TestTargets.BlockUntil, path);
        Support.Eventually(() => File.Exists(path + ".started"), "the worker to start the call");
        int pid = int.Parse(File.ReadAllText(path + ".started"));
        Process.GetProcessById(pid).Kill(); // SIGKILL on Unix
        var e = Assert.Throws<WorkerProcessExitedException>(() => fut.Within());
        Assert.Contains("worker process exited", e.Message);
        Assert.Contains(TestTargets.BlockUntil, e.Message);
        Assert.Equal(pid, e.ProcessId);
        int replacement = _rt.Process<int>(TestTargets.Pid).Within();
        Assert.NotEqual(pid, replacement);
        Assert.Equal(36L, _rt.Process<long>(TestTargets.Square, 6L).Within());
        File.Delete(path + ".started");
    }

    [Fact]
    public void Process_WorkerExitsDuringCall_FaultsWithExitCodeAndIsReplaced()
    {
        var e = Assert.Throws<WorkerProcessExitedException>(() => _rt.Process<int>(TestTargets.Exit, 7).Within());
        Assert.Equal(7, e.ExitCode);
        Assert.Equal(3, _rt.Process<int>(TestTargets.Add, 1, 2).Within());
    }

    [Fact]
    public void Process_CallsQueuedBehindADyingWorker_FailOrRunButNeverHang()
    {
        var doomed = _rt.Process<int>(TestTargets.Exit, 9);
        var after = Enumerable.Range(0, 5).Select(i => _rt.Process<long>(TestTargets.Square, (long)i)).ToList();
        Assert.Throws<WorkerProcessExitedException>(() => doomed.Within());
        foreach (var f in after)
        {
            try { f.Within(); }
            catch (WorkerProcessExitedException) { /* was pipelined onto the dying worker */ }
        }
        Assert.Equal(4L, _rt.Process<long>(TestTargets.Square, 2L).Within());
    }

    [Fact]
    public void Process_NonSerialisableArgument_FailsAtTheCallWithAClearMessage()
    {
        var cyclic = new Node();
        cyclic.Next = cyclic;
        var e = Assert.Throws<ProcessSerializationException>(() => _rt.Process<int>(TestTargets.TakesNode, cyclic));
        Assert.Contains("Argument 1", e.Message);
        Assert.Contains(TestTargets.TakesNode, e.Message);
        Assert.Contains("cannot be sent to a worker process", e.Message);
        Assert.Equal(1, _rt.Process<int>(TestTargets.TakesNode, new Node()).Within());
    }

    [Fact]
    public void Process_NonSerialisableResult_FaultsWithAClearMessage()
    {
        var e = Assert.Throws<ProcessSerializationException>(() => _rt.Process<Node>(TestTargets.Cyclic).Within());
        Assert.Contains("result of process function", e.Message);
        Assert.Contains(TestTargets.Cyclic, e.Message);
    }

    [Fact]
    public void Process_UnknownKeyWrongArityOrWrongResultType_ThrowAtTheCall()
    {
        Assert.Contains("nested.fn", Assert.Throws<KeyNotFoundException>(() => _rt.Process<int>("nested.fn")).Message);
        Assert.Throws<ArgumentException>(() => _rt.Process<int>(TestTargets.Add, 1));
        Assert.Throws<ArgumentException>(() => _rt.Process<string>(TestTargets.Add, 1, 2));
        Assert.Throws<ArgumentException>(() => _rt.Process<int>(TestTargets.Touch, "x"));
    }

    [Fact]
    public void Process_ProgramThatIsNotAWorker_FailsTheHandshakeClearly()
    {
        using var rt = new UnsyncRuntime(new UnsyncOptions
        {
            ProcessPoolSize = 1,
            WorkerCommand = new WorkerCommand(WorkerCommand.ForDll(Support.WorkerDll).FileName, Support.WorkerDll, "--bad-worker"),
        });
        var e = Assert.Throws<WorkerStartException>(() => rt.Process<int>(TestTargets.Pid).Within());
        Assert.Contains("RunWorkerIfRequested", e.Message);
    }

    [Fact]
    public void Process_WorkerCommandThatCannotStart_FaultsTheCall()
    {
        using var rt = new UnsyncRuntime(new UnsyncOptions
        {
            WorkerCommand = new WorkerCommand("/nonexistent/unsync-worker-binary"),
        });
        var e = Assert.Throws<WorkerStartException>(() => rt.Process<int>(TestTargets.Pid).Within());
        Assert.Contains("Could not start a worker process", e.Message);
    }
}
