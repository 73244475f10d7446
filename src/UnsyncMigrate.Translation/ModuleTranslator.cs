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

/// <summary>
/// Translates one Python module into one static C# class: module-level names become
/// static fields, functions static methods, classes nested classes, and the module's
/// top-level statements an <c>__init__</c> method run once on first import.
/// Values are dynamically typed (<c>object?</c>) and go through the runtime's Python
/// semantics (<c>Py.*</c>) so that output matches Python exactly.
/// </summary>
internal sealed partial class ModuleTranslator
{
    readonly ProgramTranslator _program;
    readonly SourceModule _module;
    readonly string _csClass;
    readonly List<TranslationGap> _gaps;
    readonly string[] _sourceLines;

    // Module-level names.
    readonly HashSet<string> _globals = [];
    readonly Dictionary<string, FuncSig> _functions = [];
    readonly Dictionary<string, ClassInfo> _classes = [];

    readonly List<MemberDeclarationSyntax> _members = [];
    readonly DeclarationCounter _counter = new();

    /// <summary>The module's declaration counts (complete once <see cref="Translate"/> ran).</summary>
    public TypingReport Typing => _counter.Report(_module.Name);
    readonly List<StatementSyntax> _init = [];
    int _temp;

    public ModuleTranslator(ProgramTranslator program, SourceModule module, string csClass, List<TranslationGap> gaps)
    {
        _program = program;
        _module = module;
        _csClass = csClass;
        _gaps = gaps;
        _sourceLines = module.Text.Split('\n');
    }

    public string CsClass => _csClass;
    public SourceModule Module => _module;
    public IReadOnlyDictionary<string, FuncSig> Functions => _functions;
    public IReadOnlyDictionary<string, ClassInfo> Classes => _classes;

    string NewTemp(string hint) => $"__{hint}{++_temp}";

    // ---- pass 1: what the module defines ------------------------------------------------

    /// <summary>Collects the module's top-level definitions (run for every module before any body is translated).</summary>
    public void Declare()
    {
        var scope = _module.Scope;
        foreach (var s in _module.Tree.Body)
        {
            switch (s)
            {
                case StmtFunctionDef or StmtAsyncFunctionDef:
                    {
                        var (name, decorators) = s is StmtFunctionDef f ? (f.Name, f.DecoratorList) : (((StmtAsyncFunctionDef)s).Name, ((StmtAsyncFunctionDef)s).DecoratorList);
                        if (scope.BindingCount(name) > 1 || decorators.Any(d => !IsUnsyncDecoratorExpr(d, scope)))
                            break; // rebound or decorated by something else: a plain variable
                        _functions[name] = DeclareFunction(s, name, name, null);
                        break;
                    }
                case StmtClassDef c when scope.BindingCount(c.Name) <= 1:
                    _classes[c.Name] = DeclareClass(c);
                    break;
            }
        }
        foreach (var name in scope.Locals)
            if (!_functions.ContainsKey(name) && ClassNamed(name) == null && !IsImportBinding(name)) _globals.Add(name);
    }

    /// <summary>
    /// The program class a module-level name always refers to: not one whose decorators rebind the
    /// name (that name is a variable holding what they returned).
    /// </summary>
    ClassInfo? ClassNamed(string name) => _classes.TryGetValue(name, out var c) && !c.IsRebound ? c : null;

    FuncSig DeclareFunction(Stmt def, string name, string qualName, ClassInfo? owner, bool register = true)
    {
        var (args, decorators, isAsync, body) = def switch
        {
            StmtFunctionDef f => (f.Args, f.DecoratorList, false, f.Body),
            StmtAsyncFunctionDef a => (a.Args, a.DecoratorList, true, a.Body),
            _ => throw new ArgumentException("not a function"),
        };
        bool isSetter = owner != null && decorators.Any(d => d is ExprAttribute { Attr: "setter", Value: ExprName p } && p.Id == name);
        bool isDeleter = owner != null && decorators.Any(d => d is ExprAttribute { Attr: "deleter", Value: ExprName p } && p.Id == name);
        var sig = new FuncSig
        {
            PyName = name,
            CsName = isSetter ? CSharpNames.Identifier(name + "__set") : isDeleter ? CSharpNames.Identifier(name + "__del") : CSharpNames.Identifier(name),
            IsPropertySetter = isSetter,
            IsPropertyDeleter = isDeleter,
            QualName = qualName,
            IsAsync = isAsync,
            IsGenerator = ContainsYield(body),
            Def = def,
            DefaultsOwner = _csClass,
            Owner = owner,
            UsesSuper = owner != null && CallsSuper(def, body),
        };
        foreach (var a in args.Posonlyargs.Concat(args.Args)) sig.Params.Add(a.Name);
        int firstDefault = sig.Params.Count - args.Defaults.Count;
        for (int i = 0; i < args.Defaults.Count; i++)
            sig.Defaults[sig.Params[firstDefault + i]] = $"{CSharpNames.Sanitize(qualName.Replace('.', '_'))}__default_{sig.Params[firstDefault + i]}";
        sig.VarArgs = args.Vararg?.Name;
        sig.KwArgs = args.Kwarg?.Name;
        for (int i = 0; i < args.Kwonlyargs.Count; i++)
        {
            sig.KwOnly.Add(args.Kwonlyargs[i].Name);
            if (args.KwDefaults[i] != null)
                sig.Defaults[args.Kwonlyargs[i].Name] = $"{CSharpNames.Sanitize(qualName.Replace('.', '_'))}__default_{args.Kwonlyargs[i].Name}";
        }
        // Decorators run in the enclosing scope (a lambda's synthetic def has none, and no scope).
        var scope = decorators.Count > 0 ? ScopeOf(def).Parent! : _module.Scope;
        foreach (var d in decorators)
        {
            switch (KindOf(d, name, scope))
            {
                case DecoratorKind.Unsync: (sig.Mode, sig.CpuBoundAtRunTime) = DecoratedMode(def, isAsync, d, module: owner == null); break;
                case DecoratorKind.StaticMethod: sig.IsStatic = true; break;
                case DecoratorKind.ClassMethod: sig.IsClassMethod = true; break;
                case DecoratorKind.Property: sig.IsProperty = true; break;
            }
        }
        // Python makes __init_subclass__ a classmethod without the decorator.
        if (owner != null && name == "__init_subclass__") sig.IsClassMethod = true;
        if (owner != null && decorators.Any(d => KindOf(d, name, scope) == DecoratorKind.Runtime)) MakeRuntimeDecorated(sig, decorators);
        if (register && sig.Mode == UnsyncMode.Process && owner == null)
            _program.RegisterProcessTarget($"{_module.Name}:{qualName}", this, sig);
        return sig;
    }

    /// <summary>
    /// The mode of a def decorated with unsync: the analysis' (the report's), so the code runs each
    /// function where the report says. A mode the analysis cannot know is reported (UM2003) and the
    /// function runs where unsync puts a plain or async def without cpu_bound.
    /// </summary>
    /// <remarks>
    /// A plain module-level def whose <c>cpu_bound</c> value is known only at run time gets both
    /// forms, chosen by that value as the decorator runs (as unsync does).
    /// </remarks>
    (UnsyncMode Mode, Expr? CpuBoundAtRunTime) DecoratedMode(Stmt def, bool isAsync, Expr decorator, bool module)
    {
        var wrapping = _program.Analysis.WrappingOf(def);
        switch (wrapping?.Function.Mode)
        {
            case ExecutionMode.AsyncLoop: return (UnsyncMode.AsyncLoop, null);
            case ExecutionMode.Thread: return (UnsyncMode.Thread, null);
            case ExecutionMode.Process: return (UnsyncMode.Process, null);
            case ExecutionMode.ErrorCpuBoundAsync: return (UnsyncMode.CpuBoundAsyncError, null);
        }
        if (module && wrapping?.Function.IsCoroutine == false && CpuBoundOf(decorator) is { } flag) return (UnsyncMode.Process, flag);
        var fallback = isAsync ? UnsyncMode.AsyncLoop : UnsyncMode.Thread;
        _program.Note(new TranslationNote(_module.RelativePath, def is PositionedNode p ? p.Lineno : 0, def is PositionedNode q ? q.ColOffset : 0,
            "UM2003", $"the unsync mode of {(def is StmtFunctionDef f ? f.Name : ((StmtAsyncFunctionDef)def).Name)} is unknown to the analysis " +
                      $"(see the report's hazards); it runs on the {(isAsync ? "event loop" : "thread pool")}, as unsync runs an {(isAsync ? "async" : "plain")} def without cpu_bound"));
        return (fallback, null);
    }

    static bool ContainsYield(IEnumerable<Stmt> body)
    {
        var finder = new YieldFinder();
        foreach (var s in body) finder.Visit(s);
        return finder.Found;
    }

    sealed class YieldFinder : AstVisitor
    {
        public bool Found;
        public override void VisitExprYield(ExprYield node) => Found = true;
        public override void VisitExprYieldFrom(ExprYieldFrom node) => Found = true;
        public override void VisitStmtFunctionDef(StmtFunctionDef node) { }
        public override void VisitStmtAsyncFunctionDef(StmtAsyncFunctionDef node) { }
        public override void VisitStmtClassDef(StmtClassDef node) { }
        public override void VisitExprLambda(ExprLambda node) { }
    }

    /// <summary>Whether a class decorator is <c>dataclasses.dataclass</c>, bare or called, through any import.</summary>
    bool IsDataclassDecorator(StmtClassDef c, Expr d) =>
        DecoratorPath(d is ExprCall call ? call.Func : d, ScopeOf(c).Parent!) == "dataclasses.dataclass";

    ClassInfo DeclareClass(StmtClassDef c)
    {
        bool rebound = c.DecoratorList.Any(d => !IsDataclassDecorator(c, d));
        // A rebound name is a module variable: the C# class takes another name.
        var info = new ClassInfo { PyName = c.Name, CsName = rebound ? CSharpNames.Sanitize(c.Name) + "__class" : CSharpNames.Identifier(c.Name), QualName = c.Name, Def = c, ModuleClass = _csClass };
        info.IsDataclass = c.DecoratorList.Any(d => IsDataclassDecorator(c, d));
        info.IsRebound = rebound;
        foreach (var s in c.Body)
        {
            switch (s)
            {
                case StmtFunctionDef or StmtAsyncFunctionDef:
                    {
                        string name = s is StmtFunctionDef f ? f.Name : ((StmtAsyncFunctionDef)s).Name;
                        var method = DeclareFunction(s, name, c.Name + "." + name, info);
                        // The class body's last binding of a name wins.
                        if (method.RuntimeDecorators.Count > 0)
                        {
                            info.Methods.Remove(name);
                            info.Methods.Remove(FuncSig.MethodKey(name, true));
                            info.Methods.Remove(FuncSig.MethodKey(name, false, true));
                            info.DecoratedMethods[name] = method;
                        }
                        else
                        {
                            info.DecoratedMethods.Remove(name);
                            info.Methods[method.Key] = method;
                        }
                        var decorators = s is StmtFunctionDef fd ? fd.DecoratorList : ((StmtAsyncFunctionDef)s).DecoratorList;
                        if (decorators.Any(d => KindOf(d, name, ScopeOf(s).Parent!) == DecoratorKind.Abstract)) info.AbstractDefs.Add(name);
                        else if (!method.IsPropertyAccessor) info.AbstractDefs.Remove(name);
                        // A classmethod's cls.x = v assigns a class attribute, not a field.
                        if (!method.IsStatic && !method.IsClassMethod)
                            foreach (var field in SelfAssignments(s)) info.AddField(field);
                        break;
                    }
                case StmtAnnAssign { Target: ExprName n } an:
                    if (info.IsDataclass) info.AddField(n.Id);
                    // A bare annotation ('x: int') only records the type: no class attribute exists.
                    else if (an.Value != null) info.ClassAttributes.Add(n.Id);
                    break;
                case StmtAssign a:
                    foreach (var t in a.Targets)
                        if (t is ExprName tn) info.ClassAttributes.Add(tn.Id);
                    break;
            }
        }
        return info;
    }

    /// <summary>The attribute names a method assigns on its first parameter (<c>self.x = ...</c>).</summary>
    static IEnumerable<string> SelfAssignments(Stmt def)
    {
        var args = def is StmtFunctionDef f ? f.Args : ((StmtAsyncFunctionDef)def).Args;
        var all = args.Posonlyargs.Concat(args.Args).ToList();
        if (all.Count == 0) yield break;
        string self = all[0].Name;
        var stack = new Stack<Node>();
        stack.Push(def);
        var found = new List<string>();
        while (stack.Count > 0)
        {
            var n = stack.Pop();
            if (n is ExprAttribute { Value: ExprName v, Ctx: ExprContext.Store } at && v.Id == self) found.Add(at.Attr);
            foreach (var c in n.ChildNodes()) stack.Push(c);
        }
        found.Reverse();
        foreach (var x in found) yield return x;
    }

    /// <summary>The class an expression names, if it is one of the program's classes.</summary>
    public ClassInfo? ResolveClass(Expr e)
    {
        switch (e)
        {
            case ExprName n:
                if (_classes.TryGetValue(n.Id, out var c)) return c;
                return ModuleSym(n.Id) is MemberSymbol member ? _program.FindClass(member.Module.Name, member.Member) : null;
            case ExprAttribute { Value: ExprName m } a when ProgramModule(ModuleSym(m.Id)) is { } module:
                return _program.Symbols.Member(module, a.Attr) is MemberSymbol target ? _program.FindClass(target.Module.Name, target.Member) : null;
            default:
                return null;
        }
    }

    string ClassRef(ClassInfo c) => c.ModuleClass == _csClass ? c.CsName : $"{c.ModuleClass}.{c.CsName}";

    // ---- pass 2: the C# class ----------------------------------------------------------------

    /// <summary>
    /// The members that make a function's value as a Python object (its PyFunc property and cache):
    /// kept in the C# only if something uses the value (<see cref="ProgramTranslator.FunctionValue"/>),
    /// which is known once every module is emitted. For a program of small functions they would be
    /// most of the code.
    /// </summary>
    readonly Dictionary<MemberDeclarationSyntax, FuncSig> _functionValueOf = new(ReferenceEqualityComparer.Instance);

    (List<MemberDeclarationSyntax> Fields, MethodDeclarationSyntax Init, SyntaxTriviaList Leading)? _classParts;

    /// <summary>Emits the module's C# class (its function values all there, <see cref="Unit"/> keeps the used ones).</summary>
    public void Translate()
    {
        var header = Comments.TakeHeader();
        NoteLoggingCallerFields();
        var pending = new List<Python.PythonComment>();
        foreach (var s in _module.Tree.Body)
            TranslateTopLevel(s, pending);
        EndBlock(_init, _module.Tree.Body.LastOrDefault(), pending);
        var rest = Comments.TakeRest(); // a safety net: placement leaves none behind
        if (rest.Count > 0) _init.Add(CommentOnlyStatement(rest));

        var fields = new List<MemberDeclarationSyntax>
        {
            StaticField("__name__", Str(_module.Name == _program.EntryModule ? "__main__" : _module.Name)),
            PrivateStaticBool("__initialized"),
        };
        foreach (var g in _globals.Where(g => g != "__name__").OrderBy(g => g, StringComparer.Ordinal))
        {
            var gt = _types.Var(_module.Tree, g);
            _counter.Add(DeclKind.Global, gt, g);
            fields.Add(StaticField(CSharpNames.Identifier(g), gt.IsStatic ? DefaultValue(gt) : null, CsTypeOf(gt)));
        }

        var init = MethodDeclaration(Cs.Void, "__init__")
            .AddModifiers(Token(SyntaxKind.PublicKeyword), Token(SyntaxKind.StaticKeyword))
            .WithBody(Block(new StatementSyntax[]
            {
                IfStatement(Id("__initialized"), ReturnStatement()),
                Stmt(Assign(Id("__initialized"), Cs.True)),
            }.Concat(_init)))
            .WithLeadingTrivia(LineComment($"Runs the module's top-level code once, on first import (Python: executing {_module.RelativePath})."));

        _classParts = (fields, init, CommentTrivia(header).AddRange(LineComment($"Python module '{_module.Name}' ({_module.RelativePath}).")).AddRange(DocComments.For(_module.Tree.Body)));
    }

    /// <summary>The module's C# file, with the function values something in the program uses.</summary>
    public CompilationUnitSyntax Unit(IReadOnlySet<FuncSig> usedFunctionValues)
    {
        var (fields, init, leading) = _classParts!.Value;
        var members = _members.Where(m => !_functionValueOf.TryGetValue(m, out var sig) || usedFunctionValues.Contains(sig));
        if (_usesFile) fields = [.. fields, FileField()];
        var cls = ClassDeclaration(_csClass)
            .AddModifiers(Token(SyntaxKind.PublicKeyword), Token(SyntaxKind.StaticKeyword), Token(SyntaxKind.PartialKeyword))
            .WithMembers(List(fields.Concat(members).Append(init)))
            .WithLeadingTrivia(leading);
        return CompilationUnit()
            .AddUsings(UsingDirective(ParseName("System")), UsingDirective(ParseName("System.Collections.Generic")),
                UsingDirective(ParseName("System.Linq")), UsingDirective(ParseName("System.Threading.Tasks")),
                UsingDirective(ParseName(Rt.RuntimeNamespace)), UsingDirective(ParseName(Rt.PythonNamespace)))
            .AddMembers(FileScopedNamespaceDeclaration(ParseName(_program.RootNamespace)).AddMembers(cls));
    }

    /// <summary>Whether the module reads <c>__file__</c> (its field is declared only then).</summary>
    bool _usesFile;

    /// <summary>
    /// <c>__file__</c>: the module's source path as it lies beside the built program (the
    /// migrated project's output folder), so paths built from it (<c>os.path.dirname(__file__)</c>)
    /// name the program's folder, as in Python; the data files themselves are not carried over.
    /// </summary>
    FieldDeclarationSyntax FileField() => StaticField("__file__",
        Call(Member(ParseTypeName("System.IO.Path"), "Combine"), Member(ParseTypeName("AppContext"), "BaseDirectory"), Str(_module.RelativePath)));

    /// <summary>
    /// <c>__package__</c> as CPython sets it: None in the script run as <c>__main__</c>, the
    /// package's own name in an <c>__init__</c>, else the name of the package holding the module
    /// (<c>''</c> for a top-level module).
    /// </summary>
    ExpressionSyntax PackageName()
    {
        if (_module.Name == _program.EntryModule) return Cs.Null;
        if (_module.IsPackage) return Str(_module.Name);
        int dot = _module.Name.LastIndexOf('.');
        return Str(dot < 0 ? "" : _module.Name[..dot]);
    }

    static FieldDeclarationSyntax StaticField(string name, ExpressionSyntax? init, TypeSyntax? type = null) =>
        FieldDeclaration(VariableDeclaration(type ?? Cs.Object, SingletonSeparatedList(
                init == null ? VariableDeclarator(name) : VariableDeclarator(name).WithInitializer(EqualsValueClause(init)))))
            .AddModifiers(Token(SyntaxKind.PublicKeyword), Token(SyntaxKind.StaticKeyword));

    static FieldDeclarationSyntax PrivateStaticBool(string name) =>
        FieldDeclaration(VariableDeclaration(Cs.BoolType, SingletonSeparatedList(VariableDeclarator(name))))
            .AddModifiers(Token(SyntaxKind.StaticKeyword));

    /// <summary>Records an untranslated construct and returns the compile-safe stub that replaces it.</summary>
    StatementSyntax Gap(Node node, string construct)
    {
        var gap = ReportGap(node, construct);
        return ThrowStatement(New("System.NotSupportedException", Str($"{_module.RelativePath}:{gap.Line}: not translated: {construct}")))
            .WithLeadingTrivia(LineComment($"TODO(unsync-migrate): {gap.SourceLine}"));
    }

    /// <summary>Records a construct the migrated program cannot run (the migrate-time warning UM2001).</summary>
    TranslationGap ReportGap(Node node, string construct)
    {
        int line = node is PositionedNode p ? p.Lineno : 0, col = node is PositionedNode p2 ? p2.ColOffset : 0;
        string src = line > 0 && line <= _sourceLines.Length ? _sourceLines[line - 1].Trim() : construct;
        var gap = new TranslationGap(_module.RelativePath, line, col, construct, src);
        _gaps.Add(gap);
        return gap;
    }

    /// <summary>
    /// An untranslated expression: a call that raises NotSupportedException when evaluated. A call
    /// (not a throw expression) is valid C# in every expression position, so the project builds.
    /// </summary>
    ExpressionSyntax GapExpr(Node node, string construct)
    {
        var gap = ReportGap(node, construct);
        return Py("NotTranslated", Str($"{_module.RelativePath}:{gap.Line}: not translated: {construct}"))
            .WithTrailingTrivia(Comment($"/* TODO(unsync-migrate): {gap.SourceLine.Replace("*/", "* /")} */"));
    }
}
