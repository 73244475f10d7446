using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace UnsyncMigrate.Translation;

/// <summary>
/// The layout of generated C#: Roslyn's <c>NormalizeWhitespace</c> (Allman braces, four-space
/// indentation), then the few places where it differs from what Roslyn's Formatter and a C#
/// engineer write: <c>object?[]</c> and <c>(object?)x</c> without a space after the <c>?</c>,
/// a space before <c>is</c> and <c>when</c> after a parenthesis, and a block under a <c>case</c> label indented
/// one step further. The Formatter made the same
/// text but cost about as much again as everything else migrate does (about 1 ms a function).
/// </summary>
internal static class CodeLayout
{
    public static SyntaxNode Normalize(SyntaxNode node) => new Fixes().Visit(node.NormalizeWhitespace(eol: "\n"));

    sealed class Fixes : CSharpSyntaxRewriter
    {
        public override SyntaxNode? VisitNullableType(NullableTypeSyntax node)
        {
            var visited = (NullableTypeSyntax)base.VisitNullableType(node)!;
            // "object? []", "(object? )x": the space belongs nowhere before ']' / '[' / ')'.
            var next = node.QuestionToken.GetNextToken();
            return next.Kind() is SyntaxKind.OpenBracketToken or SyntaxKind.CloseParenToken
                ? visited.WithQuestionToken(visited.QuestionToken.WithTrailingTrivia())
                : visited;
        }

        public override SyntaxNode? VisitIsPatternExpression(IsPatternExpressionSyntax node)
        {
            var visited = (IsPatternExpressionSyntax)base.VisitIsPatternExpression(node)!;
            // "f(x)is var v": NormalizeWhitespace puts no space after a closing parenthesis here.
            return visited.IsKeyword.LeadingTrivia.Count == 0 && !visited.Expression.GetTrailingTrivia().Any()
                ? visited.WithIsKeyword(visited.IsKeyword.WithLeadingTrivia(SyntaxFactory.Space))
                : visited;
        }

        public override SyntaxNode? VisitCatchFilterClause(CatchFilterClauseSyntax node)
        {
            var visited = (CatchFilterClauseSyntax)base.VisitCatchFilterClause(node)!;
            // "catch (E e)when (...)": likewise after the declaration's parenthesis.
            return visited.WhenKeyword.LeadingTrivia.Count == 0 && !node.WhenKeyword.GetPreviousToken().TrailingTrivia.Any()
                ? visited.WithWhenKeyword(visited.WhenKeyword.WithLeadingTrivia(SyntaxFactory.Space))
                : visited;
        }

        public override SyntaxNode? VisitSwitchSection(SwitchSectionSyntax node)
        {
            var visited = (SwitchSectionSyntax)base.VisitSwitchSection(node)!;
            return visited.WithStatements(SyntaxFactory.List(visited.Statements.Select(s => s is BlockSyntax b ? Indented(b) : s)));
        }

        /// <summary>The block with every line of it indented one more step.</summary>
        static BlockSyntax Indented(BlockSyntax block) =>
            block.ReplaceTokens(block.DescendantTokens(), (_, token) => token.WithLeadingTrivia(IndentLines(token.LeadingTrivia)));

        static SyntaxTriviaList IndentLines(SyntaxTriviaList trivia)
        {
            var list = new List<SyntaxTrivia>(trivia.Count);
            for (int i = 0; i < trivia.Count; i++)
            {
                var t = trivia[i];
                bool lineStart = i == 0 || trivia[i - 1].IsKind(SyntaxKind.EndOfLineTrivia);
                list.Add(lineStart && t.IsKind(SyntaxKind.WhitespaceTrivia) ? SyntaxFactory.Whitespace("    " + t.ToString()) : t);
            }
            return SyntaxFactory.TriviaList(list);
        }
    }
}
