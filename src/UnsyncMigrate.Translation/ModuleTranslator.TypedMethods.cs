using Microsoft.CodeAnalysis.CSharp.Syntax;
using UnsyncMigrate.Python.Ast;
using UnsyncMigrate.Translation.Typing;
using static UnsyncMigrate.Translation.Cs;

namespace UnsyncMigrate.Translation;

// Method calls on receivers whose C# type is statically string, PyList, PyDict, PySet or
// Unfuture<object?> call the runtime's typed entry points (Py.StrMethods.cs,
// Py.ContainerMethods.cs, PyUnsync) instead of dispatching on the method name at run time.
// Those entry points are what the dynamic switch calls after checking the arguments, so the
// semantics are the same; the translator only goes direct when the argument count and keywords
// are ones Python accepts, and leaves every other call to the dynamic path, which raises
// Python's TypeError for it.
internal sealed partial class ModuleTranslator
{
    /// <summary>
    /// A typed entry point. <paramref name="Params"/> are the Python parameter names by position,
    /// of which the first <paramref name="MaxPositional"/> may be passed positionally and those in
    /// <paramref name="Keywords"/> by name; an unpassed parameter before a passed one is filled
    /// with None when it is one of <paramref name="NoneIfOmitted"/> (others cannot be left out). The entry point has
    /// an overload for every count from <paramref name="Min"/> up. <paramref name="Result"/> is
    /// the C# type of its result (Dynamic: object).
    /// </summary>
    sealed record TypedMethod(string Type, string Entry, int Min, int MaxPositional, string[] Params, PyType Result,
        string[]? Keywords = null, string[]? NoneIfOmitted = null);

    static TypedMethod M(string entry, int min, int max, PyType result, params string[] ps) => new("Py", entry, min, max, ps, result);

    static readonly string[] Range = ["x", "start", "end"];

    static readonly Dictionary<string, TypedMethod> StrTable = new()
    {
        ["upper"] = M("StrUpper", 0, 0, PyType.Str),
        ["lower"] = M("StrLower", 0, 0, PyType.Str),
        ["casefold"] = M("StrCasefold", 0, 0, PyType.Str),
        ["swapcase"] = M("StrSwapcase", 0, 0, PyType.Str),
        ["title"] = M("StrTitle", 0, 0, PyType.Str),
        ["capitalize"] = M("StrCapitalize", 0, 0, PyType.Str),
        ["strip"] = M("StrStrip", 0, 1, PyType.Str, "chars"),
        ["lstrip"] = M("StrLStrip", 0, 1, PyType.Str, "chars"),
        ["rstrip"] = M("StrRStrip", 0, 1, PyType.Str, "chars"),
        // split(maxsplit=1) passes sep=None before it.
        ["split"] = M("StrSplit", 0, 2, PyType.List, "sep", "maxsplit") with { Keywords = ["sep", "maxsplit"], NoneIfOmitted = ["sep"] },
        ["rsplit"] = M("StrRSplit", 0, 2, PyType.List, "sep", "maxsplit") with { Keywords = ["sep", "maxsplit"], NoneIfOmitted = ["sep"] },
        ["splitlines"] = M("StrSplitLines", 0, 1, PyType.List, "keepends") with { Keywords = ["keepends"] },
        ["join"] = M("StrJoin", 1, 1, PyType.Str, "iterable"),
        ["replace"] = M("StrReplace", 2, 3, PyType.Str, "old", "new", "count"),
        ["startswith"] = M("StrStartsWith", 1, 3, PyType.Bool, Range),
        ["endswith"] = M("StrEndsWith", 1, 3, PyType.Bool, Range),
        ["find"] = M("StrFind", 1, 3, PyType.Int, Range),
        ["rfind"] = M("StrRFind", 1, 3, PyType.Int, Range),
        ["index"] = M("StrIndex", 1, 3, PyType.Int, Range),
        ["rindex"] = M("StrRIndex", 1, 3, PyType.Int, Range),
        ["count"] = M("StrCount", 1, 3, PyType.Int, Range),
        ["encode"] = M("StrEncode", 0, 2, PyType.Dynamic, "encoding", "errors") with { Keywords = ["encoding", "errors"], NoneIfOmitted = ["encoding"] },
        ["zfill"] = M("StrZfill", 1, 1, PyType.Str, "width"),
        ["partition"] = M("StrPartition", 1, 1, PyType.Tuple, "sep"),
        ["rpartition"] = M("StrRPartition", 1, 1, PyType.Tuple, "sep"),
        ["removeprefix"] = M("StrRemovePrefix", 1, 1, PyType.Str, "prefix"),
        ["removesuffix"] = M("StrRemoveSuffix", 1, 1, PyType.Str, "suffix"),
        ["isdigit"] = M("StrIsDigit", 0, 0, PyType.Bool),
        ["isdecimal"] = M("StrIsDecimal", 0, 0, PyType.Bool),
        ["isnumeric"] = M("StrIsNumeric", 0, 0, PyType.Bool),
        ["isalpha"] = M("StrIsAlpha", 0, 0, PyType.Bool),
        ["isalnum"] = M("StrIsAlnum", 0, 0, PyType.Bool),
        ["isspace"] = M("StrIsSpace", 0, 0, PyType.Bool),
        ["isascii"] = M("StrIsAscii", 0, 0, PyType.Bool),
        ["isprintable"] = M("StrIsPrintable", 0, 0, PyType.Bool),
        ["isidentifier"] = M("StrIsIdentifier", 0, 0, PyType.Bool),
        ["isupper"] = M("StrIsUpper", 0, 0, PyType.Bool),
        ["islower"] = M("StrIsLower", 0, 0, PyType.Bool),
        ["istitle"] = M("StrIsTitle", 0, 0, PyType.Bool),
    };

    static readonly Dictionary<string, TypedMethod> ListTable = new()
    {
        ["append"] = M("ListAppend", 1, 1, PyType.Dynamic, "x"),
        ["extend"] = M("ListExtend", 1, 1, PyType.Dynamic, "iterable"),
        ["insert"] = M("ListInsert", 2, 2, PyType.Dynamic, "index", "x"),
        ["pop"] = M("ListPop", 0, 1, PyType.Dynamic, "index"),
        ["remove"] = M("ListRemove", 1, 1, PyType.Dynamic, "x"),
        ["index"] = M("ListIndex", 1, 3, PyType.Int, Range),
        ["count"] = M("ListCount", 1, 1, PyType.Int, "x"),
        // sort's parameters are keyword-only.
        ["sort"] = M("ListSort", 0, 0, PyType.Dynamic, "key", "reverse") with { Keywords = ["key", "reverse"], NoneIfOmitted = ["key"] },
        ["reverse"] = M("ListReverse", 0, 0, PyType.Dynamic),
        ["copy"] = M("ListCopy", 0, 0, PyType.List),
        ["clear"] = M("ListClear", 0, 0, PyType.Dynamic),
    };

    static readonly Dictionary<string, TypedMethod> DictTable = new()
    {
        ["get"] = M("DictGet", 1, 2, PyType.Dynamic, "key", "default"),
        ["items"] = M("DictItems", 0, 0, PyType.Dynamic),
        ["keys"] = M("DictKeys", 0, 0, PyType.Dynamic),
        ["values"] = M("DictValues", 0, 0, PyType.Dynamic),
        ["pop"] = M("DictPop", 1, 2, PyType.Dynamic, "key", "default"),
        ["setdefault"] = M("DictSetDefault", 1, 2, PyType.Dynamic, "key", "default"),
        // update(**kw) merges keywords: only the one-positional form is direct.
        ["update"] = M("DictUpdate", 1, 1, PyType.Dynamic, "other"),
        ["clear"] = M("DictClear", 0, 0, PyType.Dynamic),
    };

    static readonly Dictionary<string, TypedMethod> SetTable = new()
    {
        ["add"] = M("SetAdd", 1, 1, PyType.Dynamic, "x"),
        ["discard"] = M("SetDiscard", 1, 1, PyType.Dynamic, "x"),
        ["remove"] = M("SetRemove", 1, 1, PyType.Dynamic, "x"),
        ["pop"] = M("SetPop", 0, 0, PyType.Dynamic),
        ["clear"] = M("SetClear", 0, 0, PyType.Dynamic),
        ["issubset"] = M("SetIsSubset", 1, 1, PyType.Bool, "other"),
        ["issuperset"] = M("SetIsSuperset", 1, 1, PyType.Bool, "other"),
        ["isdisjoint"] = M("SetIsDisjoint", 1, 1, PyType.Bool, "other"),
    };

    static readonly Dictionary<string, TypedMethod> FutureTable = new()
    {
        ["result"] = new("PyUnsync", "Result", 0, 1, ["timeout"], PyType.Dynamic, ["timeout"]),
        ["then"] = new("PyUnsync", "Then", 1, 1, ["callback"], PyType.Future),
        ["set_result"] = new("PyUnsync", "SetResult", 1, 1, ["result"], PyType.Dynamic),
    };

    static Dictionary<string, TypedMethod>? TableFor(PyKind kind) => kind switch
    {
        PyKind.Str => StrTable,
        PyKind.List => ListTable,
        PyKind.Dict => DictTable,
        PyKind.Set => SetTable,
        PyKind.Future => FutureTable,
        _ => null,
    };

    /// <summary>
    /// <c>receiver.name(...)</c> as a typed call when the receiver's generated C# has a static
    /// type with a typed entry point for the method and the call's arguments fit it; else null
    /// (nothing generated for the arguments yet, so the caller emits the dynamic call).
    /// </summary>
    ExpressionSyntax? TypedMethodCall(TypedExpr receiver, string name, ExprCall call, FunctionCtx ctx)
    {
        if (!receiver.Type.IsStatic || call.Args.Any(a => a is ExprStarred) || call.Keywords.Any(k => k.Arg == null)) return null;
        var recv = receiver.Syntax;
        // As an argument the receiver needs no parentheses of its own (typed arithmetic brings them).
        var recvArg = recv is ParenthesizedExpressionSyntax paren ? paren.Expression : recv;
        var kind = receiver.Type.Kind;
        // str.format takes any arguments: its entry point is the dynamic one's (Py.StrFormat).
        if (kind == PyKind.Str && name == "format")
        {
            var args = Args(call, ctx);
            return Direct(Py("StrFormat", recvArg, args.Array, args.Kwargs), PyType.Str);
        }
        // An Unfuture's own members, which the dynamic path calls for Unfuture<object?>.
        if (kind == PyKind.Future && call.Keywords.Count == 0)
        {
            if (name == "result" && call.Args.Count == 0) return Call(Member(Paren(recv), "Result"));
            if (name == "done" && call.Args.Count == 0) return Direct(Member(Paren(recv), "Done"), PyType.Bool);
        }
        if (TableFor(kind) is not { } table || !table.TryGetValue(name, out var m)) return null;
        var values = Bind(m, call);
        if (values == null) return null;
        var syntax = Call(Member(Id(m.Type), m.Entry), [recvArg, .. values.Select(v => v == null ? Cs.Null : Expression(v, ctx))]);
        var inferred = TypeOf(call, ctx);
        return Direct(syntax, inferred.SameCsType(m.Result) ? inferred : m.Result);
    }

    /// <summary>
    /// The entry point's arguments in parameter order: the Python expression passed for each, or
    /// null for an omitted one passed as None; null when the call does not fit (too few or many, an unknown or repeated
    /// keyword, keywords out of parameter order, which would change evaluation order).
    /// </summary>
    static Expr?[]? Bind(TypedMethod m, ExprCall call)
    {
        if (call.Args.Count > m.MaxPositional) return null;
        var slots = new Expr?[m.Params.Length];
        for (int i = 0; i < call.Args.Count; i++) slots[i] = call.Args[i];
        int last = call.Args.Count - 1;
        foreach (var k in call.Keywords)
        {
            int idx = Array.IndexOf(m.Params, k.Arg);
            if (idx < 0 || m.Keywords == null || !m.Keywords.Contains(k.Arg) || slots[idx] != null || idx < last) return null;
            slots[idx] = k.Value;
            last = idx;
        }
        for (int i = 0; i < last; i++)
            if (slots[i] == null && m.NoneIfOmitted?.Contains(m.Params[i]) != true) return null;
        int count = last + 1;
        return count < m.Min ? null : slots.Take(count).ToArray();
    }
}
