using System.Text;
using UnsyncMigrate.Runtime.Python;
using UnsyncMigrate.Runtime.Python.Lib.Logging;

namespace UnsyncMigrate.Runtime.Tests.Python;

/// <summary>
/// The logging module's parts the translation tests cannot compare with CPython's output:
/// times, tracebacks (the runtime prints no frames), files, handleError on stderr, threads.
/// logging's state is process-wide, hence the collection that runs alone.
/// </summary>
[Collection(GlobalStateCollection.Name)]
public class LoggingTests
{
    /// <summary>A stream object as a program would pass one: write appends in two steps, so unlocked concurrent writes would tear lines.</summary>
    sealed class SlowStream : IPyMethods
    {
        public readonly StringBuilder Text = new();
        public HashSet<string> PyMethodNames { get; } = ["write", "flush"];

        public bool TryCallPyMethod(string name, object?[] args, PyKwargs? kwargs, out object? result)
        {
            result = null;
            if (name == "write")
            {
                var s = (string)args[0]!;
                Text.Append(s[..(s.Length / 2)]);
                Thread.Yield();
                Text.Append(s[(s.Length / 2)..]);
            }
            return true;
        }
    }

    static PyLogger Logger(string name, object? stream, string format)
    {
        var logger = Logging.GetLogger(name);
        var handler = PyStreamHandler.Class.Call([stream], null);
        Py.CallMethod(handler, "setFormatter", [PyLogFormatter.Class.Call([format], null)]);
        logger.AddHandler(handler);
        logger.Level = LogLevels.DEBUG;
        logger.Propagate = false;
        return logger;
    }

    [Fact]
    public void Asctime_DefaultAndDatefmt_LocalTimeAsCPythonFormatsIt()
    {
        var record = new PyLogRecord("t", LogLevels.INFO, "m", PyTuple.Empty, null);
        record.Dict["created"] = 1_700_000_000.25;
        record.Dict["msecs"] = 250.0;
        var local = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_250).ToLocalTime().DateTime;
        Assert.Equal(local.ToString("yyyy-MM-dd HH:mm:ss") + ",250 m",
            Py.CallMethod(PyLogFormatter.Class.Call(["%(asctime)s %(message)s"], null), "format", [record]));
        Assert.Equal(local.ToString("dd/MM/yy HH:mm") + " m",
            Py.CallMethod(PyLogFormatter.Class.Call(["%(asctime)s %(message)s", "%d/%m/%y %H:%M"], null), "format", [record]));
    }

    [Fact]
    public void Exception_InsideAnExceptClause_AppendsTracebackHeaderAndLastLine()
    {
        var stream = new SlowStream();
        var log = Logger("tests.exc", stream, "%(levelname)s %(message)s");
        try { throw new ValueError("bad 5"); }
        catch (Exception ex)
        {
            using var handling = Py.Handling(Py.ExceptionValue(ex));
            Py.CallMethod(log, "exception", ["failed %d", 5L]);
        }
        Py.CallMethod(log, "error", ["outside"], new PyKwargs { { "exc_info", true } });
        Py.CallMethod(log, "error", ["given"], new PyKwargs { { "exc_info", new KeyError("k") } });
        Assert.Equal("ERROR failed 5\nTraceback (most recent call last):\nValueError: bad 5\n" +
                     "ERROR outside\nNoneType: None\n" +
                     "ERROR given\nTraceback (most recent call last):\nKeyError: 'k'\n", stream.Text.ToString());
    }

    [Fact]
    public void FileHandler_WriteThenAppendModes_WritesEveryRecordAtOnce()
    {
        string path = Path.Combine(Path.GetTempPath(), $"unsync-logging-{Guid.NewGuid():N}.log");
        try
        {
            File.WriteAllText(path, "old\n");
            var log = Logging.GetLogger("tests.file");
            log.Propagate = false;
            var overwrite = PyFileHandler.Class.Call([path], new PyKwargs { { "mode", "w" } });
            log.AddHandler(overwrite);
            Py.CallMethod(log, "warning", ["é %s", 1L]);
            Assert.Equal("é 1\n", File.ReadAllText(path));
            Py.CallMethod(overwrite, "close", []);
            log.RemoveHandler(overwrite);
            var append = PyFileHandler.Class.Call([path], null);
            log.AddHandler(append);
            Py.CallMethod(log, "error", ["two"]);
            Assert.Equal("é 1\ntwo\n", File.ReadAllText(path));
            Assert.Equal($"<FileHandler {path} (NOTSET)>", Py.Repr(append));
            Py.CallMethod(append, "close", []);
            log.RemoveHandler(append);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void FormattingError_InAHandler_ReportedOnStderrAndTheProgramGoesOn()
    {
        var stream = new SlowStream();
        var log = Logger("tests.error", stream, "%(message)s");
        var stderr = Console.Error;
        var captured = new StringWriter();
        Console.SetError(captured);
        try
        {
            Py.CallMethod(log, "info", ["%d items", "x"]);
            Py.CallMethod(log, "info", ["next"]);
        }
        finally { Console.SetError(stderr); }
        Assert.Equal("next\n", stream.Text.ToString());
        string text = captured.ToString();
        Assert.StartsWith("--- Logging error ---\nTraceback (most recent call last):\nTypeError: ", text);
        Assert.EndsWith("\nMessage: '%d items'\nArguments: ('x',)\n", text);
    }

    [Fact]
    public void ManyThreads_OneStreamHandler_EveryLineWhole()
    {
        var stream = new SlowStream();
        var log = Logger("tests.threads", stream, "%(name)s %(levelname)s %(message)s");
        Parallel.For(0, 8, t =>
        {
            for (int i = 0; i < 300; i++) Py.CallMethod(log, "info", ["thread %d record %d", (long)t, (long)i]);
        });
        var lines = stream.Text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2400, lines.Length);
        Assert.All(lines, l => Assert.Matches(@"^tests\.threads INFO thread \d record \d+$", l));
        Assert.Equal(2400, lines.Distinct().Count());
    }

    [Fact]
    public void LibraryMemberPath_AttributeBelowAMember_ReadFromIt()
    {
        Assert.Equal("root", Py.Lib("logging.root.name"));
        Assert.Equal(LogLevels.WARNING, Py.Lib("logging.lastResort.level"));
        Assert.Throws<NotSupportedException>(() => Py.Lib("logging.handlers.RotatingFileHandler"));
    }

    [Fact]
    public void HandlerClasses_TypeAndMro_AsCPythonHasThem()
    {
        var handler = PyStreamHandler.Class.Call([null], null);
        Assert.Same(PyStreamHandler.Class, Py.Type(handler));
        Assert.Equal("(<class 'logging.StreamHandler'>, <class 'logging.Handler'>, <class 'object'>)", Py.Repr(PyStreamHandler.Class.Mro()));
        Assert.Equal("<StreamHandler <stderr> (NOTSET)>", Py.Repr(handler));
        Assert.Same(PyLogHandler.Class, Py.Type(PyFileHandler.Class.Call(["x.log"], new PyKwargs { { "delay", true } })).MroList[2]);
    }

    [Fact]
    public void DefaultRuntimeCreated_AsUnsyncCreatesItsLoop_AsyncioLogsItsSelectorAtDebug()
    {
        var stream = new SlowStream();
        var asyncio = Logger("asyncio", stream, "%(name)s %(levelname)s %(message)s");
        try
        {
            Unsync.Shutdown();
            Unsync.FromValue(1L).Within();
            Unsync.FromValue(2L).Within();
        }
        finally
        {
            asyncio.Handlers.Clear();
            asyncio.Level = LogLevels.NOTSET;
            asyncio.Propagate = true;
        }
        string selector = OperatingSystem.IsWindows() ? "Using proactor: IocpProactor" : OperatingSystem.IsLinux() ? "Using selector: EpollSelector" : "Using selector: KqueueSelector";
        Assert.Equal($"asyncio DEBUG {selector}\n", stream.Text.ToString());
    }
}
