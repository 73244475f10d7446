namespace UnsyncMigrate.Runtime.Python;

/// <summary>
/// What <c>super().name(...)</c> reaches when the next class along the MRO is a built-in one:
/// <c>object</c>'s methods and the exception classes' <c>__init__</c>/<c>__str__</c>/<c>__repr__</c>.
/// </summary>
internal static class BuiltinSuper
{
    public static bool TryCall(PyType t, object? self, string name, object?[] args, PyKwargs? kwargs, out object? result)
    {
        result = null;
        if (self is PyBaseException e && t.ClrType != null && typeof(PyBaseException).IsAssignableFrom(t.ClrType))
        {
            switch (name)
            {
                case "__init__":
                    if (e is IPyInit custom) custom.Init(args, kwargs);
                    else e.Args = new PyTuple(args);
                    return true;
                case "__str__":
                    result = e.Args.Count switch { 0 => "", 1 => Py.Str(e.Args[0]), _ => Py.Str(e.Args) };
                    return true;
                case "__repr__":
                    result = e.PyTypeName + (e.Args.Count == 1 ? "(" + Py.Repr(e.Args[0]) + ")" : Py.Repr(e.Args));
                    return true;
            }
        }
        if (!ReferenceEquals(t, PyType.Object)) return false;
        switch (name)
        {
            case "__init__":
                // Reached from an __init__ of the object's class, which object.__init__ does not accept arguments for.
                if (args.Length > 0 || kwargs is { Count: > 0 }) throw new TypeError("object.__init__() takes exactly one argument (the instance to initialize)");
                return true;
            case "__init_subclass__":
                if (kwargs is { Count: > 0 }) throw new TypeError($"{(self as PyType)?.Name}.__init_subclass__() takes no keyword arguments");
                return true;
            case "__repr__":
                result = self is IPyObject o ? Py.DefaultRepr(o) : Py.Repr(self);
                return true;
            case "__str__":
                result = Py.Repr(self);
                return true;
            case "__eq__":
                result = ReferenceEquals(self, args.FirstOrDefault()) ? true : PyNotImplemented.Value;
                return true;
            case "__ne__":
                result = ReferenceEquals(self, args.FirstOrDefault()) ? false : PyNotImplemented.Value;
                return true;
            case "__hash__":
                result = self is null ? 0L : Py.IdentityHash(self);
                return true;
        }
        return false;
    }
}
