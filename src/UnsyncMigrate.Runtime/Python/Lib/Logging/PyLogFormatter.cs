using System.Text;
using System.Text.RegularExpressions;

namespace UnsyncMigrate.Runtime.Python.Lib.Logging;

/// <summary>
/// <c>logging.Formatter(fmt=None, datefmt=None, style='%', validate=True, *, defaults=None)</c>:
/// a record's attributes through <c>fmt % record.__dict__</c> (or <c>str.format</c>, or
/// <c>string.Template</c>), the time as <c>'%Y-%m-%d %H:%M:%S,mmm'</c> unless <c>datefmt</c>, the
/// exception's traceback after the message. A traceback is its header and its last line
/// (<c>ValueError: bad</c>): the runtime knows no Python frames.
/// </summary>
public class PyLogFormatter : LoggingObject
{
    static readonly HashSet<string> s_methods = ["format", "formatTime", "formatException", "formatMessage", "usesTime", "formatStack"];

    public static readonly PyType Class = ClassOf("Formatter", () => new PyLogFormatter(), s_methods);

    /// <summary>The default format of each style.</summary>
    public static string DefaultFormat(char style) => style switch
    {
        '{' => "{levelname}:{name}:{message}",
        '$' => "${levelname}:${name}:${message}",
        _ => "%(levelname)s:%(name)s:%(message)s",
    };

    static readonly Regex s_percentField = new(@"%\(\w+\)[#0+ -]*(\*|\d+)?(\.(\*|\d+))?[diouxefgcrsa%]", RegexOptions.IgnoreCase);
    static readonly Regex s_dollarField = new(@"\$(?:(\$)|(?<n>[_a-z][_a-z0-9]*)|\{(?<n>[_a-z][_a-z0-9]*)\})", RegexOptions.IgnoreCase);

    string _fmt = "%(message)s";
    char _style = '%';
    object? _datefmt;
    PyDict? _defaults;

    public override string PyTypeName => "Formatter";

    /// <summary>A Formatter of the given format (basicConfig's, the default one handlers use).</summary>
    public static PyLogFormatter Create(string? fmt = null, object? datefmt = null, char style = '%')
    {
        var f = new PyLogFormatter();
        f.Init([fmt, datefmt, style.ToString()], null);
        return f;
    }

    public override void Init(object?[] args, PyKwargs? kwargs)
    {
        var b = PyArgs.Bind("Formatter", args, kwargs, ["fmt", "datefmt", "style", "validate", "defaults"], [null, null, "%", true, null], 4, false, false);
        string style = b[2] as string ?? "";
        if (style is not ("%" or "{" or "$")) throw new ValueError("Style must be one of: %,{,$");
        _style = style[0];
        _fmt = b[0] is null ? _style == '%' ? "%(message)s" : _style == '{' ? "{message}" : "${message}" : Py.Str(b[0]);
        _datefmt = b[1];
        _defaults = b[4] as PyDict;
        if (Py.IsTrue(b[3])) Validate();
    }

    void Validate()
    {
        bool ok = _style switch
        {
            '%' => s_percentField.IsMatch(_fmt),
            '$' => s_dollarField.Matches(_fmt).Any(m => m.Groups["n"].Success),
            _ => _fmt.Contains('{'),
        };
        if (!ok) throw new ValueError($"Invalid format '{_fmt}' for '{_style}' style");
    }

    bool UsesTime() => _style switch
    {
        '%' => _fmt.Contains("%(asctime)", StringComparison.Ordinal),
        '{' => _fmt.Contains("{asctime", StringComparison.Ordinal),
        _ => _fmt.Contains("$asctime", StringComparison.Ordinal) || _fmt.Contains("${asctime}", StringComparison.Ordinal),
    };

    /// <summary><c>format(record)</c>: message, time, the style's substitution, then the exception text.</summary>
    string Format(PyLogRecord record)
    {
        record.Dict["message"] = Py.Str(Py.CallMethod(record, "getMessage", []));
        if (Py.IsTrue(Py.CallMethod(this, "usesTime", [])))
            record.Dict["asctime"] = Py.CallMethod(this, "formatTime", [record, _datefmt]);
        string s = Py.Str(Py.CallMethod(this, "formatMessage", [record]));
        var excInfo = record.Get("exc_info");
        if (Py.IsTrue(excInfo) && !Py.IsTrue(record.Get("exc_text")))
            record.Dict["exc_text"] = Py.CallMethod(this, "formatException", [excInfo]);
        if (record.Get("exc_text") is string { Length: > 0 } text)
        {
            if (!s.EndsWith('\n')) s += "\n";
            s += text;
        }
        return s;
    }

    /// <summary><c>formatMessage(record)</c>: the style's substitution of the record's attributes.</summary>
    string FormatMessage(PyLogRecord record)
    {
        PyDict values = record.Dict;
        if (_defaults is { Count: > 0 })
        {
            values = _defaults.Copy();
            values.Update(record.Dict);
        }
        try
        {
            return _style switch
            {
                '%' => Py.PercentFormat(_fmt, values),
                '{' => Py.StrFormatMap(_fmt, values),
                _ => Substitute(values),
            };
        }
        catch (Exception e) when (Py.WrapException(e) is KeyError k)
        {
            throw new ValueError("Formatting field not found in record: " + Py.Str(k));
        }
    }

    /// <summary><c>string.Template(fmt).substitute(values)</c>.</summary>
    string Substitute(PyDict values) => s_dollarField.Replace(_fmt, m =>
        m.Groups[1].Success ? "$" : Py.Str(values.TryGetValue(m.Groups["n"].Value, out var v) ? v : throw new KeyError(m.Groups["n"].Value)));

    /// <summary><c>formatTime(record, datefmt=None)</c> in local time.</summary>
    static string FormatTime(PyLogRecord record, object? datefmt)
    {
        double created = Py.Float(record.Get("created"));
        var local = DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Floor(created * 1000)).ToLocalTime().DateTime;
        if (datefmt is string f) return LogTime.Strftime(f, local);
        return LogTime.Strftime("%Y-%m-%d %H:%M:%S", local) + "," + ((long)Py.Float(record.Get("msecs"))).ToString("000");
    }

    /// <summary><c>formatException(exc_info)</c>: the traceback text without its final newline.</summary>
    public static string FormatException(object? excInfo)
    {
        var value = excInfo is PyTuple { Count: 3 } t ? t[1] : excInfo;
        var sb = new StringBuilder();
        if (value is PyBaseException e) sb.Append("Traceback (most recent call last):\n").Append(Py.ExceptionOnlyLine(e));
        else sb.Append("NoneType: None");
        return sb.ToString();
    }

    protected override bool TryCallOwn(string name, object?[] args, PyKwargs? kwargs, out object? result)
    {
        switch (name)
        {
            case "format": result = Format(Record(PyArgs.Bind("format", args, kwargs, ["record"], [PyArgs.NoDefault], 1, false, false)[0])); return true;
            case "formatMessage": result = FormatMessage(Record(PyArgs.Bind("formatMessage", args, kwargs, ["record"], [PyArgs.NoDefault], 1, false, false)[0])); return true;
            case "usesTime": Py.CheckArgs("usesTime", args, kwargs, 0); result = UsesTime(); return true;
            case "formatTime":
                var b = PyArgs.Bind("formatTime", args, kwargs, ["record", "datefmt"], [PyArgs.NoDefault, null], 2, false, false);
                result = FormatTime(Record(b[0]), b[1]);
                return true;
            case "formatException": result = FormatException(PyArgs.Bind("formatException", args, kwargs, ["ei"], [PyArgs.NoDefault], 1, false, false)[0]); return true;
            case "formatStack": result = Py.Str(PyArgs.Bind("formatStack", args, kwargs, ["stack_info"], [PyArgs.NoDefault], 1, false, false)[0]); return true;
        }
        result = null;
        return false;
    }

    internal static PyLogRecord Record(object? o) => o as PyLogRecord ?? throw new TypeError($"expected a LogRecord, not {Py.TypeName(o)}");

    public override bool TryGetAttr(string name, out object? value)
    {
        switch (name)
        {
            case "_fmt": value = _fmt; return true;
            case "datefmt": value = _datefmt; return true;
            case "default_time_format": value = "%Y-%m-%d %H:%M:%S"; return true;
            case "default_msec_format": value = "%s,%03d"; return true;
        }
        return base.TryGetAttr(name, out value);
    }

    public override bool TrySetAttr(string name, object? value)
    {
        switch (name)
        {
            case "_fmt": _fmt = Py.Str(value); return true;
            case "datefmt": _datefmt = value; return true;
        }
        return base.TrySetAttr(name, value);
    }
}
