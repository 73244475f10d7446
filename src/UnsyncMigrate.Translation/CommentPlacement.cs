using System.Text.RegularExpressions;
using UnsyncMigrate.Python;
using UnsyncMigrate.Python.Ast;

namespace UnsyncMigrate.Translation;

/// <summary>
/// Decides, once per module and before anything is emitted, where each Python comment goes:
/// the module header, before a statement, at the end of a statement's line, or at the end of
/// a block. Deciding up front (in source order) keeps placement independent of the order in
/// which the translator happens to emit blocks. Emission then <see cref="Take"/>s a
/// statement's comments; whatever a statement's translation did not take (a construct
/// emitted elsewhere, or not at all) is swept up by the nearest enclosing statement, so no
/// comment is lost.
/// </summary>
internal sealed partial class CommentPlacement
{
    readonly IReadOnlyList<PythonComment> _comments;
    readonly string[] _lines;
    readonly HashSet<int> _commentOnlyLines = [];
    readonly bool[] _taken;
    int _cursor;

    readonly List<int> _header = [];
    readonly Dictionary<Stmt, List<int>> _leading = new(ReferenceEqualityComparer.Instance);
    readonly Dictionary<Stmt, List<int>> _trailing = new(ReferenceEqualityComparer.Instance);
    readonly Dictionary<Stmt, List<int>> _blockEnd = new(ReferenceEqualityComparer.Instance);

    public CommentPlacement(ModModule module, IReadOnlyList<PythonComment> comments, string[] sourceLines)
    {
        _comments = comments;
        _lines = sourceLines;
        _taken = new bool[comments.Count];
        foreach (var c in comments)
            if (c.OwnLine) _commentOnlyLines.Add(c.Line);
        var body = module.Body;
        int firstLine = body.Count > 0 ? StartLine(body[0]) : int.MaxValue;
        // Comments right above a first def or class (no blank line between) are about it;
        // above anything else (imports, the docstring) they are the module's header.
        if (body.Count > 0 && body[0] is StmtFunctionDef or StmtAsyncFunctionDef or StmtClassDef)
            while (firstLine > 1 && _commentOnlyLines.Contains(firstLine - 1)) firstLine--;
        while (_cursor < _comments.Count && _comments[_cursor].Line < firstLine)
        {
            if (!IsShebangOrCodingCookie(_comments[_cursor])) _header.Add(_cursor);
            else _taken[_cursor] = true;
            _cursor++;
        }
        AssignBlock(body, int.MaxValue, 0);
    }

    // The first two lines may say how to run the file and how it is encoded (PEP 263):
    // neither means anything to the C# project, whose files are UTF-8.
    [GeneratedRegex(@"^[ \t\f]*#.*?coding[:=][ \t]*[-\w.]+")]
    private static partial Regex CodingCookie();

    bool IsShebangOrCodingCookie(PythonComment c) =>
        (c.Line == 1 && c.Column == 0 && c.Text.StartsWith("#!", StringComparison.Ordinal))
        || (c.Line <= 2 && c.OwnLine && CodingCookie().IsMatch(c.Text));

    /// <summary>Comments before the module's first statement.</summary>
    public IReadOnlyList<PythonComment> TakeHeader() => TakeAll(_header);

    /// <summary>
    /// A statement's comments: those to put before it (its own, then any inside it that its
    /// translation did not place) and those for the end of its line.
    /// </summary>
    public (List<PythonComment> Leading, List<PythonComment> Trailing) Take(Stmt s)
    {
        var leading = TakeAll(_leading.GetValueOrDefault(s));
        int from = StartLine(s), to = s.EndLineno;
        // Only the statement's own lines: a scan of every comment per statement made modules
        // with many commented functions quadratic.
        for (int i = FirstCommentOnOrAfter(from); i < _comments.Count && _comments[i].Line <= to; i++)
        {
            if (_taken[i]) continue;
            if (_trailing.TryGetValue(s, out var t) && t.Contains(i)) continue;
            _taken[i] = true;
            leading.Add(_comments[i]);
        }
        leading.Sort((a, b) => a.Line != b.Line ? a.Line.CompareTo(b.Line) : a.Column.CompareTo(b.Column));
        return (leading, TakeAll(_trailing.GetValueOrDefault(s)));
    }

    /// <summary>The index of the first comment on <paramref name="line"/> or later (comments are in source order).</summary>
    int FirstCommentOnOrAfter(int line)
    {
        int lo = 0, hi = _comments.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (_comments[mid].Line < line) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /// <summary>The comments after the last statement of a block that still belong to the block.</summary>
    public List<PythonComment> TakeBlockEnd(Stmt lastOfBlock) => TakeAll(_blockEnd.GetValueOrDefault(lastOfBlock));

    /// <summary>Comments not yet emitted anywhere (a safety net: the module puts them at its end).</summary>
    public List<PythonComment> TakeRest()
    {
        var rest = new List<PythonComment>();
        for (int i = 0; i < _comments.Count; i++)
            if (!_taken[i]) { _taken[i] = true; rest.Add(_comments[i]); }
        return rest;
    }

    List<PythonComment> TakeAll(List<int>? indices)
    {
        var list = new List<PythonComment>();
        if (indices == null) return list;
        foreach (var i in indices)
        {
            if (_taken[i]) continue;
            _taken[i] = true;
            list.Add(_comments[i]);
        }
        return list;
    }

    // ---- the up-front pass ----------------------------------------------------------------

    /// <summary>The first line of a statement, its decorators included.</summary>
    public static int StartLine(Stmt s)
    {
        var decorators = s switch
        {
            StmtFunctionDef f => f.DecoratorList,
            StmtAsyncFunctionDef a => a.DecoratorList,
            StmtClassDef c => c.DecoratorList,
            _ => null,
        };
        int line = s.Lineno;
        if (decorators != null)
            foreach (var d in decorators)
                if (d is PositionedNode p) line = Math.Min(line, p.Lineno);
        return line;
    }

    /// <summary>
    /// Assigns the comments of one block (statements at one indentation), in source order.
    /// <paramref name="limit"/> is the first line after the block that belongs to something
    /// else; <paramref name="column"/> is the block's indentation: comments after its last
    /// statement that are indented at least as far stay at the block's end.
    /// </summary>
    void AssignBlock(IReadOnlyList<Stmt> body, int limit, int column)
    {
        for (int i = 0; i < body.Count; i++)
        {
            var s = body[i];
            int next = i + 1 < body.Count ? StartLine(body[i + 1]) : limit;
            while (_cursor < _comments.Count && _comments[_cursor].Line < StartLine(s)) Add(_leading, s);

            var blocks = ChildBlocks(s).Where(b => b.Count > 0).ToList();
            if (blocks.Count > 0)
            {
                // Comments on the header ("if x:  # why", or between decorators): before the statement.
                int header = HeaderLine(blocks[0]);
                while (_cursor < _comments.Count && _comments[_cursor].Line <= header) Add(_leading, s);
            }
            for (int k = 0; k < blocks.Count; k++)
            {
                int blockLimit = k + 1 < blocks.Count ? HeaderLine(blocks[k + 1]) : next;
                AssignBlock(blocks[k], blockLimit, blocks[k][0].ColOffset);
            }
            // The rest within the statement: inside a multi-line expression (moved before the
            // statement) or at the end of its last line.
            while (_cursor < _comments.Count && _comments[_cursor].Line <= s.EndLineno)
            {
                var c = _comments[_cursor];
                Add(!c.OwnLine && c.Line == s.EndLineno && blocks.Count == 0 ? _trailing : _leading, s);
            }
        }
        if (body.Count == 0) return;
        // Stop at the first comment indented less than the block: it and what follows belong further out.
        while (_cursor < _comments.Count && _comments[_cursor].Line < limit && _comments[_cursor].Column >= column)
            Add(_blockEnd, body[^1]);
    }

    void Add(Dictionary<Stmt, List<int>> where, Stmt s)
    {
        if (!where.TryGetValue(s, out var list)) where[s] = list = [];
        list.Add(_cursor++);
    }

    /// <summary>
    /// The last line of the clause header that opens a block ("else:", "except E as e:"): the
    /// nearest line above the block's first statement that is neither blank nor only a comment.
    /// </summary>
    int HeaderLine(IReadOnlyList<Stmt> block)
    {
        int line = StartLine(block[0]);
        // "elif" heads its own block: the if statement it stands for starts on the header.
        if (block[0] is StmtIf && line <= _lines.Length && _lines[line - 1].TrimStart().StartsWith("elif", StringComparison.Ordinal))
            return line;
        line--;
        while (line >= 1 && (_commentOnlyLines.Contains(line) || (line <= _lines.Length && string.IsNullOrWhiteSpace(_lines[line - 1]))))
            line--;
        return line;
    }

    static IEnumerable<IReadOnlyList<Stmt>> ChildBlocks(Stmt s)
    {
        switch (s)
        {
            case StmtFunctionDef f: yield return f.Body; break;
            case StmtAsyncFunctionDef a: yield return a.Body; break;
            case StmtClassDef c: yield return c.Body; break;
            case StmtIf i: yield return i.Body; yield return i.Orelse; break;
            case StmtWhile w: yield return w.Body; yield return w.Orelse; break;
            case StmtFor f: yield return f.Body; yield return f.Orelse; break;
            case StmtAsyncFor f: yield return f.Body; yield return f.Orelse; break;
            case StmtWith w: yield return w.Body; break;
            case StmtAsyncWith w: yield return w.Body; break;
            case StmtTry t:
                yield return t.Body;
                foreach (var h in t.Handlers) yield return h.Body;
                yield return t.Orelse;
                yield return t.Finalbody;
                break;
            case StmtTryStar t:
                yield return t.Body;
                foreach (var h in t.Handlers) yield return h.Body;
                yield return t.Orelse;
                yield return t.Finalbody;
                break;
            case StmtMatch m:
                foreach (var c in m.Cases) yield return c.Body;
                break;
        }
    }

    /// <summary>Whether a statement has blocks (its trailing comments go before it, not after its closing brace).</summary>
    public static bool IsCompound(Stmt s) => ChildBlocks(s).Any(b => b.Count > 0);
}
