namespace UnsyncMigrate.Runtime.Python.Lib.Logging;

/// <summary>
/// <c>logging.Filter(name='')</c>: passes the records of the logger <c>name</c> and its children.
/// </summary>
public class PyLogFilter : LoggingObject
{
    static readonly HashSet<string> s_methods = ["filter"];

    public static readonly PyType Class = ClassOf("Filter", () => new PyLogFilter(), s_methods);

    string _name = "";

    public override string PyTypeName => "Filter";

    public override void Init(object?[] args, PyKwargs? kwargs) =>
        _name = Py.Str(PyArgs.Bind("Filter", args, kwargs, ["name"], [""], 1, false, false)[0]);

    bool Passes(PyLogRecord record)
    {
        if (_name.Length == 0) return true;
        string n = record.Name;
        if (n == _name) return true;
        return n.StartsWith(_name, StringComparison.Ordinal) && n.Length > _name.Length && n[_name.Length] == '.';
    }

    protected override bool TryCallOwn(string name, object?[] args, PyKwargs? kwargs, out object? result)
    {
        if (name == "filter")
        {
            result = Passes(PyLogFormatter.Record(PyArgs.Bind("filter", args, kwargs, ["record"], [PyArgs.NoDefault], 1, false, false)[0]));
            return true;
        }
        result = null;
        return false;
    }

    public override bool TryGetAttr(string name, out object? value)
    {
        switch (name)
        {
            case "name": value = _name; return true;
            case "nlen": value = (long)_name.Length; return true;
        }
        return base.TryGetAttr(name, out value);
    }
}

/// <summary>
/// <c>Filterer</c>'s part of Logger and Handler: a list of filters, each an object with a
/// <c>filter(record)</c> method or a callable; a record passes when every one returns a true
/// value, and one returning a LogRecord replaces the record for the rest (3.12+).
/// </summary>
internal sealed class Filters
{
    public PyList List { get; set; } = new();

    public void Add(object? filter)
    {
        lock (List) if (!List.Contains(filter)) List.Add(filter);
    }

    public void Remove(object? filter)
    {
        lock (List) List.Remove(filter);
    }

    /// <summary><c>addFilter</c>, <c>removeFilter</c> and <c>filter</c> of a Logger or Handler; false for any other name.</summary>
    public bool TryCallMethod(string name, object?[] args, PyKwargs? kwargs, out object? result)
    {
        result = null;
        switch (name)
        {
            case "addFilter": Add(Arg(name, "filter", args, kwargs)); return true;
            case "removeFilter": Remove(Arg(name, "filter", args, kwargs)); return true;
            case "filter":
                var passed = Apply(PyLogFormatter.Record(Arg(name, "record", args, kwargs)));
                result = passed == null ? false : passed;
                return true;
        }
        return false;
    }

    static object? Arg(string method, string parameter, object?[] args, PyKwargs? kwargs) =>
        PyArgs.Bind(method, args, kwargs, [parameter], [PyArgs.NoDefault], 1, false, false)[0];

    /// <summary>The record to go on with, or null when a filter rejected it.</summary>
    public PyLogRecord? Apply(PyLogRecord record)
    {
        object?[] filters;
        lock (List) { if (List.Count == 0) return record; filters = List.ToArray(); }
        foreach (var f in filters)
        {
            var result = Py.HasAttr(f, "filter") ? Py.CallMethod(f, "filter", [record]) : Py.Call(f, [record]);
            if (!Py.IsTrue(result)) return null;
            if (result is PyLogRecord replaced) record = replaced;
        }
        return record;
    }
}
