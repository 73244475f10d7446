using UnsyncMigrate.Analysis.Program;
using UnsyncMigrate.Python.Ast;
using UnsyncMigrate.Translation.Typing;

namespace UnsyncMigrate.Translation;

// Lambda parameters. A lambda is a value: whoever receives it may call it with anything, so
// its parameters are dynamic, except where it is written straight into a call whose callee
// is known to call it only with the items of an iterable or the result of a future:
// sorted/min/max(key=), list.sort(key=), map, filter, functools.reduce, itertools'
// takewhile/dropwhile/filterfalse/groupby, and Unfuture.then. Its parameters are typed slots
// keyed by the lambda node; the conversion into them is checked, like every typed slot.
internal sealed partial class ModuleTranslator
{
    /// <summary>The types the known callee passes to lambdas written as its arguments (by lambda node, one type per parameter).</summary>
    Dictionary<ExprLambda, PyType[]>? LambdaArgumentTypes(ExprCall call, FunctionCtx ctx)
    {
        if (call.Args.Any(a => a is ExprStarred) || call.Keywords.Any(k => k.Arg == null)) return null;
        var args = call.Args;
        ExprLambda? Key() => call.Keywords.FirstOrDefault(k => k.Arg == "key")?.Value as ExprLambda;
        var found = new Dictionary<ExprLambda, PyType[]>();
        void Add(ExprLambda? lam, params PyType[] types)
        {
            if (lam != null && SimpleParams(lam) == types.Length) found[lam] = types;
        }

        switch (call.Func)
        {
            case ExprName fn when IsBuiltin(fn.Id, ctx):
                switch (fn.Id)
                {
                    case "sorted" when args.Count == 1:
                        Add(Key(), IterItemType(args[0], ctx));
                        break;
                    case "min" or "max" when args.Count >= 1:
                        Add(Key(), args.Count == 1 ? IterItemType(args[0], ctx) : args.Select(a => TypeOf(a, ctx)).Aggregate(PyType.Unknown, PyType.Join));
                        break;
                    case "map" when args.Count >= 2 && call.Keywords.Count == 0:
                        Add(args[0] as ExprLambda, args.Skip(1).Select(a => IterItemType(a, ctx)).ToArray());
                        break;
                    case "filter" when args.Count == 2 && call.Keywords.Count == 0:
                        Add(args[0] as ExprLambda, IterItemType(args[1], ctx));
                        break;
                }
                break;
            case ExprAttribute { Attr: "sort" } a when args.Count == 0 && TypeOf(a.Value, ctx) is { Kind: PyKind.List } list:
                Add(Key(), list.Elem!);
                break;
            case ExprAttribute { Attr: "then" } a when args.Count == 1 && call.Keywords.Count == 0 && TypeOf(a.Value, ctx) is { Kind: PyKind.Future } future:
                Add(args[0] as ExprLambda, future.FutureResult);
                break;
            default:
                switch (LibraryFunction(call.Func, ctx))
                {
                    case "functools.reduce" when args.Count is 2 or 3 && call.Keywords.Count == 0 && args[0] is ExprLambda lam:
                        {
                            // The accumulator starts as the initial value (or the first item) and then holds what the lambda returns.
                            var item = IterItemType(args[1], ctx);
                            var start = args.Count == 3 ? TypeOf(args[2], ctx) : item;
                            if (SimpleParams(lam) != 2) break;
                            var accName = lam.Args.Args[0];
                            var lctx = LambdaCtx(lam, ctx);
                            // An int the lambda computes from the accumulator can grow without bound (a product): it stays dynamic, as in loops.
                            var next = Accumulation(new ExprName(accName.Name, ExprContext.Store, 0, 0, 0, 0), lam.Body, TypeOf(lam.Body, lctx), lctx);
                            Add(lam, PyType.Join(start, next), item);
                            break;
                        }
                    case "itertools.takewhile" or "itertools.dropwhile" or "itertools.filterfalse" when args.Count == 2 && call.Keywords.Count == 0:
                        Add(args[0] as ExprLambda, IterItemType(args[1], ctx));
                        break;
                    case "itertools.groupby" when args.Count == 1:
                        Add(Key(), IterItemType(args[0], ctx));
                        break;
                }
                break;
        }
        return found.Count == 0 ? null : found;
    }

    /// <summary>How many plain positional parameters a lambda has (-1 when it has defaults, *args, keyword-only or **kwargs: called other ways too).</summary>
    static int SimpleParams(ExprLambda lam)
    {
        var a = lam.Args;
        bool plain = a.Posonlyargs.Count == 0 && a.Vararg == null && a.Kwarg == null && a.Kwonlyargs.Count == 0 && a.Defaults.Count == 0;
        return plain ? a.Args.Count : -1;
    }

    /// <summary>"module.name" of a standard-library function a callee expression names (functools.reduce, or reduce imported from it).</summary>
    string? LibraryFunction(Expr func, FunctionCtx ctx) => CalleePath(func, ctx);

    /// <summary>The lambda's own scope: its parameters, typed under the lambda node.</summary>
    FunctionCtx LambdaCtx(ExprLambda lam, FunctionCtx ctx) =>
        new() { Parent = ctx.IsModule ? null : ctx, Scope = ScopeOf(lam), Class = ctx.Class, SelfName = ctx.SelfName, Key = lam };

    /// <summary>A lambda's parameters: positional ones first (what a known caller passes), then keyword-only, *args, **kwargs.</summary>
    static List<string> LambdaParameters(ExprLambda lam) =>
        lam.Args.Posonlyargs.Concat(lam.Args.Args).Concat(lam.Args.Kwonlyargs).Select(a => a.Name)
            .Concat(new[] { lam.Args.Vararg?.Name, lam.Args.Kwarg?.Name }.OfType<string>()).ToList();

    /// <summary>A lambda: its parameters get <paramref name="paramTypes"/> when a known callee calls it, dynamic otherwise.</summary>
    void InferLambda(ExprLambda lam, FunctionCtx ctx, PyType[]? paramTypes)
    {
        var lctx = LambdaCtx(lam, ctx);
        var names = LambdaParameters(lam);
        for (int i = 0; i < names.Count; i++)
            _types.FlowVar(lam, names[i], paramTypes != null && i < paramTypes.Length ? paramTypes[i] : PyType.Dynamic);
        foreach (var d in lam.Args.Defaults.Concat(lam.Args.KwDefaults.OfType<Expr>())) InferExpr(d, ctx);
        InferExpr(lam.Body, lctx);
    }

    /// <summary>
    /// A program function named as the continuation of <c>future.then(f)</c>: then calls it with the
    /// future's result only, so this is a call site rather than an escape. Null when it is not one
    /// (one required positional parameter, the rest defaulted).
    /// </summary>
    FuncSig? ThenContinuation(ExprCall call, FunctionCtx ctx)
    {
        if (call is not { Func: ExprAttribute { Attr: "then" } a, Args.Count: 1, Keywords.Count: 0 } || call.Args[0] is not ExprName fn) return null;
        if (TypeOf(a.Value, ctx).Kind != PyKind.Future || ResolveFunction(fn, ctx) is not { Def: { } def } sig) return null;
        var args = def switch { StmtFunctionDef f => f.Args, StmtAsyncFunctionDef af => af.Args, _ => null };
        if (args == null || !sig.IsSimple || args.Posonlyargs.Count > 0 || args.Args.Count == 0 || args.Args.Count - args.Defaults.Count > 1
            || args.Kwonlyargs.Where((_, i) => args.KwDefaults[i] == null).Any()) return null;
        return sig;
    }

    /// <summary>What <c>future.then(continuation)</c> resolves to: the continuation's result, awaited when it is a future.</summary>
    PyType ThenResult(ExprCall call, FunctionCtx ctx)
    {
        if (ThenContinuation(call, ctx) is { } fsig)
        {
            var r = _types.Return(fsig.Def!);
            return r.Kind switch { PyKind.Unknown => r, PyKind.Future => r.FutureResult, PyKind.Class or PyKind.Dynamic or PyKind.Exception => PyType.Dynamic, _ => r };
        }
        if (call.Args.Count != 1 || call.Args[0] is not ExprLambda lam || SimpleParams(lam) != 1) return PyType.Dynamic;
        var body = TypeOf(lam.Body, LambdaCtx(lam, ctx));
        return body.Kind switch
        {
            PyKind.Unknown => body,
            PyKind.Future => body.FutureResult,
            // A program class could define __await__: only builtin values are known not to be awaited.
            PyKind.Class or PyKind.Dynamic or PyKind.Exception => PyType.Dynamic,
            _ => body,
        };
    }
}
