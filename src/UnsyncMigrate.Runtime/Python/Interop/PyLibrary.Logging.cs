using UnsyncMigrate.Runtime.Python.Lib.Logging;

namespace UnsyncMigrate.Runtime.Python;

// The logging module (Lib/Logging): levels, getLogger, basicConfig, the module-level functions,
// and the classes a program uses or derives from (Handler, StreamHandler, FileHandler, NullHandler,
// Formatter, Filter).
public static partial class PyLibrary
{
    static void AddLogging(Dictionary<string, object?> d)
    {
        foreach (var (name, level) in new[] { ("CRITICAL", LogLevels.CRITICAL), ("FATAL", LogLevels.CRITICAL), ("ERROR", LogLevels.ERROR),
                     ("WARNING", LogLevels.WARNING), ("WARN", LogLevels.WARNING), ("INFO", LogLevels.INFO), ("DEBUG", LogLevels.DEBUG), ("NOTSET", LogLevels.NOTSET) })
            d["logging." + name] = level;
        d["logging.BASIC_FORMAT"] = PyLogFormatter.DefaultFormat('%');
        d["logging.root"] = Logging.Root;
        d["logging.lastResort"] = Logging.LastResort;
        d["logging.raiseExceptions"] = true;
        d["logging.getLogger"] = F("getLogger", ["name"], [null], a => Logging.GetLogger(a[0]));
        d["logging.getLevelName"] = F("getLevelName", ["level"], [N], a => LogLevels.GetLevelName(a[0]));
        d["logging.addLevelName"] = F("addLevelName", ["level", "levelName"], [N, N], a => { LogLevels.AddLevelName(a[0], a[1]); return null; });
        d["logging.basicConfig"] = new PyFunc("basicConfig", (object?[] a, PyKwargs? k) =>
        {
            if (a.Length > 0) throw new TypeError($"basicConfig() takes 0 positional arguments but {a.Length} were given");
            Logging.BasicConfig(k);
            return null;
        });
        d["logging.disable"] = F("disable", ["level"], [LogLevels.CRITICAL], a => { Logging.Disable(a[0]); return null; });
        d["logging.shutdown"] = F("shutdown", [], [], a => { Logging.Shutdown(); return null; });
        foreach (var method in new[] { "debug", "info", "warning", "warn", "error", "exception", "critical", "fatal", "log" })
            d["logging." + method] = new PyFunc(method, (object?[] a, PyKwargs? k) => Logging.ModuleCall(method, a, k));
        d["logging.Logger"] = PyLogger.Class;
        d["logging.LogRecord"] = PyLogRecord.Class;
        d["logging.Handler"] = PyLogHandler.Class;
        d["logging.StreamHandler"] = PyStreamHandler.Class;
        d["logging.FileHandler"] = PyFileHandler.Class;
        d["logging.NullHandler"] = PyNullHandler.Class;
        d["logging.Formatter"] = PyLogFormatter.Class;
        d["logging.Filter"] = PyLogFilter.Class;
    }
}
