using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using UnsyncMigrate.Python;
using UnsyncMigrate.Python.Serialization;

namespace UnsyncMigrate.Cli.Ast;

/// <summary>
/// The work of <c>ast</c>: read, parse and serialise every input on worker threads and write
/// the JSON lines in input order, streaming (a bounded number of files in flight, never all
/// the trees), or with <see cref="AstOptions.Quiet"/> count them and print one summary line.
/// </summary>
public sealed class AstRunner
{
    /// <summary>Stack of each worker thread: the parser and the serialiser are recursive.</summary>
    public const int WorkerStackSize = 256 * 1024 * 1024;

    /// <summary>Files in flight per job (parsed or being parsed, not yet written).</summary>
    const int WindowPerJob = 4;

    /// <summary>A worker drops its serialisation buffer after a line larger than this, so one huge file does not pin memory.</summary>
    const int KeepBufferLimit = 32 * 1024 * 1024;

    readonly AstOptions _options;
    readonly Func<byte[], ParseResult> _parse;

    /// <param name="options">What to parse and how to print it.</param>
    /// <param name="parse">The front end; <see cref="PythonParser.ParseFile"/> unless a test substitutes one.</param>
    public AstRunner(AstOptions options, Func<byte[], ParseResult>? parse = null)
    {
        _options = options;
        _parse = parse ?? PythonParser.ParseFile;
    }

    enum Outcome : byte { Parsed, Rejected, InternalError }

    readonly record struct FileResult(Outcome Outcome, byte[]? Line, int Length, long SourceBytes, string? Problem);

    sealed class Worker(bool positions)
    {
        public AstJsonWriter Writer = new(positions);
    }

    /// <summary>Runs the command; returns its exit code (see <see cref="ExitCodes"/>).</summary>
    /// <param name="stdout">Where the JSON lines or the summary go (buffered here, flushed before returning).</param>
    /// <param name="stderr">Where internal errors are reported.</param>
    public int Run(Stream stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var files = _options.Root is { } root ? SourceFile.FromRoot(root) : SourceFile.FromArguments(_options.Files);
        int jobs = Math.Clamp(_options.Jobs, 1, AstOptions.MaxJobs);
        long sourceBytes = 0;
        int failed = 0, internalErrors = 0;
        var output = new BufferedStream(stdout, 1 << 16);
        try
        {
            OrderedPipeline.Run(
                files.Count, jobs, jobs * WindowPerJob, WorkerStackSize,
                () => new Worker(_options.Positions),
                (worker, i) => Process(worker, files[i]),
                (i, r) =>
                {
                    sourceBytes += r.SourceBytes;
                    if (r.Outcome != Outcome.Parsed) failed++;
                    if (r.Outcome == Outcome.InternalError)
                    {
                        internalErrors++;
                        stderr.WriteLine($"internal error on {files[i].DisplayPath}: {r.Problem}");
                    }
                    if (r.Line is { } line)
                    {
                        try { output.Write(line, 0, r.Length); }
                        finally { ArrayPool<byte>.Shared.Return(line); }
                    }
                },
                cancellationToken);
            if (_options.Quiet)
            {
                string summary = string.Create(CultureInfo.InvariantCulture,
                    $"files: {files.Count}, failed: {failed}, MB: {sourceBytes / 1e6:F1}, seconds: {clock.Elapsed.TotalSeconds:F2}\n");
                output.Write(Encoding.UTF8.GetBytes(summary));
            }
            output.Flush();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            TryFlush(output);
            return ExitCodes.Interrupted;
        }
        catch (IOException e) when (IsBrokenPipe(e))
        {
            return ExitCodes.OutputClosed;
        }
        return internalErrors > 0 ? ExitCodes.InternalError
             : failed > 0 ? ExitCodes.InputRejected
             : ExitCodes.Success;
    }

    FileResult Process(Worker worker, SourceFile file)
    {
        byte[] source;
        try
        {
            source = File.ReadAllBytes(file.ReadPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            string message = PythonText.OSErrorMessage(file.ReadPath, e);
            return Serialize(worker, file, Outcome.Rejected, 0, null,
                w => AstLine.WriteError(w, file.DisplayPath, "OSError", message));
        }

        ParseResult result;
        try
        {
            result = _parse(source);
        }
        catch (Exception e)
        {
            // The front end promises never to throw; if it does, say so loudly but go on.
            string message = $"the parser threw {e.GetType().FullName}: {e.Message}";
            return Serialize(worker, file, Outcome.InternalError, source.Length, e.ToString(),
                w => AstLine.WriteError(w, file.DisplayPath, "InternalError", message));
        }

        if (result.Success && result.Module is { } module)
        {
            return Serialize(worker, file, Outcome.Parsed, source.Length, null,
                w => AstLine.WriteSuccess(w, file.DisplayPath, module));
        }
        if (result.Error is { } error)
        {
            return Serialize(worker, file, Outcome.Rejected, source.Length, null,
                w => AstLine.WriteError(w, file.DisplayPath, error));
        }
        const string Neither = "the parser returned neither a module nor an error";
        return Serialize(worker, file, Outcome.InternalError, source.Length, Neither,
            w => AstLine.WriteError(w, file.DisplayPath, "InternalError", Neither));
    }

    FileResult Serialize(Worker worker, SourceFile file, Outcome outcome, long sourceBytes, string? problem, Action<AstJsonWriter> write)
    {
        if (_options.Quiet) return new FileResult(outcome, null, 0, sourceBytes, problem);
        var w = worker.Writer;
        w.Clear();
        try
        {
            write(w);
        }
        catch (Exception e) when (outcome != Outcome.InternalError)
        {
            // A tree the writer cannot print (a front-end bug): report it on the file's line.
            string message = $"cannot serialise the tree: {e.GetType().FullName}: {e.Message}";
            w = worker.Writer = new AstJsonWriter(_options.Positions);
            AstLine.WriteError(w, file.DisplayPath, "InternalError", message);
            outcome = Outcome.InternalError;
            problem = e.ToString();
        }
        var span = w.WrittenSpan;
        var line = ArrayPool<byte>.Shared.Rent(span.Length + 1);
        span.CopyTo(line);
        line[span.Length] = (byte)'\n';
        if (span.Length > KeepBufferLimit) worker.Writer = new AstJsonWriter(_options.Positions);
        return new FileResult(outcome, line, span.Length + 1, sourceBytes, problem);
    }

    static void TryFlush(Stream s)
    {
        try { s.Flush(); }
        catch (IOException) { }
    }

    static bool IsBrokenPipe(IOException e) =>
        e.HResult == 32 /* EPIPE */ || e.Message.Contains("Broken pipe", StringComparison.OrdinalIgnoreCase);
}
