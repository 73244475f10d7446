namespace UnsyncMigrate.Translation;

/// <summary>
/// Library names the translation turns into C# constructs of its own where they are used as
/// Python means them, so the migrated code never looks them up in the runtime: <c>super()</c> in a
/// method (ModuleTranslator.Super), the method decorators that shape a C# member
/// (ModuleTranslator.MethodDecorators), <c>@dataclass</c> and its <c>field()</c> defaults
/// (ModuleTranslator.Dataclasses). <c>scan</c> leaves them out of its UM2002 list, which the
/// translation does not run for; a use elsewhere (<c>field()</c> outside a dataclass) is then
/// reported by migrate only.
/// </summary>
public static class LoweredLibraryNames
{
    static readonly HashSet<string> Names = new(StringComparer.Ordinal)
    {
        "builtins.super", "builtins.staticmethod", "builtins.classmethod", "builtins.property",
        "abc.abstractmethod", "typing.override", "typing_extensions.override", "typing.final", "typing_extensions.final",
        "dataclasses.dataclass", "dataclasses.field",
    };

    public static bool Contains(string path) => Names.Contains(path);
}
