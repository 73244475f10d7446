namespace UnsyncMigrate.Runtime.Python.Lib;

/// <summary>
/// <c>abc</c>: the classes a program names as a base or metaclass (<c>ABC</c>, <c>ABCMeta</c>) and
/// <c>abstractmethod</c>. Which methods of a class stay abstract is known when the program is
/// translated; the generated class refuses to be instantiated with <see cref="CannotInstantiate"/>.
/// </summary>
public static class Abc
{
    /// <summary><c>abc.ABCMeta</c>, the metaclass of every abstract base class.</summary>
    public static readonly PyType ABCMeta = new("ABCMeta", "abc", null, null) { Bases = [PyType.Type] };

    /// <summary><c>abc.ABC</c>: a base whose only effect is its metaclass.</summary>
    public static readonly PyType ABC = new("ABC", "abc", null, null) { Metaclass = ABCMeta };

    /// <summary><c>@abstractmethod</c>: marks the function and returns it.</summary>
    public static object? AbstractMethod(object? function)
    {
        Py.SetAttr(function, "__isabstractmethod__", true);
        return function;
    }

    /// <summary>CPython 3.13's error for instantiating a class with abstract methods (names sorted).</summary>
    public static TypeError CannotInstantiate(string className, params string[] methods) =>
        new($"Can't instantiate abstract class {className} without an implementation for abstract method{(methods.Length == 1 ? "" : "s")} " +
            string.Join(", ", methods.Order(StringComparer.Ordinal).Select(m => $"'{m}'")));
}
