namespace UnsyncMigrate.Runtime;

/// <summary>A registered <c>process</c>-mode function: its key, signature and a typed invoker.</summary>
public sealed class ProcessTarget
{
    private readonly Func<object?[], object?> _invoke;

    internal ProcessTarget(string key, Type[] parameterTypes, Type returnType, Func<object?[], object?> invoke)
    {
        Key = key;
        ParameterTypes = parameterTypes;
        ReturnType = returnType;
        _invoke = invoke;
    }

    /// <summary>The stable key, <c>module:qualname</c>.</summary>
    public string Key { get; }

    /// <summary>Declared parameter types: arguments are serialised and deserialised as these.</summary>
    public IReadOnlyList<Type> ParameterTypes { get; }

    /// <summary>Declared return type; <see cref="void"/> for an <see cref="Action"/>.</summary>
    public Type ReturnType { get; }

    /// <summary>Whether the function returns nothing.</summary>
    public bool IsVoid => ReturnType == typeof(void);

    internal object? Invoke(object?[] args) => _invoke(args);
}
