using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using UnsyncMigrate.Python.Ast;
using UnsyncMigrate.Translation.Typing;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;
using static UnsyncMigrate.Translation.Cs;

namespace UnsyncMigrate.Translation;

// Functions, methods and classes.
internal sealed partial class ModuleTranslator
{
    FunctionCtx? _moduleCtx;

    FunctionCtx ModuleCtx => _moduleCtx ??= new FunctionCtx { Scope = _module.Scope, IsModule = true, Key = _module.Tree };

    /// <summary>A module-level statement: a member (function, class) or code for the module's <c>__init__</c>, with its comments.</summary>
    void TranslateTopLevel(Stmt s, List<Python.PythonComment> pending)
    {
        int members = _members.Count, init = _init.Count;
        TranslateTopLevelCore(s);
        string? memberName = s switch
        {
            StmtFunctionDef or StmtAsyncFunctionDef when _functions.TryGetValue(s is StmtFunctionDef f ? f.Name : ((StmtAsyncFunctionDef)s).Name, out var sig) => sig.CsName,
            StmtClassDef c when _classes.TryGetValue(c.Name, out var info) => info.CsName,
            _ => null,
        };
        int at = memberName == null ? -1 : _members.FindIndex(members, m => m is MethodDeclarationSyntax md && md.Identifier.Text == memberName
            || m is ClassDeclarationSyntax cd && cd.Identifier.Text == memberName);
        if (at >= 0)
        {
            // Comments of earlier statements without code (imports...) stay where the module's code runs.
            if (pending.Count > 0) _init.Insert(init, CommentOnlyStatement(pending));
            pending.Clear();
            _members[at] = WithComments(s, _members[at]);
            return;
        }
        var translated = WithComments(s, _init.Skip(init).ToList(), pending);
        _init.RemoveRange(init, _init.Count - init);
        _init.AddRange(translated);
    }

    void TranslateTopLevelCore(Stmt s)
    {
        switch (s)
        {
            case StmtFunctionDef f when _functions.TryGetValue(f.Name, out var sig):
                EmitModuleFunction(sig, f.Args, f.Body);
                return;
            case StmtAsyncFunctionDef f when _functions.TryGetValue(f.Name, out var sig):
                EmitModuleFunction(sig, f.Args, f.Body);
                return;
            case StmtClassDef c when _classes.TryGetValue(c.Name, out var info):
                {
                    EmitClass(info);
                    var decorators = EvaluateClassDecorators(info);
                    _init.AddRange(decorators.Select(d => d.Evaluation));
                    _init.AddRange(EvaluateClassStatics(info));
                    if (info.IsRebound) _init.Add(BindDecoratedClass(info, decorators));
                    return;
                }
        }
        _init.AddRange(Statement(s, ModuleCtx));
    }

    // ---- module-level functions ------------------------------------------------------------

    void EmitModuleFunction(FuncSig sig, Arguments args, IReadOnlyList<Stmt> body)
    {
        // Defaults are evaluated when the def runs, once, as in Python.
        foreach (var (param, field) in sig.Defaults)
        {
            var pt = DeclaredParam(sig, param);
            _members.Add(StaticField(field, null, CsTypeOf(pt)));
            _init.Add(Stmt(Assign(Id(field), ValueAs(DefaultOf(args, param)!, pt, ModuleCtx))));
        }
        if (sig.CpuBoundAtRunTime is { } cpuBound)
        {
            // unsync reads cpu_bound when the decorator runs: where calls go is decided then.
            _members.Add(StaticField(CpuBoundField(sig), null, Cs.BoolType));
            _init.Add(Stmt(Assign(Id(CpuBoundField(sig)), Condition(cpuBound, ModuleCtx))));
        }
        var method = FunctionMethod(sig, args, body, null, isStatic: true);
        _members.Add(method.WithLeadingTrivia(LineComment(Describe(sig)).AddRange(DocComments.For(body))));
        _members.Add(FunctionValueProperty(sig, null));
    }

    static string CpuBoundField(FuncSig sig) => sig.CsName + "__cpu_bound";

    static Expr? DefaultOf(Arguments args, string param)
    {
        var pos = args.Posonlyargs.Concat(args.Args).ToList();
        int idx = pos.FindIndex(a => a.Name == param);
        if (idx >= 0)
        {
            int first = pos.Count - args.Defaults.Count;
            return idx >= first ? args.Defaults[idx - first] : null;
        }
        int k = args.Kwonlyargs.ToList().FindIndex(a => a.Name == param);
        return k >= 0 ? args.KwDefaults[k] : null;
    }

    static string Describe(FuncSig sig) => sig.Mode switch
    {
        UnsyncMode.AsyncLoop => $"Python: @unsync async def {sig.QualName}: runs on the unsync loop thread (async-loop).",
        UnsyncMode.Thread => $"Python: @unsync def {sig.QualName}: runs on the thread executor (thread).",
        UnsyncMode.Process => $"Python: @unsync(cpu_bound=True) def {sig.QualName}: runs in a worker process (process).",
        UnsyncMode.CpuBoundAsyncError => $"Python: @unsync(cpu_bound=True) async def {sig.QualName}: raises TypeError when called.",
        _ => !sig.IsAsync ? $"Python: def {sig.QualName}."
            : sig.IsGenerator ? $"Python: async def {sig.QualName} (an async generator function)."
            : $"Python: async def {sig.QualName} (a plain coroutine function).",
    };

    /// <summary>The C# method for a function or method; unsync modes wrap the body in the executor call.</summary>
    MethodDeclarationSyntax FunctionMethod(FuncSig sig, Arguments args, IReadOnlyList<Stmt> body, ClassInfo? owner, bool isStatic)
    {
        var paramNames = AllParams(sig);
        // A method without parameters has no self (Python raises TypeError when it is called through an instance).
        bool hasSelf = owner != null && !sig.IsStatic && !sig.IsClassMethod && !sig.HasExplicitSelf && sig.Params.Count > 0;
        var pyParams = hasSelf ? paramNames.Skip(1).ToList() : paramNames; // a classmethod's cls stays a parameter
        var declaredReturn = DeclaredReturn(sig);
        bool isVoid = ReturnsVoid(sig);
        var ctx = NewFunctionCtx(sig, body, paramNames, owner, parent: null,
            isAsyncBody: sig.IsAsync && sig.Mode != UnsyncMode.CpuBoundAsyncError,
            returnType: declaredReturn.Kind == PyKind.Future ? PyType.Dynamic : declaredReturn, // a future's body returns object into it
            returnsVoid: isVoid);
        var parameters = pyParams.Select(p => Parameter(Identifier(ctx.CsName(p))).WithType(CsTypeOf(DeclaredParam(sig, p)))).ToList();
        foreach (var p in pyParams)
            if (!(owner != null && (sig.IsClassMethod || sig.HasExplicitSelf) && p == paramNames[0])) // cls, like self, is not counted
                _counter.Add(DeclKind.Parameter, DeclaredParam(sig, p), $"{sig.QualName}.{p}");
        if (isVoid) _counter.AddVoid(DeclKind.Return, sig.QualName);
        else _counter.Add(DeclKind.Return, declaredReturn, sig.QualName);

        var bodyStatements = new List<StatementSyntax>();
        if (hasSelf) bodyStatements.Add(Local(Cs.Var, ctx.CsName(paramNames[0]), ThisExpression()));
        bodyStatements.AddRange(DeclareLocals(ctx, paramNames));
        if (sig.Mode != UnsyncMode.CpuBoundAsyncError) bodyStatements.AddRange(Statements(body, ctx));
        if (!sig.IsGenerator && !isVoid && !EndsWithReturn(body)) bodyStatements.Add(ReturnStatement(Cs.Null));

        var mods = new List<SyntaxToken> { Token(SyntaxKind.PublicKeyword) };
        if (isStatic) mods.Add(Token(SyntaxKind.StaticKeyword));
        else if (owner != null)
        {
            // A Python override may change the parameters; C# overrides only a method of the
            // same shape, and a differently shaped redefinition is a new virtual overload.
            var inherited = owner.Base?.FindMethod(sig.Key);
            // An exception class derives from PyBaseException (a .NET exception), which has none of
            // the runtime's virtual dunders: its str() and repr() are PyStr/PyRepr (ExceptionDunders).
            bool overrides = (IsRuntimeVirtual(sig.PyName) && !owner.IsException) || (inherited != null && SameCsShape(inherited, sig));
            bool hides = !overrides && AncestorMethods(owner, sig.PyName).Any(m => AllParams(m).Count == AllParams(sig).Count);
            if (hides) mods.Add(Token(SyntaxKind.NewKeyword));
            mods.Add(Token(overrides ? SyntaxKind.OverrideKeyword : SyntaxKind.VirtualKeyword));
        }

        TypeSyntax returnType = isVoid ? PredefinedType(Token(SyntaxKind.VoidKeyword)) : CsTypeOf(declaredReturn);
        BlockSyntax block = Block(bodyStatements);
        switch (sig.Mode)
        {
            case var _ when sig.IsAsync && sig.IsGenerator && AsyncGeneratorGap(sig, body) is { } why:
                block = Block(Gap(sig.Def!, why));
                break;
            case UnsyncMode.AsyncLoop or UnsyncMode.Thread or UnsyncMode.Process when HasBodyMethod(sig, owner):
                {
                    // The function as written is a method of its own: the wrapper's __wrapped__, and for a
                    // process function the worker's target (registered by key). The call schedules it.
                    var bodyMethod = MethodDeclaration(sig.Mode == UnsyncMode.AsyncLoop ? ParseTypeName("Task<object?>") : Cs.Object, sig.CsName + "__body")
                        .AddModifiers(Token(SyntaxKind.PublicKeyword), Token(SyntaxKind.StaticKeyword))
                        .WithParameterList(ParameterList(SeparatedList(parameters)))
                        .WithBody(block);
                    if (sig.Mode == UnsyncMode.AsyncLoop) bodyMethod = bodyMethod.AddModifiers(Token(SyntaxKind.AsyncKeyword));
                    _members.Add(bodyMethod.WithLeadingTrivia(LineComment($"Python: {sig.QualName} as written, undecorated (what the unsync call runs; its __wrapped__).")));
                    var values = pyParams.Select(p => (ExpressionSyntax)Id(ctx.CsName(p))).ToArray();
                    var run = ParenthesizedLambdaExpression().WithExpressionBody(Call(Id(sig.CsName + "__body"), values));
                    ExpressionSyntax call = sig.Mode switch
                    {
                        UnsyncMode.AsyncLoop => Rt.Loop(run),
                        UnsyncMode.Thread => Rt.Thread(run),
                        _ => Rt.Process($"{_module.Name}:{sig.QualName}", ObjectArray(values)),
                    };
                    // cpu_bound known only when the decorator ran: a worker if it was true, else a thread.
                    if (sig.CpuBoundAtRunTime != null) call = ConditionalExpression(Id(CpuBoundField(sig)), call, Rt.Thread(run));
                    block = Block(ReturnStatement(call));
                    break;
                }
            case UnsyncMode.AsyncLoop:
                block = Block(ReturnStatement(Rt.Loop(ParenthesizedLambdaExpression().WithAsyncKeyword(Token(SyntaxKind.AsyncKeyword)).WithBlock(block))));
                break;
            case UnsyncMode.Thread:
                block = Block(ReturnStatement(Rt.Thread(ParenthesizedLambdaExpression().WithBlock(block))));
                break;
            case UnsyncMode.Process:
                block = Block(Gap(sig.Def!, "cpu_bound=True on a method (not reachable from a worker process)"));
                break;
            case UnsyncMode.CpuBoundAsyncError:
                block = Block(ReturnStatement(Rt.CpuBoundAsync(sig.PyName)));
                break;
            default:
                if (sig.IsGenerator)
                    block = Block(sig.IsAsync ? AsyncGeneratorBody(block.Statements, sig.QualName) : GeneratorBody(block.Statements, ctx.YieldsByCall ? ctx : null));
                else if (sig.IsAsync)
                {
                    returnType = ParseTypeName("Task<object?>");
                    mods.Add(Token(SyntaxKind.AsyncKeyword));
                }
                break;
        }
        return MethodDeclaration(returnType, sig.CsName)
            .WithModifiers(TokenList(mods))
            .WithParameterList(ParameterList(SeparatedList(parameters)))
            .WithBody(block);
    }

    /// <summary>Whether an unsync function's body is a C# method of its own (<c>NAME__body</c>): module-level functions.</summary>
    static bool HasBodyMethod(FuncSig sig, ClassInfo? owner) =>
        owner == null && sig.Mode is UnsyncMode.AsyncLoop or UnsyncMode.Thread or UnsyncMode.Process;

    /// <summary>
    /// A generator function's body: the statements (with their yields) in a local iterator
    /// function, so nothing runs before the first <c>next()</c>, returned as a Python generator.
    /// </summary>
    List<StatementSyntax> GeneratorBody(IEnumerable<StatementSyntax> statements, FunctionCtx? yieldsByCall = null)
    {
        // Yields inside try/except, handlers, finally or with: the body runs as a plain lambda on a thread of its own.
        if (yieldsByCall != null)
            return [ReturnStatement(Py("ThreadedGenerator", SimpleLambdaExpression(Parameter(Identifier(yieldsByCall.YieldCallback)), Block(statements))))];
        string gen = NewTemp("gen");
        return [LocalFunctionStatement(ParseTypeName("IEnumerable<object?>"), gen).WithBody(Block(statements)),
            ReturnStatement(Py("Generator", Call(Id(gen))))];
    }

    /// <summary>Whether two methods become C# methods of the same signature (one can override the other).</summary>
    static bool SameCsShape(FuncSig a, FuncSig b) =>
        AllParams(a).Count == AllParams(b).Count && a.IsStatic == b.IsStatic && a.IsClassMethod == b.IsClassMethod
        && (a.IsAsync && a.Mode == UnsyncMode.None) == (b.IsAsync && b.Mode == UnsyncMode.None);

    static IEnumerable<FuncSig> AncestorMethods(ClassInfo owner, string name)
    {
        for (var c = owner.Base; c != null; c = c.Base)
            if (c.Methods.TryGetValue(name, out var m)) yield return m;
    }

    static bool EndsWithReturn(IReadOnlyList<Stmt> body) => body.Count > 0 && body[^1] is StmtReturn or StmtRaise;

    /// <summary>The header of a class's <c>TryCallMethod(__name, __args, __kwargs, out __result)</c> override (the runtime's call-by-name entry).</summary>
    static MethodDeclarationSyntax TryCallMethodOverride() =>
        MethodDeclaration(Cs.BoolType, "TryCallMethod")
            .AddModifiers(Token(SyntaxKind.PublicKeyword), Token(SyntaxKind.OverrideKeyword))
            .AddParameterListParameters(Parameter(Identifier("__name")).WithType(Cs.String),
                Parameter(Identifier("__args")).WithType(ParseTypeName("object?[]")),
                Parameter(Identifier("__kwargs")).WithType(ParseTypeName("PyKwargs?")),
                Parameter(Identifier("__result")).WithType(Cs.Object).AddModifiers(Token(SyntaxKind.OutKeyword)));

    /// <summary>
    /// str(e) and repr(e) of an exception class defining <c>__str__</c>/<c>__repr__</c>: the runtime
    /// asks PyStr/PyRepr, which call the class's method (a subclass's override of it included).
    /// </summary>
    IEnumerable<MemberDeclarationSyntax> ExceptionDunders(ClassInfo info)
    {
        foreach (var (dunder, method) in new[] { ("__str__", "PyStr"), ("__repr__", "PyRepr") })
        {
            if (!info.Methods.TryGetValue(dunder, out var sig) || sig.IsStatic || sig.IsClassMethod || sig.IsProperty || sig.HasExplicitSelf
                || sig.IsAsync || sig.IsGenerator || AllParams(sig).Count != 1) continue;
            yield return MethodDeclaration(Cs.String, method)
                .AddModifiers(Token(SyntaxKind.PublicKeyword), Token(SyntaxKind.OverrideKeyword))
                .WithExpressionBody(ArrowExpressionClause(Py("DunderString", Str(dunder), Call(Member(ThisExpression(), sig.CsName)))))
                .WithSemicolonToken(Token(SyntaxKind.SemicolonToken));
        }
    }

    static bool IsRuntimeVirtual(string name) => name is "__repr__" or "__str__" or "__eq__" or "__hash__" or "__lt__" or "__len__";

    static List<string> AllParams(FuncSig sig)
    {
        var list = new List<string>(sig.Params);
        if (sig.VarArgs != null) list.Add(sig.VarArgs);
        list.AddRange(sig.KwOnly);
        if (sig.KwArgs != null) list.Add(sig.KwArgs);
        return list;
    }

    FunctionCtx NewFunctionCtx(FuncSig? sig, IReadOnlyList<Stmt> body, List<string> paramNames, ClassInfo? owner, FunctionCtx? parent, bool isAsyncBody,
        PyType? returnType = null, bool returnsVoid = false, ExprLambda? lambda = null)
    {
        var scope = ScopeOf((Node?)lambda ?? sig!.Def!);
        var ctx = new FunctionCtx
        {
            Parent = parent,
            Scope = scope,
            IsAsync = isAsyncBody,
            IsGenerator = sig?.IsGenerator ?? false,
            YieldsByCall = sig is { IsGenerator: true, IsAsync: false } && YieldsInHandledBlock(body),
            Class = owner,
            SelfName = owner != null && sig is { IsStatic: false, IsClassMethod: false, HasExplicitSelf: false } && paramNames.Count > 0 ? paramNames[0] : null,
            SuperSelf = owner != null && sig is { IsStatic: false } && paramNames.Count > 0 ? paramNames[0] : null,
            QualName = sig?.QualName ?? "",
            // A lambda gets a synthetic def on each translation: its slots are keyed by the lambda node instead.
            Key = lambda ?? (sig is { PyName: not "<lambda>" } ? sig.Def : null),
            ReturnType = returnType ?? PyType.Dynamic,
            ReturnsVoid = returnsVoid,
        };
        ctx.AssignNames(scope.Locals);
        return ctx;
    }

    IEnumerable<StatementSyntax> DeclareLocals(FunctionCtx ctx, List<string> paramNames)
    {
        foreach (var l in ctx.Scope.Variables)
        {
            if (paramNames.Contains(l)) continue;
            yield return DeclareLocal(ctx, l, DeclKind.Local);
        }
    }

    /// <summary>A local's declaration: its inferred C# type and that type's default (counted for the typing report).</summary>
    LocalDeclarationStatementSyntax DeclareLocal(FunctionCtx ctx, string name, DeclKind kind)
    {
        var t = ctx.Key == null ? PyType.Dynamic : _types.Var(ctx.Key, name);
        _counter.Add(kind, t, $"{ctx.QualName}.{name}");
        return Local(CsTypeOf(t), ctx.CsName(name), DefaultValue(t));
    }

    /// <summary>
    /// A function as a value (passed to <c>then</c>, <c>sorted(key=...)</c>...): a PyFunc that
    /// binds Python arguments (positional, keywords, defaults) and calls the method.
    /// </summary>
    MemberDeclarationSyntax FunctionValueProperty(FuncSig sig, ClassInfo? owner)
    {
        string cache = sig.CsName + "__value";
        var field = FieldDeclaration(VariableDeclaration(NullableType(ParseTypeName("PyFunc")), SingletonSeparatedList(VariableDeclarator(cache))))
            .AddModifiers(Token(SyntaxKind.StaticKeyword));
        _members.Add(field);
        _functionValueOf[field] = sig;
        ExpressionSyntax create = FunctionObject(sig, sig.CsName);
        if (sig.IsAsync && !sig.IsGenerator && sig.Mode == UnsyncMode.None) create = Call(Member(Id("PyUnsync"), "MarkCoroutine"), create);
        if (HasBodyMethod(sig, owner))
        {
            // As unsync's wrapper (functools.update_wrapper): __wrapped__ is the function as written.
            ExpressionSyntax undecorated = FunctionObject(sig, sig.CsName + "__body");
            if (sig.IsAsync) undecorated = Call(Member(Id("PyUnsync"), "MarkCoroutine"), undecorated);
            create = Call(Member(Id("PyUnsync"), "Decorated"), create, undecorated);
        }
        var property = PropertyDeclaration(ParseTypeName("PyFunc"), sig.CsName + "__func")
            .AddModifiers(Token(SyntaxKind.PublicKeyword), Token(SyntaxKind.StaticKeyword))
            .WithExpressionBody(ArrowExpressionClause(AssignmentExpression(SyntaxKind.CoalesceAssignmentExpression, Id(cache),
                sig.IsAsync && sig.Mode == UnsyncMode.None ? Cast(ParseTypeName("PyFunc"), create) : create)))
            .WithSemicolonToken(Token(SyntaxKind.SemicolonToken));
        _functionValueOf[property] = sig;
        return property;
    }

    /// <summary><c>new PyFunc(name, (args, kwargs) => target(bound args), qualname)</c>, with the def's docstring.</summary>
    ObjectCreationExpressionSyntax FunctionObject(FuncSig sig, string target)
    {
        var call = Call(Id(target), BoundArgs(sig, Id("__b"), AllParams(sig).Count));
        var lambda = ParenthesizedLambdaExpression()
            .WithParameterList(ParameterList(SeparatedList(new[] { Parameter(Identifier("__a")).WithType(ParseTypeName("object?[]")), Parameter(Identifier("__k")).WithType(ParseTypeName("PyKwargs?")) })))
            .WithBlock(Block(CallThenNull(sig, call, v => ReturnStatement(v))
                .Prepend(Local(Cs.Var, "__b", BindCall(sig, Id("__a"), Id("__k"))))));
        return WithFunctionAttributes(New("PyFunc", Str(sig.PyName), lambda, Str(sig.QualName)), sig.Def);
    }

    /// <summary>
    /// The method's arguments, in its parameter order (positional, *args, keyword-only,
    /// **kwargs), taken from <see cref="PyArgs"/>'s layout (positional and keyword-only
    /// values, then *args, then **kwargs).
    /// </summary>
    IEnumerable<ArgumentSyntax> BoundArgs(FuncSig sig, ExpressionSyntax bound, int count)
    {
        int named = sig.Params.Count + sig.KwOnly.Count;
        foreach (var p in AllParams(sig).Take(count))
        {
            int index = sig.Params.IndexOf(p) is >= 0 and var pi ? pi
                : p == sig.VarArgs ? named
                : sig.KwOnly.IndexOf(p) is >= 0 and var ki ? sig.Params.Count + ki
                : named + (sig.VarArgs != null ? 1 : 0);
            // Bound arguments are object: typed parameters get a checked conversion.
            yield return Argument(Coerce(new TypedExpr(ElementAccessExpression(bound, BracketedArgumentList(SingletonSeparatedList(Argument(Int(index))))), PyType.Dynamic),
                DeclaredParam(sig, p)));
        }
    }

    /// <summary><c>PyArgs.Bind("f", args, kwargs, names, defaults, varargs?, kwargs?)</c>.</summary>
    ExpressionSyntax BindCall(FuncSig sig, ExpressionSyntax args, ExpressionSyntax kwargs)
    {
        var names = sig.Params.Concat(sig.KwOnly).ToList();
        var defaults = names.Select(n => sig.Defaults.TryGetValue(n, out var f) ? DefaultRef(sig, f) : Member(Id("PyArgs"), "NoDefault"));
        return Call(Member(Id("PyArgs"), "Bind"), Str(sig.PyName), args, kwargs,
            ArrayCreationExpression(ArrayType(Cs.String, SingletonList(ArrayRankSpecifier(SingletonSeparatedList<ExpressionSyntax>(OmittedArraySizeExpression())))),
                InitializerExpression(SyntaxKind.ArrayInitializerExpression, SeparatedList(names.Select(Str)))),
            ObjectArray(defaults), Int(sig.Params.Count), Bool(sig.VarArgs != null), Bool(sig.KwArgs != null));
    }

    /// <summary>The static field holding a parameter's default, qualified when another module defined the function.</summary>
    ExpressionSyntax DefaultRef(FuncSig sig, string field) =>
        sig.DefaultsOwner.Length == 0 || sig.DefaultsOwner == _csClass ? Id(field) : Member(Id(sig.DefaultsOwner), field);

    // ---- classes ----------------------------------------------------------------------------

    void EmitClass(ClassInfo info)
    {
        var members = new List<MemberDeclarationSyntax>();
        foreach (var f in DeclaredFields(info))
        {
            var ft = info.UsesMroDispatch ? PyType.Dynamic : _types.Field(info, f);
            _counter.Add(DeclKind.Field, ft, $"{info.QualName}.{f}");
            var declarator = VariableDeclarator(CSharpNames.Identifier(f));
            if (ft.IsStatic) declarator = declarator.WithInitializer(EqualsValueClause(DefaultValue(ft)));
            members.Add(FieldDeclaration(VariableDeclaration(CsTypeOf(ft), SingletonSeparatedList(declarator))).AddModifiers(Token(SyntaxKind.PublicKeyword)));
        }
        foreach (var a in info.ClassAttributes.Distinct())
        {
            _counter.Add(DeclKind.Field, PyType.Dynamic, $"{info.QualName}.{a} (class attribute)");
            members.Add(FieldDeclaration(VariableDeclaration(Cs.Object, SingletonSeparatedList(VariableDeclarator(CSharpNames.Identifier(a)))))
                .AddModifiers(Token(SyntaxKind.PublicKeyword), Token(SyntaxKind.StaticKeyword)));
        }
        foreach (var sig in info.DecoratedMethods.Values)
            members.Add(FieldDeclaration(VariableDeclaration(Cs.Object, SingletonSeparatedList(VariableDeclarator(DecoratedField(sig)))))
                .AddModifiers(Token(SyntaxKind.PublicKeyword), Token(SyntaxKind.StaticKeyword)));

        string baseType = info.Base != null ? ClassRef(info.Base) : info.BaseExceptionCs ?? info.RuntimeBaseCs ?? (info.IsDataclass ? DataclassBase : "PyObjectBase");
        if (info.IsException)
        {
            members.Add(ConstructorDeclaration(info.CsName).AddModifiers(Token(SyntaxKind.PublicKeyword))
                .AddParameterListParameters(Parameter(Identifier("args")).WithType(ParseTypeName("object?[]")).AddModifiers(Token(SyntaxKind.ParamsKeyword)))
                .WithInitializer(ConstructorInitializer(SyntaxKind.BaseConstructorInitializer, ArgumentList(SingletonSeparatedList(Argument(Id("args"))))))
                .WithBody(Block()));
        }

        // Methods (and their defaults, evaluated when the class body runs).
        foreach (var s in info.Def.Body)
        {
            if (s is not (StmtFunctionDef or StmtAsyncFunctionDef)) continue;
            string name = s is StmtFunctionDef fd ? fd.Name : ((StmtAsyncFunctionDef)s).Name;
            if (info.MethodOf(s) is not { } sig) continue; // replaced by a later def of the same name
            var args = s is StmtFunctionDef f1 ? f1.Args : ((StmtAsyncFunctionDef)s).Args;
            var body = s is StmtFunctionDef f2 ? f2.Body : ((StmtAsyncFunctionDef)s).Body;
            foreach (var (param, field) in sig.Defaults)
                _members.Add(StaticField(field, null, CsTypeOf(DeclaredParam(sig, param))));
            var m = FunctionMethod(sig, args, body, info, isStatic: sig.IsStatic || sig.IsClassMethod || sig.HasExplicitSelf);
            members.Add(WithComments(s, m.WithLeadingTrivia(LineComment(Describe(sig)).AddRange(DocComments.For(body)))));
        }
        if (info.IsDataclass) members.AddRange(DataclassMembers(info));
        if (info.IsDataclass && !info.IsException) members.AddRange(DataclassProtocol(info));
        members.AddRange(info.UsesMroDispatch ? MroProtocol(info) : ObjectProtocol(info));
        if (info.IsException && !info.UsesMroDispatch) members.AddRange(ExceptionDunders(info));
        members.Add(FactoryMethod(info));
        members.Add(PyClassField(info));

        var cls = ClassDeclaration(info.CsName)
            .AddModifiers(Token(SyntaxKind.PublicKeyword))
            .AddBaseListTypes(SimpleBaseType(ParseTypeName(baseType)))
            .WithMembers(List(members))
            .WithLeadingTrivia(LineComment($"Python class {info.QualName}{(info.IsDataclass ? " (@dataclass)" : "")}.").AddRange(DocComments.For(info.Def.Body)));
        // Comments after the last statement of the class body stay at the end of the class.
        var end = info.Def.Body.Count > 0 ? Comments.TakeBlockEnd(info.Def.Body[^1]) : [];
        if (end.Count > 0) cls = cls.WithCloseBraceToken(cls.CloseBraceToken.WithLeadingTrivia(CommentTrivia(end)));
        _members.Add(cls);
    }

    /// <summary><c>del obj.name</c> of the class's properties: the deleter runs; a property without one refuses, as Python's does.</summary>
    List<SwitchSectionSyntax> PropertyDeleteCases(ClassInfo info)
    {
        var cases = new List<SwitchSectionSyntax>();
        foreach (var (name, _) in info.Methods.Where(m => m.Value.IsProperty))
            cases.Add(SwitchSection(SingletonList<SwitchLabelSyntax>(CaseSwitchLabel(Str(name))),
                info.Methods.TryGetValue(FuncSig.MethodKey(name, false, isDeleter: true), out var deleter)
                    ? List(new StatementSyntax[] { Stmt(Call(Member(ThisExpression(), deleter.CsName))), ReturnStatement(Cs.True) })
                    : SingletonList<StatementSyntax>(ThrowStatement(Py("PropertyWithoutDeleter", ThisExpression(), Str(name))))));
        return cases;
    }

    /// <summary>Class-body statements other than methods (class attributes) and method defaults, run when the class statement runs.</summary>
    List<StatementSyntax> EvaluateClassStatics(ClassInfo info)
    {
        var list = new List<StatementSyntax>();
        if (info.HasInconsistentMro)
            list.Add(ThrowStatement(New("TypeError", Str("Cannot create a consistent method resolution order (MRO) for bases " +
                string.Join(", ", info.Def.Bases.Select(b => b is ExprAttribute ba ? ba.Attr : SourceText(b)))))));
        if (info.UsesMroDispatch && info.IsDataclass) list.Add(Gap(info.Def, "@dataclass on a class of several bases"));
        // Instances are made by the C# constructor and __init__: a __new__ of the class would never run.
        if (info.Def.Body.FirstOrDefault(s => s is StmtFunctionDef { Name: "__new__" } or StmtAsyncFunctionDef { Name: "__new__" }) is { } newDef)
            list.Add(Gap(newDef, "__new__ (instances are made by __init__ alone)"));
        var pending = new List<Python.PythonComment>();
        foreach (var s in info.Def.Body)
            list.AddRange(s is StmtFunctionDef or StmtAsyncFunctionDef ? ClassStatics(info, s) : WithComments(s, ClassStatics(info, s), pending));
        EndBlock(list, null, pending);
        if (InitSubclass(info) is { } initSubclass) list.Add(initSubclass);
        return list;
    }

    IEnumerable<StatementSyntax> ClassStatics(ClassInfo info, Stmt s)
    {
        {
            switch (s)
            {
                case StmtFunctionDef or StmtAsyncFunctionDef:
                    {
                        string name = s is StmtFunctionDef fd ? fd.Name : ((StmtAsyncFunctionDef)s).Name;
                        if (info.MethodOf(s) is not { } sig) break; // replaced by a later def of the same name
                        var args = s is StmtFunctionDef f1 ? f1.Args : ((StmtAsyncFunctionDef)s).Args;
                        foreach (var (param, field) in sig.Defaults)
                            yield return Stmt(Assign(Id(field), ValueAs(DefaultOf(args, param)!, DeclaredParam(sig, param), ModuleCtx)));
                        if (sig.RuntimeDecorators.Count > 0) yield return DecoratedMethodValue(info, sig);
                        break;
                    }
                case StmtAssign a when a.Targets.All(t => t is ExprName):
                    foreach (var t in a.Targets)
                        yield return Stmt(Assign(Member(Id(info.CsName), CSharpNames.Identifier(((ExprName)t).Id)), Expression(a.Value, ModuleCtx)));
                    break;
                case StmtAnnAssign { Target: ExprName n, Value: { } v } when !info.IsDataclass:
                    yield return Stmt(Assign(Member(Id(info.CsName), CSharpNames.Identifier(n.Id)), Expression(v, ModuleCtx)));
                    break;
                case StmtAnnAssign when info.IsDataclass:
                    break; // dataclass fields: defaults are read by the synthesized __init__
                case StmtAnnAssign { Target: ExprName, Value: null }:
                    break; // a bare annotation binds nothing
                case StmtPass:
                    break;
                case StmtExpr { Value: ExprConstant { Value: string or PyEllipsis } }:
                    break; // a docstring, or '...' as the body
                default:
                    yield return Gap(s, "statement in a class body");
                    break;
            }
        }
    }

    /// <summary>The class as a Python value (<c>isinstance</c>, passing it around, calling it dynamically).</summary>
    MemberDeclarationSyntax PyClassField(ClassInfo info)
    {
        var init = info.FindMethod("__init__");
        ExpressionSyntax construct;
        if (init == null)
            construct = info.IsException ? Call(Id("__create"), Id("__a")) : info.HasRuntimeInit ? Call(Id("__create"), Id("__a"), Id("__k")) : Call(Id("__create"));
        else
        {
            var bindSig = init.Bound(info.PyName, "__create", skip: 1);
            construct = Call(Id("__create"), BoundArgs(bindSig, Id("__b"), AllParams(bindSig).Count));
            construct = Call(ParenthesizedExpression(CastExpression(ParseTypeName("Func<object?[], object?>"),
                ParenthesizedExpression(SimpleLambdaExpression(Parameter(Identifier("__b")), construct)))), BindCall(bindSig, Id("__a"), Id("__k")));
        }
        var lambda = ParenthesizedLambdaExpression()
            .WithParameterList(ParameterList(SeparatedList(new[] { Parameter(Identifier("__a")).WithType(ParseTypeName("object?[]")), Parameter(Identifier("__k")).WithType(ParseTypeName("PyKwargs?")) })))
            .WithExpressionBody(construct);
        ExpressionSyntax create = New("PyType", Str(info.PyName), Str(_module.Name == _program.EntryModule ? "__main__" : _module.Name), TypeOfExpression(ParseTypeName(info.CsName)), lambda);
        var properties = new List<ExpressionSyntax>();
        if (info.StatesBases)
            properties.Add(Assign(Id("Bases"), ArrayCreationExpression(ArrayType(ParseTypeName("PyType"), SingletonList(ArrayRankSpecifier(SingletonSeparatedList<ExpressionSyntax>(OmittedArraySizeExpression())))),
                InitializerExpression(SyntaxKind.ArrayInitializerExpression, SeparatedList(info.KnownBases.Select(BaseClassValue))))));
        if (info.HasAbcMeta) properties.Add(Assign(Id("Metaclass"), Cast(ParseTypeName("PyType"), Py("Lib", Str("abc.ABCMeta")))));
        if (ClassAttributeLookup(info) is { } lookup) properties.Add(Assign(Id("ClassAttributes"), lookup));
        if (ClassAttributeStore(info) is { } store) properties.Add(Assign(Id("ClassAttributeStore"), store));
        if (InstanceMembersLookup(info) is { } members) properties.Add(Assign(Id("InstanceMembers"), members));
        if (properties.Count > 0)
            create = ((ObjectCreationExpressionSyntax)create).WithInitializer(InitializerExpression(SyntaxKind.ObjectInitializerExpression, SeparatedList(properties)));
        var field = FieldDeclaration(VariableDeclaration(ParseTypeName("PyType"), SingletonSeparatedList(VariableDeclarator("__pyclass").WithInitializer(EqualsValueClause(create)))))
            .AddModifiers(Token(SyntaxKind.PublicKeyword), Token(SyntaxKind.StaticKeyword), Token(SyntaxKind.ReadOnlyKeyword));
        return info.Base != null ? field.AddModifiers(Token(SyntaxKind.NewKeyword)) : field;
    }

    /// <summary><c>Cls(args)</c>: a static factory that creates the object and runs <c>__init__</c>.</summary>
    MemberDeclarationSyntax FactoryMethod(ClassInfo info)
    {
        var init = info.FindMethod("__init__");
        var self = ObjectCreationExpression(ParseTypeName(info.CsName));
        if (info.IsException && init == null)
        {
            return MethodDeclaration(ParseTypeName(info.CsName), "__create")
                .AddModifiers(Token(SyntaxKind.PublicKeyword), Token(SyntaxKind.StaticKeyword), Token(SyntaxKind.NewKeyword))
                .AddParameterListParameters(Parameter(Identifier("args")).WithType(ParseTypeName("object?[]")).AddModifiers(Token(SyntaxKind.ParamsKeyword)))
                .WithExpressionBody(ArrowExpressionClause(self.WithArgumentList(ArgumentList(SingletonSeparatedList(Argument(Id("args")))))))
                .WithSemicolonToken(Token(SyntaxKind.SemicolonToken));
        }
        if (info.HasRuntimeInit && init == null) return RuntimeInitFactory(info);
        var ps = init == null ? [] : AllParams(init).Skip(1).ToList();
        var body = new List<StatementSyntax>();
        body.AddRange(AbstractCheck(info));
        body.Add(Local(Cs.Var, "__self", self.WithArgumentList(ArgumentList())));
        var initArgs = ps.Select(p => (ExpressionSyntax)Id(CSharpNames.Identifier(p)));
        // __init__ along an MRO is a static method of the class defining it, taking self first.
        if (init is { HasExplicitSelf: true }) body.Add(Stmt(Call(Member(Id(ClassRef(init.Owner!)), init.CsName), initArgs.Prepend(Id("__self")).ToArray())));
        else if (init != null) body.Add(Stmt(Call(Member(Id("__self"), "__init__"), initArgs.ToArray())));
        body.Add(ReturnStatement(Id("__self")));
        var hides = info.Base != null || info.IsException;
        var m = MethodDeclaration(ParseTypeName(info.CsName), "__create")
            .AddModifiers(Token(SyntaxKind.PublicKeyword), Token(SyntaxKind.StaticKeyword))
            .WithParameterList(ParameterList(SeparatedList(ps.Select(p => Parameter(Identifier(CSharpNames.Identifier(p))).WithType(CsTypeOf(DeclaredParam(init!, p)))))))
            .WithBody(Block(body));
        return hides ? m.AddModifiers(Token(SyntaxKind.NewKeyword)) : m;
    }

    /// <summary>object.__new__ refuses a class with abstract methods left (abc.ABCMeta), before __init__ runs.</summary>
    static IEnumerable<StatementSyntax> AbstractCheck(ClassInfo info)
    {
        if (info.AbstractMethods is { Count: > 0 } abstracts)
            yield return ThrowStatement(Call(Member(ParseTypeName("UnsyncMigrate.Runtime.Python.Lib.Abc"), "CannotInstantiate"), abstracts.Prepend(info.PyName).Select(Str).ToArray()));
    }

    /// <summary><c>Cls(*args, **kwargs)</c> of a class whose only <c>__init__</c> is a runtime base class's (<c>threading.Thread</c>).</summary>
    MemberDeclarationSyntax RuntimeInitFactory(ClassInfo info) =>
        MethodDeclaration(ParseTypeName(info.CsName), "__create")
            .AddModifiers(Token(SyntaxKind.PublicKeyword), Token(SyntaxKind.StaticKeyword), Token(SyntaxKind.NewKeyword))
            .AddParameterListParameters(Parameter(Identifier("args")).WithType(ParseTypeName("object?[]")), Parameter(Identifier("kwargs")).WithType(ParseTypeName("PyKwargs?")))
            .WithBody(Block(AbstractCheck(info).Concat(
            [
                Local(Cs.Var, "__self", ObjectCreationExpression(ParseTypeName(info.CsName)).WithArgumentList(ArgumentList())),
                Stmt(Call(Member(Id("__self"), "Init"), Id("args"), Id("kwargs"))),
                ReturnStatement(Id("__self")),
            ])));

    /// <summary>__init__, __repr__ and __eq__ of a @dataclass, from its annotated fields.</summary>
    IEnumerable<MemberDeclarationSyntax> DataclassMembers(ClassInfo info)
    {
        var fields = info.Def.Body.OfType<StmtAnnAssign>().Where(a => a.Target is ExprName).ToList();
        if (info.FindMethod("__init__") == null)
        {
            // Default fields are module statics: another module constructing the class names their owner.
            var sig = new FuncSig { PyName = "__init__", CsName = "__init__", QualName = info.QualName + ".__init__", DefaultsOwner = _csClass };
            sig.Params.Add("self");
            var assigns = new List<StatementSyntax>();
            foreach (var f in fields)
            {
                string n = ((ExprName)f.Target).Id;
                sig.Params.Add(n);
                if (f.Value != null)
                {
                    string field = $"{CSharpNames.Sanitize(info.QualName)}____init____default_{n}";
                    sig.Defaults[n] = field;
                    _members.Add(StaticField(field, null));
                    var factory = FieldCall(f.Value) is { } fc ? fc.Keywords.FirstOrDefault(k => k.Arg == "default_factory") : null;
                    var plainDefault = FieldCall(f.Value) is { } fc2 ? fc2.Keywords.FirstOrDefault(k => k.Arg == "default")?.Value : f.Value;
                    if (factory != null)
                    {
                        // A factory runs per instance: the default slot holds a marker, __init__ calls the factory.
                        _init.Add(Stmt(Assign(Id(field), Member(Id("PyArgs"), "FactoryMarker"))));
                        assigns.Add(Stmt(Assign(Member(ThisExpression(), CSharpNames.Identifier(n)), Coerce(new TypedExpr(
                            ParenthesizedExpression(ConditionalExpression(BinaryExpression(SyntaxKind.EqualsExpression, Id(CSharpNames.Identifier(n)), Member(Id("PyArgs"), "FactoryMarker")),
                                Call(Member(Id("Py"), "Call"), Expression(factory.Value, ModuleCtx), ObjectArray([]), Cs.Null),
                                Id(CSharpNames.Identifier(n)))), PyType.Dynamic), _types.Field(info, n)))));
                        continue;
                    }
                    if (plainDefault != null) _init.Add(Stmt(Assign(Id(field), Expression(plainDefault, ModuleCtx))));
                }
                assigns.Add(Stmt(Assign(Member(ThisExpression(), CSharpNames.Identifier(n)),
                    Coerce(new TypedExpr(Id(CSharpNames.Identifier(n)), PyType.Dynamic), _types.Field(info, n)))));
            }
            assigns.Add(ReturnStatement(Cs.Null));
            info.Methods["__init__"] = sig;
            bool overrides = info.Base?.FindMethod("__init__") != null;
            yield return MethodDeclaration(Cs.Object, "__init__")
                .AddModifiers(Token(SyntaxKind.PublicKeyword), Token(overrides ? SyntaxKind.OverrideKeyword : SyntaxKind.VirtualKeyword))
                .WithParameterList(ParameterList(SeparatedList(sig.Params.Skip(1).Select(p => Parameter(Identifier(CSharpNames.Identifier(p))).WithType(Cs.Object)))))
                .WithBody(Block(assigns));
        }
        if (info.FindMethod("__repr__") == null && !DerivesFromDataclassBase(info))
        {
            var parts = new List<ExpressionSyntax> { Str(info.PyName + "(") };
            for (int i = 0; i < fields.Count; i++)
            {
                string n = ((ExprName)fields[i].Target).Id;
                parts.Add(Str((i > 0 ? ", " : "") + n + "="));
                parts.Add(Py("Repr", Member(ThisExpression(), CSharpNames.Identifier(n))));
            }
            parts.Add(Str(")"));
            yield return MethodDeclaration(Cs.Object, "__repr__")
                .AddModifiers(Token(SyntaxKind.PublicKeyword), Token(SyntaxKind.OverrideKeyword))
                .WithExpressionBody(ArrowExpressionClause(Call(Member(PredefinedType(Token(SyntaxKind.StringKeyword)), "Concat"), parts.ToArray())))
                .WithSemicolonToken(Token(SyntaxKind.SemicolonToken));
        }
        if (info.FindMethod("__eq__") == null && !DerivesFromDataclassBase(info))
        {
            ExpressionSyntax cond = BinaryExpression(SyntaxKind.EqualsExpression, Call(Id("GetType")), Call(Member(Id("other"), "GetType")));
            foreach (var f in fields)
            {
                string n = CSharpNames.Identifier(((ExprName)f.Target).Id);
                cond = BinaryExpression(SyntaxKind.LogicalAndExpression, cond,
                    Py("Eq", Member(ThisExpression(), n), Member(Cast(ParseTypeName(info.CsName), Id("other")), n)));
            }
            yield return MethodDeclaration(Cs.Object, "__eq__")
                .AddModifiers(Token(SyntaxKind.PublicKeyword), Token(SyntaxKind.OverrideKeyword))
                .AddParameterListParameters(Parameter(Identifier("other")).WithType(Cs.Object))
                .WithExpressionBody(ArrowExpressionClause(Cast(Cs.Object, BinaryExpression(SyntaxKind.LogicalAndExpression,
                    IsPatternExpression(Id("other"), TypePattern(ParseTypeName(info.CsName))), ParenthesizedExpression(cond)))))
                .WithSemicolonToken(Token(SyntaxKind.SemicolonToken));
        }
    }

    /// <summary>The type of the field <paramref name="name"/> as the class sees it (declared here or in a base).</summary>
    PyType FieldTypeIn(ClassInfo info, string name)
    {
        for (var c = info; c != null; c = c.Base)
            if (c.FieldSet.Contains(name)) return _types.Field(c, name);
        return PyType.Dynamic;
    }

    /// <summary>
    /// The dynamic object protocol the runtime uses when the receiver's class is not known
    /// statically: the Python type name, attribute get/set and method calls by name.
    /// </summary>
    IEnumerable<MemberDeclarationSyntax> ObjectProtocol(ClassInfo info)
    {
        yield return PropertyDeclaration(Cs.String, "PyTypeName")
            .AddModifiers(Token(SyntaxKind.PublicKeyword), Token(SyntaxKind.OverrideKeyword))
            .WithExpressionBody(ArrowExpressionClause(Str(info.PyName)))
            .WithSemicolonToken(Token(SyntaxKind.SemicolonToken));

        var getCases = new List<SwitchSectionSyntax>();
        var setCases = new List<SwitchSectionSyntax>();
        foreach (var f in info.Fields)
        {
            var fid = CSharpNames.Identifier(f);
            getCases.Add(SwitchSection(SingletonList<SwitchLabelSyntax>(CaseSwitchLabel(Str(f))),
                List(new StatementSyntax[] { Stmt(Assign(Id("__value"), Member(ThisExpression(), fid))), ReturnStatement(Cs.True) })));
            var set = new List<StatementSyntax> { Stmt(Assign(Member(ThisExpression(), fid), Coerce(new TypedExpr(Id("__value"), PyType.Dynamic), FieldTypeIn(info, f)))), ReturnStatement(Cs.True) };
            if (IsFrozenDataclass(info)) set.Insert(0, Stmt(Call(Id("CheckNotFrozen"), Str(f))));
            setCases.Add(SwitchSection(SingletonList<SwitchLabelSyntax>(CaseSwitchLabel(Str(f))), List(set)));
        }
        // Class attributes and methods are the runtime's fallback (base.TryGetAttr), after the
        // attributes set on the object itself, which shadow them.
        foreach (var (name, sig) in info.Methods.Where(m => m.Value.IsProperty))
            getCases.Add(SwitchSection(SingletonList<SwitchLabelSyntax>(CaseSwitchLabel(Str(name))),
                List(new StatementSyntax[] { Stmt(Assign(Id("__value"), Call(Member(ThisExpression(), sig.CsName)))), ReturnStatement(Cs.True) })));

        foreach (var (_, sig) in info.Methods.Where(m => m.Value.IsPropertySetter))
            setCases.Add(SwitchSection(SingletonList<SwitchLabelSyntax>(CaseSwitchLabel(Str(sig.PyName))),
                List(new StatementSyntax[] { Stmt(Call(Member(ThisExpression(), sig.CsName), Id("__value"))), ReturnStatement(Cs.True) })));
        // A property without a setter refuses assignment (else the object would store a value its property hides).
        foreach (var (name, _) in info.Methods.Where(m => m.Value.IsProperty && !info.Methods.ContainsKey(FuncSig.MethodKey(m.Key, isSetter: true))))
            setCases.Add(SwitchSection(SingletonList<SwitchLabelSyntax>(CaseSwitchLabel(Str(name))),
                SingletonList<StatementSyntax>(ThrowStatement(Py("PropertyWithoutSetter", ThisExpression(), Str(name))))));

        yield return MethodDeclaration(Cs.BoolType, "TryGetAttr")
            .AddModifiers(Token(SyntaxKind.PublicKeyword), Token(SyntaxKind.OverrideKeyword))
            .AddParameterListParameters(Parameter(Identifier("__name")).WithType(Cs.String),
                Parameter(Identifier("__value")).WithType(Cs.Object).AddModifiers(Token(SyntaxKind.OutKeyword)))
            .WithBody(Block(
                SwitchStatement(Id("__name")).WithSections(List(getCases)),
                ReturnStatement(Call(Member(BaseExpression(), "TryGetAttr"), Argument(Id("__name")), Argument(Id("__value")).WithRefKindKeyword(Token(SyntaxKind.OutKeyword))))));
        yield return MethodDeclaration(Cs.BoolType, "TrySetAttr")
            .AddModifiers(Token(SyntaxKind.PublicKeyword), Token(SyntaxKind.OverrideKeyword))
            .AddParameterListParameters(Parameter(Identifier("__name")).WithType(Cs.String), Parameter(Identifier("__value")).WithType(Cs.Object))
            .WithBody(Block(
                SwitchStatement(Id("__name")).WithSections(List(setCases)),
                ReturnStatement(Call(Member(BaseExpression(), "TrySetAttr"), Id("__name"), Id("__value")))));

        if (PropertyDeleteCases(info) is { Count: > 0 } delCases)
            yield return MethodDeclaration(Cs.BoolType, "TryDelAttr")
                .AddModifiers(Token(SyntaxKind.PublicKeyword), Token(SyntaxKind.OverrideKeyword))
                .AddParameterListParameters(Parameter(Identifier("__name")).WithType(Cs.String))
                .WithBody(Block(
                    SwitchStatement(Id("__name")).WithSections(List(delCases)),
                    ReturnStatement(Call(Member(BaseExpression(), "TryDelAttr"), Id("__name")))));

        var callCases = new List<SwitchSectionSyntax>();
        foreach (var (name, sig) in info.Methods)
        {
            if (sig.IsProperty || sig.IsPropertyAccessor) continue;
            var bindSig = sig.Bound(sig.PyName, sig.CsName, skip: sig.IsStatic ? 0 : 1);
            int count = AllParams(bindSig).Count;
            var args = BoundArgs(bindSig, Id("__b"), count);
            if (sig.IsClassMethod) args = args.Prepend(Argument(Py("Type", ThisExpression())));
            var invoke = Call(sig.IsStatic || sig.IsClassMethod ? Id(sig.CsName) : Member(ThisExpression(), sig.CsName), args);
            callCases.Add(SwitchSection(SingletonList<SwitchLabelSyntax>(CaseSwitchLabel(Str(name))),
                List(new StatementSyntax[]
                {
                    // Dynamic dispatch (unknown receivers, the runtime's dunder calls) always wants a result: a void method gives None.
                    Block(CallThenNull(sig, invoke, v => Stmt(Assign(Id("__result"), v)))
                        .Prepend(Local(Cs.Var, "__b", BindCall(bindSig, Id("__args"), Id("__kwargs"))))
                        .Append(ReturnStatement(Cs.True))),
                })));
        }
        callCases.AddRange(RebindingCallCases(info));
        yield return TryCallMethodOverride()
            .WithBody(Block(
                SwitchStatement(Id("__name")).WithSections(List(callCases)),
                ReturnStatement(Call(Member(BaseExpression(), "TryCallMethod"), Argument(Id("__name")), Argument(Id("__args")), Argument(Id("__kwargs")),
                    Argument(Id("__result")).WithRefKindKeyword(Token(SyntaxKind.OutKeyword))))));
    }
}
