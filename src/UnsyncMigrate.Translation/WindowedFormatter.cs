using Microsoft.CodeAnalysis;

namespace UnsyncMigrate.Translation;

/// <summary>
/// Lays out generated C# text exactly as <see cref="CodeLayout"/> lays out the whole tree, in time
/// linear in the size of the code.
/// </summary>
/// <remarks>
/// Roslyn's <c>NormalizeWhitespace</c> asks for each token's neighbour, and Roslyn finds the neighbour of a node's first or
/// last token by scanning the parent's children from one end until it meets the node. Between two
/// elements of a list of n members, statements or arguments that costs O(n), so laying out the
/// whole list costs O(n²): a module of 8,000 functions (24,000 members in its class) spent 24 of
/// its 27 seconds here. So a list longer than the window is laid out a window of elements at a
/// time, each in a copy of the tree that holds only that window of the list plus one neighbour on
/// each side, and the texts of the windows are joined. The layout of an element depends only on
/// its ancestors and on the tokens next to it, which the copy keeps, so the joined text is the
/// whole tree's (tests check this with small windows on every golden file of generated
/// code). The neighbours are laid out twice, so each level of nested long lists costs (window + 2)
/// / window times its share: a few percent with the default window.
/// </remarks>
internal sealed class WindowedFormatter(int window = WindowedFormatter.DefaultWindow, int parallelism = 0)
{
    /// <summary>Elements per window: small enough that the scans stay short, large enough that the
    /// fixed cost of each pass and the repeated neighbours stay a small part of the whole.</summary>
    public const int DefaultWindow = 64;

    /// <summary>The laid-out text of <paramref name="root"/>. The windows of its first long list are
    /// laid out in parallel (on <c>parallelism</c> threads, default all cores): they are independent.</summary>
    public string Format(SyntaxNode root) => Layout(root, [], parallel: true).Text;

    /// <summary>
    /// The laid-out text of <paramref name="root"/> and, for each of <paramref name="wanted"/>, where
    /// the node carrying that annotation starts in it (the start of its leading trivia).
    /// </summary>
    (string Text, int[] Starts) Layout(SyntaxNode root, IReadOnlyList<SyntaxAnnotation> wanted, bool parallel)
    {
        var list = root.DescendantNodesAndSelf().Select(n => WindowableList.Of(n, window + 2)).FirstOrDefault(l => l != null);
        return list == null ? LayoutWhole(root, wanted) : LayoutInWindows(root, list, wanted, parallel);
    }

    (string Text, int[] Starts) LayoutWhole(SyntaxNode root, IReadOnlyList<SyntaxAnnotation> wanted)
    {
        var formatted = CodeLayout.Normalize(root);
        var starts = wanted.Select(a => formatted.GetAnnotatedNodes(a).Single().FullSpan.Start).ToArray();
        return (formatted.ToFullString(), starts);
    }

    (string Text, int[] Starts) LayoutInWindows(SyntaxNode root, WindowableList list, IReadOnlyList<SyntaxAnnotation> wanted, bool parallel)
    {
        // Which window lays out each wanted node: the one that owns the element it starts in; the
        // first window also owns the text before the list, and the last the text after it.
        int windows = (list.Count + window - 1) / window;
        var owner = wanted.Select(a => Math.Min(windows - 1, list.IndexAt(root.GetAnnotatedNodes(a).Single().FullSpan.Start) / window)).ToArray();
        var pieces = new (string Text, int From, int To, int[] Starts)[windows];
        void LayOut(int w)
        {
            int first = w * window, end = Math.Min(list.Count, first + window);
            // The window's text runs from where its first element starts to where the element
            // after its last one starts; the first window's from the beginning, the last's to the end.
            var cuts = new Dictionary<int, SyntaxAnnotation>();
            if (w > 0) cuts[first] = new SyntaxAnnotation();
            if (end < list.Count) cuts[end] = new SyntaxAnnotation();
            var copy = root.ReplaceNode(list.Parent, list.Window(Math.Max(0, first - 1), Math.Min(list.Count, end + 1),
                (i, element) => cuts.TryGetValue(i, out var cut) ? element.WithAdditionalAnnotations(cut) : element));
            var mine = Enumerable.Range(0, wanted.Count).Where(k => owner[k] == w).Select(k => wanted[k]);
            var (text, starts) = Layout(copy, [.. mine, .. cuts.OrderBy(c => c.Key).Select(c => c.Value)], parallel: false);
            pieces[w] = (text, w > 0 ? starts[^cuts.Count] : 0, end < list.Count ? starts[^1] : text.Length, starts);
        }
        if (parallel) Parallel.For(0, windows, new ParallelOptions { MaxDegreeOfParallelism = parallelism > 0 ? parallelism : Environment.ProcessorCount }, LayOut);
        else for (int w = 0; w < windows; w++) LayOut(w);

        var joined = new System.Text.StringBuilder();
        var found = new int[wanted.Count];
        for (int w = 0; w < windows; w++)
        {
            var (text, from, to, starts) = pieces[w];
            // The wanted nodes this window owns come first in its starts, in the order of wanted.
            int j = 0;
            for (int k = 0; k < wanted.Count; k++)
                if (owner[k] == w) found[k] = joined.Length + starts[j++] - from;
            joined.Append(text, from, to - from);
        }
        return (joined.ToString(), found);
    }
}
