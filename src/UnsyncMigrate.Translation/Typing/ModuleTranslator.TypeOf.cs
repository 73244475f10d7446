using UnsyncMigrate.Analysis.Program;
using UnsyncMigrate.Python.Ast;
using UnsyncMigrate.Translation.Typing;

namespace UnsyncMigrate.Translation;

// The static type of a Python expression under the current inference table: literals,
// slots (locals, globals, fields), operators on known types, builtins, resolved calls.
internal sealed partial class ModuleTranslator
{
    PyType TypeOf(Expr e, FunctionCtx ctx)
    {
        switch (e)
        {
            case ExprConstant c:
                return c.Value switch
                {
                    null => PyType.None,
                    bool => PyType.Bool,
                    // Only small literals count as small ints: products of two stay within 64 bits.
                    long l => l is >= -(1L << 31) and <= 1L << 31 ? PyType.Int : PyType.Dynamic,
                    double => PyType.Float,
                    string => PyType.Str,
                    _ => PyType.Dynamic,
                };
            case ExprName n: return NameType(n.Id, ctx);
            case ExprAttribute a:
                return FieldOwner(a, ctx) is { } owner && FieldLoadIsDirect(a, ctx) ? _types.Field(owner, a.Attr) : PyType.Dynamic;
            case ExprBinOp b: return BinaryType(b.Op, TypeOf(b.Left, ctx), TypeOf(b.Right, ctx));
            case ExprUnaryOp u:
                {
                    if (u.Op == UnaryOperator.Not) return PyType.Bool;
                    var t = TypeOf(u.Operand, ctx);
                    if (u.Op == UnaryOperator.Invert) return t.Kind == PyKind.Unknown ? t : PyType.Dynamic;
                    return t.Kind is PyKind.Unknown or PyKind.Int or PyKind.Float ? t : PyType.Dynamic;
                }
            case ExprBoolOp bo: return bo.Values.Select(v => TypeOf(v, ctx)).Aggregate(PyType.Unknown, PyType.Join);
            case ExprCompare: return PyType.Bool;
            case ExprIfExp ie: return PyType.Join(TypeOf(ie.Body, ctx), TypeOf(ie.Orelse, ctx));
            case ExprJoinedStr or ExprFormattedValue: return PyType.Str;
            case ExprList l: return PyType.ListOf(ElementsType(l.Elts, ctx));
            case ExprSet st: return PyType.SetOf(ElementsType(st.Elts, ctx));
            case ExprTuple t:
                return t.Elts.Any(x => x is ExprStarred) ? PyType.TupleOfAny(ElementsType(t.Elts, ctx)) : PyType.TupleOf(t.Elts.Select(x => TypeOf(x, ctx)));
            case ExprListComp lc: return PyType.ListOf(TypeOf(lc.Elt, ComprehensionCtx(lc, ctx)));
            case ExprSetComp sc: return PyType.SetOf(TypeOf(sc.Elt, ComprehensionCtx(sc, ctx)));
            case ExprDictComp dc:
                {
                    var cctx = ComprehensionCtx(dc, ctx);
                    return PyType.DictOf(TypeOf(dc.Key, cctx), TypeOf(dc.Value, cctx));
                }
            case ExprDict d:
                {
                    PyType k = PyType.Unknown, v = PyType.Unknown;
                    for (int i = 0; i < d.Keys.Count; i++)
                    {
                        if (d.Keys[i] is { } key) { k = PyType.Join(k, TypeOf(key, ctx)); v = PyType.Join(v, TypeOf(d.Values[i], ctx)); continue; }
                        var unpacked = TypeOf(d.Values[i], ctx); // {**other}
                        if (unpacked.Kind == PyKind.Unknown) continue;
                        k = PyType.Join(k, unpacked.Kind == PyKind.Dict ? unpacked.Key! : PyType.Dynamic);
                        v = PyType.Join(v, unpacked.Kind == PyKind.Dict ? unpacked.Elem! : PyType.Dynamic);
                    }
                    return PyType.DictOf(k, v);
                }
            case ExprCall call: return CallType(call, ctx);
            case ExprSubscript sub: return SubscriptType(sub, ctx);
            case ExprNamedExpr ne: return TypeOf(ne.Value, ctx);
            case ExprAwait aw:
                {
                    var t = TypeOf(aw.Value, ctx);
                    return t.Kind == PyKind.Unknown ? t : t.FutureResult;
                }
            default: return PyType.Dynamic;
        }
    }

    /// <summary>Whether the translator reads this attribute as a C# field (self.x, or x.f on a receiver of known class).</summary>
    bool FieldLoadIsDirect(ExprAttribute a, FunctionCtx ctx)
    {
        if (a.Value is ExprName n && !IsShadowed(n.Id, ctx) && (Sym(n.Id, ctx) is ModuleSymbol || ClassNamed(n.Id) != null))
            return false;
        return true;
    }

    static PyType BinaryType(Operator op, PyType l, PyType r)
    {
        if (l.Kind == PyKind.Unknown || r.Kind == PyKind.Unknown) return PyType.Unknown;
        if (l.Kind == PyKind.Int && r.Kind == PyKind.Int)
            return op switch
            {
                Operator.Add or Operator.Sub or Operator.Mult or Operator.FloorDiv or Operator.Mod => PyType.Int,
                Operator.Div => PyType.Float,
                _ => PyType.Dynamic, // **, shifts: magnitude unknown, the runtime's ints promote to BigInteger
            };
        if (l.IsNumber && r.IsNumber)
            return op is Operator.Add or Operator.Sub or Operator.Mult or Operator.Div or Operator.FloorDiv or Operator.Mod ? PyType.Float : PyType.Dynamic;
        if (l.Kind == PyKind.Str && (op == Operator.Mod || op == Operator.Add && r.Kind == PyKind.Str || op == Operator.Mult && r.Kind == PyKind.Int))
            return PyType.Str;
        if (op == Operator.Mult && l.Kind == PyKind.Int && r.Kind == PyKind.Str) return PyType.Str;
        if (op == Operator.Add && l.Kind == PyKind.List && r.Kind == PyKind.List) return PyType.Join(l, r);
        if (op == Operator.Add && l.Kind == PyKind.Tuple && r.Kind == PyKind.Tuple)
            return l.Items != null && r.Items != null ? PyType.TupleOf(l.Items.Concat(r.Items)) : PyType.TupleOfAny(PyType.Join(l.Element, r.Element));
        if (op == Operator.Mult && l.Kind is PyKind.List or PyKind.Tuple && r.Kind == PyKind.Int) return l.Kind == PyKind.List ? l : PyType.TupleOfAny(l.Element);
        if (op == Operator.Mult && r.Kind is PyKind.List or PyKind.Tuple && l.Kind == PyKind.Int) return r.Kind == PyKind.List ? r : PyType.TupleOfAny(r.Element);
        return PyType.Dynamic;
    }

    /// <summary>The join of a display's element types (a starred element contributes what it iterates); Unknown for an empty display.</summary>
    PyType ElementsType(IReadOnlyList<Expr> elts, FunctionCtx ctx) =>
        elts.Select(x => x is ExprStarred s ? IterItemType(s.Value, ctx) : TypeOf(x, ctx)).Aggregate(PyType.Unknown, PyType.Join);

    PyType NameType(string name, FunctionCtx ctx)
    {
        for (var c = ctx; c != null; c = c.Parent)
        {
            if (c.IsModule || c.Scope.Globals.Contains(name)) break;
            if (c.IsLocal(name)) return c.Key == null ? PyType.Dynamic : _types.Var(c.Key, name);
        }
        if (name == "__name__" || _functions.ContainsKey(name) || ClassNamed(name) != null) return PyType.Dynamic;
        if (_globals.Contains(name)) return _types.Var(_module.Tree, name);
        if (ModuleSym(name) is MemberSymbol imp) return _program.GlobalType(imp.Module.Name, imp.Member);
        return PyType.Dynamic;
    }

    /// <summary>A module-level variable's type (for other modules reading it through an import: an alias, so a container's contents are not known there).</summary>
    public PyType GlobalType(string name) =>
        _globals.Contains(name) && !_functions.ContainsKey(name) && ClassNamed(name) == null ? PyType.Stored(_types.Var(_module.Tree, name)) : PyType.Dynamic;

    public void PoisonGlobal(string name) => _types.FlowVar(_module.Tree, name, PyType.Dynamic);

    public void EraseGlobal(string name) => _types.EraseVar(_module.Tree, name);

    /// <summary>A module-level function a name refers to (this module's or an imported one).</summary>
    FuncSig? ResolveFunction(ExprName n, FunctionCtx ctx)
    {
        if (IsShadowed(n.Id, ctx)) return null;
        if (_functions.TryGetValue(n.Id, out var sig) && !_globals.Contains(n.Id)) return sig;
        if (Sym(n.Id, ctx) is MemberSymbol imp) return _program.FindFunction(imp.Module.Name, imp.Member);
        return null;
    }

    /// <summary>A program module's function or class as a callee: its signature, and the class for a constructor.</summary>
    (FuncSig? Sig, int Skip, ClassInfo? Ctor) MemberCallee(SourceModule module, string name)
    {
        if (_program.FindFunction(module.Name, name) is { } f) return (f, 0, null);
        if (_program.FindClass(module.Name, name) is { IsRebound: false } c) return (c.FindMethod("__init__"), 1, c);
        return (null, 0, null);
    }

    /// <summary>
    /// The function a call reaches when it is known statically (mirrors CallExpr): the signature,
    /// how many leading parameters the receiver fills (self), and the class for a constructor call.
    /// </summary>
    (FuncSig? Sig, int Skip, ClassInfo? Ctor) ResolveCall(ExprCall call, FunctionCtx ctx)
    {
        switch (call.Func)
        {
            case ExprName n when !IsShadowed(n.Id, ctx):
                if (_functions.TryGetValue(n.Id, out var sig) && !_globals.Contains(n.Id)) return (sig, 0, null);
                if (ClassNamed(n.Id) is { } cls) return (cls.FindMethod("__init__"), 1, cls);
                if (Sym(n.Id, ctx) is MemberSymbol imp) return MemberCallee(imp.Module, imp.Member);
                return (null, 0, null);
            case ExprAttribute a:
                {
                    if (a.Value is ExprName m && !IsShadowed(m.Id, ctx))
                    {
                        if (ProgramModule(Sym(m.Id, ctx)) is { } module)
                            return _program.Symbols.Member(module, a.Attr) is MemberSymbol target ? MemberCallee(target.Module, target.Member) : (null, 0, null);
                        if (ClassNamed(m.Id) is { } sc && sc.FindMethod(a.Attr) is { IsStatic: true } or { IsClassMethod: true })
                        {
                            var ms = sc.FindMethod(a.Attr)!;
                            return (ms, ms.IsClassMethod ? 1 : 0, null);
                        }
                        if (ctx.Class is { } owner && IsSelf(m.Id, ctx) && owner.FindMethod(a.Attr) is { IsProperty: false, ReboundBelow: false } method)
                            return (method, method.IsStatic ? 0 : 1, null);
                    }
                    if (IsPlainSuper(a.Value, ctx) && ctx.Class is { UsesMroDispatch: false } && ctx.Class.Base?.FindMethod(a.Attr) is { } baseMethod)
                        return (baseMethod, 1, null);
                    if (TypeOf(a.Value, ctx) is { Kind: PyKind.Class } rt && rt.Class!.FindMethod(a.Attr) is { IsProperty: false } rm)
                        return (rm, rm.IsStatic ? 0 : 1, null);
                    return (null, 0, null);
                }
            default:
                return (null, 0, null);
        }
    }

    PyType CallType(ExprCall call, FunctionCtx ctx)
    {
        var (sig, _, ctor) = ResolveCall(call, ctx);
        if (ctor != null) return PyType.Of(ctor);
        if (sig?.Def != null) return _types.Return(sig.Def);
        if (call.Func is ExprName n && IsBuiltin(n.Id, ctx)) return BuiltinType(n.Id, call, ctx);
        if (call.Func is ExprAttribute { Attr: "result" } ra && call.Args.Count + call.Keywords.Count <= 1 && call.Args.All(x => x is not ExprStarred))
        {
            var ft = TypeOf(ra.Value, ctx);
            if (ft.Kind is PyKind.Unknown or PyKind.Future) return ft.Kind == PyKind.Unknown ? ft : ft.FutureResult;
        }
        if (call.Func is ExprName un && IsUnfutureClass(Sym(un.Id, ctx)) && call.Args.Count == 0)
            return PyType.Future;
        if (IsFromValue(call, ctx)) return PyType.FutureOf(TypeOf(call.Args[0], ctx));
        if (call.Func is ExprAttribute a)
        {
            var rt = TypeOf(a.Value, ctx);
            if (a.Attr == "then" && rt.Kind == PyKind.Future && call.Args.Count == 1 && call.Keywords.Count == 0) return PyType.FutureOf(ThenResult(call, ctx));
            if (rt.Kind == PyKind.Unknown) return rt;
            if (ContainerMethodType(rt, call, ctx) is { } ct) return ct;
            if (rt.Kind == PyKind.Str && StrMethodType(a.Attr) is { } st) return st;
        }
        return PyType.Dynamic;
    }

    /// <summary><c>Unfuture.from_value(v)</c> (Unfuture imported from unsync, or through the unsync module); mirrors CallExpr.</summary>
    bool IsFromValue(ExprCall call, FunctionCtx ctx) =>
        call is { Func: ExprAttribute { Attr: "from_value" } a, Args.Count: 1, Keywords.Count: 0 } && call.Args[0] is not ExprStarred && a.Value switch
        {
            ExprName m => IsUnfutureClass(Sym(m.Id, ctx)),
            ExprAttribute { Attr: "Unfuture", Value: ExprName um } => IsUnsyncModule(Sym(um.Id, ctx)),
            _ => false,
        };

    PyType BuiltinType(string name, ExprCall call, FunctionCtx ctx)
    {
        if (call.Args.Any(a => a is ExprStarred) || call.Keywords.Any(k => k.Arg == null)) return PyType.Dynamic;
        var args = call.Args.Select(a => TypeOf(a, ctx)).ToList();
        if (args.Any(a => a.Kind == PyKind.Unknown)) return PyType.Unknown;
        PyType Arg(int i) => i < args.Count ? args[i] : PyType.Dynamic;
        switch (name)
        {
            case "len" or "ord": return PyType.Int;
            case "str" or "repr" or "ascii" or "format" or "chr" or "hex" or "oct" or "bin" or "input": return PyType.Str;
            case "bool" or "isinstance" or "issubclass" or "callable" or "hasattr" or "any" or "all": return PyType.Bool;
            case "float": return PyType.Float;
            case "int" when args.Count == 1 && call.Keywords.Count == 0: return Arg(0).Kind is PyKind.Int or PyKind.Float or PyKind.Bool ? PyType.Int : PyType.Dynamic;
            case "round" when args.Count == 1: return Arg(0).IsNumber ? PyType.Int : PyType.Dynamic;
            case "round" when args.Count == 2: return Arg(0).IsNumber && Arg(1).Kind == PyKind.Int ? Arg(0) : PyType.Dynamic;
            case "abs" when args.Count == 1: return Arg(0).IsNumber ? Arg(0) : PyType.Dynamic;
            case "min" or "max" when args.Count >= 2 && call.Keywords.Count == 0:
                return args.All(a => a.Kind == PyKind.Int) ? PyType.Int : args.All(a => a.Kind == PyKind.Float) ? PyType.Float : PyType.Dynamic;
            case "sorted" when args.Count == 1: return PyType.ListOf(IterItemType(call.Args[0], ctx));
            case "list" when call.Keywords.Count == 0: return PyType.ListOf(args.Count == 0 ? PyType.Unknown : IterItemType(call.Args[0], ctx));
            case "set" when call.Keywords.Count == 0: return PyType.SetOf(args.Count == 0 ? PyType.Unknown : IterItemType(call.Args[0], ctx));
            case "tuple" when call.Keywords.Count == 0: return args.Count == 0 ? PyType.TupleOf([]) : PyType.TupleOfAny(IterItemType(call.Args[0], ctx));
            case "dict" when args.Count == 0 && call.Keywords.Count == 0: return PyType.DictOf(PyType.Unknown, PyType.Unknown);
            case "dict" when args.Count == 1 && call.Keywords.Count == 0:
                {
                    var pairs = IterItemType(call.Args[0], ctx);
                    if (Arg(0).Kind == PyKind.Dict) return Arg(0);
                    if (pairs.Kind == PyKind.Unknown) return PyType.Unknown;
                    return pairs is { Kind: PyKind.Tuple, Items.Count: 2 } ? PyType.DictOf(pairs.Items[0], pairs.Items[1]) : PyType.Dict;
                }
            case "sorted" or "list": return PyType.List;
            case "dict": return PyType.Dict;
            case "set": return PyType.Set;
            case "tuple": return PyType.Tuple;
            case "divmod" when args.Count == 2:
                return args.All(a => a.Kind == PyKind.Int) ? PyType.TupleOf([PyType.Int, PyType.Int])
                    : args.All(a => a.IsNumber) ? PyType.TupleOf([PyType.Float, PyType.Float]) : PyType.Tuple;
            // sum stays dynamic: a sum of ints can outgrow 64 bits, and an empty sum of floats is the int 0.
            case "min" or "max" when args.Count == 1 && call.Keywords.All(k => k.Arg is "key" or "default"):
                {
                    var item = IterItemType(call.Args[0], ctx);
                    var dflt = call.Keywords.FirstOrDefault(k => k.Arg == "default");
                    return dflt == null ? item : PyType.Join(item, TypeOf(dflt.Value, ctx));
                }
            default: return PyType.Dynamic;
        }
    }

    /// <summary>What a str method returns: the typed entry points' table (ModuleTranslator.TypedMethods.cs), and the str-returning methods that stay dynamic calls.</summary>
    static PyType? StrMethodType(string method) =>
        StrTable.TryGetValue(method, out var m) ? (m.Result.IsStatic ? m.Result : null)
        : method is "format" or "center" or "ljust" or "rjust" or "expandtabs" ? PyType.Str : null;
}
