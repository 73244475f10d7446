using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using UnsyncMigrate.Python.Ast;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;
using static UnsyncMigrate.Translation.Cs;

namespace UnsyncMigrate.Translation;

// @dataclass classes derive from the runtime's PyDataclass, which gives repr, ==, ordering
// (order=True), hashing and frozen instances (frozen=True) from the field list generated here.
internal sealed partial class ModuleTranslator
{
    const string DataclassBase = "UnsyncMigrate.Runtime.Python.Lib.PyDataclass";

    /// <summary>Whether the class's root (a dataclass with no program base class) is PyDataclass.</summary>
    static bool DerivesFromDataclassBase(ClassInfo info)
    {
        var root = info;
        while (root.Base != null) root = root.Base;
        return root.IsDataclass && !root.IsException;
    }

    /// <summary><c>field(...)</c> / <c>dataclasses.field(...)</c> (through any import) as a class-body value.</summary>
    ExprCall? FieldCall(Expr? value) =>
        value is ExprCall call && CalleePath(call.Func, ModuleCtx) is "dataclasses.field" ? call : null;

    /// <summary>A keyword of the <c>@dataclass(...)</c> decorator given as a constant (false when absent).</summary>
    static bool DataclassFlag(ClassInfo info, string name) =>
        info.Def.DecoratorList.OfType<ExprCall>().SelectMany(c => c.Keywords)
            .Any(k => k.Arg == name && k.Value is ExprConstant { Value: true });

    static bool IsFrozenDataclass(ClassInfo info)
    {
        for (var c = info; c != null; c = c.Base)
            if (c.IsDataclass && DataclassFlag(c, "frozen")) return true;
        return false;
    }

    /// <summary>The dataclass fields in declaration order, base classes' first (as <c>fields()</c> lists them).</summary>
    static List<string> DataclassFields(ClassInfo info)
    {
        var chain = new List<ClassInfo>();
        for (var c = info; c != null; c = c.Base) chain.Insert(0, c);
        var names = new List<string>();
        foreach (var c in chain.Where(c => c.IsDataclass))
            foreach (var a in c.Def.Body.OfType<StmtAnnAssign>())
                if (a.Target is ExprName n && !names.Contains(n.Id)) names.Add(n.Id);
        return names;
    }

    /// <summary>The field list and flags PyDataclass works from.</summary>
    IEnumerable<MemberDeclarationSyntax> DataclassProtocol(ClassInfo info)
    {
        if (!DerivesFromDataclassBase(info)) yield break;
        var fields = DataclassFields(info);
        yield return PropertyDeclaration(ParseTypeName("string[]"), "DataclassFieldNames")
            .AddModifiers(Token(SyntaxKind.ProtectedKeyword), Token(SyntaxKind.OverrideKeyword))
            .WithExpressionBody(ArrowExpressionClause(ArrayCreationExpression(
                ArrayType(Cs.String, SingletonList(ArrayRankSpecifier(SingletonSeparatedList<ExpressionSyntax>(OmittedArraySizeExpression())))),
                InitializerExpression(SyntaxKind.ArrayInitializerExpression, SeparatedList(fields.Select(Str))))))
            .WithSemicolonToken(Token(SyntaxKind.SemicolonToken));
        yield return MethodDeclaration(ParseTypeName("object?[]"), "DataclassFieldValues")
            .AddModifiers(Token(SyntaxKind.ProtectedKeyword), Token(SyntaxKind.OverrideKeyword))
            .WithExpressionBody(ArrowExpressionClause(ObjectArray(fields.Select(f => (ExpressionSyntax)Member(ThisExpression(), CSharpNames.Identifier(f))))))
            .WithSemicolonToken(Token(SyntaxKind.SemicolonToken));
        foreach (var (flag, property) in new[] { ("order", "DataclassOrder"), ("frozen", "DataclassFrozen"), ("unsafe_hash", "DataclassUnsafeHash") })
        {
            if (!DataclassFlag(info, flag)) continue;
            yield return PropertyDeclaration(Cs.BoolType, property)
                .AddModifiers(Token(SyntaxKind.ProtectedKeyword), Token(SyntaxKind.OverrideKeyword))
                .WithExpressionBody(ArrowExpressionClause(Cs.True))
                .WithSemicolonToken(Token(SyntaxKind.SemicolonToken));
        }
    }
}
