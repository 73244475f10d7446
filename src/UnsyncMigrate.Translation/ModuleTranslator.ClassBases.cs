using UnsyncMigrate.Analysis.Program;
using UnsyncMigrate.Python.Ast;

namespace UnsyncMigrate.Translation;

// A class statement's bases and keywords as Python reads them: the program's classes, the
// runtime's exception classes and threading.Thread, abc's ABC and ABCMeta, keywords for
// __init_subclass__. A base or metaclass the runtime has no class for is reported (UM2011,
// UM2010) with what the generated class does instead.
internal sealed partial class ModuleTranslator
{
    /// <summary>Reads every class's bases and metaclass once every module has declared its classes.</summary>
    public void ResolveBases()
    {
        foreach (var c in _classes.Values)
        {
            foreach (var b in c.Def.Bases) ResolveBase(c, b);
            foreach (var k in c.Def.Keywords) ResolveClassKeyword(c, k);
        }
    }

    void ResolveBase(ClassInfo c, Expr b)
    {
        if (ResolveClass(b) is { } program)
        {
            c.ProgramBases.Add(program);
            c.KnownBases.Add(b);
            return;
        }
        var path = LibraryPath(b);
        switch (path)
        {
            case "builtins.object":
                return;
            case "abc.ABC":
                c.HasAbcMeta = true;
                c.KnownBases.Add(b);
                return;
            case "typing.Generic" or "typing.Protocol" or "typing_extensions.Protocol":
                return; // no behaviour at run time (deliberately not in __mro__, see README)
        }
        if (b is ExprSubscript { Value: var generic } && ResolveGenericAlias(generic)) return;
        var exception = path == null ? null
            : path.StartsWith("builtins.", StringComparison.Ordinal) ? RuntimeClasses.BuiltinException(path["builtins.".Length..])
            : RuntimeClasses.LibraryException(path);
        if (exception != null)
        {
            c.BaseExceptionCs ??= exception;
            c.KnownBases.Add(b);
            return;
        }
        if (path != null && RuntimeClasses.LibraryClass(path) is { } library)
        {
            c.RuntimeBaseCs ??= library;
            c.KnownBases.Add(b);
            return;
        }
        string shown = path?.StartsWith("builtins.", StringComparison.Ordinal) == true ? path["builtins.".Length..] : path ?? SourceText(b);
        if (path == "builtins.type")
            Note(b, "UM2011", $"{c.PyName} derives from type (a metaclass): metaclasses are not translated, {c.PyName} is generated as a plain class");
        else
            Note(b, "UM2011", $"base class {shown} of {c.PyName} is not translated (the generated class cannot derive from it): " +
                              $"{c.PyName} is generated without it, so what {shown} defines is missing and isinstance() with it is False");
    }

    /// <summary><c>Generic[T]</c>, <c>Protocol[T]</c>: typing's subscripted bases, without behaviour at run time.</summary>
    bool ResolveGenericAlias(Expr generic) => LibraryPath(generic) is "typing.Generic" or "typing.Protocol" or "typing_extensions.Protocol";

    /// <summary>The dotted path of a name or <c>module.name</c> from outside the program (<c>builtins.ValueError</c>, <c>abc.ABC</c>), else null.</summary>
    string? LibraryPath(Expr e) => e switch
    {
        ExprName n => ModuleSym(n.Id) is BuiltinSymbol ? "builtins." + n.Id : ExternalPath(ModuleSym(n.Id)),
        ExprAttribute { Value: ExprName m } a when ModuleSym(m.Id) is ModuleSymbol { IsExternal: true } mod => mod.Path + "." + a.Attr,
        _ => null,
    };

    void ResolveClassKeyword(ClassInfo c, Keyword k)
    {
        if (k.Arg == "metaclass")
        {
            var meta = LibraryPath(k.Value);
            if (meta == "abc.ABCMeta") { c.HasAbcMeta = true; return; }
            if (meta == "builtins.type") return;
            Note(k.Value, "UM2010", $"metaclass {SourceText(k.Value)} of {c.PyName} is not translated: {c.PyName} and its subclasses are created as plain classes " +
                                    "(the metaclass's __new__, __init__ and __call__ do not run, and type() of the class is type)");
            return;
        }
        c.SubclassKeywords.Add(k);
    }

    void Note(Node at, string code, string message)
    {
        var p = at as PositionedNode;
        _program.Note(new TranslationNote(_module.RelativePath, p?.Lineno ?? 0, p?.ColOffset ?? 0, code, message));
    }

    /// <summary>The source text of a one-line node (for messages).</summary>
    string SourceText(Node node)
    {
        if (node is not PositionedNode { Lineno: > 0 } p || p.Lineno > _sourceLines.Length || p.EndLineno != p.Lineno) return node.PythonName;
        var line = System.Text.Encoding.UTF8.GetBytes(_sourceLines[p.Lineno - 1]); // offsets count UTF-8 bytes
        return p.EndColOffset <= line.Length ? System.Text.Encoding.UTF8.GetString(line[p.ColOffset..p.EndColOffset]) : node.PythonName;
    }
}
