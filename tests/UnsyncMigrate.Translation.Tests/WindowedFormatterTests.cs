using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using UnsyncMigrate.TestSupport;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace UnsyncMigrate.Translation.Tests;

/// <summary>
/// Laying out a tree a window of list elements at a time gives exactly the text of laying it
/// out whole. Small windows cut the code at many element boundaries, so any dependence of an
/// element's layout on more than its neighbours would show here. (Each level of nested long
/// lists lays out (window + 2) / window times its share, so the golden files, whose lists nest
/// deeply, use windows of eight elements: of one they would take minutes.)
/// </summary>
public class WindowedFormatterTests
{
    const int Whole = int.MaxValue / 4;

    static string Format(SyntaxNode root, int window, int parallelism = 1) => new WindowedFormatter(window, parallelism).Format(root);

    static void AssertSameInWindows(SyntaxNode root, params int[] windows)
    {
        string whole = Format(root, Whole);
        foreach (int w in windows) Assert.Equal(whole, Format(root, w));
    }

    [Fact]
    public void EveryGeneratedGoldenFile_InSmallWindows_IsLaidOutAsWhole()
    {
        var files = Directory.GetFiles(Path.Combine(RepoRoot.Find(), "tests"), "*.cs", SearchOption.AllDirectories)
            .Where(f => f.Contains($"{Path.DirectorySeparatorChar}golden{Path.DirectorySeparatorChar}")).ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var root = CSharpSyntaxTree.ParseText(File.ReadAllText(file)).GetRoot();
            Assert.True(Format(root, Whole) == Format(root, 8), file);
        }
    }

    [Fact]
    public void NestedSiblingAndSeparatedLists_InWindows_AreLaidOutAsWhole()
    {
        var root = CSharpSyntaxTree.ParseText("""
            namespace N;
            // a class comment
            public static class C
            {
                static int a = 1; // after a
                static int b = 2;
                // before M
                public static void M(int x)
                {
                    var xs = new object?[] { 1, 2, 3, 4, 5, 6, };
                    F(1, 2, 3, (y) => { return y; }, 5, 6);
                    switch (x) { case 1: F(1); F(2); F(3); F(4); F(5); break; default: break; }
                    if (x > 0) { F(1); F(2); F(3); F(4); F(5); } else { F(6); F(7); F(8); F(9); }
                    // the end of M
                }
                static object? F(params object?[] a) => a is var b ? ((object?)b) : null;
                public class Inner { int p; int q; int r; void S() { } void T() { } }
                static int c = 3;
                static int d = 4;
            }
            """).GetRoot();
        AssertSameInWindows(root, 1, 3);
    }

    [Fact]
    public void CommentOnlyStatementsAndElasticTrivia_InWindows_AreLaidOutAsWhole()
    {
        // As the translator builds them: factory nodes (elastic trivia) and a statement that is
        // only comments on a missing semicolon.
        StatementSyntax Call(int i) => ExpressionStatement(InvocationExpression(IdentifierName("F"),
            ArgumentList(SingletonSeparatedList(Argument(LiteralExpression(SyntaxKind.NumericLiteralExpression, Literal(i)))))));
        var commentOnly = EmptyStatement().WithSemicolonToken(MissingToken(SyntaxKind.SemicolonToken)
            .WithLeadingTrivia(Comment("// kept"), ElasticCarriageReturnLineFeed).WithTrailingTrivia(Comment("/*end*/")));
        var statements = Enumerable.Range(0, 7).Select(Call).Append(commentOnly).Concat(Enumerable.Range(7, 3).Select(Call));
        var method = MethodDeclaration(PredefinedType(Token(SyntaxKind.VoidKeyword)), "M")
            .AddModifiers(Token(SyntaxKind.StaticKeyword)).WithBody(Block(statements))
            .WithLeadingTrivia(Comment("// Python: def m."), ElasticCarriageReturnLineFeed);
        var members = Enumerable.Range(0, 5).Select(i => (MemberDeclarationSyntax)FieldDeclaration(VariableDeclaration(
                PredefinedType(Token(SyntaxKind.IntKeyword)), SingletonSeparatedList(VariableDeclarator("f" + i)))))
            .Append(method).Append(method.WithIdentifier(Identifier("M2")));
        var unit = CompilationUnit().AddMembers(FileScopedNamespaceDeclaration(ParseName("N"))
            .AddMembers(ClassDeclaration("C").AddModifiers(Token(SyntaxKind.StaticKeyword)).WithMembers(List(members))));
        AssertSameInWindows(unit, 1, 2, 4);
        Assert.Equal(Format(unit, Whole), Format(unit, 1, parallelism: 4));
    }
}
