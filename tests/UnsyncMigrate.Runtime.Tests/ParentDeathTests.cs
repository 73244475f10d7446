using System.Diagnostics;

namespace UnsyncMigrate.Runtime.Tests;

/// <summary>No worker outlives its parent, even a SIGKILLed one: the workers see EOF on stdin.</summary>
public sealed class ParentDeathTests
{
    [Fact]
    public void Process_ParentSigkilled_NoWorkerSurvives()
    {
        var psi = new ProcessStartInfo(WorkerCommand.ForDll(Support.WorkerDll).FileName)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,   // kept open: the child waits on it
            RedirectStandardOutput = true,
            RedirectStandardError = false,
        };
        psi.ArgumentList.Add(Support.WorkerDll);
        psi.ArgumentList.Add("--demo-parent");
        using var parent = Process.Start(psi)!;
        int[] workers;
        try
        {
            var line = Task.Run(() => parent.StandardOutput.ReadLine()).Within();
            Assert.NotNull(line);
            Assert.StartsWith("WORKERS ", line);
            workers = line["WORKERS ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray();
            Assert.Equal(2, workers.Length);
            Assert.All(workers, pid => Assert.True(Support.IsAlive(pid), $"worker {pid} should run before the kill"));
        }
        finally
        {
            parent.Kill(); // SIGKILL: no handler, no cleanup code runs in the parent
        }
        Assert.True(parent.WaitForExit(Support.Patience));
        foreach (var pid in workers)
            Support.Eventually(() => !Support.IsAlive(pid), $"worker {pid} to exit after its parent was killed");
    }
}
