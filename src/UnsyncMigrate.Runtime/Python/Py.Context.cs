namespace UnsyncMigrate.Runtime.Python;

/// <summary>A runtime context manager (locks, ...).</summary>
public interface IPyContextManager
{
    object? Enter();
    /// <summary>True to suppress the exception.</summary>
    bool Exit(PyBaseException? exc);
}

public static partial class Py
{
    /// <summary>
    /// <c>with mgr as v:</c> → <c>var v = Py.Enter(mgr); try { body } catch (Exception ex) when (Py.Exit(mgr, ex)) { } finally-less exit on success: Py.Exit(mgr, null)</c>.
    /// Returns what <c>__enter__</c> returns.
    /// </summary>
    public static object? Enter(object? mgr)
    {
        switch (mgr)
        {
            case IPyContextManager cm: return cm.Enter();
            case PyObjectBase p:
                {
                    var r = p.__enter__();
                    if (r is not PyNotImplemented) return r;
                    if (p.TryCallMethod("__enter__", Array.Empty<object?>(), null, out r)) return r;
                    break;
                }
            case IPyObject po when po.TryCallMethod("__enter__", Array.Empty<object?>(), null, out var r2): return r2;
        }
        throw new TypeError($"'{TypeName(mgr)}' object does not support the context manager protocol");
    }

    /// <summary>Calls <c>__exit__</c>; true when the manager suppresses <paramref name="ex"/> (null on normal exit).</summary>
    public static bool Exit(object? mgr, Exception? ex)
    {
        PyBaseException? pex = ex is null ? null : WrapException(ex);
        switch (mgr)
        {
            case IPyContextManager cm: return cm.Exit(pex) && ex is not null;
            case PyObjectBase p:
                {
                    object? t = pex is null ? null : Type(pex);
                    var r = p.__exit__(t, pex, null);
                    if (r is not PyNotImplemented) return IsTrue(r) && ex is not null;
                    if (p.TryCallMethod("__exit__", new[] { t, pex, null }, null, out r)) return IsTrue(r) && ex is not null;
                    break;
                }
            case IPyObject po:
                {
                    object? t = pex is null ? null : Type(pex);
                    if (po.TryCallMethod("__exit__", new[] { t, pex, null }, null, out var r)) return IsTrue(r) && ex is not null;
                    break;
                }
        }
        throw new TypeError($"'{TypeName(mgr)}' object does not support the context manager protocol");
    }
}
