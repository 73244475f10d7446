namespace UnsyncMigrate.Runtime.Python;

/// <summary>
/// Python's <c>BaseException</c>. Generated exception classes derive from <see cref="PyException"/>
/// (or another standard class), override <see cref="PyTypeName"/>, and pass their args to the base
/// constructor, as <c>super().__init__(...)</c> would. <c>str(e)</c> and <c>repr(e)</c> follow
/// CPython: no args → <c>''</c>, one → <c>str(arg)</c>, several → <c>str(args)</c>;
/// repr <c>ValueError('x')</c>.
/// </summary>
public class PyBaseException : Exception, IPyObject
{
    public PyBaseException(params object?[] args) : base(null)
    {
        Args = new PyTuple(args ?? Array.Empty<object?>());
    }

    /// <summary>The exception's <c>args</c> tuple; settable like Python's.</summary>
    public PyTuple Args { get; set; }
    /// <summary><c>__cause__</c> (raise ... from ...).</summary>
    public PyBaseException? Cause { get; set; }
    /// <summary><c>__context__</c>.</summary>
    public PyBaseException? Context { get; set; }
    public bool SuppressContext { get; set; }
    /// <summary>Attributes a generated class stores in its own fields go there; these are for any others.</summary>
    public PyDict? Attributes { get; set; }

    public virtual string PyTypeName => "BaseException";
    public virtual string PyModuleName => "builtins";

    /// <summary>Python's <c>str(e)</c>; a generated class with <c>__str__</c> overrides this (its <c>super().__str__()</c> is <c>base.PyStr()</c>).</summary>
    public virtual string PyStr()
    {
        return Args.Count switch
        {
            0 => "",
            1 => Py.Str(Args[0]),
            _ => Py.Str(Args),
        };
    }

    /// <summary>Python's <c>repr(e)</c>.</summary>
    public virtual string PyRepr()
    {
        if (Args.Count == 1) return PyTypeName + "(" + Py.Repr(Args[0]) + ")";
        return PyTypeName + Py.Repr(Args);
    }

    public override string Message => PyStr();
    public override string ToString() => PyStr();

    public virtual bool TryGetAttr(string name, out object? value)
    {
        switch (name)
        {
            case "args": value = Args; return true;
            case "__cause__": value = Cause; return true;
            case "__context__": value = Context; return true;
            case "__suppress_context__": value = SuppressContext; return true;
            case "__traceback__": value = null; return true;
        }
        if (Attributes is not null && Attributes.TryGetValue(name, out value)) return true;
        return PyType.TryGetInstanceAttribute(this, name, out value);
    }

    public virtual bool TrySetAttr(string name, object? value)
    {
        switch (name)
        {
            case "args": Args = Py.Tuple(value); return true;
            case "__cause__": Cause = value as PyBaseException; SuppressContext = true; return true;
            case "__context__": Context = value as PyBaseException; return true;
            case "__suppress_context__": SuppressContext = Py.IsTrue(value); return true;
        }
        PyType.CheckNotReplacingMethod(this, name);
        (Attributes ??= new PyDict())[name] = value;
        return true;
    }

    /// <summary><c>del e.name</c> of an attribute set on the exception, else a property's deleter along its MRO.</summary>
    public virtual bool TryDelAttr(string name) =>
        (Attributes is not null && Attributes.Remove(name)) || PyType.TryDelMroProperty(this, name);

    public virtual bool TryCallMethod(string name, object?[] args, PyKwargs? kwargs, out object? result)
    {
        switch (name)
        {
            case "with_traceback": result = this; return true;
            case "add_note":
                if (args.Length == 1 && args[0] is string note)
                {
                    var notes = Attributes is not null && Attributes.TryGetValue("__notes__", out var n) && n is PyList l ? l : null;
                    if (notes is null) { notes = new PyList(); TrySetAttr("__notes__", notes); }
                    notes.Add(note);
                    result = null;
                    return true;
                }
                break;
        }
        result = null;
        return false;
    }
}

/// <summary>Python's <c>OSError</c>: <c>OSError(2, 'No such file')</c> prints <c>[Errno 2] No such file</c>.</summary>
public class OSError : PyException
{
    public OSError(params object?[] args) : base(args) { }
    public override string PyTypeName => "OSError";
    public object? Errno => Args.Count is >= 2 and <= 5 ? Args[0] : null;
    public object? StrError => Args.Count is >= 2 and <= 5 ? Args[1] : null;
    public object? Filename => Args.Count is >= 3 and <= 5 ? Args[2] : null;

    public override string PyStr()
    {
        if (Args.Count is >= 3 and <= 5 && Args[2] is not null)
            return $"[Errno {Py.Str(Args[0])}] {Py.Str(Args[1])}: {Py.Repr(Args[2])}";
        if (Args.Count is >= 2 and <= 5)
            return $"[Errno {Py.Str(Args[0])}] {Py.Str(Args[1])}";
        return base.PyStr();
    }

    public override bool TryGetAttr(string name, out object? value)
    {
        switch (name)
        {
            case "errno": value = Errno; return true;
            case "strerror": value = StrError; return true;
            case "filename": value = Filename; return true;
        }
        return base.TryGetAttr(name, out value);
    }
}

/// <summary>Python's <c>KeyError</c>: its str is the repr of the key.</summary>
public class KeyError : LookupError
{
    public KeyError(params object?[] args) : base(args) { }
    public override string PyTypeName => "KeyError";
    public override string PyStr() => Args.Count == 1 ? Py.Repr(Args[0]) : base.PyStr();
}

/// <summary>Python's <c>StopIteration</c>, with <c>value</c> (a generator's return value).</summary>
public class StopIteration : PyException
{
    public StopIteration(params object?[] args) : base(args) { }
    public override string PyTypeName => "StopIteration";
    public object? Value => Args.Count > 0 ? Args[0] : null;

    public override bool TryGetAttr(string name, out object? value)
    {
        if (name == "value") { value = Value; return true; }
        return base.TryGetAttr(name, out value);
    }
}
