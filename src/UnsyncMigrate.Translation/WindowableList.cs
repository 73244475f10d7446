using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace UnsyncMigrate.Translation;

/// <summary>
/// A list of a node's children that the generated code can make long (a module class's members, a
/// block's statements, a call's arguments, an initializer's elements), and copies of the node that
/// hold only a window of it, for <see cref="WindowedFormatter"/>.
/// </summary>
internal abstract class WindowableList(SyntaxNode parent, int count)
{
    public SyntaxNode Parent { get; } = parent;

    public int Count { get; } = count;

    protected abstract SyntaxNode Element(int index);

    /// <summary>A copy of <see cref="Parent"/> whose list holds elements <paramref name="first"/> to
    /// <paramref name="end"/> (exclusive), each passed through <paramref name="mark"/>.</summary>
    public abstract SyntaxNode Window(int first, int end, Func<int, SyntaxNode, SyntaxNode> mark);

    /// <summary>The element in which <paramref name="position"/> lies: the last one starting at or
    /// before it (0 before the first element).</summary>
    public int IndexAt(int position)
    {
        int lo = 0, hi = Count - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) / 2;
            if (Element(mid).FullSpan.Start <= position) lo = mid;
            else hi = mid - 1;
        }
        return lo;
    }

    /// <summary>The node's list when it holds more than <paramref name="moreThan"/> elements, else null.</summary>
    public static WindowableList? Of(SyntaxNode node, int moreThan) => Of(node) is { } list && list.Count > moreThan ? list : null;

    static WindowableList? Of(SyntaxNode node) => node switch
    {
        TypeDeclarationSyntax t => new Plain<MemberDeclarationSyntax>(t, t.Members, items => t.WithMembers(items)),
        BaseNamespaceDeclarationSyntax n => new Plain<MemberDeclarationSyntax>(n, n.Members, items => n.WithMembers(items)),
        BlockSyntax b => new Plain<StatementSyntax>(b, b.Statements, items => b.WithStatements(items)),
        SwitchSectionSyntax s => new Plain<StatementSyntax>(s, s.Statements, items => s.WithStatements(items)),
        ArgumentListSyntax a => new Separated<ArgumentSyntax>(a, a.Arguments, items => a.WithArguments(items)),
        InitializerExpressionSyntax i => new Separated<ExpressionSyntax>(i, i.Expressions, items => i.WithExpressions(items)),
        _ => null,
    };

    sealed class Plain<T>(SyntaxNode parent, SyntaxList<T> items, Func<SyntaxList<T>, SyntaxNode> with)
        : WindowableList(parent, items.Count) where T : SyntaxNode
    {
        protected override SyntaxNode Element(int index) => items[index];

        public override SyntaxNode Window(int first, int end, Func<int, SyntaxNode, SyntaxNode> mark) =>
            with(List(Enumerable.Range(first, end - first).Select(i => (T)mark(i, items[i]))));
    }

    /// <summary>A comma-separated list: the window keeps the original separators between its elements,
    /// and the list's trailing one when the window reaches the end.</summary>
    sealed class Separated<T>(SyntaxNode parent, SeparatedSyntaxList<T> items, Func<SeparatedSyntaxList<T>, SyntaxNode> with)
        : WindowableList(parent, items.Count) where T : SyntaxNode
    {
        protected override SyntaxNode Element(int index) => items[index];

        public override SyntaxNode Window(int first, int end, Func<int, SyntaxNode, SyntaxNode> mark)
        {
            var nodesAndTokens = new List<SyntaxNodeOrToken>();
            for (int i = first; i < end; i++)
            {
                nodesAndTokens.Add(mark(i, items[i]));
                if (i < items.SeparatorCount && (i < end - 1 || end == items.Count)) nodesAndTokens.Add(items.GetSeparator(i));
            }
            return with(SeparatedList<T>(nodesAndTokens));
        }
    }
}
