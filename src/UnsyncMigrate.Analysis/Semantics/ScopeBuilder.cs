using UnsyncMigrate.Python.Ast;

namespace UnsyncMigrate.Analysis.Semantics;

/// <summary>
/// One pass over a module's tree that builds its scopes as CPython's symtable does (module,
/// class, function, lambda, comprehension), records every binding with the position where it
/// takes effect, computes <c>__qualname__</c>s, and collects the calls, awaits and definitions
/// the analysis looks at.
/// </summary>
internal sealed class ScopeBuilder
{
    readonly ModuleInfo _module;
    Scope _scope;
    readonly List<Node> _parents = [];

    ScopeBuilder(ModuleInfo module, Scope scope)
    {
        _module = module;
        _scope = scope;
    }

    /// <summary>Builds the scopes of <paramref name="module"/> and fills its records.</summary>
    public static void Build(ModuleInfo module)
    {
        var root = new Scope(ScopeKind.Module, (Node?)module.Ast ?? new ModModule([], []), null, module, module.Name, "");
        module.Scope = root;
        if (module.Ast == null) return;
        var builder = new ScopeBuilder(module, root);
        try
        {
            foreach (var stmt in module.Ast.Body) builder.Visit(stmt);
        }
        catch (InsufficientExecutionStackException)
        {
            // Too deep for the stack: the module is seen as empty (reported as an error by the scanner).
            module.Scope = new Scope(ScopeKind.Module, module.Ast, null, module, module.Name, "");
            module.Calls.Clear();
            module.Awaits.Clear();
            module.Defs.Clear();
            module.NodeScopes.Clear();
            module.BuildError = "the file nests too deeply for the analysis; it was parsed but not analysed";
        }
    }

    void Visit(Node node)
    {
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        _parents.Add(node);
        try
        {
            VisitCore(node);
        }
        finally
        {
            _parents.RemoveAt(_parents.Count - 1);
        }
    }

    void VisitAll<T>(IEnumerable<T> nodes) where T : Node
    {
        foreach (var n in nodes) Visit(n);
    }

    void VisitOpt(Node? node)
    {
        if (node != null) Visit(node);
    }

    void VisitCore(Node node)
    {
        switch (node)
        {
            case StmtFunctionDef f:
                VisitFunction(f, f.Name, f.Args, f.Body, f.DecoratorList, f.Returns, isAsync: false);
                return;
            case StmtAsyncFunctionDef f:
                VisitFunction(f, f.Name, f.Args, f.Body, f.DecoratorList, f.Returns, isAsync: true);
                return;
            case StmtClassDef c:
                VisitClass(c);
                return;
            case ExprLambda l:
                VisitLambda(l);
                return;
            case ExprListComp lc:
                VisitComprehension(lc, "<listcomp>", lc.Generators, [lc.Elt]);
                return;
            case ExprSetComp sc:
                VisitComprehension(sc, "<setcomp>", sc.Generators, [sc.Elt]);
                return;
            case ExprGeneratorExp ge:
                VisitComprehension(ge, "<genexpr>", ge.Generators, [ge.Elt]);
                return;
            case ExprDictComp dc:
                VisitComprehension(dc, "<dictcomp>", dc.Generators, [dc.Key, dc.Value]);
                return;
            case StmtAssign a:
                Visit(a.Value);
                foreach (var t in a.Targets)
                {
                    Bind(t, BindingKind.Assign, a.Value, [], Positions.End(a), a);
                    VisitTarget(t);
                }
                return;
            case StmtAugAssign aug:
                Visit(aug.Value);
                if (aug.Target is ExprName an) AddBinding(an.Id, BindingKind.AugAssign, Positions.End(aug), aug, null, []);
                else VisitTarget(aug.Target);
                return;
            case StmtAnnAssign ann:
                Visit(ann.Annotation);
                VisitOpt(ann.Value);
                if (ann.Target is ExprName nn)
                    AddBinding(nn.Id, BindingKind.AnnAssign, Positions.End(ann), ann, ann.Value, [], annotation: ann.Annotation);
                else if (ann.Value != null) Bind(ann.Target, BindingKind.AnnAssign, ann.Value, [], Positions.End(ann), ann);
                VisitTarget(ann.Target);
                return;
            case StmtFor f:
                Visit(f.Iter);
                Bind(f.Target, BindingKind.For, f.Iter, [], Positions.End(f.Iter), f);
                VisitTarget(f.Target);
                VisitAll(f.Body);
                VisitAll(f.Orelse);
                return;
            case StmtAsyncFor f:
                Visit(f.Iter);
                Bind(f.Target, BindingKind.For, f.Iter, [], Positions.End(f.Iter), f);
                VisitTarget(f.Target);
                VisitAll(f.Body);
                VisitAll(f.Orelse);
                return;
            case StmtWith w:
                VisitWithItems(w.Items);
                VisitAll(w.Body);
                return;
            case StmtAsyncWith w:
                VisitWithItems(w.Items);
                VisitAll(w.Body);
                return;
            case ExceptHandler h:
                VisitOpt(h.Type);
                if (h.Name != null) AddBinding(h.Name, BindingKind.Except, Positions.Start(h), h, null, []);
                VisitAll(h.Body);
                return;
            case StmtImport imp:
                foreach (var alias in imp.Names)
                {
                    string bound = alias.Asname ?? alias.Name.Split('.')[0];
                    AddBinding(bound, BindingKind.Import, Positions.End(imp), alias, null, []);
                }
                return;
            case StmtImportFrom from:
                foreach (var alias in from.Names)
                {
                    if (alias.Name == "*")
                    {
                        (_scope.StarImports ??= []).Add(from);
                        continue;
                    }
                    AddBinding(alias.Asname ?? alias.Name, BindingKind.ImportFrom, Positions.End(from), alias, null, []);
                }
                return;
            case StmtGlobal g:
                foreach (var n in g.Names) (_scope.Globals ??= new(StringComparer.Ordinal)).Add(n);
                return;
            case StmtNonlocal nl:
                foreach (var n in nl.Names) (_scope.Nonlocals ??= new(StringComparer.Ordinal)).Add(n);
                return;
            case StmtReturn r:
                VisitOpt(r.Value);
                FunctionScope()?.Returns.Add(r.Value);
                return;
            case ExprYield y:
                VisitOpt(y.Value);
                if (FunctionScope() is { } fy) fy.IsGenerator = true;
                return;
            case ExprYieldFrom yf:
                Visit(yf.Value);
                if (FunctionScope() is { } fyf) fyf.IsGenerator = true;
                return;
            case ExprAwait aw:
                _module.Awaits.Add(new AwaitRecord(aw, _scope));
                Visit(aw.Value);
                return;
            case ExprNamedExpr ne:
                Visit(ne.Value);
                if (ne.Target is ExprName wn)
                {
                    var target = _scope;
                    while (target.Kind == ScopeKind.Comprehension && target.Parent != null) target = target.Parent;
                    AddBindingIn(target, wn.Id, BindingKind.Walrus, Positions.End(ne), ne, ne.Value, []);
                }
                return;
            case ExprName name:
                if (name.Ctx == ExprContext.Load) _scope.Loads.Add(name.Id);
                else if (name.Ctx == ExprContext.Del) AddBinding(name.Id, BindingKind.Other, Positions.End(name), name, null, []);
                return;
            case ExprCall call:
                _module.Calls.Add(new CallRecord(call, _scope, _parents.Count >= 2 ? _parents[^2] : call, _parents.Count >= 3 ? _parents[^3] : null));
                Visit(call.Func);
                VisitAll(call.Args);
                VisitAll(call.Keywords);
                return;
            case StmtMatch m:
                Visit(m.Subject);
                foreach (var c in m.Cases)
                {
                    _parents.Add(c);
                    BindPattern(c.Pattern, m);
                    VisitOpt(c.Guard);
                    VisitAll(c.Body);
                    _parents.RemoveAt(_parents.Count - 1);
                }
                return;
            case StmtTypeAlias ta:
                if (ta.Name is ExprName tn) AddBinding(tn.Id, BindingKind.Other, Positions.End(ta), ta, null, []);
                Visit(ta.Value);
                return;
            default:
                foreach (var child in node.ChildNodes()) Visit(child);
                return;
        }
    }

    Scope? FunctionScope()
    {
        for (var s = _scope; s != null; s = s.Parent)
        {
            if (s.IsFunctionLike) return s;
            if (s.Kind is ScopeKind.Class or ScopeKind.Module) return null;
        }
        return null;
    }

    void VisitWithItems(IReadOnlyList<WithItem> items)
    {
        foreach (var item in items)
        {
            Visit(item.ContextExpr);
            if (item.OptionalVars != null)
            {
                Bind(item.OptionalVars, BindingKind.With, item.ContextExpr, [], Positions.End(item.OptionalVars), item.OptionalVars);
                VisitTarget(item.OptionalVars);
            }
        }
    }

    /// <summary>Visits the expressions inside an assignment target (subscripts, attribute receivers), not the bound names.</summary>
    void VisitTarget(Expr target)
    {
        switch (target)
        {
            case ExprName:
                return;
            case ExprTuple t:
                foreach (var e in t.Elts) VisitTarget(e);
                return;
            case ExprList l:
                foreach (var e in l.Elts) VisitTarget(e);
                return;
            case ExprStarred s:
                VisitTarget(s.Value);
                return;
            default:
                Visit(target);
                return;
        }
    }

    void Bind(Expr target, BindingKind kind, Expr value, int[] path, long pos, Node node)
    {
        switch (target)
        {
            case ExprName n:
                AddBinding(n.Id, kind, pos, node, value, path);
                break;
            case ExprTuple t:
                for (int i = 0; i < t.Elts.Count; i++) Bind(t.Elts[i], kind, value, [.. path, t.Elts[i] is ExprStarred ? -1 : i], pos, node);
                break;
            case ExprList l:
                for (int i = 0; i < l.Elts.Count; i++) Bind(l.Elts[i], kind, value, [.. path, l.Elts[i] is ExprStarred ? -1 : i], pos, node);
                break;
            case ExprStarred s:
                Bind(s.Value, kind, value, path.Length > 0 && path[^1] == -1 ? path : [.. path, -1], pos, node);
                break;
            case ExprAttribute a when a.Value is ExprName self && SelfClass(self.Id) is { } cls:
                if (!cls.InstanceAttributes.TryGetValue(a.Attr, out var list)) cls.InstanceAttributes[a.Attr] = list = [];
                list.Add(new Binding
                {
                    Kind = kind, Scope = _scope, Site = _scope, Name = a.Attr, Pos = pos, Node = node, Value = value, Path = path,
                });
                break;
        }
    }

    /// <summary>The class whose instance <paramref name="name"/> is, when it is the first parameter of a method being visited.</summary>
    ClassInfo? SelfClass(string name)
    {
        var f = _scope;
        while (f.Kind == ScopeKind.Comprehension && f.Parent != null) f = f.Parent;
        if (f.Kind != ScopeKind.Function || f.Parent?.Kind != ScopeKind.Class || f.Args == null) return null;
        var first = f.Args.Posonlyargs.Count > 0 ? f.Args.Posonlyargs[0] : f.Args.Args.Count > 0 ? f.Args.Args[0] : null;
        if (first == null || first.Name != name || f.IsLocal(name) && f.Bindings[name].Count > 1) return null;
        foreach (var d in f.Decorators)
        {
            if (d is ExprName { Id: "staticmethod" or "classmethod" }) return null;
        }
        return f.Parent.Class;
    }

    void BindPattern(Pattern p, Node stmt)
    {
        switch (p)
        {
            case PatternMatchAs a:
                if (a.Pattern != null) BindPattern(a.Pattern, stmt);
                if (a.Name != null) AddBinding(a.Name, BindingKind.Other, Positions.Start(a), a, null, []);
                break;
            case PatternMatchStar s:
                if (s.Name != null) AddBinding(s.Name, BindingKind.Other, Positions.Start(s), s, null, []);
                break;
            case PatternMatchMapping m:
                VisitAll(m.Keys);
                foreach (var q in m.Patterns) BindPattern(q, stmt);
                if (m.Rest != null) AddBinding(m.Rest, BindingKind.Other, Positions.Start(m), m, null, []);
                break;
            case PatternMatchSequence s:
                foreach (var q in s.Patterns) BindPattern(q, stmt);
                break;
            case PatternMatchClass c:
                Visit(c.Cls);
                foreach (var q in c.Patterns) BindPattern(q, stmt);
                foreach (var q in c.KwdPatterns) BindPattern(q, stmt);
                break;
            case PatternMatchOr o:
                foreach (var q in o.Patterns) BindPattern(q, stmt);
                break;
            case PatternMatchValue v:
                Visit(v.Value);
                break;
        }
    }

    void AddBinding(string name, BindingKind kind, long pos, Node node, Expr? value, int[] path,
                    Scope? inner = null, Expr? annotation = null)
        => AddBindingIn(_scope, name, kind, pos, node, value, path, inner, annotation);

    void AddBindingIn(Scope scope, string name, BindingKind kind, long pos, Node node, Expr? value, int[] path,
                      Scope? inner = null, Expr? annotation = null)
    {
        var owner = scope;
        bool late = false;
        if (scope.Kind != ScopeKind.Module && (scope.Globals?.Contains(name) ?? false))
        {
            owner = Root(scope);
            late = true;
        }
        else if (scope.Nonlocals?.Contains(name) ?? false)
        {
            for (var s = scope.Parent; s != null; s = s.Parent)
            {
                if (s.IsFunctionLike && s.IsLocal(name))
                {
                    owner = s;
                    late = true;
                    break;
                }
            }
            if (!late) return;
        }
        var binding = new Binding
        {
            Kind = kind, Scope = owner, Site = scope, Name = name, Pos = pos, Node = node, Value = value, Path = path,
            Inner = inner, Late = late, Annotation = annotation,
        };
        if (inner != null) inner.DefBinding = binding;
        if (!owner.Bindings.TryGetValue(name, out var list)) owner.Bindings[name] = list = [];
        list.Add(binding);
    }

    static Scope Root(Scope s)
    {
        while (s.Parent != null) s = s.Parent;
        return s;
    }

    /// <summary>CPython's <c>compiler_set_qualname</c>: the qualname of a def/class/lambda/comprehension named <paramref name="name"/> created in the current scope.</summary>
    string QualnameFor(string name, bool isClassOrFunction)
    {
        var parent = _scope;
        if (parent.Kind == ScopeKind.Module) return name;
        if (isClassOrFunction && (parent.Globals?.Contains(name) ?? false)) return name;
        return parent.Kind is ScopeKind.Function or ScopeKind.Lambda
            ? parent.Qualname + ".<locals>." + name
            : parent.Qualname + "." + name;
    }

    void VisitFunction(Stmt def, string name, Arguments args, IReadOnlyList<Stmt> body, IReadOnlyList<Expr> decorators,
                       Expr? returns, bool isAsync)
    {
        VisitAll(decorators);
        VisitArgumentDefaults(args);
        VisitOpt(returns);
        var inner = new Scope(ScopeKind.Function, def, _scope, _module, name, QualnameFor(name, true))
        {
            Args = args, IsAsync = isAsync, Decorators = decorators,
        };
        _scope.Children.Add(inner);
        _module.NodeScopes[def] = inner;
        AddBinding(name, BindingKind.Def, Positions.End(def), def, null, [], inner);
        _module.Defs.Add(new DefRecord(def, _scope, inner));
        var outer = _scope;
        _scope = inner;
        BindParameters(args);
        PreDeclare(body);
        VisitAll(body);
        _scope = outer;
    }

    void VisitLambda(ExprLambda l)
    {
        VisitArgumentDefaults(l.Args);
        var inner = new Scope(ScopeKind.Lambda, l, _scope, _module, "<lambda>", QualnameFor("<lambda>", false)) { Args = l.Args };
        _scope.Children.Add(inner);
        _module.NodeScopes[l] = inner;
        _module.Defs.Add(new DefRecord(l, _scope, inner));
        var outer = _scope;
        _scope = inner;
        BindParameters(l.Args);
        inner.Returns.Add(l.Body);
        Visit(l.Body);
        _scope = outer;
    }

    void VisitClass(StmtClassDef c)
    {
        VisitAll(c.Bases);
        VisitAll(c.Keywords);
        VisitAll(c.DecoratorList);
        var inner = new Scope(ScopeKind.Class, c, _scope, _module, c.Name, QualnameFor(c.Name, true)) { Decorators = c.DecoratorList };
        inner.Class = new ClassInfo(c, inner, _scope);
        _scope.Children.Add(inner);
        _module.NodeScopes[c] = inner;
        AddBinding(c.Name, BindingKind.Class, Positions.End(c), c, null, [], inner);
        _module.Defs.Add(new DefRecord(c, _scope, inner));
        var outer = _scope;
        _scope = inner;
        PreDeclare(c.Body);
        VisitAll(c.Body);
        _scope = outer;
    }

    void VisitComprehension(Expr node, string name, IReadOnlyList<Comprehension> generators, Expr[] elements)
    {
        // The first iterable is evaluated in the enclosing scope; everything else in the comprehension's own.
        Visit(generators[0].Iter);
        var inner = new Scope(ScopeKind.Comprehension, node, _scope, _module, name, QualnameFor(name, false));
        _scope.Children.Add(inner);
        _module.NodeScopes[node] = inner;
        var outer = _scope;
        _scope = inner;
        long always = Positions.Always;
        for (int i = 0; i < generators.Count; i++)
        {
            var g = generators[i];
            _parents.Add(g);
            if (i > 0) Visit(g.Iter);
            Bind(g.Target, BindingKind.For, g.Iter, [], always, g);
            VisitTarget(g.Target);
            VisitAll(g.Ifs);
            _parents.RemoveAt(_parents.Count - 1);
        }
        foreach (var e in elements) Visit(e);
        _scope = outer;
    }

    void VisitArgumentDefaults(Arguments args)
    {
        VisitAll(args.Defaults);
        foreach (var d in args.KwDefaults) VisitOpt(d);
        foreach (var a in args.Posonlyargs) VisitOpt(a.Annotation);
        foreach (var a in args.Args) VisitOpt(a.Annotation);
        if (args.Vararg != null) VisitOpt(args.Vararg.Annotation);
        foreach (var a in args.Kwonlyargs) VisitOpt(a.Annotation);
        if (args.Kwarg != null) VisitOpt(args.Kwarg.Annotation);
    }

    void BindParameters(Arguments args)
    {
        int index = 0;
        foreach (var a in args.Posonlyargs) AddParam(a, index++, ParamKind.Positional);
        foreach (var a in args.Args) AddParam(a, index++, ParamKind.Positional);
        if (args.Vararg != null) AddParam(args.Vararg, -1, ParamKind.VarArgs);
        foreach (var a in args.Kwonlyargs) AddParam(a, -1, ParamKind.KeywordOnly);
        if (args.Kwarg != null) AddParam(args.Kwarg, -1, ParamKind.KwArgs);
    }

    void AddParam(Arg a, int index, ParamKind kind)
    {
        var binding = new Binding
        {
            Kind = BindingKind.Param, Scope = _scope, Site = _scope, Name = a.Name, Pos = Positions.Always, Node = a,
            Annotation = a.Annotation, ParamIndex = index, ParamKind = kind,
        };
        if (!_scope.Bindings.TryGetValue(a.Name, out var list)) _scope.Bindings[a.Name] = list = [];
        list.Add(binding);
    }

    /// <summary>
    /// Reads the <c>global</c>/<c>nonlocal</c> declarations of a body before visiting it, as
    /// CPython's symtable does (they apply to the whole block).
    /// </summary>
    void PreDeclare(IReadOnlyList<Stmt> body)
    {
        var stack = new Stack<Stmt>(body.Reverse());
        while (stack.Count > 0)
        {
            var s = stack.Pop();
            switch (s)
            {
                case StmtGlobal g:
                    foreach (var n in g.Names) (_scope.Globals ??= new(StringComparer.Ordinal)).Add(n);
                    break;
                case StmtNonlocal nl:
                    foreach (var n in nl.Names) (_scope.Nonlocals ??= new(StringComparer.Ordinal)).Add(n);
                    break;
                case StmtFunctionDef or StmtAsyncFunctionDef or StmtClassDef:
                    break;
                default:
                    foreach (var child in s.ChildNodes())
                    {
                        if (child is Stmt cs) stack.Push(cs);
                        else if (child is ExceptHandler h) foreach (var hs in h.Body) stack.Push(hs);
                        else if (child is MatchCase mc) foreach (var ms in mc.Body) stack.Push(ms);
                    }
                    break;
            }
        }
    }
}
