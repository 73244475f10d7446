using UnsyncMigrate.Python.Ast;

namespace UnsyncMigrate.Translation;

// Generated code calls a class's methods directly (a C# call, `__create` calls `__init__`), so the
// runtime refuses a value assigned over a method at run time (PyType.CheckNotReplacingMethod): a
// class decorator wrapping `cls.__init__` would raise NotSupportedException only when it runs.
// Reported at migrate time instead (UM2013), where the store is plainly a method replacement: a
// dunder method, any method through the class's own name, or `self.m = value` in a method of a
// class that has a method m (an instance attribute shadowing it). Ordinary attribute stores that
// happen to share a method's name (`obj.run = f` on an unrelated object) are not reported.
internal sealed partial class ModuleTranslator
{
    /// <summary>Reports <c>target.attr = value</c> (or <c>setattr(target, "attr", value)</c>) that replaces a method of a program class.</summary>
    void NoteMethodReplacement(Node at, Expr target, string attr, FunctionCtx? ctx = null)
    {
        bool dunder = attr.Length > 4 && attr.StartsWith("__", StringComparison.Ordinal) && attr.EndsWith("__", StringComparison.Ordinal);
        var owner = ResolveClass(target) ?? (target is ExprName self && ctx is { SelfName: { } selfName, Class: { } cls } && self.Id == selfName ? cls : null);
        bool replaces = dunder ? _program.MethodNames.Contains(attr) : owner?.FindMethod(attr) is { IsProperty: false, IsPropertySetter: false, IsStatic: false, IsClassMethod: false };
        if (!replaces) return;
        Note(at, "UM2013", $"'{SourceText(target)}.{attr}' is assigned at run time, but the migrated program calls methods directly: " +
            $"assigning over the method '{attr}' of a class raises NotSupportedException there");
    }
}
