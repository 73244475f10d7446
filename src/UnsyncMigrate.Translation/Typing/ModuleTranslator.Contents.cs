using UnsyncMigrate.Analysis.Program;
using UnsyncMigrate.Python.Ast;
using UnsyncMigrate.Translation.Typing;

namespace UnsyncMigrate.Translation;

// What containers hold: element types of lists, sets, dicts and tuples, what iterating or
// indexing them gives, and the aliasing rule that keeps this sound.
//
// A variable's type carries its container's contents (xs: List[Int]). Every way the contents
// can grow is a flow into that variable's slot (append, insert, extend, xs[i] = v, d[k] = v,
// add, update, setdefault, +=). That only sees every growth if no other name reaches the same
// container, so any use that could create an alias (assigning it elsewhere, storing it in a
// container or field, passing it to code that keeps or changes it, capturing a bound method,
// yielding it) erases the variable's contents to dynamic. Uses known not to alias: iterating,
// indexing, len/sorted/sum/..., comparisons, formatting, a test, returning a local, and
// passing it to a parameter its function neither changes nor lets escape.
internal sealed partial class ModuleTranslator
{
    /// <summary>Builtins that only read their positional arguments (what they return never shares the argument's storage in a writable way).</summary>
    static readonly HashSet<string> ReadingBuiltins =
    [
        "len", "sum", "min", "max", "sorted", "list", "tuple", "set", "frozenset", "dict", "enumerate", "zip", "reversed",
        "print", "str", "repr", "any", "all", "bool", "iter", "map", "filter", "isinstance", "format", "hash", "id", "type",
    ];

    /// <summary>Methods of a list/set/dict that neither add to it nor let it escape.</summary>
    static bool ReadsOnly(PyKind kind, string method) => kind switch
    {
        PyKind.List => method is "pop" or "remove" or "index" or "count" or "sort" or "reverse" or "clear" or "copy",
        PyKind.Set => method is "discard" or "remove" or "pop" or "clear" or "copy" or "union" or "intersection" or "difference"
            or "symmetric_difference" or "issubset" or "issuperset" or "isdisjoint" or "difference_update" or "intersection_update",
        PyKind.Dict => method is "get" or "keys" or "values" or "items" or "pop" or "popitem" or "clear" or "copy",
        _ => false,
    };

    /// <summary>What a method adding to a list/set/dict adds (a container type joined into the receiver's slot), or null if it is not one.</summary>
    PyType? Growth(PyType receiver, ExprCall call, FunctionCtx ctx)
    {
        if (call.Func is not ExprAttribute a || call.Args.Any(x => x is ExprStarred) || call.Keywords.Count > 0) return null;
        var args = call.Args;
        return (receiver.Kind, a.Attr, args.Count) switch
        {
            (PyKind.List, "append", 1) => PyType.ListOf(TypeOf(args[0], ctx)),
            (PyKind.List, "insert", 2) => PyType.ListOf(TypeOf(args[1], ctx)),
            (PyKind.List, "extend", 1) => PyType.ListOf(IterItemType(args[0], ctx)),
            (PyKind.Set, "add", 1) => PyType.SetOf(TypeOf(args[0], ctx)),
            (PyKind.Set, "update", _) when args.Count > 0 => PyType.SetOf(args.Select(x => IterItemType(x, ctx)).Aggregate(PyType.Unknown, PyType.Join)),
            (PyKind.Dict, "setdefault", 1) => PyType.DictOf(TypeOf(args[0], ctx), PyType.None),
            (PyKind.Dict, "setdefault", 2) => PyType.DictOf(TypeOf(args[0], ctx), TypeOf(args[1], ctx)),
            (PyKind.Dict, "update", 1) => TypeOf(args[0], ctx) is { Kind: PyKind.Dict or PyKind.Unknown } other ? other : PyType.Dict,
            _ => null,
        };
    }

    // ---- types of reads ------------------------------------------------------------------

    /// <summary>The type of the items a for loop (or comprehension, or unpacking) binds from <paramref name="iter"/>.</summary>
    PyType IterItemType(Expr iter, FunctionCtx ctx)
    {
        if (RangeArgs(iter, ctx) != null) return PyType.Int;
        switch (iter)
        {
            case ExprCall { Func: ExprName fn } call when IsBuiltin(fn.Id, ctx) && call.Args.All(x => x is not ExprStarred) && call.Keywords.All(k => k.Arg != null):
                {
                    var args = call.Args;
                    switch (fn.Id)
                    {
                        // Not known yet (a later round may know it): no flow now, so the join stays monotone.
                        case "range" when args.Any(x => TypeOf(x, ctx).Kind == PyKind.Unknown): return PyType.Unknown;
                        case "enumerate" when args.Count is 1 or 2 && call.Keywords.All(k => k.Arg == "start"):
                            {
                                var start = args.Count == 2 ? args[1] : call.Keywords.FirstOrDefault()?.Value;
                                var counter = start == null ? PyType.Int : TypeOf(start, ctx);
                                if (counter.Kind is not (PyKind.Int or PyKind.Unknown)) counter = PyType.Dynamic;
                                return PyType.TupleOf([counter, IterItemType(args[0], ctx)]);
                            }
                        case "zip" when args.Count > 0 && call.Keywords.All(k => k.Arg == "strict"):
                            return PyType.TupleOf(args.Select(x => IterItemType(x, ctx)));
                        case "sorted" or "reversed" or "list" or "tuple" or "set" or "frozenset" or "iter" when args.Count == 1:
                            return IterItemType(args[0], ctx);
                        case "filter" when args.Count == 2 && call.Keywords.Count == 0:
                            return IterItemType(args[1], ctx);
                    }
                    break;
                }
            case ExprCall { Func: ExprAttribute { Attr: "items" or "keys" or "values" } view, Args.Count: 0, Keywords.Count: 0 }:
                {
                    var d = TypeOf(view.Value, ctx);
                    if (d.Kind == PyKind.Unknown) return d;
                    if (d.Kind == PyKind.Dict)
                        return view.Attr switch { "items" => PyType.TupleOf([d.Key!, d.Elem!]), "keys" => d.Key!, _ => d.Elem! };
                    break;
                }
            case ExprGeneratorExp g:
                return TypeOf(g.Elt, ComprehensionCtx(g, ctx));
        }
        return TypeOf(iter, ctx).Element;
    }

    /// <summary>The type of <c>value[index]</c>.</summary>
    PyType SubscriptType(ExprSubscript sub, FunctionCtx ctx)
    {
        var t = TypeOf(sub.Value, ctx);
        if (t.Kind == PyKind.Unknown || t.Kind == PyKind.Str) return t;
        if (sub.Slice is ExprSlice)
            return t.Kind switch
            {
                PyKind.List => t,
                PyKind.Tuple => PyType.TupleOfAny(t.Element),
                _ => PyType.Dynamic,
            };
        return t.Kind switch
        {
            PyKind.List => t.Elem!,
            PyKind.Dict => t.Elem!,
            PyKind.Tuple => ConstantIndex(sub.Slice) is { } i ? t.ItemAt(i) : t.Element,
            _ => PyType.Dynamic,
        };
    }

    static long? ConstantIndex(Expr e) => e switch
    {
        ExprConstant { Value: long i } => i,
        ExprUnaryOp { Op: UnaryOperator.USub, Operand: ExprConstant { Value: long j } } => -j,
        _ => null,
    };

    /// <summary>The result of a list/dict/set method called on a receiver of known container type, or null when not one.</summary>
    PyType? ContainerMethodType(PyType receiver, ExprCall call, FunctionCtx ctx)
    {
        if (call.Func is not ExprAttribute a || call.Args.Any(x => x is ExprStarred) || call.Keywords.Count > 0) return null;
        int n = call.Args.Count;
        PyType Arg(int i) => TypeOf(call.Args[i], ctx);
        return (receiver.Kind, a.Attr) switch
        {
            (PyKind.List, "pop") when n <= 1 => receiver.Elem,
            (PyKind.List, "index" or "count") => PyType.Int,
            (PyKind.List or PyKind.Dict or PyKind.Set, "copy") when n == 0 => receiver,
            (PyKind.Dict, "get") when n == 1 => PyType.Join(receiver.Elem!, PyType.None),
            (PyKind.Dict, "get" or "pop" or "setdefault") when n == 2 => PyType.Join(receiver.Elem!, Arg(1)),
            (PyKind.Dict, "pop") when n == 1 => receiver.Elem,
            (PyKind.Set, "pop") when n == 0 => receiver.Elem,
            (PyKind.Set, "union") => PyType.SetOf(call.Args.Select(x => IterItemType(x, ctx)).Aggregate(receiver.Elem!, PyType.Join)),
            (PyKind.Set, "intersection" or "difference" or "symmetric_difference") => receiver,
            (PyKind.Set, "issubset" or "issuperset" or "isdisjoint") => PyType.Bool,
            (PyKind.Str, "split" or "rsplit" or "splitlines") => PyType.ListOf(PyType.Str),
            (PyKind.Str, "partition" or "rpartition") when n == 1 => PyType.TupleOf([PyType.Str, PyType.Str, PyType.Str]),
            _ => null,
        };
    }

    // ---- uses of a variable holding a container ---------------------------------------------

    /// <summary>The slot a loaded name reads (scope node and name), when it is a typed variable of this module.</summary>
    (Node Scope, string Name)? VarSlot(string name, FunctionCtx ctx)
    {
        for (var c = ctx; c != null; c = c.Parent)
        {
            if (c.IsModule || c.Scope.Globals.Contains(name)) break;
            if (c.IsLocal(name)) return c.Key == null ? null : (c.Key, name);
        }
        if (name == "__name__" || _functions.ContainsKey(name) || ClassNamed(name) != null) return null;
        return _globals.Contains(name) ? (_module.Tree, name) : null;
    }

    /// <summary>A use of the name that may alias its container: forget what the container holds (here, in callers passing theirs, and in another module it was imported from).</summary>
    void EscapeName(ExprName n, FunctionCtx ctx)
    {
        if (!TouchesContents(n, ctx)) return;
        if (VarSlot(n.Id, ctx) is { } slot)
        {
            _types.EraseVar(slot.Scope, slot.Name);
            if (IsParameter(slot.Scope, slot.Name)) _types.MarkShared(slot.Scope, slot.Name);
        }
        else if (Sym(n.Id, ctx) is MemberSymbol imp) _program.EraseGlobal(imp.Module.Name, imp.Member);
    }

    /// <summary>Whether the name may hold a container (imported globals are read erased here, so ask by name).</summary>
    bool TouchesContents(ExprName n, FunctionCtx ctx) =>
        TypeOf(n, ctx).Kind is PyKind.List or PyKind.Set or PyKind.Dict || Sym(n.Id, ctx) is MemberSymbol && VarSlot(n.Id, ctx) == null;

    /// <summary>Adds <paramref name="growth"/> (a container type) to what the named variable's container holds.</summary>
    void Grow(Expr receiver, PyType growth, FunctionCtx ctx)
    {
        if (receiver is not ExprName n) return; // fields, items of containers: stored erased already
        if (VarSlot(n.Id, ctx) is { } slot)
        {
            _types.FlowVar(slot.Scope, slot.Name, growth);
            if (IsParameter(slot.Scope, slot.Name)) _types.MarkShared(slot.Scope, slot.Name);
        }
        else if (Sym(n.Id, ctx) is MemberSymbol imp) _program.EraseGlobal(imp.Module.Name, imp.Member);
    }

    static bool IsParameter(Node scope, string name)
    {
        var args = scope switch { StmtFunctionDef f => f.Args, StmtAsyncFunctionDef af => af.Args, _ => null };
        return args != null && (args.Posonlyargs.Concat(args.Args).Concat(args.Kwonlyargs).Any(a => a.Name == name)
            || args.Vararg?.Name == name || args.Kwarg?.Name == name);
    }

    /// <summary>An expression in a position that only reads it: a name there keeps its container's contents.</summary>
    void InferRead(Expr e, FunctionCtx ctx)
    {
        if (e is ExprName { Ctx: ExprContext.Load } n) InferName(n, ctx, aliases: false);
        else InferExpr(e, ctx);
    }

    /// <summary>Whether an operand of an operator is handed to builtin code only (another operand of a program class could keep it).</summary>
    bool BuiltinOperands(IEnumerable<Expr> operands, FunctionCtx ctx) =>
        operands.All(o => TypeOf(o, ctx).Kind is not (PyKind.Class or PyKind.Dynamic or PyKind.Exception or PyKind.Future));
}
