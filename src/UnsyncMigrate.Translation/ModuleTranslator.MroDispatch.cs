using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using UnsyncMigrate.Python.Ast;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;
using static UnsyncMigrate.Translation.Cs;

namespace UnsyncMigrate.Translation;

// Classes dispatching along the MRO (ClassInfo.UsesMroDispatch): a C# class inherits from one
// class, so what the other bases define is found at run time. Each class lists its own members
// for the runtime (PyType.InstanceMembers: methods, properties, decorated methods), which reads
// attributes along type(self).__mro__; the root of a C# hierarchy routes calls and the dunders C#
// calls directly there too.
internal sealed partial class ModuleTranslator
{
    /// <summary>
    /// The instance fields the C# class declares: its own; along an MRO, also those of the classes
    /// of its MRO that no C# base class declares.
    /// </summary>
    List<string> DeclaredFields(ClassInfo info)
    {
        if (!info.UsesMroDispatch) return info.Fields;
        var inherited = info.Base == null ? [] : AllFields(info.Base).ToHashSet();
        return AllFields(info).Where(f => !inherited.Contains(f)).ToList();
    }

    static IEnumerable<string> AllFields(ClassInfo c) => c.Mro.SelectMany(m => m.Fields).Distinct();

    /// <summary>The class statement's base as a class object, for <c>PyType.Bases</c>.</summary>
    ExpressionSyntax BaseClassValue(Expr b) =>
        ResolveClass(b) is { } program ? Member(Id(ClassRef(program)), "__pyclass") : Cast(ParseTypeName("PyType"), Expression(b, ModuleCtx));

    /// <summary>
    /// <c>Cls.m(obj, ...)</c> (<c>Base.__init__(self, ...)</c> in a subclass) for a class dispatching
    /// along the MRO: its methods are static methods taking self, so this calls exactly the method
    /// <c>Cls</c> resolves, as Python does, whatever <c>obj</c>'s class overrides.
    /// </summary>
    ExpressionSyntax? MethodOfClassAlongMro(ExprAttribute a, ExprCall call, FunctionCtx ctx)
    {
        if (a.Value is not ExprName named || IsShadowed(named.Id, ctx) || ResolveClass(named) is not { UsesMroDispatch: true } cls
            || cls.FindMethod(a.Attr) is not { HasExplicitSelf: true, IsProperty: false } method)
            return null;
        var target = Member(Id(ClassRef(method.Owner!)), method.CsName);
        return DirectCall(target, method, call, ctx, skipSelf: false) ?? BoundAtRunTime(target, method, call, ctx, skipSelf: false);
    }

    /// <summary>The type name, fields, and lookup along the MRO of a class dispatching along it.</summary>
    IEnumerable<MemberDeclarationSyntax> MroProtocol(ClassInfo info)
    {
        bool root = info.Base == null;
        var fields = DeclaredFields(info);
        yield return PropertyDeclaration(Cs.String, "PyTypeName")
            .AddModifiers(Token(SyntaxKind.PublicKeyword), Token(SyntaxKind.OverrideKeyword))
            .WithExpressionBody(ArrowExpressionClause(Str(info.PyName)))
            .WithSemicolonToken(Token(SyntaxKind.SemicolonToken));

        // After the fields, the runtime's fallback: the object's other attributes, then its class's along the MRO.
        var getCases = fields.Select(f => Section(f, Member(ThisExpression(), CSharpNames.Identifier(f))));
        var baseGet = Call(Member(BaseExpression(), "TryGetAttr"), Argument(Id("__name")), OutArgument("__value"));
        yield return MethodDeclaration(Cs.BoolType, "TryGetAttr")
            .AddModifiers(Token(SyntaxKind.PublicKeyword), Token(SyntaxKind.OverrideKeyword))
            .AddParameterListParameters(Parameter(Identifier("__name")).WithType(Cs.String),
                Parameter(Identifier("__value")).WithType(Cs.Object).AddModifiers(Token(SyntaxKind.OutKeyword)))
            .WithBody(Block(SwitchStatement(Id("__name")).WithSections(List(getCases)), ReturnStatement(baseGet)));

        var set = new List<StatementSyntax>();
        // A property along the MRO takes the assignment before the object's fields do (a data descriptor).
        if (root) set.Add(IfStatement(Call(Member(Id("PyType"), "TrySetMroProperty"), ThisExpression(), Id("__name"), Id("__value")), ReturnStatement(Cs.True)));
        set.Add(SwitchStatement(Id("__name")).WithSections(List(fields.Select(f =>
            SwitchSection(SingletonList<SwitchLabelSyntax>(CaseSwitchLabel(Str(f))),
                List(new StatementSyntax[] { Stmt(Assign(Member(ThisExpression(), CSharpNames.Identifier(f)), Id("__value"))), ReturnStatement(Cs.True) }))))));
        set.Add(ReturnStatement(Call(Member(BaseExpression(), "TrySetAttr"), Id("__name"), Id("__value"))));
        yield return MethodDeclaration(Cs.BoolType, "TrySetAttr")
            .AddModifiers(Token(SyntaxKind.PublicKeyword), Token(SyntaxKind.OverrideKeyword))
            .AddParameterListParameters(Parameter(Identifier("__name")).WithType(Cs.String), Parameter(Identifier("__value")).WithType(Cs.Object))
            .WithBody(Block(set));

        if (!root) yield break;
        yield return TryCallMethodOverride()
            .WithExpressionBody(ArrowExpressionClause(BinaryExpression(SyntaxKind.LogicalOrExpression,
                Call(Member(Id("PyType"), "TryCallMroMethod"), Argument(ThisExpression()), Argument(Id("__name")), Argument(Id("__args")), Argument(Id("__kwargs")), OutArgument("__result")),
                Call(Member(BaseExpression(), "TryCallMethod"), Argument(Id("__name")), Argument(Id("__args")), Argument(Id("__kwargs")), OutArgument("__result")))))
            .WithSemicolonToken(Token(SyntaxKind.SemicolonToken));
        foreach (var dunder in DirectDunders(info)) yield return dunder;
    }

    /// <summary>
    /// The dunders the runtime calls as C# virtual methods rather than by name: routed along the MRO
    /// (an exception's str() and repr() are its PyStr and PyRepr).
    /// </summary>
    IEnumerable<MemberDeclarationSyntax> DirectDunders(ClassInfo info)
    {
        ExpressionSyntax Mro(string name) => Call(Member(Id("PyType"), "CallMroDunder"), ThisExpression(), Str(name));
        if (info.IsException)
        {
            foreach (var (method, dunder) in new[] { ("PyStr", "__str__"), ("PyRepr", "__repr__") })
                yield return MethodDeclaration(Cs.String, method)
                    .AddModifiers(Token(SyntaxKind.PublicKeyword), Token(SyntaxKind.OverrideKeyword))
                    .WithExpressionBody(ArrowExpressionClause(ConditionalExpression(
                        IsPatternExpression(Mro(dunder), DeclarationPattern(Cs.String, SingleVariableDesignation(Identifier("__s")))),
                        Id("__s"), Call(Member(BaseExpression(), method)))))
                    .WithSemicolonToken(Token(SyntaxKind.SemicolonToken));
            yield break;
        }
        foreach (var dunder in new[] { "__repr__", "__str__", "__hash__" })
            yield return MethodDeclaration(Cs.Object, dunder)
                .AddModifiers(Token(SyntaxKind.PublicKeyword), Token(SyntaxKind.OverrideKeyword))
                .WithExpressionBody(ArrowExpressionClause(Mro(dunder)))
                .WithSemicolonToken(Token(SyntaxKind.SemicolonToken));
    }

    /// <summary>
    /// <c>PyType.InstanceMembers</c>: what the class body defines for instances, for lookups along the
    /// MRO (every method of a class dispatching along it; a decorated method's value in any class).
    /// Null when there is nothing to list.
    /// </summary>
    ExpressionSyntax? InstanceMembersLookup(ClassInfo info)
    {
        var arms = new List<SwitchExpressionArmSyntax>();
        if (info.UsesMroDispatch)
            foreach (var sig in info.Methods.Values.Where(m => !m.IsStatic && !m.IsClassMethod && !m.IsPropertyAccessor))
                arms.Add(SwitchExpressionArm(ConstantPattern(Str(sig.PyName)), sig.IsProperty ? PropertyMember(info, sig) : MethodMember(info, sig)));
        foreach (var sig in info.DecoratedMethods.Values)
            arms.Add(SwitchExpressionArm(ConstantPattern(Str(sig.PyName)), MemberObject(Assign(Id("Get"), SimpleLambdaExpression(Parameter(Identifier("__s")),
                Call(Member(Id("PyDescriptors"), "BindInstance"), Member(Id(info.CsName), DecoratedField(sig)), PostfixUnaryExpression(SyntaxKind.SuppressNullableWarningExpression, Id("__s"))))))));
        if (arms.Count == 0) return null;
        arms.Add(SwitchExpressionArm(DiscardPattern(), Cs.Null));
        return SimpleLambdaExpression(Parameter(Identifier("__name")), SwitchExpression(Id("__name"), SeparatedList(arms)));
    }

    /// <summary>A method: its arguments bound as Python binds them, then the static method called with the instance first.</summary>
    ExpressionSyntax MethodMember(ClassInfo info, FuncSig sig)
    {
        var bindSig = sig.Bound(sig.PyName, sig.CsName, skip: 1);
        var invoke = Call(Member(Id(info.CsName), sig.CsName), BoundArgs(bindSig, Id("__b"), AllParams(bindSig).Count).Prepend(Argument(Id("__s"))));
        var body = Block(CallThenNull(sig, invoke, v => ReturnStatement(v)).Prepend(Local(Cs.Var, "__b", BindCall(bindSig, Id("__a"), Id("__k")))));
        var method = ParenthesizedLambdaExpression()
            .WithParameterList(ParameterList(SeparatedList(new[] { Parameter(Identifier("__s")), Parameter(Identifier("__a")), Parameter(Identifier("__k")) })))
            .WithBlock(body);
        return MemberObject(Assign(Id("Method"), method), Assign(Id("QualName"), Str(sig.QualName)));
    }

    /// <summary>A property: its getter and (when the class body defines one) its setter.</summary>
    ExpressionSyntax PropertyMember(ClassInfo info, FuncSig getter)
    {
        var parts = new List<ExpressionSyntax>
        {
            Assign(Id("IsProperty"), Cs.True),
            Assign(Id("Get"), SimpleLambdaExpression(Parameter(Identifier("__s")), Call(Member(Id(info.CsName), getter.CsName), Id("__s")))),
        };
        if (info.Methods.TryGetValue(FuncSig.MethodKey(getter.PyName, true), out var setter))
            parts.Add(Assign(Id("Set"), ParenthesizedLambdaExpression()
                .WithParameterList(ParameterList(SeparatedList(new[] { Parameter(Identifier("__s")), Parameter(Identifier("__v")) })))
                .WithBlock(Block(Stmt(Call(Member(Id(info.CsName), setter.CsName), Id("__s"), Id("__v")))))));
        if (info.Methods.TryGetValue(FuncSig.MethodKey(getter.PyName, false, isDeleter: true), out var deleter))
            parts.Add(Assign(Id("Delete"), SimpleLambdaExpression(Parameter(Identifier("__s")),
                Block(Stmt(Call(Member(Id(info.CsName), deleter.CsName), Id("__s")))))));
        return MemberObject([.. parts]);
    }

    static ExpressionSyntax MemberObject(params ExpressionSyntax[] assignments) =>
        ObjectCreationExpression(ParseTypeName("PyInstanceMember")).WithArgumentList(ArgumentList())
            .WithInitializer(InitializerExpression(SyntaxKind.ObjectInitializerExpression, SeparatedList(assignments)));

    static ArgumentSyntax OutArgument(string name) => Argument(Id(name)).WithRefKindKeyword(Token(SyntaxKind.OutKeyword));
}
