using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;
using static UnsyncMigrate.Translation.Cs;

namespace UnsyncMigrate.Translation;

// What a class object answers at run time (Cls.attr, cls.attr inside a classmethod, Cls.method
// as a value, and through an instance obj.attr, obj.method): its class attributes, methods,
// staticmethods and classmethods, the last bound to the class they are looked up on; and the
// assignment of its class attributes (Cls.attr = v).
internal sealed partial class ModuleTranslator
{
    /// <summary>The class's <c>PyType.ClassAttributes</c> lookup, or null when it defines nothing at class level.</summary>
    ExpressionSyntax? ClassAttributeLookup(ClassInfo info)
    {
        var sections = new List<SwitchSectionSyntax>();
        foreach (var a in info.ClassAttributes.Distinct())
            sections.Add(Section(a, Member(Id(info.CsName), CSharpNames.Identifier(a))));
        // Methods: one function object per method, bound when looked up through an instance.
        foreach (var sig in info.Methods.Values.Where(m => !m.IsStatic && !m.IsClassMethod && !m.IsProperty && !m.IsPropertyAccessor))
            sections.Add(Section(sig.PyName, RuntimeDoc(sig.Def) is { } doc
                ? Call(Member(Id("__pyclass"), "Method"), Str(sig.PyName), Str(sig.QualName), Str(doc))
                : Call(Member(Id("__pyclass"), "Method"), Str(sig.PyName), Str(sig.QualName))));
        foreach (var sig in info.Methods.Values.Where(m => m.IsStatic || m.IsClassMethod))
        {
            var bindSig = sig.Bound(sig.PyName, sig.CsName, skip: sig.IsClassMethod ? 1 : 0);
            var args = BoundArgs(bindSig, Id("__b"), AllParams(bindSig).Count);
            if (sig.IsClassMethod) args = args.Prepend(Argument(Id("__cls")));
            var body = ParenthesizedLambdaExpression()
                .WithParameterList(ParameterList(SeparatedList(new[] { Parameter(Identifier("__a")).WithType(ParseTypeName("object?[]")), Parameter(Identifier("__k")).WithType(ParseTypeName("PyKwargs?")) })))
                .WithBlock(Block(CallThenNull(sig, Call(Id(sig.CsName), args), v => ReturnStatement(v))
                    .Prepend(Local(Cs.Var, "__b", BindCall(bindSig, Id("__a"), Id("__k"))))));
            sections.Add(Section(sig.PyName, WithFunctionAttributes(New("PyFunc", Str(sig.PyName), body, Str(sig.QualName)), sig.Def)));
        }
        sections.AddRange(DecoratedClassCases(info));
        if (info.AbstractMethods != null)
            sections.Add(Section("__abstractmethods__", Call(Member(Id("PySet"), "Frozen"), ObjectArray(info.AbstractMethods.Select(Str)))));
        if (sections.Count == 0) return null;
        return ParenthesizedLambdaExpression()
            .WithParameterList(ParameterList(SeparatedList(new[]
            {
                Parameter(Identifier("__cls")).WithType(ParseTypeName("PyType")),
                Parameter(Identifier("__name")).WithType(Cs.String),
                Parameter(Identifier("__value")).WithType(Cs.Object).AddModifiers(Token(SyntaxKind.OutKeyword)),
            })))
            .WithBlock(Block(
                SwitchStatement(Id("__name")).WithSections(List(sections)),
                Stmt(Assign(Id("__value"), Cs.Null)),
                ReturnStatement(Cs.False)));
    }

    /// <summary>The class's <c>PyType.ClassAttributeStore</c>: assigns the class attributes it declares (its static fields).</summary>
    ExpressionSyntax? ClassAttributeStore(ClassInfo info)
    {
        var sections = info.ClassAttributes.Distinct().Select(a => SwitchSection(SingletonList<SwitchLabelSyntax>(CaseSwitchLabel(Str(a))),
            List(new StatementSyntax[] { Stmt(Assign(Member(Id(info.CsName), CSharpNames.Identifier(a)), Id("__value"))), ReturnStatement(Cs.True) }))).ToList();
        if (sections.Count == 0) return null;
        return ParenthesizedLambdaExpression()
            .WithParameterList(ParameterList(SeparatedList(new[]
            {
                Parameter(Identifier("__name")).WithType(Cs.String),
                Parameter(Identifier("__value")).WithType(Cs.Object),
            })))
            .WithBlock(Block(SwitchStatement(Id("__name")).WithSections(List(sections)), ReturnStatement(Cs.False)));
    }

    static SwitchSectionSyntax Section(string name, ExpressionSyntax value) =>
        SwitchSection(SingletonList<SwitchLabelSyntax>(CaseSwitchLabel(Str(name))),
            List(new StatementSyntax[] { Stmt(Assign(Id("__value"), value)), ReturnStatement(Cs.True) }));
}
