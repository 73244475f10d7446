using UnsyncMigrate.Analysis.Model;
using UnsyncMigrate.Python.Ast;

namespace UnsyncMigrate.Analysis.Semantics;

/// <summary>
/// One invocation of a program function being evaluated: its argument values and closure.
/// Frames let the evaluator follow decorators, factories and returned wrappers through
/// program functions (<c>build_pipeline(10)([4, 5])</c>, <c>@async_retry(2)</c>).
/// </summary>
internal sealed class Frame(Scope function, Frame? closure, int depth)
{
    public Scope Function { get; } = function;
    public Frame? Closure { get; } = closure;
    public int Depth { get; } = depth;
    public Dictionary<string, Value> Args { get; } = new(StringComparer.Ordinal);
    public Dictionary<Binding, Value> Memo { get; } = new(ReferenceEqualityComparer.Instance);
}

/// <summary>A hazard found while evaluating (reported once).</summary>
internal readonly record struct PendingHazard(HazardRule Rule, ModuleInfo Module, PositionedNode Node, string Message, string? Function);

/// <summary>
/// Abstract evaluation of Python expressions: name resolution per scope (with the position of
/// the use, so rebinding like <c>f = unsync(f)</c> is seen as Python sees it), imports
/// between the program's modules, attributes of modules, classes and instances (through the
/// method resolution order), calls of program functions, and everything unsync: the
/// decorator, its factories, wrappers, <c>Unfuture</c>.
/// </summary>
internal sealed class Evaluator
{
    const int MaxDepth = 6;
    const int CallBudget = 200_000;

    readonly ProgramIndex _index;
    readonly Dictionary<Binding, Value> _memo = new(ReferenceEqualityComparer.Instance);
    readonly HashSet<(Binding, Frame?)> _inProgress = [];
    readonly Dictionary<(object Key, string? External, Node Site), WrapperEntry> _entries = [];
    readonly Dictionary<ExprCall, UnsyncFactoryValue> _factories = new(ReferenceEqualityComparer.Instance);
    readonly Dictionary<ClassInfo, List<ClassInfo?>> _mro = new(ReferenceEqualityComparer.Instance);
    readonly HashSet<ClassInfo> _mroInProgress = new(ReferenceEqualityComparer.Instance);
    readonly Dictionary<Scope, Identity> _identities = new(ReferenceEqualityComparer.Instance);
    readonly HashSet<(ModuleInfo, string)> _moduleAttrInProgress = [];
    readonly HashSet<(string, int, int, string)> _hazardKeys = [];
    int _calls;

    public Evaluator(ProgramIndex index) => _index = index;

    /// <summary>Every wrapping found so far, in the order found.</summary>
    public List<WrapperEntry> Entries { get; } = [];

    /// <summary>Hazards found while evaluating.</summary>
    public List<PendingHazard> Hazards { get; } = [];

    /// <summary>Parameter values gathered from the program's calls (filled between analysis rounds).</summary>
    public Dictionary<Binding, Value> ParameterFlow { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>Wrappers created per factory (one <c>unsync(...)</c> instance).</summary>
    public Dictionary<UnsyncFactoryValue, List<WrapperEntry>> FactoryUses { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>Forgets computed values (not wrappers) so a new round sees new parameter flows.</summary>
    public void ResetValues()
    {
        _memo.Clear();
        _calls = 0;
    }

    public void Report(HazardRule rule, ModuleInfo module, PositionedNode node, string message, string? function)
    {
        if (_hazardKeys.Add((rule.Code + (module.File ?? ""), node.Lineno, node.ColOffset, message)))
            Hazards.Add(new PendingHazard(rule, module, node, message, function));
    }

    // ---- expressions --------------------------------------------------------------------

    public Value Eval(Expr? expr, Scope scope, Frame? frame)
    {
        if (expr == null) return UnknownValue.Instance;
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        switch (expr)
        {
            case ExprName n:
                return LookupName(n.Id, scope, Positions.Start(n), frame);
            case ExprAttribute a:
                return GetAttr(Eval(a.Value, scope, frame), a.Attr, scope);
            case ExprCall c:
                return EvalCall(c, scope, frame);
            case ExprConstant k:
                return new ConstValue(k.Value);
            case ExprList l:
                return Sequence(l.Elts, scope, frame);
            case ExprTuple t:
                return Sequence(t.Elts, scope, frame);
            case ExprSet s:
                return Sequence(s.Elts, scope, frame);
            case ExprDict d:
                return new DictValue(Union.Of(d.Keys.Where(k => k != null).Select(k => Eval(k, scope, frame))),
                                     Union.Of(d.Values.Select(v => Eval(v, scope, frame))));
            case ExprListComp lc:
                return new SequenceValue(Eval(lc.Elt, ScopeOf(lc, scope), frame));
            case ExprSetComp sc:
                return new SequenceValue(Eval(sc.Elt, ScopeOf(sc, scope), frame));
            case ExprGeneratorExp ge:
                return new SequenceValue(Eval(ge.Elt, ScopeOf(ge, scope), frame));
            case ExprDictComp dc:
            {
                var inner = ScopeOf(dc, scope);
                return new DictValue(Eval(dc.Key, inner, frame), Eval(dc.Value, inner, frame));
            }
            case ExprLambda l:
            {
                var inner = ScopeOf(l, scope);
                return new FunctionValue(inner, FrameFor(scope, frame));
            }
            case ExprIfExp ie:
                return Union.Of([Eval(ie.Body, scope, frame), Eval(ie.Orelse, scope, frame)]);
            case ExprBoolOp bo:
                return Union.Of(bo.Values.Select(v => Eval(v, scope, frame)));
            case ExprNamedExpr ne:
                return Eval(ne.Value, scope, frame);
            case ExprAwait aw:
                return Eval(aw.Value, scope, frame) is CoroutineValue cv ? cv.Result : UnknownValue.Instance;
            case ExprSubscript sub:
                return Subscript(Eval(sub.Value, scope, frame), sub.Slice, scope, frame);
            case ExprStarred st:
                return Eval(st.Value, scope, frame);
            case ExprUnaryOp { Op: UnaryOperator.Not } un:
                return Eval(un.Operand, scope, frame) is ConstValue cn && cn.Truthiness != Tri.Unknown
                    ? new ConstValue(cn.Truthiness == Tri.No)
                    : UnknownValue.Instance;
            case ExprUnaryOp { Op: UnaryOperator.USub, Operand: ExprConstant { Value: long lv } }:
                return new ConstValue(-lv);
            default:
                return UnknownValue.Instance;
        }
    }

    static Scope ScopeOf(Node node, Scope scope) =>
        scope.Module.NodeScopes.TryGetValue(node, out var inner) ? inner : scope;

    Value Sequence(IReadOnlyList<Expr> elts, Scope scope, Frame? frame)
    {
        if (elts.Any(e => e is ExprStarred))
            return new SequenceValue(Union.Of(elts.Select(e => e is ExprStarred s ? Element(Eval(s.Value, scope, frame)) : Eval(e, scope, frame))));
        return new SequenceValue(elts.Select(e => Eval(e, scope, frame)).ToArray());
    }

    Value Subscript(Value value, Expr slice, Scope scope, Frame? frame)
    {
        switch (value)
        {
            case SequenceValue seq:
                if (slice is ExprSlice) return seq;
                if (seq.Items != null && Eval(slice, scope, frame) is ConstValue { Constant: long index })
                {
                    long i = index < 0 ? seq.Items.Count + index : index;
                    return i >= 0 && i < seq.Items.Count ? seq.Items[(int)i] : UnknownValue.Instance;
                }
                return seq.Element;
            case DictValue d:
                return d.Values;
            case UnionValue u:
                return Union.Of(u.Options.Select(o => Subscript(o, slice, scope, frame)));
            default:
                return UnknownValue.Instance;
        }
    }

    /// <summary>The value of the elements of an iterable.</summary>
    public static Value Element(Value iterable) => iterable switch
    {
        SequenceValue s => s.Element,
        DictValue d => d.Keys,
        UnionValue u => Union.Of(u.Options.Select(Element)),
        _ => UnknownValue.Instance,
    };

    static Value Destructure(Value value, int[] path)
    {
        foreach (int i in path)
        {
            if (i < 0) return UnknownValue.Instance;
            value = value switch
            {
                SequenceValue { Items: { } items } => i < items.Count ? items[i] : UnknownValue.Instance,
                SequenceValue s => s.Element is SequenceValue ? UnknownValue.Instance : s.Element,
                _ => UnknownValue.Instance,
            };
        }
        return value;
    }

    // ---- names ----------------------------------------------------------------------------

    /// <summary>Resolves a name read at <paramref name="pos"/> in <paramref name="scope"/>, as Python does.</summary>
    public Value LookupName(string name, Scope scope, long pos, Frame? frame)
    {
        bool late = false;
        var cur = scope;
        if (scope.Kind != ScopeKind.Module && (scope.Globals?.Contains(name) ?? false))
        {
            while (cur.Parent != null) cur = cur.Parent;
            late = scope.ExecutingFunction != null;
        }
        while (cur != null)
        {
            bool visible = cur == scope || cur.Kind != ScopeKind.Class;
            if (visible && cur.Bindings.ContainsKey(name) && !(cur.Nonlocals?.Contains(name) ?? false)
                && (cur.Kind == ScopeKind.Module || !(cur.Globals?.Contains(name) ?? false)))
            {
                var chosen = Select(cur, name, pos, late);
                if (chosen != null) return BindingValue(chosen, frame);
                if (cur.IsFunctionLike || cur.Kind == ScopeKind.Comprehension) return UnknownValue.Instance;
            }
            if (visible && cur != scope && cur.Kind != ScopeKind.Module && (cur.Globals?.Contains(name) ?? false))
            {
                while (cur.Parent != null) cur = cur.Parent;
                continue;
            }
            if (cur.Kind == ScopeKind.Module)
            {
                if (cur.StarImports != null && StarImported(cur.Module, name) is { } starred) return starred;
                break;
            }
            if (cur.IsFunctionLike) late = true;
            cur = cur.Parent;
        }
        return KnownNames.IsBuiltin(name) ? new ExternalValue("builtins." + name, false) : UnknownValue.Instance;
    }

    /// <summary>
    /// The binding a read sees: in its own scope (or through comprehensions and class bodies,
    /// which run at once) the last binding before the read; from a nested function (which runs
    /// later), the last binding of all. Null when none applies (module or class code before any
    /// binding falls through to globals and builtins).
    /// </summary>
    static Binding? Select(Scope scope, string name, long pos, bool late)
    {
        var list = scope.Bindings[name];
        if (late)
        {
            for (int i = list.Count - 1; i >= 0; i--)
                if (!list[i].Late) return list[i];
            return list[^1];
        }
        Binding? best = null;
        foreach (var b in list)
        {
            if (b.Late || b.Pos > pos) continue;
            if (best == null || b.Pos >= best.Pos) best = b;
        }
        if (best != null) return best;
        // Module or class code before any binding of its own: a function that declared the
        // name global may have bound it (it ran earlier); else globals and builtins.
        if (scope.Kind is ScopeKind.Module or ScopeKind.Class)
        {
            for (int i = list.Count - 1; i >= 0; i--)
                if (list[i].Late) return list[i];
            return null;
        }
        return list[^1];
    }

    /// <summary>The value of a module-level name as other modules see it (after the module ran).</summary>
    public Value ModuleAttr(ModuleInfo module, string name)
    {
        var scope = module.Scope!;
        if (scope.Bindings.ContainsKey(name)) return BindingValue(Select(scope, name, 0, late: true)!, null);
        if (scope.StarImports != null && StarImported(module, name) is { } starred) return starred;
        if (module.IsPackage && _index.FindExact(module.Name + "." + name) is { } sub) return new ModuleValue(sub);
        return UnknownValue.Instance;
    }

    Value? StarImported(ModuleInfo module, string name)
    {
        if (name.StartsWith('_') || !_moduleAttrInProgress.Add((module, name))) return null;
        try
        {
            foreach (var stmt in module.Scope!.StarImports!)
            {
                string? target = stmt.Level is > 0 ? ProgramIndex.ResolveRelative(module, stmt.Level.Value, stmt.Module) : stmt.Module;
                if (target == null) continue;
                if (_index.Find(target) is { } m)
                {
                    var v = ModuleAttr(m, name);
                    if (!v.IsUnknown) return v;
                }
                else if (target is "unsync" or "unsync.unsync" && name is "unsync" or "Unfuture")
                {
                    return Canonical(new ExternalValue(target + "." + name, false));
                }
            }
            return null;
        }
        finally
        {
            _moduleAttrInProgress.Remove((module, name));
        }
    }

    static Frame? FindFrame(Scope owner, Frame? frame)
    {
        var function = owner.IsFunctionLike ? owner : owner.ExecutingFunction;
        if (function == null) return null;
        for (var f = frame; f != null; f = f.Closure)
            if (f.Function == function) return f;
        return null;
    }

    /// <summary>The frame that code in <paramref name="scope"/> runs in, for closures created there.</summary>
    static Frame? FrameFor(Scope scope, Frame? frame) => FindFrame(scope, frame);

    public Value BindingValue(Binding b, Frame? frame)
    {
        var owner = FindFrame(b.Site, frame);
        var memo = owner?.Memo ?? _memo;
        if (memo.TryGetValue(b, out var known)) return known;
        if (!_inProgress.Add((b, owner))) return UnknownValue.Instance;
        Value v;
        try
        {
            v = ComputeBinding(b, owner);
        }
        finally
        {
            _inProgress.Remove((b, owner));
        }
        memo[b] = v;
        return v;
    }

    Value ComputeBinding(Binding b, Frame? frame)
    {
        switch (b.Kind)
        {
            case BindingKind.Def:
                return DefValue(b, frame);
            case BindingKind.Class:
                return new ClassValue(b.Inner!.Class!);
            case BindingKind.Assign:
            case BindingKind.Walrus:
                return Destructure(Eval(b.Value, b.Site, frame), b.Path);
            case BindingKind.AnnAssign:
            {
                var v = b.Value != null ? Destructure(Eval(b.Value, b.Site, frame), b.Path) : UnknownValue.Instance;
                return v.IsUnknown && b.Annotation != null ? AnnotationValue(b.Annotation, b.Site, frame) : v;
            }
            case BindingKind.For:
                return Destructure(Element(Eval(b.Value, b.Site, frame)), b.Path);
            case BindingKind.Import:
                return ImportValue((Alias)b.Node, b.Site.Module);
            case BindingKind.ImportFrom:
                return FromImportValue((Alias)b.Node, b.Site);
            case BindingKind.Param:
                return ParamValue(b, frame);
            default:
                return UnknownValue.Instance;
        }
    }

    Value ImportValue(Alias alias, ModuleInfo from)
    {
        string name = alias.Asname != null ? alias.Name : alias.Name.Split('.')[0];
        if (_index.Find(name) is { } m) return new ModuleValue(m);
        return new ExternalValue(name, true);
    }

    Value FromImportValue(Alias alias, Scope site)
    {
        var stmt = site.Module.ImportFromOf(alias);
        if (stmt == null) return UnknownValue.Instance;
        string? base_ = stmt.Level is > 0 ? ProgramIndex.ResolveRelative(site.Module, stmt.Level.Value, stmt.Module) : stmt.Module;
        if (base_ == null) return UnknownValue.Instance;
        if (_index.Find(base_) is { } m)
        {
            var v = ModuleAttr(m, alias.Name);
            if (!v.IsUnknown) return v;
            if (_index.FindExact(m.Name + "." + alias.Name) is { } sub) return new ModuleValue(sub);
            return v;
        }
        if (stmt.Level is > 0) return UnknownValue.Instance;
        return Canonical(new ExternalValue(base_ + "." + alias.Name, false));
    }

    /// <summary>Known objects of the unsync library reached from outside the program.</summary>
    static Value Canonical(ExternalValue e)
    {
        if (e.IsModule) return e;
        return e.Path switch
        {
            "unsync.unsync" or "unsync.unsync.unsync" => UnsyncDecoratorValue.Instance,
            "unsync.Unfuture" or "unsync.unsync.Unfuture" => UnfutureClassValue.Instance,
            _ => e,
        };
    }

    Value ParamValue(Binding b, Frame? frame)
    {
        var scope = b.Scope;
        if (frame != null && frame.Function == scope)
        {
            if (frame.Args.TryGetValue(b.Name, out var given)) return given;
            var def = DefaultOf(b);
            return def != null ? Eval(def, scope.Parent!, frame.Closure) : UnknownValue.Instance;
        }
        if (b.ParamIndex == 0 && scope.Kind == ScopeKind.Function && scope.Parent?.Kind == ScopeKind.Class && scope.Parent.Class != null)
        {
            var kind = MethodKind(scope);
            if (kind == "classmethod") return new ClassValue(scope.Parent.Class);
            if (kind != "staticmethod") return new InstanceValue([scope.Parent.Class]);
        }
        if (b.Annotation != null)
        {
            var a = AnnotationValue(b.Annotation, scope.Parent!, null);
            if (!a.IsUnknown) return a;
        }
        if (ParameterFlow.TryGetValue(b, out var flowed)) return flowed;
        return UnknownValue.Instance;
    }

    static string? MethodKind(Scope function)
    {
        foreach (var d in function.Decorators)
        {
            if (d is ExprName { Id: "staticmethod" or "classmethod" } n) return n.Id;
        }
        return null;
    }

    static Expr? DefaultOf(Binding param)
    {
        var args = param.Scope.Args;
        if (args == null) return null;
        if (param.ParamKind == ParamKind.Positional)
        {
            int positional = args.Posonlyargs.Count + args.Args.Count;
            int firstWithDefault = positional - args.Defaults.Count;
            int i = param.ParamIndex - firstWithDefault;
            return i >= 0 && i < args.Defaults.Count ? args.Defaults[i] : null;
        }
        if (param.ParamKind == ParamKind.KeywordOnly)
        {
            for (int i = 0; i < args.Kwonlyargs.Count; i++)
                if (args.Kwonlyargs[i].Name == param.Name) return i < args.KwDefaults.Count ? args.KwDefaults[i] : null;
        }
        return null;
    }

    /// <summary>The value an annotation promises: an instance of a program class, an <c>Unfuture</c>...</summary>
    public Value AnnotationValue(Expr annotation, Scope scope, Frame? frame)
    {
        switch (annotation)
        {
            case ExprConstant { Value: string text } c when IsDottedName(text):
            {
                var parts = text.Split('.');
                Value v = LookupName(parts[0], scope, Positions.Start(c), frame);
                for (int i = 1; i < parts.Length; i++) v = GetAttr(v, parts[i], scope);
                return InstanceOf(v);
            }
            case ExprBinOp { Op: Operator.BitOr } bo:
                return Union.Of([AnnotationValue(bo.Left, scope, frame), AnnotationValue(bo.Right, scope, frame)]);
            case ExprSubscript sub:
            {
                var generic = Eval(sub.Value, scope, frame);
                if (generic is ExternalValue { Path: "typing.Optional" })
                    return AnnotationValue(sub.Slice, scope, frame);
                if (generic is ExternalValue { Path: "typing.Union" } && sub.Slice is ExprTuple t)
                    return Union.Of(t.Elts.Select(e => AnnotationValue(e, scope, frame)));
                if (generic is ExternalValue { Path: "builtins.list" or "typing.List" or "typing.Sequence" or "typing.Iterable" or "collections.abc.Iterable" or "collections.abc.Sequence" })
                    return new SequenceValue(AnnotationValue(sub.Slice, scope, frame));
                return UnknownValue.Instance;
            }
            default:
                return InstanceOf(Eval(annotation, scope, frame));
        }
    }

    static Value InstanceOf(Value type) => type switch
    {
        ClassValue c => new InstanceValue([c.Info]),
        UnfutureClassValue => UnfutureValue.Anonymous,
        _ => UnknownValue.Instance,
    };

    static bool IsDottedName(string s) =>
        s.Length > 0 && s.Split('.').All(p => p.Length > 0 && (char.IsLetter(p[0]) || p[0] == '_') && p.All(ch => char.IsLetterOrDigit(ch) || ch == '_'));

    // ---- definitions and decorators ---------------------------------------------------------

    Identity IdentityOf(Scope scope)
    {
        if (!_identities.TryGetValue(scope, out var id)) _identities[scope] = id = new Identity(scope);
        return id;
    }

    /// <summary>The value a def statement binds: the function after its decorators, innermost first.</summary>
    Value DefValue(Binding b, Frame? frame)
    {
        var inner = b.Inner!;
        Value value = new FunctionValue(inner, frame);
        var decorators = inner.Decorators;
        for (int i = decorators.Count - 1; i >= 0; i--)
        {
            var decorator = Eval(decorators[i], b.Site, frame);
            value = ApplyDecorator(decorator, value, decorators[i], b.Site, frame);
        }
        return value;
    }

    Value ApplyDecorator(Value decorator, Value target, Expr site, Scope scope, Frame? frame)
    {
        switch (decorator)
        {
            case UnsyncDecoratorValue:
                return Wrap(target, Tri.No, null, null, WrapKind.Decorator, site, scope);
            case UnsyncFactoryValue factory:
                return Wrap(target, factory.CpuBound, factory.CpuBoundExpr, factory, WrapKind.Decorator, site, scope);
            case PreservingDecoratorValue:
                return target;
            case FunctionValue f:
                return AdaptDecorated(CallFunction(f, null, [target], null, frame), target, site, scope);
            case BoundMethodValue bm:
                return AdaptDecorated(CallFunction(bm.Function, bm.Self, [target], null, frame), target, site, scope);
            case ClassValue:
                return Transformed(target, Tri.No, null);
            case ExternalValue { Path: "builtins.staticmethod" }:
                return new MethodDescriptorValue(target, false);
            case ExternalValue { Path: "builtins.classmethod" }:
                return new MethodDescriptorValue(target, true);
            case ExternalValue { Path: "functools.cache" or "functools.lru_cache" or "builtins.property" }:
                return Transformed(target, Tri.No, null);
            case ExternalValue { Path: "typing.overload" or "typing.final" or "typing.override" or "abc.abstractmethod" or "typing.no_type_check" }:
                return target;
            default:
                return Transformed(target, Tri.Unknown, scope.Module.TextOf(site, 60));
        }
    }

    /// <summary>What a program decorator returned, seen from unsync: the same function, another one, or something unknown.</summary>
    Value AdaptDecorated(Value result, Value target, Expr site, Scope scope)
    {
        if (ReferenceEquals(result, target)) return target;
        switch (result)
        {
            case FunctionValue f:
                return Transformed(target, f.IsCoroutineFunction ? Tri.Yes : Tri.No, null);
            case BoundMethodValue bm:
                return Transformed(target, bm.Function.IsCoroutineFunction ? Tri.Yes : Tri.No, null);
            case TransformedCallableValue t:
                return Transformed(target, t.IsCoroutine, t.Reason);
            case WrapperValue or MethodDescriptorValue:
                return result;
            case InstanceValue:
                return Transformed(target, Tri.No, null);
            default:
                return Transformed(target, Tri.Unknown, scope.Module.TextOf(site, 60));
        }
    }

    Value Transformed(Value target, Tri coroutine, string? reason)
    {
        var identity = IdentityFor(target, null);
        return identity == null ? UnknownValue.Instance : new TransformedCallableValue(identity, coroutine, reason);
    }

    Identity? IdentityFor(Value target, Node? site) => target switch
    {
        FunctionValue f => IdentityOf(f.Scope),
        BoundMethodValue bm => IdentityOf(bm.Function.Scope),
        TransformedCallableValue t => t.Identity,
        WrapperValue w => w.Entry.Identity,
        ClassValue c => IdentityOf(c.Info.Scope),
        MethodDescriptorValue md => IdentityFor(md.Inner, site),
        ExternalValue { IsModule: false } e when site != null => new Identity(KnownNames.Callable(e.Path).Name, site),
        _ => null,
    };

    static (Tri Coroutine, string? Reason) CoroutineOf(Value target) => target switch
    {
        FunctionValue f => (f.IsCoroutineFunction ? Tri.Yes : Tri.No, null),
        BoundMethodValue bm => (bm.Function.IsCoroutineFunction ? Tri.Yes : Tri.No, null),
        TransformedCallableValue t => (t.IsCoroutine, t.Reason),
        ExternalValue e => (KnownNames.Callable(e.Path).Coroutine, e.Path),
        _ => (Tri.No, null),
    };

    /// <summary>
    /// unsync applied to <paramref name="target"/>: finds or creates the wrapper entry (one per
    /// wrapped callable and wrapping site) and returns the wrapper.
    /// </summary>
    Value Wrap(Value target, Tri cpuBound, Expr? cpuBoundExpr, UnsyncFactoryValue? factory, WrapKind how, PositionedNode site, Scope siteScope)
    {
        // A site that may wrap several callables (a loop over functions) wraps each of them.
        var wrapped = new List<Value>();
        foreach (var option in Union.Options(target))
        {
            if (option is UnionValue) continue;
            var identity = IdentityFor(option, site);
            if (identity == null) continue;
            wrapped.Add(WrapOne(option, identity, cpuBound, cpuBoundExpr, factory, how, site, siteScope));
        }
        return Union.Of(wrapped);
    }

    Value WrapOne(Value target, Identity identity, Tri cpuBound, Expr? cpuBoundExpr, UnsyncFactoryValue? factory, WrapKind how,
                  PositionedNode site, Scope siteScope)
    {
        var key = (identity.Key, identity.ExternalName, (Node)site);
        if (_entries.TryGetValue(key, out var existing)) return existing.Value!;
        var (coroutine, reason) = CoroutineOf(target);
        var mode = (coroutine, cpuBound) switch
        {
            (Tri.Unknown, _) or (_, Tri.Unknown) => ExecutionMode.Unknown,
            (Tri.Yes, Tri.No) => ExecutionMode.AsyncLoop,
            (Tri.Yes, Tri.Yes) => ExecutionMode.ErrorCpuBoundAsync,
            (Tri.No, Tri.Yes) => ExecutionMode.Process,
            _ => ExecutionMode.Thread,
        };
        var defScope = identity.Scope;
        var entry = new WrapperEntry
        {
            Identity = identity,
            Mode = mode,
            How = how,
            Site = site,
            SiteScope = siteScope,
            IsCoroutine = coroutine,
            CpuBound = cpuBound,
            CpuBoundExpr = cpuBoundExpr,
            Factory = factory,
            UnknownReason = coroutine == Tri.Unknown ? reason : null,
            Qualname = defScope?.Qualname ?? identity.ExternalName!,
            Module = defScope?.Module ?? siteScope.Module,
            DefinitionNode = defScope?.Node as PositionedNode ?? site,
            Order = Entries.Count,
        };
        entry.Value = new WrapperValue(entry);
        _entries[key] = entry;
        Entries.Add(entry);
        if (factory != null)
        {
            if (!FactoryUses.TryGetValue(factory, out var uses)) FactoryUses[factory] = uses = [];
            uses.Add(entry);
        }
        return entry.Value;
    }

    // ---- calls -------------------------------------------------------------------------------

    public Value EvalCall(ExprCall call, Scope scope, Frame? frame)
    {
        var func = Eval(call.Func, scope, frame);
        if (func is UnionValue u)
            return Union.Of(u.Options.Select(o => CallValue(o, call, scope, frame)));
        return CallValue(func, call, scope, frame);
    }

    /// <summary>The result of calling <paramref name="func"/> with the arguments of <paramref name="call"/>.</summary>
    public Value CallValue(Value func, ExprCall call, Scope scope, Frame? frame)
    {
        switch (func)
        {
            case UnsyncDecoratorValue:
            {
                bool starred = call.Args.Any(a => a is ExprStarred) || call.Keywords.Any(k => k.Arg == null);
                if (call.Args.Count == 1 && !starred)
                {
                    foreach (var k in call.Keywords)
                        Report(HazardRules.UnknownDecoratorKeyword, scope.Module, k,
                               $"keyword '{k.Arg}' given together with the function is ignored by unsync (cpu_bound too)", scope.CallerName);
                    var target = Eval(call.Args[0], scope, frame);
                    var wrapped = Wrap(target, Tri.No, null, null, WrapKind.CallWrapper, call, scope);
                    if (wrapped.IsUnknown && frame == null) ReportUnresolved(call, call.Args[0], scope);
                    return wrapped;
                }
                if (call.Args.Count == 0 && !starred) return Factory(call, scope, frame);
                return UnknownValue.Instance;
            }
            case UnsyncFactoryValue factory:
            {
                if (call.Args.Count == 1 && call.Args[0] is not ExprStarred && call.Keywords.Count == 0)
                {
                    var target = Eval(call.Args[0], scope, frame);
                    var wrapped = Wrap(target, factory.CpuBound, factory.CpuBoundExpr, factory, WrapKind.CallWrapper, call, scope);
                    if (wrapped.IsUnknown && frame == null) ReportUnresolved(call, call.Args[0], scope);
                    return wrapped;
                }
                return UnknownValue.Instance;
            }
            case WrapperValue w:
                return new UnfutureValue(w.Entry);
            case UnfutureClassValue:
                return UnfutureValue.Anonymous;
            case UnfutureMethodValue m:
                return m.Name is "from_value" or "then" ? UnfutureValue.Anonymous : UnknownValue.Instance;
            case FunctionValue f:
                return CallFunction(f, null, null, call, frame, scope);
            case BoundMethodValue bm:
                return CallFunction(bm.Function, bm.Self, null, call, frame, scope);
            case MethodDescriptorValue md:
                return CallValue(md.Inner, call, scope, frame);
            case ClassValue c:
                return new InstanceValue([c.Info], exact: true);
            case ExternalValue { IsModule: false } e:
                return CallExternal(e.Path, call, scope, frame);
            case BuiltinMethodValue bm:
                return bm.Name switch
                {
                    "items" when bm.Receiver is DictValue d => new SequenceValue(new SequenceValue([d.Keys, d.Values])),
                    "values" when bm.Receiver is DictValue d => new SequenceValue(d.Values),
                    "keys" when bm.Receiver is DictValue d => new SequenceValue(d.Keys),
                    "get" or "pop" or "setdefault" when bm.Receiver is DictValue d => d.Values,
                    "pop" or "copy" when bm.Receiver is SequenceValue s => bm.Name == "pop" ? s.Element : s,
                    _ => UnknownValue.Instance,
                };
            default:
                return UnknownValue.Instance;
        }
    }

    void ReportUnresolved(ExprCall call, Expr wrapped, Scope scope)
    {
        // A parameter is resolved per call of the enclosing function (decorators written in the program).
        if (wrapped is ExprName n && scope.ExecutingFunction is { } f && f.Bindings.TryGetValue(n.Id, out var bs)
            && bs.Any(b => b.Kind == BindingKind.Param)) return;
        Report(HazardRules.UnresolvedWrap, scope.Module, call,
               $"cannot tell what '{scope.Module.TextOf(wrapped, 40)}' is: this wrapping is not in the function list", scope.CallerName);
    }

    UnsyncFactoryValue Factory(ExprCall call, Scope scope, Frame? frame)
    {
        if (frame == null && _factories.TryGetValue(call, out var known)) return known;
        Tri cpu = Tri.No;
        Expr? cpuExpr = null;
        var others = new List<Keyword>();
        foreach (var k in call.Keywords)
        {
            if (k.Arg == "cpu_bound")
            {
                cpuExpr = k.Value;
                cpu = Truthiness(k.Value, scope, frame);
            }
            else
            {
                others.Add(k);
                Report(HazardRules.UnknownDecoratorKeyword, scope.Module, k,
                       $"unsync ignores the keyword '{k.Arg}'" + (LooksLikeCpuBound(k.Arg!) ? " (did you mean cpu_bound?)" : ""), scope.CallerName);
            }
        }
        var factory = new UnsyncFactoryValue(call, cpu, cpuExpr, others);
        if (frame == null) _factories[call] = factory;
        return factory;
    }

    /// <summary>The truthiness of a value written in the source: literals, containers displays, constants bound once.</summary>
    Tri Truthiness(Expr expr, Scope scope, Frame? frame)
    {
        switch (expr)
        {
            case ExprList l when !l.Elts.Any(e => e is ExprStarred):
                return l.Elts.Count > 0 ? Tri.Yes : Tri.No;
            case ExprTuple t when !t.Elts.Any(e => e is ExprStarred):
                return t.Elts.Count > 0 ? Tri.Yes : Tri.No;
            case ExprSet st when !st.Elts.Any(e => e is ExprStarred):
                return Tri.Yes;
            case ExprDict d when d.Keys.All(k => k != null):
                return d.Keys.Count > 0 ? Tri.Yes : Tri.No;
            case ExprUnaryOp { Op: UnaryOperator.Not } n:
                return Truthiness(n.Operand, scope, frame) switch { Tri.Yes => Tri.No, Tri.No => Tri.Yes, _ => Tri.Unknown };
        }
        return Eval(expr, scope, frame) is ConstValue c ? c.Truthiness : Tri.Unknown;
    }

    static bool LooksLikeCpuBound(string name)
    {
        string n = name.ToLowerInvariant().Replace("_", "");
        return n.Contains("cpu") || n.Contains("bound") || n.Contains("process");
    }

    Value CallExternal(string path, ExprCall call, Scope scope, Frame? frame)
    {
        Value Arg(int i) => i < call.Args.Count ? Eval(call.Args[i], scope, frame) : UnknownValue.Instance;
        switch (path)
        {
            case "functools.wraps":
                return PreservingDecoratorValue.Instance;
            case "functools.lru_cache" or "functools.cache":
                // lru_cache(f) caches f (a plain callable, even for an async def: unsync sees no
                // coroutine function); lru_cache(maxsize=...) and lru_cache(128) make the decorator.
                return call.Args.Count == 1 && Arg(0) is var f && IdentityFor(f, null) != null
                    ? Transformed(f, Tri.No, null)
                    : new ExternalValue("functools.lru_cache", false);
            case "builtins.list" or "builtins.tuple" or "builtins.sorted" or "builtins.reversed" or "builtins.iter"
                or "builtins.set" or "builtins.frozenset":
                return call.Args.Count == 1 ? new SequenceValue(Element(Arg(0))) : UnknownValue.Instance;
            case "builtins.next":
                return Element(Arg(0));
            case "builtins.zip":
                return new SequenceValue(new SequenceValue(call.Args.Select((_, i) => Element(Arg(i))).ToArray()));
            case "builtins.enumerate":
                return new SequenceValue(new SequenceValue([UnknownValue.Instance, Element(Arg(0))]));
            case "builtins.staticmethod":
                return new MethodDescriptorValue(Arg(0), false);
            case "builtins.classmethod":
                return new MethodDescriptorValue(Arg(0), true);
            case "builtins.super":
                if (call.Args.Count == 0) return SuperOf(scope, frame);
                if (Arg(0) is ClassValue sc) return new SuperValue(sc.Info, Arg(1));
                return UnknownValue.Instance;
            default:
                return UnknownValue.Instance;
        }
    }

    Value SuperOf(Scope scope, Frame? frame)
    {
        var f = scope.ExecutingFunction;
        if (f?.Parent?.Class is not { } cls) return UnknownValue.Instance;
        var args = f.Args;
        var first = args == null ? null : args.Posonlyargs.Count > 0 ? args.Posonlyargs[0] : args.Args.Count > 0 ? args.Args[0] : null;
        Value self = first != null ? LookupName(first.Name, scope, long.MaxValue, frame) : UnknownValue.Instance;
        return new SuperValue(cls, self);
    }

    /// <summary>Calls a program function: binds the arguments in a new frame and evaluates its returns.</summary>
    public Value CallFunction(FunctionValue f, Value? self, IReadOnlyList<Value>? args, ExprCall? call, Frame? callerFrame, Scope? callerScope = null)
    {
        int depth = (callerFrame?.Depth ?? 0) + 1;
        if (depth > MaxDepth || ++_calls > CallBudget) return UnknownValue.Instance;
        var scope = f.Scope;
        if (scope.Kind == ScopeKind.Class || scope.Args == null) return UnknownValue.Instance;
        var frame = new Frame(scope, f.Closure, depth);
        var positional = scope.Args.Posonlyargs.Concat(scope.Args.Args).Select(a => a.Name).ToList();
        int next = 0;
        if (self != null && positional.Count > 0) frame.Args[positional[next++]] = self;
        if (args != null)
        {
            foreach (var a in args)
            {
                if (next < positional.Count) frame.Args[positional[next++]] = a;
            }
        }
        else if (call != null && callerScope != null)
        {
            foreach (var a in call.Args)
            {
                if (a is ExprStarred) break;
                if (next < positional.Count) frame.Args[positional[next++]] = Eval(a, callerScope, callerFrame);
            }
            foreach (var k in call.Keywords)
            {
                if (k.Arg != null) frame.Args[k.Arg] = Eval(k.Value, callerScope, callerFrame);
            }
        }
        if (scope.IsGenerator) return new SequenceValue(UnknownValue.Instance);
        Value result = scope.Returns.Count == 0
            ? new ConstValue(null)
            : Union.Of(scope.Returns.Select(r => r == null ? new ConstValue(null) : Eval(r, scope, frame)));
        return scope.IsAsync && scope.Kind == ScopeKind.Function ? new CoroutineValue(result) : result;
    }

    // ---- attributes --------------------------------------------------------------------------

    public Value GetAttr(Value value, string attr, Scope scope)
    {
        switch (value)
        {
            case UnionValue u:
                return Union.Of(u.Options.Select(o => GetAttr(o, attr, scope)));
            case ModuleValue m:
                return ModuleAttr(m.Module, attr);
            case ExternalValue e:
                return Canonical(new ExternalValue(e.Path + "." + attr, false));
            case UnfutureClassValue when attr == "from_value":
                return new UnfutureMethodValue(attr, value);
            case UnfutureValue when attr is "result" or "then" or "done" or "set_result" or "set_exception" or "exception" or "cancel":
                return new UnfutureMethodValue(attr, value);
            case ClassValue c:
            {
                var (found, v) = ClassAttr(c.Info, attr, after: null);
                if (!found) return UnknownValue.Instance;
                return v is MethodDescriptorValue md ? (md.IsClassMethod && md.Inner is FunctionValue cf ? new BoundMethodValue(cf, value) : md.Inner) : v;
            }
            case InstanceValue iv:
                return Union.Of(iv.Classes.Select(c => InstanceAttr(c, attr, new InstanceValue([c]))).Where(v => v != null).Select(v => v!));
            case SuperValue sv:
            {
                var (found, v) = ClassAttr(sv.Class, attr, after: sv.Class);
                if (!found) return UnknownValue.Instance;
                return Bind(v, sv.Self, sv.Class);
            }
            case SequenceValue or DictValue:
                return new BuiltinMethodValue(attr, value);
            default:
                return UnknownValue.Instance;
        }
    }

    /// <summary>The attribute of an instance of <paramref name="cls"/>: instance attributes first, then the class's MRO; null when none has it.</summary>
    Value? InstanceAttr(ClassInfo cls, string attr, Value self)
    {
        foreach (var k in Mro(cls))
        {
            if (k == null) break;
            if (k.InstanceAttributes.TryGetValue(attr, out var list))
                return Union.Of(list.Select(b => BindingValue(b, null)));
        }
        var (found, v) = ClassAttr(cls, attr, after: null);
        if (!found) return null;
        return Bind(v, self, cls);
    }

    static Value Bind(Value v, Value self, ClassInfo cls) => v switch
    {
        FunctionValue f => new BoundMethodValue(f, self),
        MethodDescriptorValue { IsClassMethod: true, Inner: FunctionValue cf } => new BoundMethodValue(cf, new ClassValue(cls)),
        MethodDescriptorValue md => md.Inner,
        _ => v,
    };

    /// <summary>Looks <paramref name="attr"/> up through the MRO of <paramref name="cls"/> (after <paramref name="after"/> for <c>super()</c>).</summary>
    (bool Found, Value Value) ClassAttr(ClassInfo cls, string attr, ClassInfo? after)
    {
        bool skipping = after != null;
        foreach (var k in Mro(cls))
        {
            if (k == null) return (true, UnknownValue.Instance);       // a base from outside the program
            if (skipping)
            {
                if (k == after) skipping = false;
                continue;
            }
            if (k.Scope.Bindings.ContainsKey(attr)) return (true, BindingValue(Select(k.Scope, attr, 0, late: true)!, null));
        }
        return (false, UnknownValue.Instance);
    }

    /// <summary>C3 linearisation of a program class; null marks a base outside the program (lookups stop there).</summary>
    public IReadOnlyList<ClassInfo?> Mro(ClassInfo cls)
    {
        if (_mro.TryGetValue(cls, out var known)) return known;
        if (!_mroInProgress.Add(cls)) return [cls];
        try
        {
            var bases = new List<ClassInfo?>();
            foreach (var b in cls.Node.Bases)
            {
                var v = Eval(b, cls.Outer, null);
                if (v is ClassValue c) bases.Add(c.Info);
                else if (v is ExternalValue { Path: "builtins.object" }) continue;
                else bases.Add(null);
            }
            var seqs = bases.Select(b => b == null ? new List<ClassInfo?> { null } : Mro(b).ToList()).ToList();
            seqs.Add([.. bases]);
            var result = new List<ClassInfo?> { cls };
            while (true)
            {
                seqs.RemoveAll(s => s.Count == 0);
                if (seqs.Count == 0) break;
                ClassInfo? head = null;
                bool found = false;
                foreach (var s in seqs)
                {
                    var candidate = s[0];
                    if (candidate != null && seqs.Any(o => o.IndexOf(candidate) > 0)) continue;
                    head = candidate;
                    found = true;
                    break;
                }
                if (!found)
                {
                    // Inconsistent hierarchy (Python raises TypeError): fall back to depth-first order.
                    foreach (var s in seqs) foreach (var c in s) if (c == null || !result.Contains(c)) result.Add(c);
                    break;
                }
                result.Add(head);
                if (head == null)
                {
                    foreach (var s in seqs) if (s.Count > 0 && s[0] == null) s.RemoveAt(0);
                }
                else
                {
                    foreach (var s in seqs) s.Remove(head);
                }
            }
            _mro[cls] = result;
            return result;
        }
        finally
        {
            _mroInProgress.Remove(cls);
        }
    }
}

/// <summary>A method of a list or dict value (<c>d.items</c>), looked up but not called.</summary>
internal sealed class BuiltinMethodValue(string name, Value receiver) : Value
{
    public string Name { get; } = name;
    public Value Receiver { get; } = receiver;
}
