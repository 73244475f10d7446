using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using UnsyncMigrate.Python.Ast;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;
using static UnsyncMigrate.Translation.Cs;

namespace UnsyncMigrate.Translation;

// Decorators the runtime applies, as Python does when the statement runs: a method's stack
// (FuncSig.RuntimeDecorators) makes the class attribute of its name; a class's decorators make
// what the class's name is bound to (ClassInfo.IsRebound: the name is a module variable).
internal sealed partial class ModuleTranslator
{
    /// <summary>The static field holding what a decorated method's stack returned.</summary>
    static string DecoratedField(FuncSig sig) => CSharpNames.Sanitize(sig.PyName) + "__decorated";

    /// <summary><c>Cls.m = dec1(dec2(function))</c>, run where the def is in the class body.</summary>
    StatementSyntax DecoratedMethodValue(ClassInfo info, FuncSig sig)
    {
        var scope = ScopeOf(sig.Def!).Parent!;
        ExpressionSyntax value = MethodFunctionValue(info, sig);
        for (int i = sig.RuntimeDecorators.Count - 1; i >= 0; i--)
        {
            var d = sig.RuntimeDecorators[i];
            value = KindOf(d, sig.PyName, scope) switch
            {
                DecoratorKind.Unsync => Rt.Wrap(value, CpuBoundOf(d) is { } cpu ? Expression(cpu, ModuleCtx) : Cs.Null),
                DecoratorKind.Setter => GapExpr(d, "a property setter under other decorators"),
                DecoratorKind.Deleter => GapExpr(d, "a property deleter under other decorators"),
                // The class body's own names are not module names: what it binds is not a value here.
                _ when RootName(d) is { } root && scope.IsLocal(root) => GapExpr(d, "a decorator the class body defines"),
                _ => Py("Call", Expression(d, ModuleCtx), ObjectArray([value]), Cs.Null),
            };
        }
        return Stmt(Assign(Member(Id(info.CsName), DecoratedField(sig)), value));
    }

    /// <summary>The name a decorator expression starts from (<c>retry</c> in <c>@retry(3)</c>, <c>functools</c> in <c>@functools.cache</c>).</summary>
    static string? RootName(Expr d) => d switch
    {
        ExprName n => n.Id,
        ExprCall c => RootName(c.Func),
        ExprAttribute a => RootName(a.Value),
        _ => null,
    };

    /// <summary>The function a decorator stack receives: Python's arguments bound, then the static method (self first) called.</summary>
    ExpressionSyntax MethodFunctionValue(ClassInfo info, FuncSig sig)
    {
        var call = Call(Member(Id(info.CsName), sig.CsName), BoundArgs(sig, Id("__b"), AllParams(sig).Count));
        var lambda = ParenthesizedLambdaExpression()
            .WithParameterList(ParameterList(SeparatedList(new[] { Parameter(Identifier("__a")).WithType(ParseTypeName("object?[]")), Parameter(Identifier("__k")).WithType(ParseTypeName("PyKwargs?")) })))
            .WithBlock(Block(CallThenNull(sig, call, v => ReturnStatement(v)).Prepend(Local(Cs.Var, "__b", BindCall(sig, Id("__a"), Id("__k"))))));
        ExpressionSyntax function = WithFunctionAttributes(New("PyFunc", Str(sig.PyName), lambda, Str(sig.QualName)), sig.Def);
        // unsync (applied above it at run time) needs to know a coroutine function.
        return sig.IsAsync && !sig.IsGenerator && sig.Mode == UnsyncMode.None ? Call(Member(Id("PyUnsync"), "MarkCoroutine"), function) : function;
    }

    /// <summary>The decorated methods' values read through the class (a staticmethod's function, a classmethod bound to the class).</summary>
    IEnumerable<SwitchSectionSyntax> DecoratedClassCases(ClassInfo info) =>
        info.DecoratedMethods.Values.Select(sig => Section(sig.PyName,
            Call(Member(Id("PyDescriptors"), "BindClass"), Member(Id(info.CsName), DecoratedField(sig)), Id("__cls"))));

    /// <summary>
    /// Calls by name of what the class binds over a base's method (a decorated method, a class
    /// attribute): answered here, before the base's own case for its method.
    /// </summary>
    IEnumerable<SwitchSectionSyntax> RebindingCallCases(ClassInfo info)
    {
        var names = info.DecoratedMethods.Keys.Select(n => (n, (ExpressionSyntax)Member(Id(info.CsName), DecoratedField(info.DecoratedMethods[n]))))
            .Concat(info.ClassAttributes.Distinct().Where(a => !info.FieldSet.Contains(a) && info.Mro.Skip(1).Any(b => b.Methods.ContainsKey(a)))
                .Select(a => (a, (ExpressionSyntax)Member(Id(info.CsName), CSharpNames.Identifier(a)))));
        foreach (var (name, value) in names)
            yield return SwitchSection(SingletonList<SwitchLabelSyntax>(CaseSwitchLabel(Str(name))), List(new StatementSyntax[]
            {
                Stmt(Assign(Id("__result"), Py("Call", Call(Member(Id("PyDescriptors"), "BindInstance"), value, ThisExpression()), Id("__args"), Id("__kwargs")))),
                ReturnStatement(Cs.True),
            }));
    }

    /// <summary>The class decorators' values, evaluated before the class body runs (as Python evaluates them).</summary>
    List<(string Temp, StatementSyntax Evaluation)> EvaluateClassDecorators(ClassInfo info) =>
        info.Def.DecoratorList.Where(d => !IsDataclassDecorator(info.Def, d)).Select(d =>
        {
            string temp = NewTemp("decorator");
            return (temp, (StatementSyntax)Local(Cs.Object, temp, Expression(d, ModuleCtx)));
        }).ToList();

    /// <summary><c>Name = dec1(dec2(Name))</c> once the class exists: the module variable the name is.</summary>
    StatementSyntax BindDecoratedClass(ClassInfo info, List<(string Temp, StatementSyntax Evaluation)> decorators)
    {
        ExpressionSyntax value = Member(Id(info.CsName), "__pyclass");
        for (int i = decorators.Count - 1; i >= 0; i--)
            value = Py("Call", Id(decorators[i].Temp), ObjectArray([value]), Cs.Null);
        return Stmt(Assign(ModuleFieldRef(info.PyName), value));
    }
}
