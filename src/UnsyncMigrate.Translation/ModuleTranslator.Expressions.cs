using System.Numerics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using UnsyncMigrate.Analysis.Program;
using UnsyncMigrate.Python.Ast;
using UnsyncMigrate.Translation.Typing;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;
using static UnsyncMigrate.Translation.Cs;

namespace UnsyncMigrate.Translation;

// Expressions: values are object?; Python semantics come from the runtime's Py helpers.
internal sealed partial class ModuleTranslator
{
    /// <summary>The dynamically typed translation (object?): the fallback of <see cref="Typed"/>.</summary>
    ExpressionSyntax ExpressionCore(Expr e, FunctionCtx ctx)
    {
        switch (e)
        {
            case ExprConstant c: return Constant(c);
            case ExprName n: return LoadName(n.Id, ctx, n);
            case ExprAttribute a: return AttributeLoad(a, ctx);
            case ExprCall call: return CallExpr(call, ctx);
            case ExprBinOp b: return Py(BinaryName(b.Op), Expression(b.Left, ctx), Expression(b.Right, ctx));
            case ExprUnaryOp u:
                return u.Op switch
                {
                    UnaryOperator.Not => Cast(Cs.Object, Not(Condition(u.Operand, ctx))),
                    UnaryOperator.USub => Py("Neg", Expression(u.Operand, ctx)),
                    UnaryOperator.UAdd => Py("Pos", Expression(u.Operand, ctx)),
                    _ => Py("Invert", Expression(u.Operand, ctx)),
                };
            case ExprBoolOp bo: return BoolOpValue(bo, ctx);
            case ExprCompare cmp: return Cast(Cs.Object, Condition(cmp, ctx));
            case ExprIfExp ie:
                return ParenthesizedExpression(ConditionalExpression(Condition(ie.Test, ctx),
                    Cast(Cs.Object, Expression(ie.Body, ctx)), Cast(Cs.Object, Expression(ie.Orelse, ctx))));
            case ExprJoinedStr js: return JoinedString(js, ctx);
            case ExprFormattedValue fv: return FormattedValue(fv, ctx);
            case ExprList l: return Call(Member(Id("PyList"), "Of"), SequenceItems(l.Elts, ctx));
            case ExprTuple t: return Call(Member(Id("PyTuple"), "Of"), SequenceItems(t.Elts, ctx));
            case ExprSet s: return Call(Member(Id("PySet"), "Of"), SequenceItems(s.Elts, ctx));
            case ExprDict d: return DictDisplay(d, ctx);
            case ExprSubscript sub: return Py("GetItem", Expression(sub.Value, ctx), SliceOrIndex(sub.Slice, ctx));
            case ExprSlice sl: return SliceExpr(sl, ctx);
            case ExprListComp lc: return Comprehension(lc, lc.Generators, ctx, "PyList", (c2, acc) => [Stmt(Call(Member(Id(acc), "Add"), Expression(lc.Elt, c2)))]);
            case ExprSetComp sc: return Comprehension(sc, sc.Generators, ctx, "PySet", (c2, acc) => [Stmt(Call(Member(Id(acc), "Add"), Expression(sc.Elt, c2)))]);
            case ExprGeneratorExp ge:
                return Comprehension(ge, ge.Generators, ctx, null, (c2, _) => [YieldStatement(SyntaxKind.YieldReturnStatement, Expression(ge.Elt, c2))]);
            case ExprDictComp dc:
                return Comprehension(dc, dc.Generators, ctx, "PyDict", (c2, acc) => [Stmt(Py("SetItem", Id(acc), Expression(dc.Key, c2), Expression(dc.Value, c2)))]);
            case ExprLambda lam: return LambdaValue(lam, ctx);
            case ExprAwait aw:
                if (!ctx.IsAsync) return GapExpr(aw, "await outside an async body");
                return ParenthesizedExpression(AwaitExpression(AwaitTarget(aw.Value, ctx)));
            case ExprNamedExpr ne:
                return ParenthesizedExpression(Assign(NameTarget(((ExprName)ne.Target).Id, ctx), ValueAs(ne.Value, TargetType(((ExprName)ne.Target).Id, ctx), ctx)));
            case ExprStarred st:
                return GapExpr(st, "starred expression here");
            default:
                return GapExpr(e, e.PythonName + " expression");
        }
    }

    /// <summary>What to await for <c>await value</c>: a Task&lt;object?&gt;.</summary>
    ExpressionSyntax AwaitTarget(Expr value, FunctionCtx ctx) =>
        AsyncSleepOf(value, ctx) is { } sleep ? Rt.Await(sleep) : Rt.Await(Expression(value, ctx));

    /// <summary><c>asyncio.sleep(s)</c> as the runtime's loop-aware sleep (a yield for 0), else null.</summary>
    ExpressionSyntax? AsyncSleepOf(Expr value, FunctionCtx ctx) =>
        value is ExprCall { Args.Count: >= 1 } call && CalleePath(call.Func, ctx) == "asyncio.sleep" ? Rt.AsyncSleep(Expression(call.Args[0], ctx)) : null;

    /// <summary>The real dotted path of a callee from outside the program (<c>np.array</c> with <c>import numpy as np</c> is <c>numpy.array</c>), else null.</summary>
    string? CalleePath(Expr func, FunctionCtx ctx) => func switch
    {
        ExprName n => ExternalPath(Sym(n.Id, ctx)),
        ExprAttribute { Value: ExprName m } a when Sym(m.Id, ctx) is ModuleSymbol { IsExternal: true } mod => mod.Path + "." + a.Attr,
        ExprAttribute { Value: ExprAttribute { Value: ExprName m } inner } a when Sym(m.Id, ctx) is ModuleSymbol { IsExternal: true } mod =>
            $"{mod.Path}.{inner.Attr}.{a.Attr}",
        _ => null,
    };

    static string BinaryName(Operator op) => op switch
    {
        Operator.Add => "Add", Operator.Sub => "Sub", Operator.Mult => "Mul", Operator.Div => "TrueDiv",
        Operator.FloorDiv => "FloorDiv", Operator.Mod => "Mod", Operator.Pow => "Pow", Operator.LShift => "LShift",
        Operator.RShift => "RShift", Operator.BitOr => "BitOr", Operator.BitXor => "BitXor", Operator.BitAnd => "BitAnd",
        _ => "MatMul",
    };

    ExpressionSyntax Constant(ExprConstant c) => c.Value switch
    {
        null => Cs.Null,
        bool b => Bool(b),
        long l => LongLit(l),
        BigInteger big => Call(Member(ParseTypeName("System.Numerics.BigInteger"), "Parse"), Str(big.ToString())),
        double d => DoubleLit(d),
        string s => Str(s),
        byte[] bytes => Py("BytesFromHex", Str(Convert.ToHexString(bytes))),
        PyEllipsis => Member(Id("PyEllipsisType"), "Value"),
        _ => GapExpr(c, "constant " + c.Value.GetType().Name),
    };

    // ---- names and attributes ----------------------------------------------------------------

    ExpressionSyntax LoadName(string name, FunctionCtx ctx, Node at)
    {
        for (var c = ctx; c != null; c = c.Parent)
        {
            if (c.IsModule || c.Scope.Globals.Contains(name)) break;
            if (c.IsLocal(name)) return Id(c.CsName(name));
        }
        var symbol = Sym(name, ctx);
        if (symbol is VariableSymbol or UnboundSymbol && name == "__name__") return Member(Id(_csClass), "__name__");
        if (symbol is VariableSymbol or UnboundSymbol && name == "__file__" && !_globals.Contains(name))
        {
            _usesFile = true;
            return Member(Id(_csClass), "__file__");
        }
        if (symbol is VariableSymbol or UnboundSymbol && name == "__package__" && !_globals.Contains(name)) return PackageName();
        if (symbol is VariableSymbol { Scope.Kind: Analysis.Semantics.ScopeKind.Module })
        {
            if (_functions.TryGetValue(name, out var f)) return _program.FunctionValue(_csClass, f);
            if (ClassNamed(name) is { } cls) return Member(Id(cls.CsName), "__pyclass");
            return Member(Id(_csClass), CSharpNames.Identifier(name));
        }
        switch (symbol)
        {
            case MemberSymbol m:
                return _program.MemberValue(m.Module.Name, m.Member) ?? GapExpr(at, $"import of {m.Module.Name}.{m.Member}");
            case ModuleSymbol { Module: { } m }:
                return _program.ModuleValue(m.Name) ?? GapExpr(at, $"module {m.Name} used as a value");
            case var s when IsUnsyncDecorator(s):
                return Py("Lib", Str("unsync.unsync"));
            case ModuleSymbol { IsExternal: true } library:
                // A library module as a value: its attributes are looked up in the runtime when read
                // (each one missing raises there); a module the runtime has nothing of is reported.
                NoteLibraryUse(library.Path, at);
                return New("PyLibraryModule", Str(library.Path));
            case var s when ExternalPath(s) is { } path:
                return LibValue(path, at);
            case BuiltinSymbol:
                return LibValue("builtins." + name, at);
            case UnboundSymbol:
                return Py("Unbound", Str(name));
        }
        return GapExpr(at, $"name {name}");
    }

    ExpressionSyntax AttributeLoad(ExprAttribute a, FunctionCtx ctx)
    {
        if (a.Value is ExprName n)
        {
            if (!IsShadowed(n.Id, ctx))
            {
                if (ProgramModule(Sym(n.Id, ctx)) is { } module)
                    return MemberOf(module, a.Attr, a) ?? GapExpr(a, $"{module.Name}.{a.Attr}");
                if (CalleePath(a, ctx) is { } path) return LibValue(path, a);
                // A class attribute the class itself declares is its static field; an inherited one is
                // looked up at run time (the class may have been given its own value since).
                if (ClassNamed(n.Id) is { } cls && cls.ClassAttributes.Contains(a.Attr))
                    return Member(Id(cls.CsName), CSharpNames.Identifier(a.Attr));
            }
            if (ctx.Class is { } owner && IsSelf(n.Id, ctx))
            {
                if (owner.HasField(a.Attr)) return Member(ThisExpression(), CSharpNames.Identifier(a.Attr));
                // A class attribute through self resolves on the object's own class (a subclass may redefine it).
                if (owner.HasClassAttribute(a.Attr)) return Py("GetAttr", ThisExpression(), Str(a.Attr));
            }
        }
        if (SuperAlongMro(a, null, ctx) is { } mroSuper) return mroSuper;
        if (a.Value is ExprAttribute { Value: ExprName } && CalleePath(a, ctx) is { } nested)
            return LibValue(nested, a);
        return Py("GetAttr", Expression(a.Value, ctx), Str(a.Attr));
    }

    /// <summary><c>module.name</c> for a program module: its function, class or variable (a submodule's is not a value yet).</summary>
    ExpressionSyntax? MemberOf(SourceModule module, string name, Node at) => _program.Symbols.Member(module, name) switch
    {
        MemberSymbol m => _program.MemberValue(m.Module.Name, m.Member),
        var s when ExternalPath(s) is { } path => LibValue(path, at),
        _ => null,
    };

    /// <summary>
    /// Something from outside the program as a value, looked up in the runtime by its Python name
    /// (<c>Py.Builtin("len")</c>, <c>Py.Lib("json.dumps")</c>); recorded, so a name the runtime lacks is
    /// reported at migrate time rather than found when the program runs.
    /// </summary>
    ExpressionSyntax LibValue(string path, Node at)
    {
        NoteLibraryUse(path, at);
        return path.StartsWith("builtins.", StringComparison.Ordinal) ? Py("Builtin", Str(path["builtins.".Length..])) : Py("Lib", Str(path));
    }

    void NoteLibraryUse(string path, Node at)
    {
        var p = (PositionedNode)at;
        _program.NoteLibraryUse(new LibraryUse(_module.RelativePath, p.Lineno, p.ColOffset + 1, path));
    }

    // ---- calls ---------------------------------------------------------------------------

    ExpressionSyntax CallExpr(ExprCall call, FunctionCtx ctx)
    {
        switch (call.Func)
        {
            case ExprName n when !IsShadowed(n.Id, ctx):
                {
                    if (_functions.TryGetValue(n.Id, out var sig) && !_globals.Contains(n.Id))
                        return DirectCall(Id(sig.CsName), sig, call, ctx, skipSelf: false) ?? DynamicCall(_program.FunctionValue(_csClass, sig), call, ctx);
                    if (ClassNamed(n.Id) is { } cls)
                        return ConstructorCall(cls, call, ctx);
                    var symbol = Sym(n.Id, ctx);
                    if (symbol is MemberSymbol imp)
                    {
                        if (ProgramMemberCall(imp.Module, imp.Member, call, ctx) is { } memberCall) return memberCall;
                    }
                    if (IsUnsyncDecorator(symbol)) return UnsyncWrap(call, ctx);
                    if (IsUnfutureClass(symbol) && call.Args.Count == 0)
                        return Direct(Call(Member(Id("PyUnsync"), "NewUnfuture")), PyType.Future);
                    if (!_globals.Contains(n.Id) && !_functions.ContainsKey(n.Id))
                    {
                        if (n.Id == "super" && call.Args.Count == 0) return GapExpr(call, "super() outside a method call");
                        if (ExternalPath(symbol) is { } lib) return LibCall(lib, call, ctx);
                        if (symbol is BuiltinSymbol && n.Id == "setattr" && call.Args is [var obj, ExprConstant { Value: string attr }, _])
                            NoteMethodReplacement(call, obj, attr);
                        if (symbol is BuiltinSymbol) return LibCall("builtins." + n.Id, call, ctx);
                    }
                    break;
                }
            case ExprAttribute a:
                {
                    if (a.Value is ExprName m && !IsShadowed(m.Id, ctx))
                    {
                        var named = Sym(m.Id, ctx);
                        if (ProgramModule(named) is { } module && _program.Symbols.Member(module, a.Attr) is MemberSymbol target
                            && ProgramMemberCall(target.Module, target.Member, call, ctx) is { } memberCall)
                            return memberCall;
                        if (IsUnsyncModule(named) && a.Attr == "unsync") return UnsyncWrap(call, ctx);
                        if (named is ModuleSymbol { IsExternal: true } && CalleePath(a, ctx) is { } libPath) return LibCall(libPath, call, ctx);
                        if (IsUnfutureClass(named) && a.Attr == "from_value" && call.Args.Count == 1)
                            return Direct(Rt.FromValue(Expression(call.Args[0], ctx)), PyType.FutureOf(TypeOf(call.Args[0], ctx)));
                        if (ClassNamed(m.Id) is { } cls && cls.FindMethod(a.Attr) is { IsStatic: true } or { IsClassMethod: true })
                        {
                            var ms = cls.FindMethod(a.Attr)!;
                            // Along an MRO the method may be a class's that is no C# base of this one.
                            var holder = cls.UsesMroDispatch ? ClassRef(ms.Owner!) : cls.CsName;
                            var direct = DirectCall(Member(Id(holder), ms.CsName), ms, call, ctx, skipSelf: ms.IsClassMethod);
                            // A classmethod's cls is the class it is called on.
                            if (direct is InvocationExpressionSyntax inv && ms.IsClassMethod)
                                direct = inv.WithArgumentList(inv.ArgumentList.WithArguments(inv.ArgumentList.Arguments.Insert(0, Argument(Member(Id(cls.CsName), "__pyclass")))));
                            return direct ?? DynamicCall(AttributeLoad(a, ctx), call, ctx);
                        }
                        if (ctx.Class is { } owner && IsSelf(m.Id, ctx) && owner.FindMethod(a.Attr) is { IsProperty: false, ReboundBelow: false } method)
                            return DirectCall(Member(ThisExpression(), method.CsName), method, call, ctx, skipSelf: !method.IsStatic)
                                ?? Py("CallMethod", ThisExpression(), Str(a.Attr), Args(call, ctx).Array, Args(call, ctx).Kwargs);
                    }
                    // unsync.Unfuture.from_value(v) with 'import unsync'
                    if (a.Attr == "from_value" && call.Args.Count == 1 && a.Value is ExprAttribute { Attr: "Unfuture", Value: ExprName um } && IsUnsyncModule(Sym(um.Id, ctx)))
                        return Direct(Rt.FromValue(Expression(call.Args[0], ctx)), PyType.FutureOf(TypeOf(call.Args[0], ctx)));
                    // os.path.join(...): a library function by its whole dotted path.
                    if (a.Value is ExprAttribute && CalleePath(a, ctx) is { } nestedPath) return LibCall(nestedPath, call, ctx);
                    if ((SuperAlongMro(a, call, ctx) ?? SuperAtRunTime(a, call, ctx)) is { } runtimeSuper) return runtimeSuper;
                    if (IsPlainSuper(a.Value, ctx) && ctx.Class?.Base?.FindMethod(a.Attr) is { } baseMethod)
                        return DirectCall(Member(BaseExpression(), baseMethod.CsName), baseMethod, call, ctx, skipSelf: !baseMethod.IsStatic)
                            ?? BoundAtRunTime(Member(BaseExpression(), baseMethod.CsName), baseMethod, call, ctx, skipSelf: !baseMethod.IsStatic);
                    if (IsPlainSuper(a.Value, ctx) && ctx.Class is { IsException: true } && a.Attr == "__init__")
                        return Py("InitException", ThisExpression(), Args(call, ctx).Array);
                    if ((MethodOfClassAlongMro(a, call, ctx) ?? ExplicitBaseCall(a, call, ctx)) is { } baseCall) return baseCall;
                    // A receiver of static C# type calls the runtime's typed entry point (ModuleTranslator.TypedMethods.cs).
                    var receiver = Typed(a.Value, ctx);
                    if (TypedMethodCall(receiver, a.Attr, call, ctx) is { } typedCall) return typedCall;
                    var args = Args(call, ctx);
                    return Py("CallMethod", receiver.Syntax, Str(a.Attr), args.Array, args.Kwargs);
                }
        }
        return DynamicCall(Expression(call.Func, ctx), call, ctx);
    }

    /// <summary>A call of a program module's function (direct, typed) or class (constructor); null for anything else.</summary>
    ExpressionSyntax? ProgramMemberCall(SourceModule module, string name, ExprCall call, FunctionCtx ctx)
    {
        if (_program.FindFunction(module.Name, name) is { } f && _program.ModuleClassOf(module.Name) is { } moduleClass)
            return DirectCall(Member(Id(moduleClass), f.CsName), f, call, ctx, skipSelf: false)
                   ?? DynamicCall(_program.MemberValue(module.Name, name)!, call, ctx);
        return _program.FindClass(module.Name, name) is { IsRebound: false } cls ? ConstructorCall(cls, call, ctx) : null;
    }

    /// <summary>
    /// <c>Base.m(self, ...)</c> in a method of a subclass (the idiom before super()): the base's
    /// method called on this object, as <c>super().m(...)</c> is. C# reaches only the nearest
    /// base's method non-virtually; past a class in between that overrides it, the call is left to
    /// the run time, which refuses it, and reported now.
    /// </summary>
    ExpressionSyntax? ExplicitBaseCall(ExprAttribute a, ExprCall call, FunctionCtx ctx)
    {
        if (ctx.Class is not { Base: { } parent } sub || call.Args.Count == 0 || call.Args[0] is not ExprName self || !IsSelf(self.Id, ctx)
            || a.Value is not ExprName named || IsShadowed(named.Id, ctx) || ResolveClass(named) is not { } cls || cls == sub || !InChain(sub, cls)
            || cls.FindMethod(a.Attr) is not { IsStatic: false, IsClassMethod: false, IsProperty: false } method)
            return null;
        if (!ReferenceEquals(parent.FindMethod(a.Attr), method))
        {
            ReportGap(call, $"{named.Id}.{a.Attr}(self, ...) past an override of {a.Attr} in a class in between (raises NotSupportedException when run)");
            return null;
        }
        var rest = new ExprCall(call.Func, call.Args.Skip(1).ToList(), call.Keywords, call.Lineno, call.ColOffset, call.EndLineno, call.EndColOffset);
        return DirectCall(Member(BaseExpression(), method.CsName), method, rest, ctx, skipSelf: true)
            ?? BoundAtRunTime(Member(BaseExpression(), method.CsName), method, rest, ctx, skipSelf: true);
    }

    ExpressionSyntax DynamicCall(ExpressionSyntax callee, ExprCall call, FunctionCtx ctx)
    {
        var args = Args(call, ctx);
        return Call(Member(Id("Py"), "Call"), callee, args.Array, args.Kwargs);
    }

    ExpressionSyntax LibCall(string qualified, ExprCall call, FunctionCtx ctx)
    {
        NoteLibraryUse(qualified, call);
        var args = Args(call, ctx);
        return Py("CallLib", Str(qualified), args.Array, args.Kwargs);
    }

    /// <summary>
    /// <c>print(...)</c> as a statement, which the runtime's void <c>Py.Print</c> serves directly;
    /// null when print is shadowed, called with unpacked arguments or with a keyword print does not
    /// take (then it is a library call, which returns None or raises TypeError as Python does).
    /// </summary>
    ExpressionSyntax? PrintStatementCall(Expr e, FunctionCtx ctx) =>
        e is ExprCall { Func: ExprName { Id: "print" } } call && IsBuiltin("print", ctx)
            && !call.Args.Any(a => a is ExprStarred) && call.Keywords.All(k => k.Arg is "sep" or "end" or "flush" or "file")
            ? PrintCall(call, ctx) : null;

    ExpressionSyntax PrintCall(ExprCall call, FunctionCtx ctx)
    {
        var items = call.Args.Select(a => Expression(a, ctx));
        var list = new List<ArgumentSyntax> { Argument(ObjectArray(items)) };
        // With keywords, the dynamic form checks their values as Python does (sep/end str or None; file any writer).
        foreach (var k in call.Keywords)
            list.Add(Named(k.Arg!, Expression(k.Value, ctx)));
        return Call(Member(Id("Py"), list.Count == 1 ? "Print" : "PrintKw"), list);
    }

    ExpressionSyntax UnsyncWrap(ExprCall call, FunctionCtx ctx)
    {
        // unsync(f) -> a wrapper; unsync(cpu_bound=...) -> a decorator to call with f.
        var cpu = call.Keywords.FirstOrDefault(k => k.Arg == "cpu_bound");
        if (call.Args.Count == 1)
            return Rt.Wrap(Expression(call.Args[0], ctx), cpu == null ? Cs.Null : Expression(cpu.Value, ctx));
        return Call(Member(Id("PyUnsync"), "Decorator"), cpu == null ? Cs.Null : Expression(cpu.Value, ctx));
    }

    ExpressionSyntax ConstructorCall(ClassInfo cls, ExprCall call, FunctionCtx ctx)
    {
        string target = ClassRef(cls);
        var init = cls.FindMethod("__init__");
        // A dataclass's __init__ is synthesised when its class is emitted; a constructor call
        // translated before that (in its own methods, or in code above it) binds at run time.
        if (init == null && cls.IsDataclass && cls.Def.Body.OfType<StmtAnnAssign>().Any(a => a.Target is ExprName))
            return Call(Member(Id("Py"), "Call"), Member(Id(target), "__pyclass"), Args(call, ctx).Array, Args(call, ctx).Kwargs);
        if (init == null)
        {
            var args = Args(call, ctx);
            if (cls.IsException) return Direct(Call(Member(Id(target), "__create"), args.Positional), PyType.Of(cls));
            if (cls.HasRuntimeInit) return Direct(Call(Member(Id(target), "__create"), args.Array, args.Kwargs), PyType.Of(cls));
            return Direct(Call(Member(Id(target), "__create")), PyType.Of(cls));
        }
        if (DirectCall(Member(Id(target), "__create"), init, call, ctx, skipSelf: true) is { } created) return Direct(created, PyType.Of(cls));
        return Call(Member(Id("Py"), "Call"), Member(Id(target), "__pyclass"), Args(call, ctx).Array, Args(call, ctx).Kwargs);
    }

    /// <summary>
    /// A call whose target is known: arguments bound to parameters at compile time, defaults
    /// taken from the fields evaluated at def time. Null when it cannot be bound statically.
    /// </summary>
    ExpressionSyntax? DirectCall(ExpressionSyntax target, FuncSig sig, ExprCall call, FunctionCtx ctx, bool skipSelf)
    {
        if (!sig.IsSimple || call.Args.Any(a => a is ExprStarred) || call.Keywords.Any(k => k.Arg == null)) return null;
        var ps = sig.Params.Skip(skipSelf ? 1 : 0).Concat(sig.KwOnly).ToList();
        int positionalMax = sig.Params.Count - (skipSelf ? 1 : 0);
        if (call.Args.Count > positionalMax) return null;
        var values = new ExpressionSyntax?[ps.Count];
        for (int i = 0; i < call.Args.Count; i++) values[i] = ValueAs(call.Args[i], DeclaredParam(sig, ps[i]), ctx);
        foreach (var k in call.Keywords)
        {
            int idx = ps.IndexOf(k.Arg!);
            if (idx < 0 || values[idx] != null) return null;
            values[idx] = ValueAs(k.Value, DeclaredParam(sig, ps[idx]), ctx);
        }
        for (int i = 0; i < ps.Count; i++)
        {
            if (values[i] != null) continue;
            if (!sig.Defaults.TryGetValue(ps[i], out var field)) return null;
            // Default fields have the parameter's type (converted once, when the def runs).
            values[i] = DefaultRef(sig, field);
        }
        return Direct(Call(target, values.Select(v => Argument(v!))), DeclaredReturn(sig));
    }

    /// <summary>
    /// A call of a known method whose arguments only bind at run time (<c>*args</c>, <c>**kw</c>
    /// at the call or in the signature): <c>PyArgs.Bind</c> the values, then call the method with them.
    /// </summary>
    ExpressionSyntax BoundAtRunTime(ExpressionSyntax target, FuncSig sig, ExprCall call, FunctionCtx ctx, bool skipSelf)
    {
        var bindSig = sig.Bound(sig.PyName, sig.CsName, skip: skipSelf ? 1 : 0);
        string bound = NewTemp("bound");
        var args = Args(call, ctx);
        var invoke = SimpleLambdaExpression(Parameter(Identifier(bound)))
            .WithBody(ValueLambdaBody(sig, Call(target, BoundArgs(bindSig, Id(bound), AllParams(bindSig).Count))));
        return Call(ParenthesizedExpression(CastExpression(ParseTypeName("Func<object?[], object?>"), ParenthesizedExpression(invoke))),
            BindCall(bindSig, args.Array, args.Kwargs));
    }

    sealed record CallArgs(ExpressionSyntax Array, ExpressionSyntax Kwargs, ExpressionSyntax[] Positional);

    CallArgs Args(ExprCall call, FunctionCtx ctx)
    {
        var positional = new List<ExpressionSyntax>();
        ExpressionSyntax array;
        if (call.Args.Any(a => a is ExprStarred))
        {
            // f(a, *rest, b) -> Py.Spread(new object?[] { a }, rest, new object?[] { b })
            var parts = new List<ExpressionSyntax>();
            var run = new List<ExpressionSyntax>();
            foreach (var a in call.Args)
            {
                if (a is ExprStarred st)
                {
                    if (run.Count > 0) { parts.Add(ObjectArray(run)); run = []; }
                    parts.Add(Py("ToArray", Expression(st.Value, ctx)));
                }
                else run.Add(Expression(a, ctx));
            }
            if (run.Count > 0) parts.Add(ObjectArray(run));
            array = Py("Concat", parts.ToArray());
        }
        else
        {
            positional.AddRange(call.Args.Select(a => Expression(a, ctx)));
            array = ObjectArray(positional);
        }
        ExpressionSyntax kwargs = Cs.Null;
        if (call.Keywords.Count > 0)
            kwargs = Rt.Kwargs(call.Keywords.Where(k => k.Arg != null).Select(k => (k.Arg!, Expression(k.Value, ctx))),
                call.Keywords.Where(k => k.Arg == null).Select(k => Expression(k.Value, ctx)));
        return new CallArgs(array, kwargs, positional.ToArray());
    }

    // ---- conditions and boolean operators ------------------------------------------------------

    /// <summary>A Python expression in a boolean context, as a C# bool.</summary>
    ExpressionSyntax Condition(Expr e, FunctionCtx ctx)
    {
        switch (e)
        {
            case ExprConstant { Value: true }: return Cs.True;
            case ExprConstant { Value: false }: return Cs.False;
            case ExprUnaryOp { Op: UnaryOperator.Not } u: return Not(Condition(u.Operand, ctx));
            case ExprBoolOp bo:
                {
                    var kind = bo.Op == BoolOperator.And ? SyntaxKind.LogicalAndExpression : SyntaxKind.LogicalOrExpression;
                    var result = Paren(Condition(bo.Values[0], ctx));
                    for (int i = 1; i < bo.Values.Count; i++) result = BinaryExpression(kind, result, Paren(Condition(bo.Values[i], ctx)));
                    return ParenthesizedExpression(result);
                }
            case ExprCompare cmp:
                {
                    ExpressionSyntax? result = null;
                    var left = Typed(cmp.Left, ctx);
                    for (int i = 0; i < cmp.Ops.Count; i++)
                    {
                        var right = Typed(cmp.Comparators[i], ctx);
                        // A middle operand is evaluated once: bind it to a pattern variable.
                        if (i < cmp.Ops.Count - 1 && cmp.Comparators[i] is not (ExprName or ExprConstant))
                        {
                            string tmp = NewTemp("c");
                            var bind = ParenthesizedExpression(IsPatternExpression(right.Syntax, VarPattern(SingleVariableDesignation(Identifier(tmp)))));
                            var test = CompareOp(cmp.Ops[i], left, new TypedExpr(Id(tmp), right.Type));
                            // (right is var tmp) && left OP tmp
                            var part = BinaryExpression(SyntaxKind.LogicalAndExpression, bind, test);
                            result = result == null ? part : BinaryExpression(SyntaxKind.LogicalAndExpression, result, part);
                            left = new TypedExpr(Id(tmp), right.Type);
                            continue;
                        }
                        var cmpExpr = CompareOp(cmp.Ops[i], left, right);
                        result = result == null ? cmpExpr : BinaryExpression(SyntaxKind.LogicalAndExpression, result, cmpExpr);
                        left = right;
                    }
                    return ParenthesizedExpression(result!);
                }
            default:
                {
                    // Known types test natively: a bool as is, an int against 0, a str by length.
                    var v = Typed(e, ctx);
                    return TypeOf(e, ctx).Kind switch
                    {
                        PyKind.Bool => Coerce(v, PyType.Bool),
                        PyKind.Int => ParenthesizedExpression(BinaryExpression(SyntaxKind.NotEqualsExpression, Paren(Coerce(v, PyType.Int)), LongLit(0))),
                        PyKind.Str => ParenthesizedExpression(BinaryExpression(SyntaxKind.NotEqualsExpression, Member(Paren(Coerce(v, PyType.Str)), "Length"), Int(0))),
                        _ => Rt.IsTrue(v.Syntax),
                    };
                }
        }
    }

    /// <summary>A comparison: native when both sides have the same numeric type (or are both str/bool, for ==/!=).</summary>
    static ExpressionSyntax CompareOp(CmpOperator op, TypedExpr l, TypedExpr r)
    {
        bool sameNumber = l.Type == r.Type && l.Type.IsNumber;
        bool sameEq = l.Type == r.Type && l.Type.Kind is PyKind.Str or PyKind.Bool && op is CmpOperator.Eq or CmpOperator.NotEq;
        if (sameNumber || sameEq)
        {
            var kind = op switch
            {
                CmpOperator.Eq => SyntaxKind.EqualsExpression,
                CmpOperator.NotEq => SyntaxKind.NotEqualsExpression,
                CmpOperator.Lt => SyntaxKind.LessThanExpression,
                CmpOperator.LtE => SyntaxKind.LessThanOrEqualExpression,
                CmpOperator.Gt => SyntaxKind.GreaterThanExpression,
                CmpOperator.GtE => SyntaxKind.GreaterThanOrEqualExpression,
                _ => SyntaxKind.None,
            };
            if (kind != SyntaxKind.None) return ParenthesizedExpression(BinaryExpression(kind, Paren(l.Syntax), Paren(r.Syntax)));
        }
        return CompareOp(op, l.Syntax, r.Syntax);
    }

    static ExpressionSyntax CompareOp(CmpOperator op, ExpressionSyntax l, ExpressionSyntax r) => op switch
    {
        CmpOperator.Eq => Py("Eq", l, r),
        CmpOperator.NotEq => Py("Ne", l, r),
        CmpOperator.Lt => Py("Lt", l, r),
        CmpOperator.LtE => Py("Le", l, r),
        CmpOperator.Gt => Py("Gt", l, r),
        CmpOperator.GtE => Py("Ge", l, r),
        CmpOperator.Is => Py("Is", l, r),
        CmpOperator.IsNot => Not(Py("Is", l, r)),
        CmpOperator.In => Py("In", l, r),
        _ => Not(Py("In", l, r)),
    };

    /// <summary><c>a and b</c> / <c>a or b</c> as values: Python returns the deciding operand.</summary>
    ExpressionSyntax BoolOpValue(ExprBoolOp bo, FunctionCtx ctx)
    {
        // Right to left: x or rest  ->  (x is var t && Py.IsTrue(t)) ? t : rest
        ExpressionSyntax result = Expression(bo.Values[^1], ctx);
        for (int i = bo.Values.Count - 2; i >= 0; i--)
        {
            string tmp = NewTemp("b");
            var bind = IsPatternExpression(Expression(bo.Values[i], ctx), VarPattern(SingleVariableDesignation(Identifier(tmp))));
            ExpressionSyntax truth = Rt.IsTrue(Id(tmp));
            if (bo.Op == BoolOperator.And) truth = Not(truth);
            result = ParenthesizedExpression(ConditionalExpression(
                BinaryExpression(SyntaxKind.LogicalAndExpression, bind, truth), Cast(Cs.Object, Id(tmp)), Cast(Cs.Object, result)));
        }
        return result;
    }

    // ---- strings ---------------------------------------------------------------------------

    ExpressionSyntax JoinedString(ExprJoinedStr js, FunctionCtx ctx)
    {
        var parts = js.Values.Select(v => v is ExprConstant { Value: string s } ? Str(s) : Expression(v, ctx)).ToList();
        if (parts.Count == 0) return Str("");
        if (parts.Count == 1) return parts[0];
        return Call(Member(PredefinedType(Token(SyntaxKind.StringKeyword)), "Concat"), parts.ToArray());
    }

    ExpressionSyntax FormattedValue(ExprFormattedValue fv, FunctionCtx ctx)
    {
        ExpressionSyntax spec = fv.FormatSpec == null ? Str("") : Expression(fv.FormatSpec, ctx);
        return Py("FormatValue", Expression(fv.Value, ctx), Int(fv.Conversion), spec);
    }

    // ---- displays ----------------------------------------------------------------------------

    ExpressionSyntax[] SequenceItems(IReadOnlyList<Expr> elts, FunctionCtx ctx)
    {
        if (!elts.Any(e => e is ExprStarred)) return elts.Select(e => Expression(e, ctx)).ToArray();
        var parts = new List<ExpressionSyntax>();
        var run = new List<ExpressionSyntax>();
        foreach (var e in elts)
        {
            if (e is ExprStarred st)
            {
                if (run.Count > 0) { parts.Add(ObjectArray(run)); run = []; }
                parts.Add(Py("ToArray", Expression(st.Value, ctx)));
            }
            else run.Add(Expression(e, ctx));
        }
        if (run.Count > 0) parts.Add(ObjectArray(run));
        return [Py("Concat", parts.ToArray())];
    }

    ExpressionSyntax DictDisplay(ExprDict d, FunctionCtx ctx)
    {
        ExpressionSyntax dict = Call(Member(Id("PyDict"), "Of"));
        var pairs = new List<ExpressionSyntax>();
        for (int i = 0; i < d.Keys.Count; i++)
        {
            if (d.Keys[i] == null)
            {
                if (pairs.Count > 0) { dict = Py("DictWith", [dict, .. pairs]); pairs.Clear(); }
                dict = Py("DictMerge", dict, Expression(d.Values[i], ctx));
                continue;
            }
            pairs.Add(Expression(d.Keys[i]!, ctx));
            pairs.Add(Expression(d.Values[i], ctx));
        }
        if (pairs.Count > 0)
            dict = d.Keys.All(k => k != null)
                ? Call(Member(Id("PyDict"), "Of"), pairs.ToArray())
                : Py("DictWith", [dict, .. pairs]);
        return dict;
    }

    ExpressionSyntax SliceOrIndex(Expr slice, FunctionCtx ctx) => slice is ExprSlice sl ? SliceExpr(sl, ctx) : Expression(slice, ctx);

    ExpressionSyntax SliceExpr(ExprSlice sl, FunctionCtx ctx) =>
        Py("Slice", sl.Lower == null ? Cs.Null : Expression(sl.Lower, ctx), sl.Upper == null ? Cs.Null : Expression(sl.Upper, ctx),
            sl.Step == null ? Cs.Null : Expression(sl.Step, ctx));

    // ---- comprehensions and lambdas -------------------------------------------------------------

    /// <summary>
    /// A comprehension as an immediately invoked lambda with its own scope (as in Python 3),
    /// an async one when it awaits. With no accumulator type it is a generator expression: the
    /// first iterable is evaluated now, the loops run lazily in a local iterator function.
    /// </summary>
    ExpressionSyntax Comprehension(Expr whole, IReadOnlyList<Comprehension> gens, FunctionCtx ctx, string? accType,
        Func<FunctionCtx, string, List<StatementSyntax>> element)
    {
        var scope = ScopeOf(whole);
        bool awaits = gens.Any(g => g.IsAsync == 1) || ContainsAwait(whole);
        var cctx = new FunctionCtx { Parent = ctx, Scope = scope, IsAsync = ctx.IsAsync && awaits, Class = ctx.Class, SelfName = ctx.SelfName, SuperSelf = ctx.SuperSelf, Key = whole };
        cctx.AssignNames(scope.Locals);
        string acc = NewTemp("acc");
        List<StatementSyntax> inner = element(cctx, acc);
        for (int gi = gens.Count - 1; gi >= 0; gi--)
        {
            var g = gens[gi];
            var body = new List<StatementSyntax>();
            string item = NewTemp("item");
            body.AddRange(AssignTo(g.Target, Id(item), cctx));
            StatementSyntax core = Block(inner);
            for (int k = g.Ifs.Count - 1; k >= 0; k--) core = IfStatement(Condition(g.Ifs[k], cctx), core);
            body.Add(core);
            var iterCtx = gi == 0 ? ctx : cctx; // the first iterable is evaluated in the enclosing scope
            string iter = g.IsAsync == 1 ? "AIter" : "Iter";
            ExpressionSyntax iterable = gi == 0 && accType == null ? Id(acc) : Py(iter, Expression(g.Iter, iterCtx));
            inner = g.IsAsync == 1 ? AsyncForLoop(item, iterable, body) : [ForEachStatement(Cs.Object, Identifier(item), iterable, Block(body))];
        }
        var locals = scope.Variables.Select(l => DeclareLocal(cctx, l, DeclKind.Local)).ToList();
        var stmts = new List<StatementSyntax>();
        if (accType == null && cctx.IsAsync)
        {
            // An async generator expression: created, not awaited (its loops run as it is iterated).
            stmts.Add(Local(gens[0].IsAsync == 1 ? Cs.Object : Cs.Var, acc, Py(gens[0].IsAsync == 1 ? "AIter" : "Iter", Expression(gens[0].Iter, ctx))));
            stmts.AddRange(AsyncGeneratorBody(locals.Concat(inner), ctx.IsModule || ctx.QualName.Length == 0 ? "<genexpr>" : $"{ctx.QualName}.<locals>.<genexpr>"));
            return Call(ParenthesizedExpression(CastExpression(ParseTypeName("Func<object?>"), ParenthesizedExpression(ParenthesizedLambdaExpression().WithBlock(Block(stmts))))));
        }
        if (accType == null)
        {
            string gen = NewTemp("gen");
            stmts.Add(Local(Cs.Var, acc, Py("Iter", Expression(gens[0].Iter, ctx))));
            stmts.Add(LocalFunctionStatement(ParseTypeName("IEnumerable<object?>"), gen).WithBody(Block(locals.Concat(inner))));
            stmts.Add(ReturnStatement(Py("Generator", Call(Id(gen)))));
        }
        else
        {
            stmts.Add(Local(Cs.Var, acc, New(accType)));
            stmts.AddRange(locals);
            stmts.AddRange(inner);
            stmts.Add(ReturnStatement(Cast(Cs.Object, Id(acc))));
        }
        var lambda = ParenthesizedLambdaExpression().WithBlock(Block(stmts));
        if (cctx.IsAsync)
        {
            var asyncLambda = lambda.WithAsyncKeyword(Token(SyntaxKind.AsyncKeyword));
            return ParenthesizedExpression(AwaitExpression(Call(ParenthesizedExpression(CastExpression(ParseTypeName("Func<Task<object?>>"), ParenthesizedExpression(asyncLambda))))));
        }
        return Call(ParenthesizedExpression(CastExpression(ParseTypeName("Func<object?>"), ParenthesizedExpression(lambda))));
    }

    static bool ContainsAwait(Node whole)
    {
        var stack = new Stack<Node>([whole]);
        while (stack.Count > 0)
        {
            var n = stack.Pop();
            if (n is ExprAwait) return true;
            if (n is ExprLambda) continue;
            foreach (var c in n.ChildNodes()) stack.Push(c);
        }
        return false;
    }

    ExpressionSyntax LambdaValue(ExprLambda lam, FunctionCtx ctx)
    {
        var body = new StmtReturn(lam.Body, lam.Body.Lineno, lam.Body.ColOffset, lam.Body.EndLineno, lam.Body.EndColOffset);
        var def = new StmtFunctionDef("<lambda>", lam.Args, [body], [], null, null, [], lam.Lineno, lam.ColOffset, lam.EndLineno, lam.EndColOffset);
        var sig = DeclareFunction(def, "<lambda>", ctx.IsModule || ctx.QualName.Length == 0 ? "<lambda>" : $"{ctx.QualName}.<locals>.<lambda>", null);
        if (sig.Defaults.Count == 0) return FunctionValue(sig, lam.Args, [body], ctx, [], "<lambda>", lam);
        // Defaults are evaluated once, where the lambda is: they are the parameters of an
        // immediately invoked C# lambda that creates the function value.
        var defaultLocals = sig.Defaults.Keys.ToDictionary(p => p, _ => NewTemp("d"));
        var create = ParenthesizedLambdaExpression()
            .WithParameterList(ParameterList(SeparatedList(defaultLocals.Values.Select(d => Parameter(Identifier(d))))))
            .WithExpressionBody(FunctionValue(sig, lam.Args, [body], ctx, defaultLocals, "<lambda>", lam));
        var funcType = ParseTypeName($"Func<{string.Concat(Enumerable.Repeat("object?, ", defaultLocals.Count))}PyFunc>");
        return Call(ParenthesizedExpression(CastExpression(funcType, ParenthesizedExpression(create))),
            defaultLocals.Keys.Select(p => Expression(DefaultOf(lam.Args, p)!, ctx)).ToArray());
    }
}
