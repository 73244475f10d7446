using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using UnsyncMigrate.Python;
using UnsyncMigrate.Python.Ast;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace UnsyncMigrate.Translation;

// Python comments and docstrings carried into the C#: the few places where translated
// statements and members get them as trivia (placement itself is CommentPlacement's).
internal sealed partial class ModuleTranslator
{
    CommentPlacement? _commentPlacement;

    CommentPlacement Comments => _commentPlacement ??=
        new CommentPlacement(_module.Tree, PythonComments.Scan(string.Join('\n', _sourceLines)), _sourceLines);

    /// <summary>
    /// A statement's translation with its comments: <paramref name="pending"/> (comments of
    /// earlier statements that produced no C#) and its own leading ones before the first C#
    /// statement, its trailing one at the end of the last. A statement that produced nothing
    /// leaves its comments in <paramref name="pending"/> for the next one.
    /// </summary>
    List<StatementSyntax> WithComments(Stmt s, IEnumerable<StatementSyntax> translated, List<PythonComment> pending)
    {
        var stmts = translated.ToList(); // translate first: nested statements take their own comments
        var (leading, trailing) = Comments.Take(s);
        pending.AddRange(leading);
        if (stmts.Count == 0 || CommentPlacement.IsCompound(s))
        {
            // After a closing brace a trailing comment would seem to be about the block's end.
            pending.AddRange(trailing);
            trailing = [];
        }
        if (stmts.Count == 0) return stmts;
        if (pending.Count > 0)
        {
            stmts[0] = stmts[0].WithLeadingTrivia(CommentTrivia(pending).AddRange(stmts[0].GetLeadingTrivia()));
            pending.Clear();
        }
        if (trailing.Count > 0)
            stmts[^1] = stmts[^1].WithTrailingTrivia(stmts[^1].GetTrailingTrivia()
                .AddRange(trailing.SelectMany(c => new[] { Space, Comment(CSharpComment(c.Text)) })));
        return stmts;
    }

    /// <summary>Statements for the end of a block: its last comments and any still pending.</summary>
    void EndBlock(List<StatementSyntax> list, Stmt? last, List<PythonComment> pending)
    {
        if (last != null) pending.AddRange(Comments.TakeBlockEnd(last));
        if (pending.Count == 0) return;
        list.Add(CommentOnlyStatement(pending));
        pending.Clear();
    }

    /// <summary>A member (function, method, class) with the comments of the statement that defined it above it.</summary>
    T WithComments<T>(Stmt s, T member, List<PythonComment>? pending = null) where T : MemberDeclarationSyntax
    {
        var (own, trailing) = Comments.Take(s);
        var leading = new List<PythonComment>(pending ?? []);
        pending?.Clear();
        leading.AddRange(own);
        leading.AddRange(trailing);
        return leading.Count == 0 ? member : member.WithLeadingTrivia(CommentTrivia(leading).AddRange(member.GetLeadingTrivia()));
    }

    /// <summary>
    /// The function object with its <c>__module__</c> (the runtime's default is <c>__main__</c>, so
    /// only another module's functions say theirs) and its docstring as <c>__doc__</c>, cleaned as
    /// CPython 3.13 does: <c>new PyFunc(...) { Module = "pkg.mod", Doc = "..." }</c>.
    /// </summary>
    ObjectCreationExpressionSyntax WithFunctionAttributes(ObjectCreationExpressionSyntax create, Node? def)
    {
        var assigns = new List<ExpressionSyntax>();
        if (_module.Name != _program.EntryModule) assigns.Add(Cs.Assign(Cs.Id("Module"), Cs.Str(_module.Name)));
        if (RuntimeDoc(def) is { } doc) assigns.Add(Cs.Assign(Cs.Id("Doc"), Cs.Str(doc)));
        if (assigns.Count == 0) return create;
        return create.WithInitializer(InitializerExpression(SyntaxKind.ObjectInitializerExpression, SeparatedList(assigns)));
    }

    /// <summary>A def's docstring as its <c>__doc__</c>, or null.</summary>
    static string? RuntimeDoc(Node? def)
    {
        var body = def switch { StmtFunctionDef f => f.Body, StmtAsyncFunctionDef a => a.Body, _ => null };
        return body != null && DocComments.Docstring(body) is { } doc ? DocComments.RuntimeDoc(doc) : null;
    }

    /// <summary>
    /// Nothing but comments, where a block has no statement left to carry them: an empty
    /// statement whose semicolon is a missing token (so it writes nothing) and which ends in a
    /// marker, so that <see cref="RemoveCommentOnlyMarkers"/> can take away the line that
    /// formatting gives it after the comments.
    /// </summary>
    static StatementSyntax CommentOnlyStatement(IEnumerable<PythonComment> comments) =>
        EmptyStatement().WithSemicolonToken(MissingToken(SyntaxKind.SemicolonToken)
            .WithLeadingTrivia(CommentTrivia(comments))
            .WithTrailingTrivia(Comment(CommentOnlyMarker)));

    const string CommentOnlyMarker = "/*unsync-migrate:comment-only-end*/";

    [System.Text.RegularExpressions.GeneratedRegex(@"^[ \t]*/\*unsync-migrate:comment-only-end\*/[ \t]*\n", System.Text.RegularExpressions.RegexOptions.Multiline)]
    private static partial System.Text.RegularExpressions.Regex CommentOnlyMarkerLine();

    /// <summary>Formatted code without the marker lines of comment-only statements.</summary>
    internal static string RemoveCommentOnlyMarkers(string formatted) =>
        CommentOnlyMarkerLine().Replace(formatted, "").Replace(CommentOnlyMarker, "");

    static SyntaxTriviaList CommentTrivia(IEnumerable<PythonComment> comments) =>
        TriviaList(comments.SelectMany(c => new[] { Comment(CSharpComment(c.Text)), ElasticCarriageReturnLineFeed }));

    /// <summary>
    /// "# text" as "// text". Characters that end a C# comment line but not a Python one are
    /// blanked, and "##" must not become a "///" documentation comment.
    /// </summary>
    static string CSharpComment(string pythonComment)
    {
        string text = SafeLine(pythonComment[1..].TrimEnd());
        return text.StartsWith('/') ? "// " + text : "//" + text;
    }

    static string SafeLine(string text) =>
        text.Replace('\r', ' ').Replace('\u0085', ' ').Replace('\u2028', ' ').Replace('\u2029', ' ');
}
