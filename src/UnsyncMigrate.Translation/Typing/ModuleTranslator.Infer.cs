using UnsyncMigrate.Analysis.Program;
using UnsyncMigrate.Python.Ast;
using UnsyncMigrate.Translation.Typing;

namespace UnsyncMigrate.Translation;

// Type inference: one walk of the module records every flow of a value into a slot
// (assignments, call-site arguments, returns); the program driver repeats the walk of
// all modules until no slot changes.
internal sealed partial class ModuleTranslator
{
    TypeTable _types = new([]);

    /// <summary>One inference walk over the module (module body, functions, classes), its top-level statements in order or <paramref name="reverse"/>d.</summary>
    public void Infer(TypeTable table, bool reverse = false)
    {
        _types = table;
        var mctx = InferModuleCtx;
        foreach (var s in reverse ? Enumerable.Reverse(_module.Tree.Body) : _module.Tree.Body)
        {
            switch (s)
            {
                case StmtFunctionDef f when _functions.TryGetValue(f.Name, out var sig):
                    InferFunction(sig, f.Args, f.Body, null, null);
                    break;
                case StmtAsyncFunctionDef f when _functions.TryGetValue(f.Name, out var sig):
                    InferFunction(sig, f.Args, f.Body, null, null);
                    break;
                case StmtClassDef c when _classes.TryGetValue(c.Name, out var info):
                    InferClass(info);
                    break;
                default:
                    InferStmt(s, mctx);
                    break;
            }
        }
    }

    /// <summary>Annotated parameters and dataclass fields, declared before any flow so that unknown values do not widen them.</summary>
    public void DeclareAnnotations(TypeTable table)
    {
        _types = table;
        void Params(FuncSig sig, Arguments args, ClassInfo? owner)
        {
            if (!SignatureTypable(sig, owner)) return;
            foreach (var a in args.Posonlyargs.Concat(args.Args).Concat(args.Kwonlyargs))
                if (AnnotationType(a.Annotation) is { } t) table.DeclareVar(sig.Def!, a.Name, t);
        }
        foreach (var sig in _functions.Values)
            if (sig.Def is StmtFunctionDef f) Params(sig, f.Args, null);
            else if (sig.Def is StmtAsyncFunctionDef af) Params(sig, af.Args, null);
        foreach (var c in _classes.Values)
        {
            foreach (var sig in c.Methods.Values)
                if (sig.Def is StmtFunctionDef f) Params(sig, f.Args, c);
                else if (sig.Def is StmtAsyncFunctionDef af) Params(sig, af.Args, c);
            if (c.IsDataclass)
                foreach (var a in c.Def.Body.OfType<StmtAnnAssign>())
                    if (a.Target is ExprName n && AnnotationType(a.Annotation) is { } t) table.DeclareField(c, n.Id, t);
        }
    }

    FunctionCtx? _inferModuleCtx;
    FunctionCtx InferModuleCtx => _inferModuleCtx ??= new FunctionCtx { Scope = _module.Scope, IsModule = true, Key = _module.Tree };

    void InferClass(ClassInfo info)
    {
        var mctx = InferModuleCtx;
        foreach (var s in info.Def.Body)
        {
            switch (s)
            {
                case StmtFunctionDef f when info.MethodOf(f) is { } sig: InferFunction(sig, f.Args, f.Body, info, null); break;
                case StmtAsyncFunctionDef f when info.MethodOf(f) is { } sig: InferFunction(sig, f.Args, f.Body, info, null); break;
                case StmtFunctionDef or StmtAsyncFunctionDef: break; // replaced by a later def of the same name
                case StmtAnnAssign { Target: ExprName n } a when info.IsDataclass:
                    if (AnnotationType(a.Annotation) is { } declared) _types.DeclareField(info, n.Id, declared);
                    var dv = FieldCall(a.Value) is { } fc ? fc.Keywords.FirstOrDefault(k => k.Arg == "default")?.Value : a.Value;
                    if (FieldCall(a.Value) is { } fc2 && fc2.Keywords.FirstOrDefault(k => k.Arg == "default_factory") is { } factory)
                        _types.FlowField(info, n.Id, factory.Value switch
                        {
                            // field(default_factory=list): a new empty container per instance (a field keeps only its kind).
                            ExprName { Id: "list" or "dict" or "set" } fn when IsBuiltin(fn.Id, mctx) => TypeOf(new ExprCall(fn, [], [], 0, 0, 0, 0), mctx),
                            _ => PyType.Dynamic, // another factory's result is not inferred
                        });
                    else if (dv != null) _types.FlowField(info, n.Id, TypeOf(dv, mctx));
                    if (a.Value != null) InferExpr(a.Value, mctx);
                    break;
                default:
                    InferExprsIn(s, mctx);
                    break;
            }
        }
    }

    /// <summary>The type an annotation states, when it is one the generated code can check (int, str, bool, a program class).</summary>
    PyType? AnnotationType(Expr? ann) => ann switch
    {
        ExprName { Id: "int" } n when IsBuiltinRef(n, "int") => PyType.Int,
        ExprName { Id: "str" } n when IsBuiltinRef(n, "str") => PyType.Str,
        ExprName { Id: "bool" } n when IsBuiltinRef(n, "bool") => PyType.Bool,
        ExprConstant { Value: string s } when s is "int" or "str" or "bool" => AnnotationType(new ExprName(s, ExprContext.Load, 0, 0, 0, 0)),
        _ when ann != null && ResolveClass(ann) is { } c => PyType.Of(c),
        _ => null,
    };

    /// <summary>Whether the function's parameters and return get C# types (override chains keep one object signature).</summary>
    bool SignatureTypable(FuncSig sig, ClassInfo? owner)
    {
        if (owner == null) return true;
        // Called through the runtime with object arguments: along the MRO, or by a decorator stack.
        if (owner.UsesMroDispatch || sig.HasExplicitSelf || owner.IsRebound) return false;
        if (IsRuntimeVirtual(sig.PyName) || sig.PyName == "__init__" && owner.IsException) return false;
        if (owner.Base?.FindMethod(sig.PyName) != null) return false;
        return !_types.Index.Subclasses(owner).Any(c => c.Methods.ContainsKey(sig.PyName));
    }

    /// <summary>Whether the C# method's return type can be typed (plain synchronous functions only).</summary>
    bool ReturnTypable(FuncSig sig, ClassInfo? owner) =>
        sig.Mode == UnsyncMode.None && !sig.IsAsync && !sig.IsGenerator && SignatureTypable(sig, owner);

    readonly HashSet<Node> _futureBodies = [];

    /// <summary>Whether the C# method returns the executor's Unfuture (thread, loop and process modes; not nested functions).</summary>
    bool ReturnsFuture(FuncSig sig, ClassInfo? owner) =>
        (sig.Mode is UnsyncMode.Thread or UnsyncMode.AsyncLoop || sig.Mode == UnsyncMode.Process && owner == null) && SignatureTypable(sig, owner);

    void InferFunction(FuncSig sig, Arguments args, IReadOnlyList<Stmt> body, ClassInfo? owner, FunctionCtx? parent)
    {
        var paramNames = AllParams(sig);
        var ctx = NewFunctionCtx(sig, body, paramNames, owner, parent, sig.IsAsync);
        var def = sig.Def!;
        bool direct = parent == null && (owner != null || _functions.GetValueOrDefault(sig.PyName) == sig) && SignatureTypable(sig, owner);
        var all = args.Posonlyargs.Concat(args.Args).Concat(args.Kwonlyargs).ToList();
        foreach (var p in paramNames)
        {
            // self is an instance of the class (C# this): known, whatever the callers pass.
            if (ctx.SelfName == p && owner != null) { _types.FlowVar(def, p, PyType.Of(owner)); continue; }
            var a = all.FirstOrDefault(x => x.Name == p);
            if (!direct || p == sig.VarArgs || p == sig.KwArgs) { _types.FlowVar(def, p, PyType.Dynamic); continue; }
            if (AnnotationType(a?.Annotation) is { } declared) _types.DeclareVar(def, p, declared);
            if (DefaultOf(args, p) is { } d) _types.FlowVar(def, p, TypeOf(d, parent ?? InferModuleCtx));
        }
        foreach (var d in args.Defaults.Concat(args.KwDefaults.Where(k => k != null))) InferExpr(d!, parent ?? InferModuleCtx);
        if (parent == null && ReturnsFuture(sig, owner))
        {
            // The call returns the executor's future; the body's return values go into it, not into the C# return.
            var result = _types.Return(args);
            if (!EndsWithReturn(body)) _types.FlowReturn(args, PyType.None);
            // A process result crosses a JSON codec: only scalars are known to come back as they left.
            if (sig.Mode == UnsyncMode.Process && result.Kind is not (PyKind.Int or PyKind.Float or PyKind.Str or PyKind.Bool or PyKind.Unknown)) result = PyType.Dynamic;
            _types.FlowReturn(def, PyType.FutureOf(result));
            _futureBodies.Add(def);
        }
        else if (!ReturnTypable(sig, owner) || parent != null) _types.FlowReturn(def, PyType.Dynamic);
        else if (!EndsWithReturn(body)) _types.FlowReturn(def, PyType.None);
        foreach (var s in body) InferStmt(s, ctx);
    }

    void InferStmt(Stmt s, FunctionCtx ctx)
    {
        switch (s)
        {
            case StmtAssign a:
                InferExpr(a.Value, ctx);
                foreach (var t in a.Targets) InferTarget(t, a.Value, Accumulation(t, a.Value, TypeOf(a.Value, ctx), ctx), ctx);
                return;
            case StmtAnnAssign ann:
                if (ann.Target is ExprName an && !ctx.IsModule && AnnotationType(ann.Annotation) is { } declared && TargetScope(an.Id, ctx) is { } sc)
                    _types.DeclareVar(sc, an.Id, declared);
                if (ann.Value != null)
                {
                    InferExpr(ann.Value, ctx);
                    InferTarget(ann.Target, ann.Value, TypeOf(ann.Value, ctx), ctx);
                }
                return;
            case StmtAugAssign aug:
                {
                    InferExpr(aug.Value, ctx);
                    var load = AsLoad(aug.Target);
                    var binop = load == null ? null : new ExprBinOp(load, aug.Op, aug.Value, aug.Lineno, aug.ColOffset, aug.EndLineno, aug.EndColOffset);
                    var result = binop == null ? PyType.Dynamic : Accumulation(aug.Target, binop, TypeOf(binop, ctx), ctx);
                    // xs += ys grows the list in place: a caller's list passed as xs, or the module's it was imported from, grows too.
                    if (aug.Target is ExprName { } grown && TypeOf(grown, ctx).Kind is PyKind.List or PyKind.Set or PyKind.Dict) Grow(grown, result, ctx);
                    InferTarget(aug.Target, null, result, ctx);
                    return;
                }
            case StmtFor f:
                InferRead(f.Iter, ctx);
                InferLoopTarget(f.Target, f.Iter, ctx, ctx);
                foreach (var b in f.Body.Concat(f.Orelse)) InferStmt(b, ctx);
                return;
            case StmtAsyncFor af:
                InferExpr(af.Iter, ctx);
                InferTarget(af.Target, null, PyType.Dynamic, ctx);
                foreach (var b in af.Body.Concat(af.Orelse)) InferStmt(b, ctx);
                return;
            case StmtReturn r:
                // Returning a local hands its container over (the caller gets the only reference); a parameter or global stays reachable.
                if (r.Value is ExprName rn && ctx.Key is { } own && ctx.IsLocal(rn.Id) && !IsParameter(own, rn.Id) && !ctx.IsGenerator) InferRead(rn, ctx);
                else if (r.Value != null) InferExpr(r.Value, ctx);
                if (ctx.Key is StmtFunctionDef or StmtAsyncFunctionDef)
                {
                    // A future's body returns into the future (keyed by the def's arguments node), a plain function into its C# return.
                    Node key = !_futureBodies.Contains(ctx.Key) ? ctx.Key : ctx.Key is StmtFunctionDef fd2 ? fd2.Args : ((StmtAsyncFunctionDef)ctx.Key).Args;
                    _types.FlowReturn(key, r.Value == null ? PyType.None : TypeOf(r.Value, ctx));
                }
                return;
            case StmtFunctionDef or StmtAsyncFunctionDef:
                {
                    string name = s is StmtFunctionDef fd ? fd.Name : ((StmtAsyncFunctionDef)s).Name;
                    var decorators = s is StmtFunctionDef f1 ? f1.DecoratorList : ((StmtAsyncFunctionDef)s).DecoratorList;
                    foreach (var d in decorators) InferExpr(d, ctx);
                    var sig = DeclareFunction(s, name, name, null, register: false);
                    var args = s is StmtFunctionDef f2 ? f2.Args : ((StmtAsyncFunctionDef)s).Args;
                    var body = s is StmtFunctionDef f3 ? f3.Body : ((StmtAsyncFunctionDef)s).Body;
                    InferFunction(sig, args, body, ctx.IsModule ? null : ctx.Class, ctx.IsModule ? InferModuleCtx : ctx);
                    BindName(name, PyType.Dynamic, ctx);
                    return;
                }
            case StmtClassDef:
                return;
            case StmtDelete d:
                foreach (var t in d.Targets)
                {
                    if (t is ExprSubscript ds) { InferRead(ds.Value, ctx); InferExpr(ds.Slice, ctx); }
                    else InferTarget(t, null, PyType.Dynamic, ctx);
                }
                return;
            case StmtWith w:
                foreach (var item in w.Items)
                {
                    InferExpr(item.ContextExpr, ctx);
                    if (item.OptionalVars != null) InferTarget(item.OptionalVars, null, PyType.Dynamic, ctx);
                }
                foreach (var b in w.Body) InferStmt(b, ctx);
                return;
            case StmtTry t:
                foreach (var b in t.Body.Concat(t.Orelse).Concat(t.Finalbody)) InferStmt(b, ctx);
                foreach (var h in t.Handlers)
                {
                    if (h.Type != null) InferExpr(h.Type, ctx);
                    if (h.Name != null) BindName(h.Name, PyType.Exception, ctx);
                    foreach (var b in h.Body) InferStmt(b, ctx);
                }
                return;
            case StmtImport imp:
                foreach (var a in imp.Names) BindName(a.Asname ?? a.Name.Split('.')[0], PyType.Dynamic, ctx);
                return;
            case StmtImportFrom from:
                foreach (var a in from.Names) if (a.Name != "*") BindName(a.Asname ?? a.Name, PyType.Dynamic, ctx);
                return;
            case StmtIf or StmtWhile or StmtAssert or StmtExpr:
                // A test, an assertion or an expression statement only reads a bare name.
                foreach (var c in s.ChildNodes())
                {
                    if (c is Expr e) InferRead(e, ctx);
                    else if (c is Stmt cs) InferStmt(cs, ctx);
                }
                return;
            default:
                InferExprsIn(s, ctx);
                foreach (var c in s.ChildNodes()) if (c is Stmt cs) InferStmt(cs, ctx);
                return;
        }
    }

    /// <summary>
    /// An int computed from the variable it is stored into (x = x * y, x += n, a, b = b, a + b,
    /// d[k] *= 2) can grow without bound in a loop, and Python ints do not overflow: such a
    /// variable (or container's items) stays dynamic, unless it is a counter (x + c or x - c
    /// with a small constant c).
    /// </summary>
    PyType Accumulation(Expr target, Expr value, PyType t, FunctionCtx ctx)
    {
        if (t.Kind != PyKind.Int || target is not (ExprName or ExprAttribute or ExprSubscript { Value: ExprName or ExprAttribute })) return t;
        static bool SameSlot(Expr e, Expr target) => (e, target) switch
        {
            (ExprName a, ExprName b) => a.Id == b.Id,
            (ExprAttribute a, ExprAttribute b) => a.Attr == b.Attr,
            _ => false,
        };
        // An item (d[k] = d[k] * 2, d[k] = d.get(k, 1) * 3) counts as read when any item of the same container is.
        bool Same(Expr e) => target is ExprSubscript ts
            ? e is ExprSubscript es && SameSlot(es.Value, ts.Value)
                || e is ExprCall { Func: ExprAttribute { Attr: "get" or "setdefault" or "pop" } m } && SameSlot(m.Value, ts.Value)
            : SameSlot(e, target);
        if (value is ExprBinOp { Op: Operator.Add or Operator.Sub } b && Same(b.Left) && b.Right is ExprConstant { Value: long c } && Math.Abs(c) <= 1 << 20)
            return t;
        var stack = new Stack<Node>([value]);
        while (stack.Count > 0)
        {
            var n = stack.Pop();
            if (n is Expr e && Same(e)) return PyType.Dynamic;
            foreach (var child in n.ChildNodes()) stack.Push(child);
        }
        return t;
    }

    static Expr? AsLoad(Expr target) => target switch
    {
        ExprName n => new ExprName(n.Id, ExprContext.Load, n.Lineno, n.ColOffset, n.EndLineno, n.EndColOffset),
        ExprAttribute a => new ExprAttribute(a.Value, a.Attr, ExprContext.Load, a.Lineno, a.ColOffset, a.EndLineno, a.EndColOffset),
        ExprSubscript sub => new ExprSubscript(sub.Value, sub.Slice, ExprContext.Load, sub.Lineno, sub.ColOffset, sub.EndLineno, sub.EndColOffset),
        _ => null,
    };

    /// <summary>Walks the expressions directly under a statement (not its nested statements).</summary>
    void InferExprsIn(Stmt s, FunctionCtx ctx)
    {
        foreach (var c in s.ChildNodes())
        {
            if (c is Expr e) InferExpr(e, ctx);
            else if (c is not Stmt) foreach (var cc in c.ChildNodes()) if (cc is Expr e2) InferExpr(e2, ctx);
        }
    }

    /// <summary>Where an assignment to a name goes (mirrors NameTarget): the owning scope's key, null for an untyped scope.</summary>
    Node? TargetScope(string name, FunctionCtx ctx)
    {
        for (var c = ctx; c != null; c = c.Parent)
        {
            if (c.IsModule) break;
            if (c.Scope.Globals.Contains(name)) break;
            if (c.IsLocal(name)) return c.Key;
            if (!c.Scope.Nonlocals.Contains(name)) break;
        }
        return _module.Tree;
    }

    void BindName(string name, PyType t, FunctionCtx ctx)
    {
        if (TargetScope(name, ctx) is { } scope) _types.FlowVar(scope, name, t);
    }

    void InferTarget(Expr target, Expr? value, PyType t, FunctionCtx ctx)
    {
        switch (target)
        {
            case ExprName n:
                BindName(n.Id, t, ctx);
                return;
            case ExprAttribute at:
                {
                    InferExpr(at.Value, ctx);
                    bool viaSelf = at.Value is ExprName sn && ctx.Class != null && IsSelf(sn.Id, ctx);
                    if (!viaSelf && TypeOf(at.Value, ctx).Kind == PyKind.Unknown) return; // receiver not known yet
                    if (FieldOwner(at, ctx) is { } owner) _types.FlowField(owner, at.Attr, t);
                    else _types.PoisonFields(at.Attr);
                    // A store into another module's global through its module object.
                    if (at.Value is ExprName m && ProgramModule(Sym(m.Id, ctx)) is { } mod) _program.PoisonGlobal(mod.Name, at.Attr);
                    return;
                }
            case ExprSubscript sub:
                {
                    InferRead(sub.Value, ctx);
                    InferExpr(sub.Slice, ctx);
                    var container = TypeOf(sub.Value, ctx);
                    var growth = container.Kind switch
                    {
                        PyKind.List => PyType.ListOf(sub.Slice is ExprSlice ? t.Element : t),
                        PyKind.Dict => PyType.DictOf(TypeOf(sub.Slice, ctx), t),
                        _ => null,
                    };
                    if (growth != null) Grow(sub.Value, growth, ctx);
                    return;
                }
            case ExprTuple or ExprList:
                {
                    var elts = target is ExprTuple tt ? tt.Elts : ((ExprList)target).Elts;
                    var vals = value switch { ExprTuple vt => vt.Elts, ExprList vl => vl.Elts, _ => null };
                    bool pairwise = vals != null && vals.Count == elts.Count && !elts.Concat(vals).Any(e => e is ExprStarred);
                    int star = elts.ToList().FindIndex(e => e is ExprStarred);
                    for (int i = 0; i < elts.Count; i++)
                    {
                        var el = elts[i] is ExprStarred st ? st.Value : elts[i];
                        var et = pairwise ? TypeOf(vals![i], ctx) : UnpackedItemType(t, i, elts.Count, star);
                        // a, b = b, a + b: an element may read any target of the statement.
                        if (pairwise) foreach (var other in elts) et = Accumulation(other is ExprStarred os ? os.Value : other, vals![i], et, ctx);
                        InferTarget(el, pairwise ? vals![i] : null, et, ctx);
                    }
                    return;
                }
            default:
                InferExpr(target, ctx);
                return;
        }
    }

    /// <summary>What target <paramref name="index"/> of <paramref name="count"/> gets when a value of type <paramref name="t"/> is unpacked (<paramref name="star"/>: the starred target, or -1).</summary>
    static PyType UnpackedItemType(PyType t, int index, int count, int star)
    {
        if (t.Kind == PyKind.Unknown) return t;
        if (t.Kind == PyKind.Tuple && t.Items is { } items && (star < 0 ? items.Count == count : items.Count >= count - 1))
        {
            if (star < 0 || index < star) return items[index];
            if (index > star) return items[items.Count - (count - index)];
            return PyType.ListOf(items.Skip(star).Take(items.Count - count + 1).Aggregate(PyType.Unknown, PyType.Join) is { Kind: not PyKind.Unknown } j ? j : PyType.Dynamic);
        }
        var element = t.Kind is PyKind.List or PyKind.Tuple or PyKind.Str or PyKind.Set or PyKind.Dict ? t.Element : PyType.Dynamic;
        return index == star ? PyType.ListOf(element) : element;
    }

    /// <summary>The class whose C# field an attribute store or load reaches, when the receiver's class is known.</summary>
    ClassInfo? FieldOwner(ExprAttribute at, FunctionCtx ctx)
    {
        ClassInfo? cls = null;
        if (at.Value is ExprName n && ctx.Class is { } owner && IsSelf(n.Id, ctx)) cls = owner;
        else if (TypeOf(at.Value, ctx) is { Kind: PyKind.Class } rt) cls = rt.Class;
        for (var c = cls; c != null; c = c.Base)
            if (c.FieldSet.Contains(at.Attr)) return c;
        return null;
    }

    /// <summary>A loop target: the item type (unpacked by position for tuple targets: enumerate's counter, zip's items...).</summary>
    void InferLoopTarget(Expr target, Expr iter, FunctionCtx iterCtx, FunctionCtx targetCtx) =>
        InferTarget(target, null, IterItemType(iter, iterCtx), targetCtx);

    /// <summary>The arguments of <c>range(...)</c> when all are known small ints (a native loop).</summary>
    IReadOnlyList<Expr>? RangeArgs(Expr iter, FunctionCtx ctx)
    {
        if (iter is not ExprCall call || !IsBuiltinRef(call.Func, "range", ctx) || call.Keywords.Count > 0 || call.Args.Count is < 1 or > 3) return null;
        foreach (var a in call.Args)
            if (a is ExprStarred || TypeOf(a, ctx).Kind != PyKind.Int) return null;
        return call.Args;
    }


    // ---- expressions: call-site flows, escapes, nested scopes ---------------------------------

    void InferExpr(Expr e, FunctionCtx ctx)
    {
        switch (e)
        {
            case ExprCall call:
                InferCall(call, ctx);
                return;
            case ExprName { Ctx: ExprContext.Load } n:
                InferName(n, ctx, aliases: true);
                return;
            case ExprSubscript { Ctx: ExprContext.Load } sub:
                InferRead(sub.Value, ctx);
                InferExpr(sub.Slice, ctx);
                return;
            case ExprCompare cmp:
                {
                    // x in xs only reads xs; anything handed to a program class's operator may be kept.
                    var operands = cmp.Comparators.Prepend(cmp.Left).ToList();
                    bool builtin = BuiltinOperands(operands, ctx);
                    for (int i = 0; i < operands.Count; i++)
                    {
                        bool container = i > 0 && cmp.Ops[i - 1] is CmpOperator.In or CmpOperator.NotIn;
                        if (builtin || container) InferRead(operands[i], ctx); else InferExpr(operands[i], ctx);
                    }
                    return;
                }
            case ExprBinOp bin:
                if (BuiltinOperands([bin.Left, bin.Right], ctx)) { InferRead(bin.Left, ctx); InferRead(bin.Right, ctx); }
                else { InferExpr(bin.Left, ctx); InferExpr(bin.Right, ctx); }
                return;
            case ExprUnaryOp { Op: UnaryOperator.Not } not:
                InferRead(not.Operand, ctx);
                return;
            case ExprFormattedValue fv:
                InferRead(fv.Value, ctx);
                if (fv.FormatSpec != null) InferExpr(fv.FormatSpec, ctx);
                return;
            case ExprAttribute { Ctx: ExprContext.Load } a:
                InferExpr(a.Value, ctx);
                PoisonMethods(a.Attr, a, ctx, escapes: true);
                NoteAttributeValue(a, ctx);
                if (a.Value is ExprName m && ProgramModule(Sym(m.Id, ctx)) is { } mod
                    && _program.Symbols.Member(mod, a.Attr) is MemberSymbol target)
                {
                    if (_program.FindFunction(target.Module.Name, target.Member) is { } f) PoisonParams(f);
                    if (_program.FindClass(target.Module.Name, target.Member) is { } c2 && c2.FindMethod("__init__") is { } i2) PoisonParams(i2);
                }
                return;
            case ExprLambda lam:
                InferLambda(lam, ctx, null);
                return;
            case ExprListComp or ExprSetComp or ExprDictComp or ExprGeneratorExp:
                InferComprehension(e, ctx);
                return;
            case ExprNamedExpr ne:
                InferExpr(ne.Value, ctx);
                InferTarget(ne.Target, null, TypeOf(ne.Value, ctx), ctx);
                return;
            default:
                foreach (var c in e.ChildNodes())
                {
                    if (c is Expr ce) InferExpr(ce, ctx);
                    else foreach (var cc in c.ChildNodes()) if (cc is Expr e2) InferExpr(e2, ctx);
                }
                return;
        }
    }

    /// <summary>A name read as a value; <paramref name="aliases"/>: the use may keep a second reference to what it holds.</summary>
    void InferName(ExprName n, FunctionCtx ctx, bool aliases)
    {
        // A function used as a value: unknown callers, so its parameters are dynamic.
        if (!IsShadowed(n.Id, ctx) && ResolveFunction(n, ctx) is { } escaped) PoisonParams(escaped);
        NoteFunctionValue(n, ctx);
        if (!IsShadowed(n.Id, ctx) && ResolveClass(n) is { } cls && cls.FindMethod("__init__") is { } init) PoisonParams(init);
        if (aliases) EscapeName(n, ctx);
    }

    void InferComprehension(Expr whole, FunctionCtx ctx)
    {
        var gens = whole switch
        {
            ExprListComp l => l.Generators, ExprSetComp s => s.Generators, ExprDictComp d => d.Generators,
            _ => ((ExprGeneratorExp)whole).Generators,
        };
        var cctx = ComprehensionCtx(whole, ctx);
        for (int i = 0; i < gens.Count; i++)
        {
            var g = gens[i];
            var ictx = i == 0 ? ctx : cctx;
            InferRead(g.Iter, ictx);
            InferLoopTarget(g.Target, g.Iter, ictx, cctx);
            foreach (var c in g.Ifs) InferRead(c, cctx);
        }
        switch (whole)
        {
            case ExprListComp l: InferExpr(l.Elt, cctx); break;
            case ExprSetComp s: InferExpr(s.Elt, cctx); break;
            case ExprGeneratorExp g: InferExpr(g.Elt, cctx); break;
            case ExprDictComp d: InferExpr(d.Key, cctx); InferExpr(d.Value, cctx); break;
        }
    }

    /// <summary>A comprehension's own scope (its targets), typed under the comprehension node.</summary>
    FunctionCtx ComprehensionCtx(Expr whole, FunctionCtx ctx) =>
        new() { Parent = ctx, Scope = ScopeOf(whole), IsAsync = ctx.IsAsync, Class = ctx.Class, SelfName = ctx.SelfName, Key = whole };

    void InferCall(ExprCall call, FunctionCtx ctx)
    {
        var (sig, skip, ctor) = ResolveCall(call, ctx);
        NoteCallUse(call, sig, ctor);
        bool argsRead = false;
        // The callee itself is not an escape when called directly.
        switch (call.Func)
        {
            case ExprName fn:
                argsRead = ReadingBuiltins.Contains(fn.Id) && IsBuiltin(fn.Id, ctx);
                break;
            case ExprAttribute a:
                {
                    var receiver = TypeOf(a.Value, ctx);
                    if (sig == null && Growth(receiver, call, ctx) is { } growth)
                    {
                        InferRead(a.Value, ctx);
                        Grow(a.Value, growth, ctx);
                        argsRead = a.Attr is "extend" or "update";
                    }
                    else if (sig == null && (ReadsOnly(receiver.Kind, a.Attr) || receiver.Kind == PyKind.Str))
                    {
                        InferRead(a.Value, ctx);
                        argsRead = true; // index/count/remove/get/union... compare or copy their arguments; str methods read theirs
                    }
                    else InferExpr(a.Value, ctx);
                    if (sig == null) PoisonMethods(a.Attr, a, ctx);
                    break;
                }
            default:
                InferExpr(call.Func, ctx);
                break;
        }
        var bound = sig?.Def != null ? BindArguments(sig, skip, call) : null;
        var lambdas = sig == null ? LambdaArgumentTypes(call, ctx) : null;
        var continuation = sig == null ? ThenContinuation(call, ctx) : null;
        for (int i = 0; i < call.Args.Count; i++)
        {
            var a = call.Args[i];
            bool read = argsRead && a is not ExprStarred || bound != null && !_types.IsShared(sig!.Def!, bound[i]);
            if (a is ExprLambda la && lambdas != null && lambdas.TryGetValue(la, out var lt)) InferLambda(la, ctx, lt);
            else if (continuation != null) _types.FlowVar(continuation.Def!, continuation.Params[0], TypeOf(((ExprAttribute)call.Func).Value, ctx).FutureResult);
            else if (read) InferRead(a, ctx);
            else InferExpr(a is ExprStarred st ? st.Value : a, ctx);
        }
        foreach (var k in call.Keywords)
        {
            bool read = bound != null && k.Arg != null && !_types.IsShared(sig!.Def!, k.Arg);
            if (k.Value is ExprLambda lk && lambdas != null && lambdas.TryGetValue(lk, out var kt)) InferLambda(lk, ctx, kt);
            else if (read) InferRead(k.Value, ctx);
            else InferExpr(k.Value, ctx);
        }
        if (call.Func is ExprName { Id: "setattr" } && IsBuiltin("setattr", ctx))
        {
            if (call.Args.Count > 1 && call.Args[1] is ExprConstant { Value: string attr }) _types.PoisonFields(attr);
            else foreach (var c in _types.Classes) foreach (var f in c.Fields) _types.PoisonFields(f);
        }

        if (ctor is { IsDataclass: true } && ctor.FindMethod("__init__") == null)
        {
            FlowDataclassInit(ctor, call, ctx);
            return;
        }
        if (sig?.Def == null) return;
        if (bound == null) { PoisonParams(sig); return; }
        for (int i = 0; i < call.Args.Count; i++) _types.FlowVar(sig.Def, bound[i], TypeOf(call.Args[i], ctx));
        foreach (var k in call.Keywords) _types.FlowVar(sig.Def, k.Arg!, TypeOf(k.Value, ctx));
    }

    /// <summary>The parameter each positional argument binds to, when the call binds statically (no unpacking, known keywords); null otherwise.</summary>
    static string[]? BindArguments(FuncSig sig, int skip, ExprCall call)
    {
        var ps = sig.Params.Skip(skip).Concat(sig.KwOnly).ToList();
        bool bindable = sig.IsSimple && !call.Args.Any(a => a is ExprStarred) && call.Keywords.All(k => k.Arg != null && ps.Contains(k.Arg))
            && call.Args.Count <= sig.Params.Count - skip;
        return bindable ? ps.Take(call.Args.Count).ToArray() : null;
    }

    void FlowDataclassInit(ClassInfo cls, ExprCall call, FunctionCtx ctx)
    {
        var fields = cls.Def.Body.OfType<StmtAnnAssign>().Select(a => a.Target).OfType<ExprName>().Select(n => n.Id).ToList();
        if (call.Args.Any(a => a is ExprStarred) || call.Keywords.Any(k => k.Arg == null) || call.Args.Count > fields.Count)
        {
            foreach (var f in fields) _types.FlowField(cls, f, PyType.Dynamic);
            return;
        }
        for (int i = 0; i < call.Args.Count; i++) _types.FlowField(cls, fields[i], TypeOf(call.Args[i], ctx));
        foreach (var k in call.Keywords)
            if (fields.Contains(k.Arg!)) _types.FlowField(cls, k.Arg!, TypeOf(k.Value, ctx));
    }

    void PoisonParams(FuncSig sig)
    {
        if (sig.Def == null) return;
        foreach (var p in AllParams(sig)) _types.FlowVar(sig.Def, p, PyType.Dynamic);
    }

    /// <summary>
    /// A method reached through a receiver of unknown class: every method of that name may be called with anything.
    /// <paramref name="escapes"/>: read as a value (a bound method), which is then called with anything.
    /// </summary>
    void PoisonMethods(string name, ExprAttribute at, FunctionCtx ctx, bool escapes = false)
    {
        if (at.Value is ExprName n && ctx.Class is { } owner && IsSelf(n.Id, ctx) && owner.FindMethod(name) != null)
        {
            // self's bound method runs this class's method or the override of self's subclass.
            if (escapes)
                foreach (var c in _types.Classes)
                    if (c.Methods.TryGetValue(name, out var m) && (InChain(owner, c) || InChain(c, owner))) PoisonParams(m);
            return;
        }
        var rt = TypeOf(at.Value, ctx);
        if (rt.Kind == PyKind.Unknown) return;
        foreach (var c in _types.Index.WithMethod(name))
            if (rt.Kind != PyKind.Class || InChain(rt.Class!, c)) PoisonParams(c.Methods[name]);
    }

    /// <summary>Whether <paramref name="c"/> is <paramref name="receiver"/>'s class or one of its bases (a typed receiver reaches only those methods).</summary>
    static bool InChain(ClassInfo receiver, ClassInfo c)
    {
        for (var x = receiver; x != null; x = x.Base) if (x == c) return true;
        return false;
    }
}
