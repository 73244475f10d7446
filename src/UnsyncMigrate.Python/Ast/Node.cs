using UnsyncMigrate.Python.Serialization;

namespace UnsyncMigrate.Python.Ast;

/// <summary>
/// A node of the Python AST. Nodes are immutable; the concrete classes are generated
/// from <c>python-ast.def</c> and mirror CPython 3.13's <c>ast</c> classes field for field.
/// </summary>
public abstract class Node
{
    /// <summary>The class name in CPython's <c>ast</c> module (<c>FunctionDef</c>, <c>arguments</c>...).</summary>
    public abstract string PythonName { get; }

    /// <summary>Writes the node in the canonical JSON form of <c>pyast_dump.py</c>.</summary>
    public abstract void WriteJson(AstJsonWriter w);

    /// <summary>The child nodes in field order (absent optional children are skipped).</summary>
    public abstract IEnumerable<Node> ChildNodes();

    public abstract void Accept(AstVisitor visitor);

    public abstract TResult Accept<TResult>(AstVisitor<TResult> visitor);
}

/// <summary>
/// A node with CPython's position attributes: 1-based lines and 0-based columns that
/// count UTF-8 bytes of the line, whatever the file's encoding.
/// </summary>
public abstract class PositionedNode : Node
{
    protected PositionedNode(int lineno, int colOffset, int endLineno, int endColOffset)
    {
        Lineno = lineno;
        ColOffset = colOffset;
        EndLineno = endLineno;
        EndColOffset = endColOffset;
    }

    public int Lineno { get; private set; }
    public int ColOffset { get; private set; }
    public int EndLineno { get; private set; }
    public int EndColOffset { get; private set; }

    public SourceRange Range => new(Lineno, ColOffset, EndLineno, EndColOffset);

    /// <summary>A copy spanning another range (e.g. a parenthesised generator takes its parentheses).</summary>
    public T WithRange<T>(SourceRange range) where T : PositionedNode
    {
        var copy = (PositionedNode)MemberwiseClone();
        copy.Lineno = range.Line;
        copy.ColOffset = range.Col;
        copy.EndLineno = range.EndLine;
        copy.EndColOffset = range.EndCol;
        return (T)copy;
    }
}

/// <summary>A span of source: 1-based lines, 0-based UTF-8 byte columns, end exclusive.</summary>
public readonly record struct SourceRange(int Line, int Col, int EndLine, int EndCol)
{
    public bool Contains(SourceRange inner) =>
        (inner.Line > Line || (inner.Line == Line && inner.Col >= Col)) &&
        (inner.EndLine < EndLine || (inner.EndLine == EndLine && inner.EndCol <= EndCol));

    public override string ToString() => $"{Line}:{Col}-{EndLine}:{EndCol}";
}
