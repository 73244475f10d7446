namespace UnsyncMigrate.Runtime.Python.Lib.Logging;

/// <summary>
/// logging's level table (<c>getLevelName</c>, <c>addLevelName</c>, <c>_checkLevel</c>): the
/// numbers by name and the names by number, as CPython 3.13 keeps them, one lock for both.
/// </summary>
public static class LogLevels
{
    public const long CRITICAL = 50, ERROR = 40, WARNING = 30, INFO = 20, DEBUG = 10, NOTSET = 0;

    static readonly object s_lock = new();
    static readonly Dictionary<long, string> s_levelToName = new();
    static readonly Dictionary<string, long> s_nameToLevel = new(StringComparer.Ordinal);

    static LogLevels() => Reset();

    /// <summary>The table as a fresh interpreter has it (tests run many programs in one process).</summary>
    internal static void Reset()
    {
        lock (s_lock)
        {
            s_levelToName.Clear();
            s_nameToLevel.Clear();
            foreach (var (level, name) in new[] { (CRITICAL, "CRITICAL"), (ERROR, "ERROR"), (WARNING, "WARNING"), (INFO, "INFO"), (DEBUG, "DEBUG"), (NOTSET, "NOTSET") })
            {
                s_levelToName[level] = name;
                s_nameToLevel[name] = level;
            }
            s_nameToLevel["FATAL"] = CRITICAL;
            s_nameToLevel["WARN"] = WARNING;
        }
    }

    /// <summary><c>getLevelName(level)</c>: a number's name, a name's number, else <c>'Level %s' % level</c>.</summary>
    public static object? GetLevelName(object? level)
    {
        lock (s_lock)
        {
            if (level is long or bool or int && s_levelToName.TryGetValue(Py.ToLong(level), out var name)) return name;
            if (level is string s && s_nameToLevel.TryGetValue(s, out var number)) return number;
        }
        return "Level " + Py.Str(level);
    }

    /// <summary>The name a record of <paramref name="level"/> shows as <c>%(levelname)s</c>.</summary>
    public static string NameOf(long level)
    {
        lock (s_lock) return s_levelToName.TryGetValue(level, out var name) ? name : "Level " + level;
    }

    /// <summary><c>addLevelName(level, levelName)</c>.</summary>
    public static void AddLevelName(object? level, object? name)
    {
        lock (s_lock)
        {
            long n = Py.ToLong(level);
            s_levelToName[n] = Py.Str(name);
            s_nameToLevel[Py.Str(name)] = n;
        }
    }

    /// <summary><c>_checkLevel</c>: an int as is, a registered name as its number, else Python's errors.</summary>
    public static long Check(object? level)
    {
        switch (level)
        {
            case long or int or bool:
                return Py.ToLong(level);
            case string s:
                lock (s_lock)
                    if (s_nameToLevel.TryGetValue(s, out var n)) return n;
                throw new ValueError("Unknown level: " + Py.Repr(s));
            default:
                throw new TypeError("Level not an integer or a valid string: " + Py.Repr(level));
        }
    }
}
