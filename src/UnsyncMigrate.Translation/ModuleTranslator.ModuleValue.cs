using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using UnsyncMigrate.Translation.Typing;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;
using static UnsyncMigrate.Translation.Cs;

namespace UnsyncMigrate.Translation;

// A module of the program as a Python value (mods = [helpers], getattr(helpers, name), a module
// passed to a function): the module class gets a PyProgramModule whose attributes are its
// module-level names. Only modules the program uses as values get it.
internal sealed partial class ModuleTranslator
{
    /// <summary>Adds <c>__module</c> and the accessors it reads and assigns the module's names through.</summary>
    public void AddModuleValue()
    {
        _usesFile = true; // the module value's __file__ and repr
        var getCases = new List<SwitchSectionSyntax>();
        var setCases = new List<SwitchSectionSyntax>();
        SwitchSectionSyntax Case(string name, params StatementSyntax[] body) =>
            SwitchSection(SingletonList<SwitchLabelSyntax>(CaseSwitchLabel(Str(name))), List(body));
        StatementSyntax Found(ExpressionSyntax value) => Block(Stmt(Assign(Id("__value"), value)), ReturnStatement(Cs.True));

        getCases.Add(Case("__name__", Found(Id("__name__"))));
        getCases.Add(Case("__file__", Found(Id("__file__"))));
        foreach (var name in _functions.Keys.Concat(_classes.Keys).Concat(_globals).Distinct().Order(StringComparer.Ordinal))
        {
            if (name is "__name__" or "__file__") continue;
            getCases.Add(Case(name, Found(_program.MemberValue(_module.Name, name)!)));
            if (!_globals.Contains(name)) continue;
            // A global assigned through the module value is the module's own variable, converted to its declared type.
            var field = Id(CSharpNames.Identifier(name));
            setCases.Add(Case(name, Stmt(Assign(field, Coerce(new TypedExpr(Id("__value"), PyType.Dynamic), _types.Var(_module.Tree, name)))),
                ReturnStatement(Cs.True)));
        }
        getCases.Add(SwitchSection(SingletonList<SwitchLabelSyntax>(DefaultSwitchLabel()),
            List(new StatementSyntax[] { Stmt(Assign(Id("__value"), Cs.Null)), ReturnStatement(Cs.False) })));
        setCases.Add(SwitchSection(SingletonList<SwitchLabelSyntax>(DefaultSwitchLabel()), SingletonList<StatementSyntax>(ReturnStatement(Cs.False))));

        _members.Add(FieldDeclaration(VariableDeclaration(ParseTypeName("PyProgramModule?"), SingletonSeparatedList(VariableDeclarator("__moduleValue"))))
            .AddModifiers(Token(SyntaxKind.StaticKeyword)));
        _members.Add(PropertyDeclaration(ParseTypeName("PyProgramModule"), "__module")
            .AddModifiers(Token(SyntaxKind.PublicKeyword), Token(SyntaxKind.StaticKeyword))
            .WithExpressionBody(ArrowExpressionClause(AssignmentExpression(SyntaxKind.CoalesceAssignmentExpression, Id("__moduleValue"),
                New("PyProgramModule", Str(_module.Name), Cast(Cs.String, Id("__file__")), Id("__moduleGet"), Id("__moduleSet")))))
            .WithSemicolonToken(Token(SyntaxKind.SemicolonToken)));
        _members.Add(MethodDeclaration(Cs.BoolType, "__moduleGet").AddModifiers(Token(SyntaxKind.StaticKeyword))
            .AddParameterListParameters(Parameter(Identifier("__name")).WithType(Cs.String),
                Parameter(Identifier("__value")).WithType(Cs.Object).AddModifiers(Token(SyntaxKind.OutKeyword)))
            .WithBody(Block(SwitchStatement(Id("__name")).WithSections(List(getCases)))));
        _members.Add(MethodDeclaration(Cs.BoolType, "__moduleSet").AddModifiers(Token(SyntaxKind.StaticKeyword))
            .AddParameterListParameters(Parameter(Identifier("__name")).WithType(Cs.String), Parameter(Identifier("__value")).WithType(Cs.Object))
            .WithBody(Block(SwitchStatement(Id("__name")).WithSections(List(setCases)))));
    }
}
