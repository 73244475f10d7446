using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using UnsyncMigrate.Analysis.Model;
using UnsyncMigrate.Analysis.Program;
using UnsyncMigrate.Python.Ast;
using UnsyncMigrate.Translation.Typing;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;
using static UnsyncMigrate.Translation.Cs;

namespace UnsyncMigrate.Translation;

// Statements.
internal sealed partial class ModuleTranslator
{
    List<StatementSyntax> Statements(IEnumerable<Stmt> body, FunctionCtx ctx)
    {
        var list = new List<StatementSyntax>();
        var pending = new List<Python.PythonComment>();
        Stmt? last = null;
        foreach (var s in body)
        {
            list.AddRange(WithComments(s, Statement(s, ctx), pending));
            last = s;
        }
        EndBlock(list, last, pending);
        return list;
    }

    IEnumerable<StatementSyntax> Statement(Stmt s, FunctionCtx ctx)
    {
        switch (s)
        {
            case StmtExpr { Value: ExprConstant { Value: string } }:
                return []; // docstring
            case StmtExpr { Value: ExprConstant { Value: PyEllipsis } }:
                return []; // '...' as a body (an abstract method's, a stub's)
            case StmtExpr { Value: ExprYield y } when ctx.IsGenerator:
                return [YieldOf(y.Value == null ? Cs.Null : Expression(y.Value, ctx), ctx)];
            case StmtExpr { Value: ExprYieldFrom yf } when ctx.IsGenerator:
                {
                    string it = NewTemp("y");
                    return [ForEachStatement(Cs.Object, Identifier(it), Py("Iter", Expression(yf.Value, ctx)), YieldOf(Id(it), ctx))];
                }
            case StmtExpr e:
                return [ExpressionStatementOf(e.Value, ctx)];
            case StmtAssign a:
                return AssignStatement(a, ctx);
            case StmtAugAssign aug:
                return AugAssign(aug, ctx);
            case StmtAnnAssign ann:
                return ann.Value == null ? [] : AssignTo(ann.Target, Typed(ann.Value, ctx), ctx);
            case StmtReturn r:
                if (ctx.IsGenerator) return [ctx.YieldsByCall ? ReturnStatement() : YieldStatement(SyntaxKind.YieldBreakStatement)];
                // 'return g()' where g() is known to give None: g still runs, for its effects.
                if (ctx.ReturnsVoid)
                    return r.Value is null or ExprConstant { Value: null } ? [ReturnStatement()] : [ExpressionStatementOf(r.Value, ctx), ReturnStatement()];
                return [ReturnStatement(r.Value == null ? Cs.Null : ValueAs(r.Value, ctx.ReturnType, ctx))];
            case StmtPass:
                return [];
            case StmtBreak:
                return [BreakStatement()];
            case StmtContinue:
                return [ContinueStatement()];
            case StmtIf i:
                return [IfStmt(i, ctx)];
            case StmtWhile w:
                return WhileStmt(w, ctx);
            case StmtFor f:
                return ForStmt(f.Target, f.Iter, f.Body, f.Orelse, ctx);
            case StmtTry t:
                return TryStmt(t, ctx);
            case StmtRaise r:
                return [RaiseStmt(r, ctx)];
            case StmtAssert a:
                return [IfStatement(Not(Condition(a.Test, ctx)),
                    ThrowStatement(Py("AssertionFailed", a.Msg == null ? Cs.Null : Expression(a.Msg, ctx))))];
            case StmtImport or StmtImportFrom:
                return ImportStmt(s, ctx);
            case StmtGlobal or StmtNonlocal:
                return [];
            case StmtFunctionDef or StmtAsyncFunctionDef:
                return NestedFunction(s, ctx);
            case StmtWith w:
                return WithStmt(w.Items, w.Body, isAsync: false, ctx);
            case StmtAsyncWith aw when ctx.IsAsync:
                return WithStmt(aw.Items, aw.Body, isAsync: true, ctx);
            case StmtAsyncFor af when ctx.IsAsync:
                return AsyncForStmt(af, ctx);
            case StmtDelete d:
                return d.Targets.Select(t => DeleteTarget(t, ctx)).ToList();
            case StmtClassDef c when !ctx.IsModule:
                return [Gap(c, "class defined inside a function")];
            default:
                return [Gap(s, s.PythonName + " statement")];
        }
    }

    StatementSyntax ExpressionStatementOf(Expr e, FunctionCtx ctx)
    {
        if (e is ExprAwait aw && ctx.IsAsync)
            return ExpressionStatement(AwaitExpression(AsyncSleepOf(aw.Value, ctx) ?? Rt.Await(Expression(aw.Value, ctx))));
        var x = PrintStatementCall(e, ctx) ?? Expression(e, ctx);
        if (x is InvocationExpressionSyntax or AwaitExpressionSyntax or AssignmentExpressionSyntax)
            return ExpressionStatement(x);
        if (x is ThrowExpressionSyntax t) return ThrowStatement(t.Expression);
        return ExpressionStatement(Py("Discard", x));
    }

    // ---- assignment --------------------------------------------------------------------

    IEnumerable<StatementSyntax> AssignStatement(StmtAssign a, FunctionCtx ctx)
    {
        var value = Typed(a.Value, ctx);
        if (a.Targets.Count == 1) return AssignTo(a.Targets[0], value, ctx);
        // a = b = value: evaluate once, assign left to right.
        string tmp = NewTemp("v");
        var list = new List<StatementSyntax> { Local(CsTypeOf(value.Type), tmp, value.Syntax) };
        foreach (var t in a.Targets) list.AddRange(AssignTo(t, new TypedExpr(Id(tmp), value.Type), ctx));
        return list;
    }

    List<StatementSyntax> AssignTo(Expr target, ExpressionSyntax value, FunctionCtx ctx) => AssignTo(target, new TypedExpr(value, PyType.Dynamic), ctx);

    List<StatementSyntax> AssignTo(Expr target, TypedExpr typed, FunctionCtx ctx)
    {
        var value = typed.Syntax;
        switch (target)
        {
            case ExprName n:
                return [Stmt(Assign(NameTarget(n.Id, ctx), Coerce(typed, TargetType(n.Id, ctx))))];
            case ExprAttribute at:
                if (AttributeTarget(at, ctx) is { } field) return [Stmt(Assign(field, Coerce(typed, FieldType(at, ctx))))];
                NoteMethodReplacement(at, at.Value, at.Attr, ctx);
                return [Stmt(Py("SetAttr", Expression(at.Value, ctx), Str(at.Attr), value))];
            case ExprSubscript sub:
                return [Stmt(Py("SetItem", Expression(sub.Value, ctx), SliceOrIndex(sub.Slice, ctx), value))];
            case ExprTuple or ExprList:
                {
                    var elts = target is ExprTuple t ? t.Elts : ((ExprList)target).Elts;
                    string tmp = NewTemp("u");
                    int star = elts.ToList().FindIndex(e => e is ExprStarred);
                    var unpack = star < 0
                        ? Py("Unpack", value, Int(elts.Count))
                        : Py("UnpackStarred", value, Int(star), Int(elts.Count - star - 1));
                    var list = new List<StatementSyntax> { Local(Cs.Var, tmp, unpack) };
                    for (int i = 0; i < elts.Count; i++)
                    {
                        var el = elts[i] is ExprStarred st ? st.Value : elts[i];
                        list.AddRange(AssignTo(el, ElementAccessExpression(Id(tmp), BracketedArgumentList(SingletonSeparatedList(Argument(Int(i))))), ctx));
                    }
                    return list;
                }
            default:
                return [Gap(target, "assignment target " + target.PythonName)];
        }
    }

    /// <summary>Where an assignment to a name goes: a C# local, a captured local, or a module field.</summary>
    ExpressionSyntax NameTarget(string name, FunctionCtx ctx)
    {
        for (var c = ctx; c != null; c = c.Parent)
        {
            if (c.IsModule) break;
            if (c.Scope.Globals.Contains(name)) break;
            if (c.IsLocal(name)) return Id(c.CsName(name));
            if (!c.Scope.Nonlocals.Contains(name)) break;
        }
        return ModuleFieldRef(name);
    }

    /// <summary>The C# type of the slot an assignment to <paramref name="name"/> stores into.</summary>
    PyType TargetType(string name, FunctionCtx ctx) => TargetScope(name, ctx) is { } scope ? _types.Var(scope, name) : PyType.Dynamic;

    /// <summary>The C# type of the field a <c>self.x</c> store reaches.</summary>
    PyType FieldType(ExprAttribute at, FunctionCtx ctx) => FieldOwner(at, ctx) is { } owner ? _types.Field(owner, at.Attr) : PyType.Dynamic;

    ExpressionSyntax ModuleFieldRef(string name)
    {
        _globals.Add(name);
        return Member(Id(_csClass), CSharpNames.Identifier(name));
    }

    /// <summary><c>self.x</c> inside a method of a class that declares <c>x</c>: the C# field.</summary>
    ExpressionSyntax? AttributeTarget(ExprAttribute at, FunctionCtx ctx)
    {
        if (at.Value is ExprName n && ctx.SelfName == n.Id && ctx.Class is { } cls && IsSelf(n.Id, ctx))
        {
            if (cls.HasField(at.Attr)) return Member(ThisExpression(), CSharpNames.Identifier(at.Attr));
        }
        return null;
    }

    static bool IsSelf(string name, FunctionCtx ctx) => ctx.SelfName == name && !ctx.Scope.Locals.Skip(1).Contains(name);

    IEnumerable<StatementSyntax> AugAssign(StmtAugAssign aug, FunctionCtx ctx)
    {
        string op = "I" + aug.Op switch
        {
            Operator.Add => "Add", Operator.Sub => "Sub", Operator.Mult => "Mul", Operator.Div => "TrueDiv",
            Operator.FloorDiv => "FloorDiv", Operator.Mod => "Mod", Operator.Pow => "Pow", Operator.BitOr => "Or",
            Operator.BitAnd => "And", Operator.BitXor => "Xor", Operator.LShift => "LShift", Operator.RShift => "RShift",
            _ => "MatMul",
        };
        switch (aug.Target)
        {
            case ExprName n:
                {
                    var t = NameTarget(n.Id, ctx);
                    // Immutable values: x += v is x = x + v (native when typed); containers keep the in-place operator.
                    if (TargetType(n.Id, ctx) is { Kind: PyKind.Int or PyKind.Float or PyKind.Str } nt)
                        return [Stmt(Assign(t, ValueAs(new ExprBinOp(AsLoad(n)!, aug.Op, aug.Value, aug.Lineno, aug.ColOffset, aug.EndLineno, aug.EndColOffset), nt, ctx)))];
                    if (TargetType(n.Id, ctx) is { IsStatic: true } ct)
                        return [Stmt(Assign(t, Coerce(new TypedExpr(Py(op, t, Expression(aug.Value, ctx)), PyType.Dynamic), ct)))];
                    return [Stmt(Assign(t, Py(op, t, Expression(aug.Value, ctx))))];
                }
            case ExprAttribute at:
                {
                    if (AttributeTarget(at, ctx) is { } field)
                    {
                        if (FieldType(at, ctx) is { Kind: PyKind.Int or PyKind.Float or PyKind.Str } ft)
                            return [Stmt(Assign(field, ValueAs(new ExprBinOp(AsLoad(at)!, aug.Op, aug.Value, aug.Lineno, aug.ColOffset, aug.EndLineno, aug.EndColOffset), ft, ctx)))];
                        if (FieldType(at, ctx) is { IsStatic: true } fct)
                            return [Stmt(Assign(field, Coerce(new TypedExpr(Py(op, field, Expression(aug.Value, ctx)), PyType.Dynamic), fct)))];
                        return [Stmt(Assign(field, Py(op, field, Expression(aug.Value, ctx))))];
                    }
                    string obj = NewTemp("o");
                    return [Local(Cs.Object, obj, Expression(at.Value, ctx)),
                        Stmt(Py("SetAttr", Id(obj), Str(at.Attr), Py(op, Py("GetAttr", Id(obj), Str(at.Attr)), Expression(aug.Value, ctx))))];
                }
            case ExprSubscript sub:
                {
                    string obj = NewTemp("o"), key = NewTemp("k"), val = NewTemp("v"), cur = NewTemp("cur");
                    var apply = SimpleLambdaExpression(Parameter(Identifier(cur)), Py(op, Id(cur), Id(val)));
                    return [Local(Cs.Object, obj, Expression(sub.Value, ctx)), Local(Cs.Object, key, SliceOrIndex(sub.Slice, ctx)),
                        Local(Cs.Object, val, Expression(aug.Value, ctx)),
                        Stmt(Py("AugItem", Id(obj), Id(key), apply))];
                }
            default:
                return [Gap(aug, "augmented assignment target")];
        }
    }

    StatementSyntax DeleteTarget(Expr t, FunctionCtx ctx) => t switch
    {
        ExprSubscript sub => Stmt(Py("DelItem", Expression(sub.Value, ctx), SliceOrIndex(sub.Slice, ctx))),
        ExprName n => Stmt(Assign(NameTarget(n.Id, ctx), Cs.Null)),
        // A C# field cannot be unset: deleting an attribute some class declares as one is left to a human.
        ExprAttribute at when _types.Classes.Any(c => c.FieldSet.Contains(at.Attr)) => Gap(t, $"del of attribute '{at.Attr}' (a field of a class)"),
        ExprAttribute at => Stmt(Py("DelAttr", Expression(at.Value, ctx), Str(at.Attr))),
        _ => Gap(t, "del target"),
    };

    // ---- control flow ----------------------------------------------------------------------

    StatementSyntax IfStmt(StmtIf i, FunctionCtx ctx)
    {
        var then = Block(Statements(i.Body, ctx));
        if (i.Orelse.Count == 0) return IfStatement(Condition(i.Test, ctx), then);
        StatementSyntax elseStmt = i.Orelse.Count == 1 && i.Orelse[0] is StmtIf elif
            ? WithComments(elif, [IfStmt(elif, ctx)], [])[0]
            : Block(Statements(i.Orelse, ctx));
        return IfStatement(Condition(i.Test, ctx), then, ElseClause(elseStmt));
    }

    IEnumerable<StatementSyntax> WhileStmt(StmtWhile w, FunctionCtx ctx)
    {
        if (w.Orelse.Count == 0)
            return [WhileStatement(Condition(w.Test, ctx), Block(Statements(w.Body, ctx)))];
        // while/else: the else block runs when the loop ends without break.
        string broke = NewTemp("broke");
        var body = Statements(w.Body, ctx).Select(s => MarkBreaks(s, broke)).ToList();
        return [Local(Cs.BoolType, broke, Cs.False),
            WhileStatement(Condition(w.Test, ctx), Block(body)),
            IfStatement(Not(Id(broke)), Block(Statements(w.Orelse, ctx)))];
    }

    IEnumerable<StatementSyntax> ForStmt(Expr target, Expr iter, IReadOnlyList<Stmt> body, IReadOnlyList<Stmt> orelse, FunctionCtx ctx)
    {
        if (RangeArgs(iter, ctx) is { } range) return RangeFor(target, range, body, orelse, ctx);
        string item = NewTemp("item");
        var loopBody = new List<StatementSyntax>();
        loopBody.AddRange(AssignTo(target, Id(item), ctx));
        string? broke = orelse.Count > 0 ? NewTemp("broke") : null;
        var inner = Statements(body, ctx);
        loopBody.AddRange(broke == null ? inner : inner.Select(s => MarkBreaks(s, broke)));
        var loop = ForEachStatement(Cs.Object, Identifier(item), IterExpr(iter, ctx), Block(loopBody));
        if (broke == null) return [loop];
        return [Local(Cs.BoolType, broke, Cs.False), loop, IfStatement(Not(Id(broke)), Block(Statements(orelse, ctx)))];
    }

    /// <summary>
    /// <c>for x in range(...)</c> over known ints: a native loop over a long counter. The range's
    /// arguments are evaluated once, before the loop; the counter is separate from the target
    /// (assigning the target in the body does not change the iteration) and the target keeps
    /// its last value after the loop, as in Python.
    /// </summary>
    IEnumerable<StatementSyntax> RangeFor(Expr target, IReadOnlyList<Expr> range, IReadOnlyList<Stmt> body, IReadOnlyList<Stmt> orelse, FunctionCtx ctx)
    {
        string r = NewTemp("i"), stop = NewTemp("stop"), step = NewTemp("step");
        var pre = new List<StatementSyntax>();
        ExpressionSyntax start = LongLit(0);
        ExpressionSyntax cond, incr;
        if (range.Count == 1) pre.Add(Local(Cs.Long, stop, ValueAs(range[0], PyType.Int, ctx)));
        else
        {
            string s0 = NewTemp("start");
            pre.Add(Local(Cs.Long, s0, ValueAs(range[0], PyType.Int, ctx)));
            pre.Add(Local(Cs.Long, stop, ValueAs(range[1], PyType.Int, ctx)));
            start = Id(s0);
        }
        long? constStep = range.Count < 3 ? 1 : range[2] is ExprConstant { Value: long k } ? k
            : range[2] is ExprUnaryOp { Op: UnaryOperator.USub, Operand: ExprConstant { Value: long nk } } ? -nk : null;
        if (constStep is { } cs && cs != 0)
        {
            cond = BinaryExpression(cs > 0 ? SyntaxKind.LessThanExpression : SyntaxKind.GreaterThanExpression, Id(r), Id(stop));
            incr = cs == 1 ? PostfixUnaryExpression(SyntaxKind.PostIncrementExpression, Id(r))
                : cs == -1 ? PostfixUnaryExpression(SyntaxKind.PostDecrementExpression, Id(r))
                : AssignmentExpression(SyntaxKind.AddAssignmentExpression, Id(r), LongLit(cs));
        }
        else
        {
            pre.Add(Local(Cs.Long, step, Py("RangeStep", ValueAs(range[2], PyType.Int, ctx))));
            // step > 0 ? r < stop : r > stop
            cond = ParenthesizedExpression(ConditionalExpression(BinaryExpression(SyntaxKind.GreaterThanExpression, Id(step), LongLit(0)),
                BinaryExpression(SyntaxKind.LessThanExpression, Id(r), Id(stop)), BinaryExpression(SyntaxKind.GreaterThanExpression, Id(r), Id(stop))));
            incr = AssignmentExpression(SyntaxKind.AddAssignmentExpression, Id(r), Id(step));
        }
        var loopBody = new List<StatementSyntax>();
        loopBody.AddRange(AssignTo(target, new TypedExpr(Id(r), PyType.Int), ctx));
        string? broke = orelse.Count > 0 ? NewTemp("broke") : null;
        var inner = Statements(body, ctx);
        loopBody.AddRange(broke == null ? inner : inner.Select(s => MarkBreaks(s, broke)));
        var loop = ForStatement(Block(loopBody))
            .WithDeclaration(VariableDeclaration(Cs.Long, SingletonSeparatedList(VariableDeclarator(r).WithInitializer(EqualsValueClause(start)))))
            .WithCondition(cond)
            .WithIncrementors(SingletonSeparatedList(incr));
        var list = new List<StatementSyntax>(pre);
        if (broke != null) list.Add(Local(Cs.BoolType, broke, Cs.False));
        list.Add(loop);
        if (broke != null) list.Add(IfStatement(Not(Id(broke)), Block(Statements(orelse, ctx))));
        return [Block(list)];
    }

    ExpressionSyntax IterExpr(Expr iter, FunctionCtx ctx)
    {
        // range() loops need no boxing detour through a list.
        return Py("Iter", Expression(iter, ctx));
    }

    /// <summary>Sets the flag before each <c>break</c> that leaves this loop (not nested loops).</summary>
    static StatementSyntax MarkBreaks(StatementSyntax s, string flag)
    {
        var rewriter = new BreakMarker(flag);
        return (StatementSyntax)rewriter.Visit(s);
    }

    sealed class BreakMarker(string flag) : CSharpSyntaxRewriter
    {
        public override SyntaxNode? VisitBreakStatement(BreakStatementSyntax node) =>
            Block(ExpressionStatement(AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, IdentifierName(flag), LiteralExpression(SyntaxKind.TrueLiteralExpression))), node);
        public override SyntaxNode? VisitForEachStatement(ForEachStatementSyntax node) => node;
        public override SyntaxNode? VisitWhileStatement(WhileStatementSyntax node) => node;
        public override SyntaxNode? VisitForStatement(ForStatementSyntax node) => node;
        public override SyntaxNode? VisitDoStatement(DoStatementSyntax node) => node;
        public override SyntaxNode? VisitParenthesizedLambdaExpression(ParenthesizedLambdaExpressionSyntax node) => node;
        public override SyntaxNode? VisitSimpleLambdaExpression(SimpleLambdaExpressionSyntax node) => node;
    }

    IEnumerable<StatementSyntax> TryStmt(StmtTry t, FunctionCtx ctx)
    {
        var body = Statements(t.Body, ctx);
        string? ok = t.Orelse.Count > 0 ? NewTemp("ok") : null;
        if (ok != null) body.Add(Stmt(Assign(Id(ok), Cs.True)));
        var catches = new List<CatchClauseSyntax>();
        if (t.Handlers.Count > 0)
        {
            string ex = NewTemp("ex"), pex = NewTemp("exc");
            var handlerBody = new List<StatementSyntax> { Local(CsTypeOf(PyType.Exception), pex, Py("ExceptionValue", Id(ex))) };
            // The handled exception, for logging's exc_info (until the clause ends, however it ends).
            if (_program.ReadsHandledException)
                handlerBody.Add(Local(Cs.Var, NewTemp("handling"), Py("Handling", Id(pex))).WithUsingKeyword(Token(SyntaxKind.UsingKeyword)));
            StatementSyntax chain = ThrowStatement();
            for (int i = t.Handlers.Count - 1; i >= 0; i--)
            {
                var h = t.Handlers[i];
                var hb = new List<StatementSyntax>();
                if (h.Name != null) hb.AddRange(AssignTo(new ExprName(h.Name, ExprContext.Store, 0, 0, 0, 0), new TypedExpr(Id(pex), PyType.Exception), ctx));
                ctx.HandlerDepth++;
                try { hb.AddRange(Statements(h.Body, ctx)); }
                finally { ctx.HandlerDepth--; }
                var block = Block(hb);
                chain = h.Type == null
                    ? block
                    : IfStatement(Py("ExceptionMatches", Id(pex), Expression(h.Type, ctx)), block, ElseClause(chain));
            }
            handlerBody.Add(chain);
            catches.Add(CatchClause(CatchDeclaration(ParseTypeName("System.Exception"), Identifier(ex)), null, Block(handlerBody)));
        }
        var tryStmt = TryStatement(Block(body), List(catches),
            t.Finalbody.Count > 0 ? FinallyClause(Block(Statements(t.Finalbody, ctx))) : null);
        if (catches.Count == 0 && t.Finalbody.Count == 0) return body;
        if (ok == null) return [tryStmt];
        // try/else: the else block runs when the try body completed without an exception.
        var wrapped = t.Finalbody.Count > 0
            ? TryStatement(Block(TryStatement(Block(body), List(catches), null), IfStatement(Id(ok), Block(Statements(t.Orelse, ctx)))), default, FinallyClause(Block(Statements(t.Finalbody, ctx))))
            : (StatementSyntax)Block(TryStatement(Block(body), List(catches), null), IfStatement(Id(ok), Block(Statements(t.Orelse, ctx))));
        return [Local(Cs.BoolType, ok, Cs.False), wrapped];
    }

    StatementSyntax RaiseStmt(StmtRaise r, FunctionCtx ctx)
    {
        // A bare raise outside any except body has no exception to re-raise (C# has no 'throw;' there either).
        if (r.Exc == null) return ctx.HandlerDepth > 0 ? ThrowStatement() : ThrowStatement(Py("NoActiveException"));
        if (r.Cause != null) return ThrowStatement(Py("RaiseFrom", Expression(r.Exc, ctx), Expression(r.Cause, ctx)));
        return ThrowStatement(Py("ToException", Expression(r.Exc, ctx)));
    }

    IEnumerable<StatementSyntax> WithStmt(IReadOnlyList<WithItem> items, IReadOnlyList<Stmt> body, bool isAsync, FunctionCtx ctx)
    {
        // with cm as x: body -> __enter__ now; __exit__ with the exception (which it may
        // suppress) or, on any other way out of the body, without one. Several items nest,
        // the first outermost. async with awaits __aenter__/__aexit__.
        StatementSyntax inner = Block(Statements(body, ctx));
        for (int i = items.Count - 1; i >= 0; i--)
        {
            var item = items[i];
            string cm = NewTemp("cm"), done = NewTemp("exited"), ex = NewTemp("ex");
            var list = new List<StatementSyntax> { Local(Cs.Object, cm, Expression(item.ContextExpr, ctx)) };
            ExpressionSyntax entered = isAsync ? AwaitExpression(Py("AEnter", Id(cm))) : Py("Enter", Id(cm));
            if (item.OptionalVars != null) list.AddRange(AssignTo(item.OptionalVars, entered, ctx));
            else list.Add(Stmt(entered));
            list.Add(Local(Cs.BoolType, done, Cs.False));
            list.Add(ContextTry(inner, cm, done, ex, isAsync));
            inner = Block(list);
        }
        return [inner];
    }

    IEnumerable<StatementSyntax> ImportStmt(Stmt s, FunctionCtx ctx)
    {
        // Imports of the program's own modules run their top-level code once (a package before
        // its modules, as Python does); library imports map to runtime equivalents and need no
        // statement. A name bound by several imports (try: import a / except ImportError:
        // import b) is a variable: each import assigns it, so the one that ran is what it holds.
        var list = new List<StatementSyntax>();
        var inits = new List<string>();
        var missing = new Dictionary<Alias, string>(ReferenceEqualityComparer.Instance);
        void Init(SourceModule? m)
        {
            if (m == null || m == _module || inits.Contains(m.Name) || _program.ModuleClassOf(m.Name) is not { } cls) return;
            inits.Add(m.Name);
            list.Add(Stmt(Call(Member(Id(cls), "__init__"))));
        }
        void InitPath(string dotted)
        {
            var parts = dotted.Split('.');
            for (int i = 1; i <= parts.Length; i++) Init(_program.Symbols.FindModule(string.Join('.', parts, 0, i)));
        }
        IEnumerable<Alias> aliases;
        if (s is StmtImport imp)
        {
            foreach (var a in imp.Names) InitPath(a.Name);
            aliases = imp.Names;
        }
        else
        {
            var from = (StmtImportFrom)s;
            string? base_ = from.Level is > 0 ? RelativeModule(from.Level.Value, from.Module) : from.Module;
            if (base_ != null) InitPath(base_);
            var fromModule = base_ == null ? null : _program.Symbols.FindModule(base_);
            foreach (var a in from.Names.Where(a => a.Name != "*"))
            {
                var target = _program.Symbols.ResolveImport(ctx.Scope, a);
                Init(ProgramModule(target));
                if (target is UnboundSymbol && fromModule != null) list.Add(Stmt(Py("CannotImport", Str(a.Name), Str(fromModule.Name))));
                // A relative import of a module the program lacks (an optional compiled helper)
                // raises ModuleNotFoundError as Python's does, so an except ImportError fallback runs.
                else if (target is UnboundSymbol && base_ != null && from.Level is > 0)
                {
                    missing[a] = base_ + "." + a.Name;
                    if (Sym(a.Asname ?? a.Name, ctx) is not VariableSymbol) list.Add(Stmt(Py("ImportMember", Str(missing[a]))));
                }
            }
            aliases = from.Names.Where(a => a.Name != "*");
        }
        foreach (var a in aliases)
        {
            string bound = a.Asname ?? a.Name.Split('.')[0];
            if (Sym(bound, ctx) is not VariableSymbol) continue;
            var value = missing.TryGetValue(a, out var path) ? Py("ImportMember", Str(path)) : ImportedValue(_program.Symbols.ResolveImport(ctx.Scope, a), a);
            list.Add(Stmt(Assign(NameTarget(bound, ctx), value)));
        }
        return list;
    }

    /// <summary>The absolute name of a relative import's module (<c>from ..pkg import x</c>), or null when it leaves the top package.</summary>
    string? RelativeModule(int level, string? module)
    {
        var parts = _module.Name.Split('.').ToList();
        if (!_module.IsPackage) parts.RemoveAt(parts.Count - 1);
        for (int i = 1; i < level; i++)
        {
            if (parts.Count == 0) return null;
            parts.RemoveAt(parts.Count - 1);
        }
        if (!string.IsNullOrEmpty(module)) parts.Add(module);
        return parts.Count == 0 ? null : string.Join('.', parts);
    }

    /// <summary>What one import statement binds, as a value (for names several imports bind).</summary>
    ExpressionSyntax ImportedValue(Symbol target, Alias alias) => target switch
    {
        MemberSymbol m => _program.MemberValue(m.Module.Name, m.Member) ?? GapExpr(alias, $"import of {m.Module.Name}.{m.Member}"),
        // A library the runtime lacks raises ModuleNotFoundError here, as an uninstalled one does: not a UM2002 place.
        ModuleSymbol { IsExternal: true } m => Py("ImportModule", Str(m.Path)),
        ExternalSymbol e => Py("ImportMember", Str(e.Path)),
        _ => GapExpr(alias, $"import of {alias.Name} bound to a name that other statements also bind"),
    };

    IEnumerable<StatementSyntax> NestedFunction(Stmt s, FunctionCtx ctx)
    {
        string name = s is StmtFunctionDef f ? f.Name : ((StmtAsyncFunctionDef)s).Name;
        var decorators = s is StmtFunctionDef f1 ? f1.DecoratorList : ((StmtAsyncFunctionDef)s).DecoratorList;
        var sig = DeclareFunction(s, name, ctx.IsModule ? name : $"{ctx.QualName}.<locals>.{name}", null);
        // With other decorators around it, unsync wraps whatever the decorators below it
        // returned, at run time (decorators apply bottom-up).
        bool mixed = decorators.Any(d => !IsUnsyncDecoratorExpr(d, ctx.Scope));
        if (mixed && _program.Analysis.WrappingOf(s)?.Function.Mode == ExecutionMode.Process)
            _program.NoteThreadInsteadOfProcess(_module.RelativePath, s, sig.QualName);
        if (mixed && sig.Mode is UnsyncMode.AsyncLoop or UnsyncMode.Thread) sig.Mode = UnsyncMode.None;
        var args = s is StmtFunctionDef f2 ? f2.Args : ((StmtAsyncFunctionDef)s).Args;
        var body = s is StmtFunctionDef f3 ? f3.Body : ((StmtAsyncFunctionDef)s).Body;
        var list = new List<StatementSyntax>();
        // Defaults, evaluated now.
        var defaultLocals = new Dictionary<string, string>();
        foreach (var (param, _) in sig.Defaults)
        {
            string tmp = NewTemp("d");
            defaultLocals[param] = tmp;
            list.Add(Local(Cs.Object, tmp, Expression(DefaultOf(args, param)!, ctx)));
        }
        ExpressionSyntax value = FunctionValue(sig, args, body, ctx, defaultLocals, name);
        // Non-unsync decorators apply bottom-up.
        for (int i = decorators.Count - 1; i >= 0; i--)
        {
            if (IsUnsyncDecoratorExpr(decorators[i], ctx.Scope))
            {
                // cpu_bound is evaluated as the decorator runs, as in unsync.
                if (mixed) value = Rt.Wrap(value, CpuBoundOf(decorators[i]) is { } cpu ? Expression(cpu, ctx) : Cs.Null);
                continue;
            }
            value = Call(Member(Id("Py"), "Call"), Expression(decorators[i], ctx), ObjectArray([value]), Cs.Null);
        }
        list.Add(Stmt(Assign(NameTarget(name, ctx), value)));
        return list;
    }

    /// <summary>A nested function or lambda as a PyFunc value; its body is a C# lambda capturing the enclosing locals.</summary>
    ExpressionSyntax FunctionValue(FuncSig sig, Arguments args, IReadOnlyList<Stmt> body, FunctionCtx parent,
        Dictionary<string, string> defaultLocals, string name, ExprLambda? lambdaNode = null)
    {
        var paramNames = AllParams(sig);
        var ctx = NewFunctionCtx(sig, body, paramNames, parent.Class, parent.IsModule ? null : parent,
            isAsyncBody: sig.IsAsync && sig.Mode != UnsyncMode.CpuBoundAsyncError, lambda: lambdaNode);
        var names = sig.Params.Concat(sig.KwOnly).ToList();
        var defaults = names.Select(n => defaultLocals.TryGetValue(n, out var d) ? (ExpressionSyntax)Id(d) : Member(Id("PyArgs"), "NoDefault"));
        // Per depth (a nested function's lambda sees its enclosing one's), and never a NewTemp name
        // (__b1 was both this and the first temporary of the module: CS0128).
        string a = "__args" + ctx.Depth, k = "__kwargs" + ctx.Depth, b = "__boundArgs" + ctx.Depth;
        var bind = Call(Member(Id("PyArgs"), "Bind"), Str(sig.PyName), Id(a), Id(k),
            ArrayCreationExpression(ArrayType(Cs.String, SingletonList(ArrayRankSpecifier(SingletonSeparatedList<ExpressionSyntax>(OmittedArraySizeExpression())))),
                InitializerExpression(SyntaxKind.ArrayInitializerExpression, SeparatedList(names.Select(Str)))),
            ObjectArray(defaults), Int(sig.Params.Count), Bool(sig.VarArgs != null), Bool(sig.KwArgs != null));
        var stmts = new List<StatementSyntax> { Local(Cs.Var, b, bind) };
        // PyArgs.Bind returns positional+keyword-only values, then *args, then **kwargs.
        var order = sig.Params.Concat(sig.KwOnly).ToList();
        if (sig.VarArgs != null) order.Add(sig.VarArgs);
        if (sig.KwArgs != null) order.Add(sig.KwArgs);
        // Nested functions and lambdas are called through PyFunc (object arguments, object result); a
        // lambda handed to a known caller (sorted's key, map, then...) converts its arguments to their types.
        _counter.Add(DeclKind.Return, PyType.Dynamic, sig.QualName);
        for (int i = 0; i < order.Count; i++)
        {
            var pt = lambdaNode != null && _types.Var(lambdaNode, order[i]) is { IsStatic: true } lt ? lt : PyType.Dynamic;
            _counter.Add(DeclKind.Parameter, pt, $"{sig.QualName}.{order[i]}");
            var bound = new TypedExpr(ElementAccessExpression(Id(b), BracketedArgumentList(SingletonSeparatedList(Argument(Int(i))))), PyType.Dynamic);
            stmts.Add(Local(CsTypeOf(pt), ctx.CsName(order[i]), Coerce(bound, pt)));
        }
        stmts.AddRange(DeclareLocals(ctx, paramNames));
        var inner = Statements(body, ctx);
        if (sig.IsAsync && sig.IsGenerator && AsyncGeneratorGap(sig, body) is { } why) inner = [Gap(sig.Def!, why)];
        else if (sig.IsGenerator) inner = sig.IsAsync ? AsyncGeneratorBody(inner, sig.QualName) : GeneratorBody(inner, ctx.YieldsByCall ? ctx : null);
        else if (!EndsWithReturn(body)) inner.Add(ReturnStatement(Cs.Null));
        ExpressionSyntax result;
        switch (sig.Mode)
        {
            case UnsyncMode.AsyncLoop:
                result = Rt.Loop(ParenthesizedLambdaExpression().WithAsyncKeyword(Token(SyntaxKind.AsyncKeyword)).WithBlock(Block(inner)));
                stmts.Add(ReturnStatement(result));
                break;
            case UnsyncMode.Thread:
                stmts.Add(ReturnStatement(Rt.Thread(ParenthesizedLambdaExpression().WithBlock(Block(inner)))));
                break;
            case UnsyncMode.Process:
                stmts.Add(Gap(sig.Def!, "cpu_bound=True on a nested function (not reachable from a worker process)"));
                break;
            case UnsyncMode.CpuBoundAsyncError:
                stmts.Add(ReturnStatement(Rt.CpuBoundAsync(sig.PyName)));
                break;
            default:
                if (sig.IsAsync && !sig.IsGenerator)
                    stmts.Add(ReturnStatement(Call(ParenthesizedExpression(CastExpression(ParseTypeName("Func<Task<object?>>"),
                        ParenthesizedExpression(ParenthesizedLambdaExpression().WithAsyncKeyword(Token(SyntaxKind.AsyncKeyword)).WithBlock(Block(inner))))))));
                else stmts.AddRange(inner);
                break;
        }
        var lambda = ParenthesizedLambdaExpression()
            .WithParameterList(ParameterList(SeparatedList(new[] { Parameter(Identifier(a)).WithType(ParseTypeName("object?[]")), Parameter(Identifier(k)).WithType(ParseTypeName("PyKwargs?")) })))
            .WithBlock(Block(stmts));
        ExpressionSyntax func = WithFunctionAttributes(New("PyFunc", Str(name), lambda, Str(sig.QualName)), lambdaNode == null ? sig.Def : null);
        // unsync(f) needs to know a coroutine function before calling it.
        if (sig.IsAsync && !sig.IsGenerator && sig.Mode == UnsyncMode.None) func = Call(Member(Id("PyUnsync"), "MarkCoroutine"), func);
        return func;
    }
}
