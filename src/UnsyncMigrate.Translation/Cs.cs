using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace UnsyncMigrate.Translation;

/// <summary>Short factory methods over Roslyn's SyntaxFactory for the shapes the translator emits.</summary>
internal static class Cs
{
    public static readonly TypeSyntax Object = NullableType(PredefinedType(Token(SyntaxKind.ObjectKeyword)));
    public static readonly TypeSyntax Void = PredefinedType(Token(SyntaxKind.VoidKeyword));
    public static readonly TypeSyntax BoolType = PredefinedType(Token(SyntaxKind.BoolKeyword));
    public static readonly TypeSyntax String = PredefinedType(Token(SyntaxKind.StringKeyword));
    public static readonly TypeSyntax Long = PredefinedType(Token(SyntaxKind.LongKeyword));
    public static readonly TypeSyntax Double = PredefinedType(Token(SyntaxKind.DoubleKeyword));
    public static readonly TypeSyntax Var = IdentifierName("var");

    public static readonly ExpressionSyntax Null = LiteralExpression(SyntaxKind.NullLiteralExpression);
    public static readonly ExpressionSyntax True = LiteralExpression(SyntaxKind.TrueLiteralExpression);
    public static readonly ExpressionSyntax False = LiteralExpression(SyntaxKind.FalseLiteralExpression);

    public static IdentifierNameSyntax Id(string name) => IdentifierName(name);

    public static SyntaxToken Ident(string name) => Identifier(name);

    public static ExpressionSyntax Str(string value) => LiteralExpression(SyntaxKind.StringLiteralExpression, Literal(value));

    public static ExpressionSyntax Int(int value) => LiteralExpression(SyntaxKind.NumericLiteralExpression, Literal(value));

    public static ExpressionSyntax LongLit(long value) =>
        value < 0
            ? PrefixUnaryExpression(SyntaxKind.UnaryMinusExpression,
                LiteralExpression(SyntaxKind.NumericLiteralExpression, Literal(value == long.MinValue ? "9223372036854775808L" : (-value).ToString(CultureInfo.InvariantCulture) + "L", value == long.MinValue ? unchecked((ulong)long.MinValue) : (ulong)(-value))))
            : LiteralExpression(SyntaxKind.NumericLiteralExpression, Literal(value.ToString(CultureInfo.InvariantCulture) + "L", value));

    public static ExpressionSyntax DoubleLit(double value)
    {
        if (double.IsPositiveInfinity(value)) return Member(PredefinedType(Token(SyntaxKind.DoubleKeyword)), "PositiveInfinity");
        if (double.IsNaN(value)) return Member(PredefinedType(Token(SyntaxKind.DoubleKeyword)), "NaN");
        string text = value.ToString("R", CultureInfo.InvariantCulture);
        if (!text.Contains('.') && !text.Contains('E')) text += ".0";
        return LiteralExpression(SyntaxKind.NumericLiteralExpression, Literal(text, value));
    }

    public static ExpressionSyntax Bool(bool value) => value ? True : False;

    public static MemberAccessExpressionSyntax Member(ExpressionSyntax target, string name) =>
        MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, target, IdentifierName(name));

    public static ExpressionSyntax Dotted(string dotted)
    {
        var parts = dotted.Split('.');
        ExpressionSyntax e = IdentifierName(parts[0]);
        for (int i = 1; i < parts.Length; i++) e = Member(e, parts[i]);
        return e;
    }

    public static InvocationExpressionSyntax Call(ExpressionSyntax target, params ExpressionSyntax[] args) =>
        InvocationExpression(target, ArgumentList(SeparatedList(args.Select(Argument))));

    public static InvocationExpressionSyntax Call(ExpressionSyntax target, ArgumentSyntax first, params ArgumentSyntax[] rest) =>
        InvocationExpression(target, ArgumentList(SeparatedList(rest.Prepend(first))));

    public static InvocationExpressionSyntax Call(ExpressionSyntax target, IEnumerable<ArgumentSyntax> args) =>
        InvocationExpression(target, ArgumentList(SeparatedList(args)));

    /// <summary>A call of a runtime helper: <c>Py.Name(args)</c>.</summary>
    public static InvocationExpressionSyntax Py(string name, params ExpressionSyntax[] args) => Call(Member(IdentifierName("Py"), name), args);

    public static ExpressionSyntax ObjectArray(IEnumerable<ExpressionSyntax> items)
    {
        var list = items.ToList();
        if (list.Count == 0) return Call(Member(Id("Array"), "Empty<object?>"));
        return ArrayCreationExpression(ArrayType(Object, SingletonList(ArrayRankSpecifier(SingletonSeparatedList<ExpressionSyntax>(OmittedArraySizeExpression())))),
            InitializerExpression(SyntaxKind.ArrayInitializerExpression, SeparatedList(list)));
    }

    public static ObjectCreationExpressionSyntax New(string type, params ExpressionSyntax[] args) =>
        ObjectCreationExpression(ParseTypeName(type)).WithArgumentList(ArgumentList(SeparatedList(args.Select(Argument))));

    public static ExpressionSyntax Assign(ExpressionSyntax left, ExpressionSyntax right) =>
        AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, left, right);

    public static StatementSyntax Stmt(ExpressionSyntax e) => ExpressionStatement(e);

    public static LocalDeclarationStatementSyntax Local(TypeSyntax type, string name, ExpressionSyntax? init = null) =>
        LocalDeclarationStatement(VariableDeclaration(type, SingletonSeparatedList(
            init == null ? VariableDeclarator(name) : VariableDeclarator(name).WithInitializer(EqualsValueClause(init)))));

    public static ExpressionSyntax Cast(TypeSyntax type, ExpressionSyntax e) => ParenthesizedExpression(CastExpression(type, e));

    public static ExpressionSyntax Not(ExpressionSyntax e) => PrefixUnaryExpression(SyntaxKind.LogicalNotExpression, Paren(e));

    public static ExpressionSyntax Paren(ExpressionSyntax e) =>
        e is IdentifierNameSyntax or InvocationExpressionSyntax or MemberAccessExpressionSyntax or LiteralExpressionSyntax or ParenthesizedExpressionSyntax
            ? e : ParenthesizedExpression(e);

    public static SyntaxTriviaList LineComment(string text) => TriviaList(SyntaxFactory.Comment("// " + text.Replace("\n", " ")), ElasticCarriageReturnLineFeed);

    public static ArgumentSyntax Named(string name, ExpressionSyntax value) =>
        Argument(value).WithNameColon(NameColon(IdentifierName(name)));

    public static SyntaxToken[] Mods(params SyntaxKind[] kinds) => kinds.Select(Token).ToArray();
}
