using System.Text;

namespace UnsyncMigrate.Runtime.Python;

public static partial class Py
{
    private static readonly object s_stdoutLock = new();
    private static TextWriter? s_stdout;

    /// <summary>
    /// The process's buffered UTF-8 stdout ("\n" newlines), installed as <see cref="Console.Out"/>
    /// on first use so that everything written to the console goes through one buffer in order.
    /// It is flushed on <c>flush=True</c>, at process exit, on an unhandled exception, and by
    /// <see cref="FlushStdout"/> (the executor calls it before a worker process ends or the main
    /// program writes to stderr).
    /// </summary>
    public static TextWriter Stdout
    {
        get
        {
            var w = s_stdout;
            if (w is not null) return w;
            lock (s_stdoutLock)
            {
                if (s_stdout is null)
                {
                    var stream = Console.OpenStandardOutput();
                    var sw = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16) { AutoFlush = false, NewLine = "\n" };
                    var sync = TextWriter.Synchronized(sw);
                    Console.SetOut(sync);
                    AppDomain.CurrentDomain.ProcessExit += (_, _) => FlushStdout();
                    AppDomain.CurrentDomain.UnhandledException += (_, _) => FlushStdout();
                    s_stdout = sync;
                }
                return s_stdout;
            }
        }
    }

    /// <summary>Redirects <see cref="Print(object?[], string?, string?, bool)"/> (tests, capture); null restores the console.</summary>
    public static void SetStdout(TextWriter? writer)
    {
        lock (s_stdoutLock)
        {
            s_stdout?.Flush();
            s_stdout = writer is null ? null : TextWriter.Synchronized(writer);
        }
    }

    public static void FlushStdout()
    {
        try { s_stdout?.Flush(); }
        catch (ObjectDisposedException) { }
        catch (IOException) { }
    }

    /// <summary>
    /// Python's <c>print(*args, sep=' ', end='\n', flush=False)</c>. One call's text is written
    /// atomically, so lines from several threads never interleave mid-line.
    /// </summary>
    public static void Print(object?[] args, string? sep = " ", string? end = "\n", bool flush = false)
        => PrintTo(Stdout, args, sep, end, flush);

    public static void Print() => PrintTo(Stdout, Array.Empty<object?>(), " ", "\n", false);
    public static void Print(object? a) => PrintTo(Stdout, new[] { a }, " ", "\n", false);
    public static void Print(object? a, object? b) => PrintTo(Stdout, new[] { a, b }, " ", "\n", false);
    public static void Print(object? a, object? b, object? c) => PrintTo(Stdout, new[] { a, b, c }, " ", "\n", false);

    /// <summary><c>print(..., file=f)</c>.</summary>
    public static void PrintTo(TextWriter file, object?[] args, string? sep = " ", string? end = "\n", bool flush = false)
    {
        sep ??= " ";
        end ??= "\n";
        string text;
        if (args.Length == 1) text = Str(args[0]) + end;
        else
        {
            var sb = new StringBuilder();
            for (int i = 0; i < args.Length; i++)
            {
                if (i > 0) sb.Append(sep);
                sb.Append(Str(args[i]));
            }
            sb.Append(end);
            text = sb.ToString();
        }
        file.Write(text);
        if (flush) file.Flush();
    }

    /// <summary>
    /// <c>print(*args, sep=..., end=..., file=..., flush=...)</c> with dynamic keyword values, as
    /// Python checks them: sep and end are str or None, file is None (stdout), <c>sys.stdout</c>,
    /// <c>sys.stderr</c>, or any object with a <c>write</c> method.
    /// </summary>
    public static void PrintKw(object?[] args, object? sep = null, object? end = null, object? file = null, object? flush = null)
    {
        string? sepText = sep switch { null => null, string s => s, _ => throw new TypeError($"sep must be None or a string, not {TypeName(sep)}") };
        string? endText = end switch { null => null, string s => s, _ => throw new TypeError($"end must be None or a string, not {TypeName(end)}") };
        bool doFlush = IsTrue(flush);
        switch (file)
        {
            case null:
                PrintTo(Stdout, args, sepText, endText, doFlush);
                return;
            case PyTextStream stream:
                PrintTo(stream.Writer, args, sepText, endText, doFlush || stream.AutoFlush);
                return;
            default:
                // Piece by piece, as CPython's print calls file.write.
                for (int i = 0; i < args.Length; i++)
                {
                    if (i > 0) CallMethod(file, "write", [sepText ?? " "]);
                    CallMethod(file, "write", [Str(args[i])]);
                }
                CallMethod(file, "write", [endText ?? "\n"]);
                if (doFlush) CallMethod(file, "flush", []);
                return;
        }
    }

    /// <summary><c>print(..., file=sys.stderr)</c>: the stderr stream flushes stdout first so the two stay in order on a terminal.</summary>
    public static void PrintErr(object?[] args, string? sep = " ", string? end = "\n")
        => PrintKw(args, sep, end, PyTextStream.StderrStream);
}
