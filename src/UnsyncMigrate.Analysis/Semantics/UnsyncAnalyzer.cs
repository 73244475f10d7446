using UnsyncMigrate.Analysis.Model;
using UnsyncMigrate.Python.Ast;

namespace UnsyncMigrate.Analysis.Semantics;

/// <summary>What the analysis of a program's modules found.</summary>
/// <remarks><see cref="Wrappers"/>: each wrapping the evaluator found, with its entry of <see cref="Functions"/>.</remarks>
internal sealed record AnalysisOutput(
    IReadOnlyList<UnsyncFunction> Functions,
    IReadOnlyList<CallSite> CallSites,
    IReadOnlyList<UnfutureOperation> Operations,
    IReadOnlyList<Hazard> Hazards,
    IReadOnlyList<NameMatch> NameMatches,
    IReadOnlyList<ScanError> Errors,
    IReadOnlyList<(WrapperEntry Entry, UnsyncFunction Function)> Wrappers)
{
    public static AnalysisOutput Empty { get; } = new([], [], [], [], [], [], []);
}

/// <summary>
/// Finds every unsync wrapping, every call of a wrapper (with <c>consumed_by</c>), the
/// <c>Unfuture</c> operations and the hazards, in the modules given (which have their trees).
/// </summary>
internal sealed class UnsyncAnalyzer
{
    const int FlowRounds = 3;

    readonly List<ModuleInfo> _modules;
    readonly HashSet<ModuleInfo> _walked = new(ReferenceEqualityComparer.Instance);
    readonly Dictionary<ExprCall, Value> _funcs = new(ReferenceEqualityComparer.Instance);
    readonly Evaluator _ev;
    readonly WrappedMethodIndex _wrappedMethods;
    readonly HashSet<Scope> _loopFunctions = new(ReferenceEqualityComparer.Instance);
    readonly Dictionary<(string, int), ScanError> _errors = [];

    /// <summary>
    /// Runs one step of the analysis; a construct that nests too deeply for the stack is
    /// reported (once per place) and skipped, and the analysis goes on.
    /// </summary>
    void Guarded(ModuleInfo module, PositionedNode node, Action step)
    {
        try
        {
            step();
        }
        catch (InsufficientExecutionStackException)
        {
            _errors.TryAdd((module.File ?? module.Name, node.Lineno), new ScanError
            {
                File = module.File ?? module.Name, Line = node.Lineno, Column = node.ColOffset + 1, Kind = "RecursionError",
                Message = "this construct nests too deeply for the analysis; it was skipped",
            });
        }
    }

    UnsyncAnalyzer(IReadOnlyList<ModuleInfo> modules, ProgramIndex index)
    {
        _modules = [.. modules];
        foreach (var m in modules)
        {
            _ = m.Scope;      // builds the scopes and the records walked below
            _walked.Add(m);
        }
        _ev = new Evaluator(index);
        _wrappedMethods = new WrappedMethodIndex(_ev.Entries);
    }

    /// <summary>The value of a call's callee (cached until values are reset).</summary>
    Value FuncOf(CallRecord record)
    {
        if (!_funcs.TryGetValue(record.Call, out var v)) _funcs[record.Call] = v = _ev.Eval(record.Call.Func, record.Scope, null);
        return v;
    }

    void Reset()
    {
        _ev.ResetValues();
        _funcs.Clear();
    }

    /// <summary>Analyses <paramref name="modules"/> (scopes built, in report order) within the program <paramref name="index"/>.</summary>
    public static AnalysisOutput Analyze(IReadOnlyList<ModuleInfo> modules, ProgramIndex index) =>
        new UnsyncAnalyzer(modules, index).Run();

    AnalysisOutput Run()
    {
        MaterializeWrappers();
        for (int round = 0; round < FlowRounds; round++)
        {
            bool changed = CollectParameterFlow();
            if (!changed) break;
            Reset();
            MaterializeWrappers();
        }
        foreach (var e in _ev.Entries)
        {
            if (e.Mode == ExecutionMode.AsyncLoop && e.Identity.Scope is { } s) _loopFunctions.Add(s);
        }

        var callSites = new List<(CallSite Site, WrapperEntry Entry)>();
        var operations = new List<UnfutureOperation>();
        var nameMatches = new List<NameMatch>();
        foreach (var module in _modules)
        {
            foreach (var record in module.Calls)
                Guarded(module, record.Call, () => VisitCall(module, record, callSites, operations, nameMatches));
            foreach (var aw in module.Awaits)
            {
                Guarded(module, aw.Await, () =>
                {
                    var awaited = _ev.Eval(aw.Await.Value, aw.Scope, null);
                    if (Union.Options(awaited).Any(o => o is UnfutureValue))
                        operations.Add(Operation(module, aw.Await, UnfutureOperationKind.Await, aw.Scope, Sources([awaited])));
                });
            }
        }
        EntryHazards(callSites);

        var functions = BuildFunctions();
        var sites = callSites
            .Select(c => c.Site with { Function = functions[c.Entry] })
            .OrderBy(c => c.File, StringComparer.Ordinal).ThenBy(c => c.Span.Line).ThenBy(c => c.Span.Column)
            .ThenBy(c => c.Callee, StringComparer.Ordinal).ThenBy(c => c.Mode)
            .ToList();
        var hazards = _ev.Hazards
            .Select(h => new Hazard
            {
                Rule = h.Rule, File = h.Module.File ?? h.Module.Name, Span = h.Module.SpanOf(h.Node), Message = h.Message, Function = h.Function,
            })
            .OrderBy(h => h.File, StringComparer.Ordinal).ThenBy(h => h.Span.Line).ThenBy(h => h.Span.Column)
            .ThenBy(h => h.Code, StringComparer.Ordinal).ThenBy(h => h.Message, StringComparer.Ordinal)
            .ToList();
        var ops = operations
            .OrderBy(o => o.File, StringComparer.Ordinal).ThenBy(o => o.Span.Line).ThenBy(o => o.Span.Column).ThenBy(o => o.Kind)
            .ToList();
        var matches = nameMatches
            .OrderBy(o => o.File, StringComparer.Ordinal).ThenBy(o => o.Span.Line).ThenBy(o => o.Span.Column)
            .ToList();
        return new AnalysisOutput(functions.Values.OrderBy(f => int.Parse(f.Id.AsSpan(1))).ToList(), sites, ops, hazards, matches,
                                  _errors.Values.ToList(), functions.Select(f => (f.Key, f.Value)).ToList());
    }

    /// <summary>Evaluates every def (decorators) and every call of unsync itself, so every wrapper exists.</summary>
    void MaterializeWrappers()
    {
        foreach (var module in _modules)
        {
            foreach (var def in module.Defs)
            {
                if (def.Inner.DefBinding is { Kind: BindingKind.Def } b && def.Node is PositionedNode node)
                    Guarded(module, node, () => _ev.BindingValue(b, null));
            }
            foreach (var record in module.Calls)
            {
                Guarded(module, record.Call, () =>
                {
                    var func = FuncOf(record);
                    foreach (var option in Union.Options(func))
                    {
                        if (option is UnsyncDecoratorValue or UnsyncFactoryValue) _ev.CallValue(option, record.Call, record.Scope, null);
                    }
                });
            }
        }
    }

    /// <summary>
    /// Gathers, for every parameter of a program function, the values the program's calls pass
    /// to it (a wrapper handed to a helper, a future passed to a function that waits for it).
    /// Returns whether anything changed.
    /// </summary>
    bool CollectParameterFlow()
    {
        var flows = new Dictionary<Binding, List<Value>>(ReferenceEqualityComparer.Instance);
        foreach (var module in _modules.ToList())
        {
            foreach (var record in module.Calls)
            {
                var call = record.Call;
                Value func = UnknownValue.Instance;
                Guarded(module, call, () => func = FuncOf(record));
                foreach (var option in Union.Options(func))
                {
                    var (function, skip) = option switch
                    {
                        FunctionValue f => (f.Scope, 0),
                        BoundMethodValue bm => (bm.Function.Scope, 1),
                        // A wrapper passes its arguments on to the wrapped function (methods get self first).
                        WrapperValue { Entry.Identity.Scope: { Kind: ScopeKind.Function or ScopeKind.Lambda } ws } w =>
                            (ws, ws.Parent?.Kind == ScopeKind.Class && call.Func is ExprAttribute && Union.Options(
                                _ev.Eval(((ExprAttribute)call.Func).Value, record.Scope, null)).Any(o => o is InstanceValue) ? 1 : 0),
                        _ => ((Scope?)null, 0),
                    };
                    if (function?.Args is not { } args) continue;
                    var positional = args.Posonlyargs.Concat(args.Args).ToList();
                    int next = skip;
                    foreach (var a in call.Args)
                    {
                        if (a is ExprStarred || next >= positional.Count) break;
                        var argument = a;
                        Value v = UnknownValue.Instance;
                        Guarded(module, argument, () => v = _ev.Eval(argument, record.Scope, null));
                        Add(flows, function, positional[next++].Name, v);
                    }
                    foreach (var k in call.Keywords)
                    {
                        if (k.Arg == null) continue;
                        var keyword = k;
                        Value v = UnknownValue.Instance;
                        Guarded(module, keyword.Value, () => v = _ev.Eval(keyword.Value, record.Scope, null));
                        Add(flows, function, keyword.Arg, v);
                    }
                }
            }
        }
        bool changed = false;
        foreach (var (binding, values) in flows)
        {
            var v = Union.Of(values);
            if (!IsInteresting(v)) continue;
            if (_ev.ParameterFlow.TryGetValue(binding, out var old) && SameValue(old, v)) continue;
            _ev.ParameterFlow[binding] = v;
            changed = true;
            // A function of a module not walked yet receives unsync values: its calls matter now.
            var module = binding.Scope.Module;
            if (module.Ast != null && _walked.Add(module)) _modules.Add(module);
        }
        return changed;
    }

    static void Add(Dictionary<Binding, List<Value>> flows, Scope function, string name, Value value)
    {
        if (!function.Bindings.TryGetValue(name, out var list)) return;
        var param = list.FirstOrDefault(b => b.Kind == BindingKind.Param);
        if (param == null) return;
        if (!flows.TryGetValue(param, out var values)) flows[param] = values = [];
        values.Add(value);
    }

    /// <summary>Only unsync-related values flow into parameters (wrappers, futures, and what holds them).</summary>
    static bool IsInteresting(Value v) => v switch
    {
        WrapperValue or UnfutureValue or UnsyncDecoratorValue or UnsyncFactoryValue => true,
        SequenceValue s => IsInteresting(s.Element),
        DictValue d => IsInteresting(d.Values),
        UnionValue u => u.Options.Any(IsInteresting),
        _ => false,
    };

    static bool SameValue(Value a, Value b) => Describe(a) == Describe(b);

    static string Describe(Value v) => v switch
    {
        WrapperValue w => "W" + w.Entry.Order,
        UnfutureValue u => "U" + (u.Source?.Order.ToString() ?? ""),
        SequenceValue s => "S(" + Describe(s.Element) + ")",
        DictValue d => "D(" + Describe(d.Values) + ")",
        UnionValue u => "(" + string.Join("|", u.Options.Select(Describe).Order(StringComparer.Ordinal)) + ")",
        _ => v.GetType().Name,
    };

    /// <summary>The unsync functions whose futures these values may be ("a | b"), or null when none is known.</summary>
    static string? Sources(IEnumerable<Value> values)
    {
        var names = values.SelectMany(Union.Options).OfType<UnfutureValue>().Select(u => u.Source?.Qualname)
            .Where(n => n != null).Distinct().Order(StringComparer.Ordinal).ToList();
        return names.Count == 0 ? null : string.Join(" | ", names);
    }

    bool OnLoop(Scope scope) => scope.ExecutingFunction is { } f && _loopFunctions.Contains(f);

    void VisitCall(ModuleInfo module, CallRecord record, List<(CallSite, WrapperEntry)> callSites,
                   List<UnfutureOperation> operations, List<NameMatch> nameMatches)
    {
        var call = record.Call;
        var scope = record.Scope;
        var func = FuncOf(record);
        var options = Union.Options(func).ToList();

        // Call sites: one per distinct wrapper the call may invoke, including unsync overrides of
        // the method in subclasses of the receiver's class (virtual dispatch).
        var seen = new HashSet<WrapperEntry>(ReferenceEqualityComparer.Instance);
        var direct = options.OfType<WrapperValue>().ToList();
        foreach (var w in direct.Concat(VirtualOverrides(call, scope)))
        {
            if (!seen.Add(w.Entry)) continue;
            var consumed = ConsumedBy(call, record.Parent, record.Grandparent);
            var site = new CallSite
            {
                File = module.File!,
                Line = call.Lineno,
                Callee = w.Entry.Qualname,
                Mode = w.Entry.Mode,
                ConsumedBy = consumed,
                Span = module.SpanOf(call),
                Function = null!,
                Caller = scope.CallerName,
                Via = direct.Contains(w) ? Via(call, scope) : "virtual",
                Text = module.TextOf(call),
            };
            callSites.Add((site, w.Entry));
            CallSiteHazards(module, record, w.Entry, consumed);
        }

        // A method call on a receiver of unknown class whose name an unsync method has: listed for review.
        if (options.Count == 1 && options[0].IsUnknown && call.Func is ExprAttribute fa && MethodsNamed(fa.Attr) is { Count: > 0 } candidates
            && _ev.Eval(fa.Value, scope, null) is { IsUnknown: true })
        {
            nameMatches.Add(new NameMatch
            {
                File = module.File!, Line = call.Lineno, Span = module.SpanOf(call), Method = fa.Attr,
                Candidates = candidates, Text = module.TextOf(call),
            });
        }

        // Unfuture operations (one per call, whatever the number of futures the receiver may be).
        bool recorded = false;
        foreach (var option in options)
        {
            if (recorded && option is UnfutureMethodValue or UnfutureClassValue) continue;
            switch (option)
            {
                case UnfutureMethodValue m:
                {
                    var kind = m.Name switch
                    {
                        "result" => call.Args.Count > 0 || call.Keywords.Any(k => k.Arg == "timeout")
                            ? UnfutureOperationKind.ResultWithTimeout : UnfutureOperationKind.Result,
                        "then" => UnfutureOperationKind.Then,
                        "done" => UnfutureOperationKind.Done,
                        "set_result" => UnfutureOperationKind.SetResult,
                        "from_value" => UnfutureOperationKind.FromValue,
                        _ => (UnfutureOperationKind?)null,
                    };
                    if (kind is not { } k) break;
                    operations.Add(Operation(module, call, k, scope, Sources(options.OfType<UnfutureMethodValue>().Select(o => o.Receiver))));
                    recorded = true;
                    if (m.Name == "result") ResultHazards(module, record, m);
                    if (m.Name == "then") ThenHazards(module, record);
                    break;
                }
                case UnfutureClassValue:
                    operations.Add(Operation(module, call, UnfutureOperationKind.Create, scope, null));
                    recorded = true;
                    break;
                case ExternalValue { IsModule: false } e when OnLoop(scope) && KnownNames.IsBlocking(e.Path):
                    _ev.Report(HazardRules.BlockingCallOnLoop, module, call,
                               $"{e.Path}(...) blocks the event-loop thread inside async-loop function {scope.ExecutingFunction!.Qualname}",
                               scope.CallerName);
                    break;
            }
        }
        if (options.Count == 1 && options[0].IsUnknown && call.Func is ExprAttribute { Attr: "result" } ra && OnLoop(scope)
            && !Union.Options(_ev.Eval(ra.Value, scope, null)).Any(o => o is UnfutureValue))
        {
            _ev.Report(HazardRules.BlockingCallOnLoop, module, call,
                       $"'{module.TextOf(call, 50)}' may block the event-loop thread inside async-loop function {scope.ExecutingFunction!.Qualname}",
                       scope.CallerName);
        }
    }

    Dictionary<string, List<ClassInfo>>? _classesDefining;

    /// <summary>The classes of the analysed modules whose own body binds a name, by that name (built once).</summary>
    List<ClassInfo> ClassesDefining(string name)
    {
        _classesDefining ??= _modules.SelectMany(m => m.Defs).Where(d => d.Node is StmtClassDef && d.Inner.Class != null)
            .SelectMany(d => d.Inner.Bindings.Keys.Select(k => (Name: k, Class: d.Inner.Class!)))
            .GroupBy(x => x.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(x => x.Class).ToList(), StringComparer.Ordinal);
        return _classesDefining.GetValueOrDefault(name) ?? [];
    }

    /// <summary>
    /// For <c>recv.m(...)</c> on an instance of a program class C that may be a subclass's
    /// (<c>self</c>, an annotated parameter; not an object made by calling C): the unsync methods
    /// that subclasses of C define as <c>m</c>, which the call reaches when the object is one of those.
    /// </summary>
    IEnumerable<WrapperValue> VirtualOverrides(ExprCall call, Scope scope)
    {
        if (call.Func is not ExprAttribute method) return [];
        var receivers = Union.Options(_ev.Eval(method.Value, scope, null)).OfType<InstanceValue>().Where(i => !i.Exact)
            .SelectMany(i => i.Classes).ToList();
        if (receivers.Count == 0) return [];
        return ClassesDefining(method.Attr)
            .Where(sub => !receivers.Contains(sub)
                          && _ev.Mro(sub).Any(k => k != null && receivers.Contains(k)))
            .SelectMany(sub => Union.Options(_ev.GetAttr(new InstanceValue([sub]), method.Attr, scope)).OfType<WrapperValue>());
    }

    List<string> MethodsNamed(string name) => _wrappedMethods.QualnamesNamed(name);

    static string Via(ExprCall call, Scope scope) => call.Func switch
    {
        ExprName => "name",
        ExprAttribute { Value: ExprName { Id: "self" or "cls" } } => "method",
        ExprAttribute => "attribute",
        ExprCall => "returned",
        _ => "expression",
    };

    /// <summary>The README's rule: what the call's immediate syntactic parent does with the future.</summary>
    public static Consumption ConsumedBy(ExprCall call, Node parent, Node? grandparent)
    {
        switch (parent)
        {
            case ExprAttribute a when ReferenceEquals(a.Value, call):
                if (grandparent is ExprCall g && ReferenceEquals(g.Func, a))
                    return a.Attr switch
                    {
                        "result" => Consumption.Result,
                        "then" => Consumption.Then,
                        _ => Consumption.Stored,
                    };
                return Consumption.Stored;
            case ExprAwait:
                return Consumption.Await;
            case ExprCall p:
                return ReferenceEquals(p.Func, call) ? Consumption.Stored : Consumption.Argument;
            case Keyword:
                return Consumption.Argument;
            case ExprStarred when grandparent is ExprCall:
                return Consumption.Argument;
            case StmtExpr:
                return Consumption.Discarded;
            default:
                return Consumption.Stored;
        }
    }

    UnfutureOperation Operation(ModuleInfo module, PositionedNode node, UnfutureOperationKind kind, Scope scope, string? source) => new()
    {
        File = module.File!,
        Line = node.Lineno,
        Kind = kind,
        Span = module.SpanOf(node),
        Caller = scope.CallerName,
        OnLoopThread = OnLoop(scope),
        Source = source,
        Text = module.TextOf(node),
    };

    // ---- hazards -------------------------------------------------------------------------------

    void CallSiteHazards(ModuleInfo module, CallRecord record, WrapperEntry entry, Consumption consumed)
    {
        var call = record.Call;
        var scope = record.Scope;
        if (consumed == Consumption.Discarded)
        {
            _ev.Report(HazardRules.DiscardedUnfuture, module, call,
                       $"the Unfuture of {entry.Qualname}(...) is discarded: if the call fails, nobody sees the exception",
                       scope.CallerName);
        }
        else if (consumed == Consumption.Stored && record.Parent is StmtAssign { Targets: [ExprName target] }
                 && scope.ExecutingFunction is { } fn && !LoadedIn(fn, target.Id))
        {
            _ev.Report(HazardRules.DiscardedUnfuture, module, call,
                       $"the Unfuture of {entry.Qualname}(...) is stored in '{target.Id}' but never observed: its exception is lost",
                       scope.CallerName);
        }
        if (entry.Mode == ExecutionMode.Process)
        {
            foreach (var arg in call.Args.Concat(call.Keywords.Select(k => k.Value)))
            {
                var a = arg is ExprStarred st ? st.Value : arg;
                string? what = a switch
                {
                    ExprLambda => "a lambda",
                    ExprGeneratorExp => "a generator",
                    _ => _ev.Eval(a, scope, null) switch
                    {
                        FunctionValue { Scope.Kind: ScopeKind.Lambda } => "a lambda",
                        FunctionValue f when f.Scope.Parent?.Kind != ScopeKind.Module => $"the nested function {f.Scope.Qualname}",
                        _ => null,
                    },
                };
                if (what != null)
                    _ev.Report(HazardRules.UnpicklableProcessArgument, module, a,
                               $"{what} passed to process function {entry.Qualname} cannot be pickled for the worker process",
                               scope.CallerName);
            }
        }
    }

    static bool LoadedIn(Scope scope, string name)
    {
        if (scope.Loads.Contains(name)) return true;
        foreach (var child in scope.Children)
            if (!child.IsLocal(name) && LoadedIn(child, name)) return true;
        return false;
    }

    void ResultHazards(ModuleInfo module, CallRecord record, UnfutureMethodValue m)
    {
        var scope = record.Scope;
        if (!OnLoop(scope)) return;
        var recv = ((ExprAttribute)record.Call.Func).Value;
        if (recv is ExprName n && AwaitedBefore(module, scope, n.Id, Positions.Start(record.Call))) return;
        string what = m.Receiver is UnfutureValue { Source: { } src } ? $"the future of {src.Qualname}" : "a future";
        _ev.Report(HazardRules.ResultOnLoopThread, module, record.Call,
                   $"result() on {what} inside async-loop function {scope.ExecutingFunction!.Qualname}: raises InvalidStateError unless done (a deadlock once migrated)",
                   scope.CallerName);
    }

    static bool AwaitedBefore(ModuleInfo module, Scope scope, string name, long pos)
    {
        var fn = scope.ExecutingFunction;
        foreach (var aw in module.Awaits)
        {
            if (aw.Await.Value is ExprName n && n.Id == name && aw.Scope.ExecutingFunction == fn && Positions.Start(aw.Await) < pos)
                return true;
        }
        return false;
    }

    void ThenHazards(ModuleInfo module, CallRecord record)
    {
        var call = record.Call;
        if (call.Args.Count == 0) return;
        var cont = _ev.Eval(call.Args[0], record.Scope, null);
        foreach (var option in Union.Options(cont))
        {
            var (scope, skip) = option switch
            {
                FunctionValue f => (f.Scope, 0),
                BoundMethodValue bm => (bm.Function.Scope, 1),
                WrapperValue { Entry.Identity.Scope: { } ws } => (ws, ws.Parent?.Kind == ScopeKind.Class ? 1 : 0),
                _ => ((Scope?)null, 0),
            };
            if (scope?.Args is not { } args) continue;
            var positional = args.Posonlyargs.Concat(args.Args).ToList();
            if (positional.Count <= skip) continue;
            string param = positional[skip].Name;
            List<StmtIf>? guards = null;
            foreach (var inner in scope.Module.Calls)
            {
                if (inner.Call.Func is ExprAttribute { Attr: "result", Value: ExprName recv } && recv.Id == param
                    && inner.Scope.ExecutingFunction == scope
                    && !IsGuardedAsFuture(inner.Call, guards ??= FutureGuards(scope, param)))
                {
                    _ev.Report(HazardRules.ThenContinuationCallsResult, scope.Module, inner.Call,
                               $"the then() continuation {scope.Qualname} receives the result value, not the future: '{param}.result()' fails",
                               scope.CallerName);
                }
            }
        }
    }

    /// <summary>
    /// The <c>if isinstance(PARAM, Unfuture):</c> statements of a function (the test may be a
    /// conjunction): code that checks what it got, so a <c>.result()</c> in their body is right.
    /// </summary>
    List<StmtIf> FutureGuards(Scope function, string param)
    {
        var found = new List<StmtIf>();
        var stack = new Stack<Node>(function.Node.ChildNodes());
        while (stack.Count > 0)
        {
            var n = stack.Pop();
            if (n is StmtFunctionDef or StmtAsyncFunctionDef or StmtClassDef or ExprLambda) continue;
            if (n is StmtIf i && TestsIsFuture(i.Test, function, param)) found.Add(i);
            foreach (var c in n.ChildNodes()) stack.Push(c);
        }
        return found;
    }

    bool TestsIsFuture(Expr test, Scope scope, string param) => test switch
    {
        ExprBoolOp { Op: BoolOperator.And } and_ => and_.Values.Any(v => TestsIsFuture(v, scope, param)),
        ExprCall { Func: ExprName { Id: "isinstance" }, Args: [ExprName subject, var cls] } =>
            subject.Id == param && Union.Options(_ev.Eval(cls, scope, null)).Any(o => o is UnfutureClassValue),
        _ => false,
    };

    static bool IsGuardedAsFuture(ExprCall call, List<StmtIf> guards)
    {
        long at = Positions.Start(call);
        return guards.Any(g => g.Body.Count > 0 && at >= Positions.Start(g.Body[0]) && at <= Positions.End(g.Body[^1]));
    }

    void EntryHazards(List<(CallSite Site, WrapperEntry Entry)> callSites)
    {
        foreach (var e in _ev.Entries)
        {
            var module = e.SiteScope.Module;
            if (e.Mode == ExecutionMode.ErrorCpuBoundAsync)
            {
                _ev.Report(HazardRules.CpuBoundAsync, module, (PositionedNode?)e.CpuBoundExpr ?? e.Site,
                           $"{e.Qualname} is an async def wrapped with cpu_bound=True: every call raises TypeError", e.Qualname);
            }
            if (e.CpuBound == Tri.Unknown)
            {
                _ev.Report(HazardRules.RuntimeCpuBound, module, (PositionedNode?)e.CpuBoundExpr ?? e.Site,
                           $"cpu_bound={(e.CpuBoundExpr != null ? module.TextOf(e.CpuBoundExpr, 40) : "?")} is known only at run time: the mode of {e.Qualname} is unknown",
                           e.Qualname);
            }
            if (e.IsCoroutine == Tri.Unknown)
            {
                string reason = e.UnknownReason != null ? $" ('{e.UnknownReason}' comes from outside the program)" : "";
                _ev.Report(HazardRules.UnknownCoroutineness, module, e.Site,
                           $"cannot tell whether what unsync wraps for {e.Qualname} is a coroutine function{reason}: mode unknown", e.Qualname);
            }
            if (e.Mode == ExecutionMode.Process)
            {
                ProcessTargetHazards(e, callSites);
            }
        }
        foreach (var (factory, uses) in _ev.FactoryUses)
        {
            var distinct = uses.Select(u => u.Identity).Distinct().Count();
            if (distinct < 2) continue;
            var module = uses[0].SiteScope.Module;
            _ev.Report(HazardRules.ReusedDecoratorInstance, module, factory.Site,
                       $"this unsync(...) instance wraps {string.Join(", ", uses.Select(u => u.Qualname).Distinct())}: each application replaces the previous function",
                       uses[0].SiteScope.CallerName);
        }
    }

    void ProcessTargetHazards(WrapperEntry e, List<(CallSite Site, WrapperEntry Entry)> callSites)
    {
        var module = e.SiteScope.Module;
        if (e.Identity.Scope is { } def)
        {
            string? problem = def.Kind == ScopeKind.Lambda ? "a lambda"
                : def.Parent?.Kind == ScopeKind.Class ? $"a method of {def.Parent.Qualname}"
                : def.Parent?.Kind != ScopeKind.Module ? $"nested in {def.Parent?.Qualname}"
                : null;
            if (problem != null)
            {
                _ev.Report(HazardRules.ProcessTargetNotModuleLevel, module, e.Site,
                           $"process target {e.Qualname} is {problem}: worker processes look it up by module and name and cannot find it",
                           e.Qualname);
                return;
            }
        }
        if (e.How == WrapKind.CallWrapper && e.SiteScope.ExecutingFunction is { } runtime)
        {
            _ev.Report(HazardRules.ProcessTargetNotModuleLevel, module, e.Site,
                       $"process target {e.Qualname} is wrapped at run time inside {runtime.Qualname}: worker processes started before cannot find it",
                       e.Qualname);
            return;
        }
        // Module-level code that calls a process function before this one is created.
        int created = e.Site.Lineno;
        foreach (var (site, other) in callSites)
        {
            if (other.Mode != ExecutionMode.Process || site.Caller != "<module>" || site.File != module.File) continue;
            if (site.Line < created)
            {
                _ev.Report(HazardRules.ProcessTargetNotModuleLevel, module, e.Site,
                           $"process target {e.Qualname} is created after the first process call (line {site.Line}): workers already started cannot find it",
                           e.Qualname);
                return;
            }
        }
    }

    // ---- functions ------------------------------------------------------------------------------

    Dictionary<WrapperEntry, UnsyncFunction> BuildFunctions()
    {
        var list = new List<(WrapperEntry Entry, UnsyncFunction Function)>();
        foreach (var e in _ev.Entries)
        {
            var siteModule = e.SiteScope.Module;
            bool external = e.Identity.Scope == null;
            var def = e.DefinitionNode;
            var decorators = new List<string>();
            if (e.Identity.Scope is { } s)
                decorators.AddRange(s.Decorators.Select(d => "@" + s.Module.TextOf(d, 60)));
            var f = new UnsyncFunction
            {
                File = external ? siteModule.File! : e.Module.File!,
                Qualname = e.Qualname,
                Line = external ? e.Site.Lineno : def.Lineno,
                Mode = e.Mode,
                How = e.How,
                WrappedAt = !external && e.How == WrapKind.CallWrapper ? e.Site.Lineno : null,
                External = external,
                Span = external ? siteModule.SpanOf(e.Site) : e.Module.SpanOf(def),
                WrapFile = siteModule.File!,
                WrapSpan = siteModule.SpanOf(e.Site),
                IsCoroutine = e.IsCoroutine switch { Tri.Yes => true, Tri.No => false, _ => null },
                CpuBound = e.CpuBoundExpr != null ? siteModule.TextOf(e.CpuBoundExpr, 40) : null,
                Module = external ? null : e.Module.Name,
                Decorators = decorators,
            };
            list.Add((e, f));
        }
        var ordered = list
            .OrderBy(x => x.Function.File, StringComparer.Ordinal).ThenBy(x => x.Function.Line)
            .ThenBy(x => x.Function.Qualname, StringComparer.Ordinal).ThenBy(x => x.Function.WrappedAt ?? 0)
            .ThenBy(x => x.Function.Mode).ThenBy(x => x.Entry.Order)
            .ToList();
        var result = new Dictionary<WrapperEntry, UnsyncFunction>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < ordered.Count; i++)
        {
            ordered[i].Function.Id = "F" + (i + 1);
            result[ordered[i].Entry] = ordered[i].Function;
        }
        return result;
    }
}
