using UnsyncMigrate.Runtime.Python.Lib;

namespace UnsyncMigrate.Runtime.Python;

// What decorated methods and class statements use as values: the descriptor builtins, the
// functools decorators for methods, threading.Thread (a class a program class may derive from), abc.
public static partial class PyLibrary
{
    static void AddClassSupport(Dictionary<string, object?> d)
    {
        d["builtins.staticmethod"] = new PyType("staticmethod", "builtins", typeof(PyStaticMethod), (a, k) => new PyStaticMethod(Arg("staticmethod", a, k)));
        d["builtins.classmethod"] = new PyType("classmethod", "builtins", typeof(PyClassMethod), (a, k) => new PyClassMethod(Arg("classmethod", a, k)));
        d["builtins.property"] = new PyType("property", "builtins", typeof(PyProperty), (a, k) =>
        {
            var b = PyArgs.Bind("property", a, k, ["fget", "fset", "fdel", "doc"], [null, null, null, null], 4, false, false);
            return new PyProperty(b[0], b[1]);
        });
        d["functools.lru_cache"] = new PyFunc("lru_cache", LruCache.Create);
        d["functools.cache"] = F("cache", ["user_function"], [N], a => LruCache.Cache(a[0]));
        d["functools.cached_property"] = new PyType("cached_property", "functools", typeof(PyCachedProperty), (a, k) => new PyCachedProperty(Arg("cached_property", a, k)));
        d["threading.Thread"] = PyThread.Class;
        d["threading.current_thread"] = F("current_thread", [], [], a => PyThread.Current());
        d["abc.ABC"] = Abc.ABC;
        d["abc.ABCMeta"] = Abc.ABCMeta;
        d["abc.abstractmethod"] = F("abstractmethod", ["funcobj"], [N], a => Abc.AbstractMethod(a[0]));
    }

    /// <summary>The one positional argument of a descriptor class's constructor.</summary>
    static object? Arg(string name, object?[] args, PyKwargs? kwargs)
    {
        if (kwargs is { Count: > 0 }) throw new TypeError($"{name}() takes no keyword arguments");
        if (args.Length != 1) throw new TypeError($"{name} expected 1 argument, got {args.Length}");
        return args[0];
    }
}
