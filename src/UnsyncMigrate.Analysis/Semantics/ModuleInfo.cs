using System.Text;
using UnsyncMigrate.Analysis.Model;
using UnsyncMigrate.Python.Ast;

namespace UnsyncMigrate.Analysis.Semantics;

/// <summary>A module of the program: its file, tree, scopes and the records the scope builder made.</summary>
internal sealed class ModuleInfo
{
    public ModuleInfo(string name, string? file, bool isPackage, ModModule? ast, byte[]? utf8)
    {
        Name = name;
        File = file;
        IsPackage = isPackage;
        _ast = ast;
        _utf8 = utf8;
    }

    /// <summary>A module whose tree is parsed when first needed (a dependency the analysis may never look into).</summary>
    public ModuleInfo(string name, string? file, bool isPackage, Func<(ModModule? Ast, byte[]? Utf8)> load)
        : this(name, file, isPackage, null, null) => _load = load;

    ModModule? _ast;
    byte[]? _utf8;
    Func<(ModModule? Ast, byte[]? Utf8)>? _load;

    void Load()
    {
        if (_load == null) return;
        var load = _load;
        _load = null;
        (_ast, _utf8) = load();
    }

    /// <summary>Dotted module name.</summary>
    public string Name { get; }
    /// <summary>Relative path ('/' separators); null for a namespace package (a folder without <c>__init__.py</c>).</summary>
    public string? File { get; }
    public bool IsPackage { get; }
    public ModModule? Ast
    {
        get
        {
            Load();
            return _ast;
        }
    }

    /// <summary>The decoded source as UTF-8 (for columns and source text).</summary>
    public byte[]? Utf8
    {
        get
        {
            Load();
            return _utf8;
        }
    }

    Scope? _scope;

    /// <summary>The module's scope, built on first use (a module that nests too deeply gets an empty one and <see cref="BuildError"/>).</summary>
    public Scope? Scope
    {
        get
        {
            if (_scope == null) ScopeBuilder.Build(this);
            return _scope;
        }
        set => _scope = value;
    }

    public bool IsBuilt => _scope != null;

    /// <summary>Why the module's scopes could not be built, when they could not.</summary>
    public string? BuildError { get; set; }

    public List<CallRecord> Calls { get; } = [];
    public List<AwaitRecord> Awaits { get; } = [];
    public List<DefRecord> Defs { get; } = [];
    /// <summary>The scope each def, class, lambda and comprehension node creates.</summary>
    public Dictionary<Node, Scope> NodeScopes { get; } = new(ReferenceEqualityComparer.Instance);

    Dictionary<Alias, StmtImportFrom>? _importFroms;

    /// <summary>The <c>from ... import</c> statement an alias belongs to (indexed once per module), or null.</summary>
    public StmtImportFrom? ImportFromOf(Alias alias)
    {
        if (_importFroms == null)
        {
            var index = new Dictionary<Alias, StmtImportFrom>(ReferenceEqualityComparer.Instance);
            var stack = new Stack<Node>();
            if (Ast != null) stack.Push(Ast);
            while (stack.Count > 0)
            {
                var n = stack.Pop();
                if (n is StmtImportFrom from)
                {
                    foreach (var a in from.Names) index[a] = from;
                    continue;
                }
                if (n is Expr) continue;
                foreach (var c in n.ChildNodes())
                    if (c is Stmt or ExceptHandler or MatchCase) stack.Push(c);
            }
            _importFroms = index;
        }
        return _importFroms.GetValueOrDefault(alias);
    }

    /// <summary>The package this module's relative imports start from.</summary>
    public string PackageName
    {
        get
        {
            if (IsPackage) return Name;
            int dot = Name.LastIndexOf('.');
            return dot < 0 ? "" : Name[..dot];
        }
    }

    int[]? _lineStarts;

    /// <summary>The span of a node: 1-based UTF-16 columns computed from the UTF-8 offsets.</summary>
    public SourceSpan SpanOf(PositionedNode node)
    {
        int col = Utf16Column(node.Lineno, node.ColOffset);
        int endCol = Utf16Column(node.EndLineno, node.EndColOffset);
        return new SourceSpan(node.Lineno, col, node.EndLineno, endCol, node.ColOffset);
    }

    int Utf16Column(int line, int byteOffset)
    {
        if (Utf8 == null) return byteOffset + 1;
        var starts = LineStarts();
        if (line < 1 || line > starts.Length) return byteOffset + 1;
        int start = starts[line - 1];
        int length = Math.Clamp(byteOffset, 0, Utf8.Length - start);
        var bytes = Utf8.AsSpan(start, length);
        if (!bytes.ContainsAnyExceptInRange((byte)0, (byte)127)) return length + 1;
        return Encoding.UTF8.GetCharCount(bytes) + 1;
    }

    int[] LineStarts()
    {
        if (_lineStarts != null) return _lineStarts;
        var list = new List<int> { 0 };
        var data = Utf8!;
        for (int i = 0; i < data.Length; i++)
        {
            if (data[i] == (byte)'\n') list.Add(i + 1);
        }
        return _lineStarts = list.ToArray();
    }

    /// <summary>The source text of a node, on one line, shortened to <paramref name="max"/> characters.</summary>
    public string TextOf(PositionedNode node, int max = 80)
    {
        if (Utf8 == null) return "";
        var starts = LineStarts();
        if (node.Lineno < 1 || node.EndLineno > starts.Length) return "";
        int from = Math.Min(starts[node.Lineno - 1] + node.ColOffset, Utf8.Length);
        int to = Math.Min(starts[node.EndLineno - 1] + node.EndColOffset, Utf8.Length);
        if (to < from) return "";
        string text = Encoding.UTF8.GetString(Utf8, from, to - from);
        var sb = new StringBuilder(text.Length);
        bool space = false;
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }
            if (space && sb.Length > 0 && sb[^1] is not ('(' or '[' or '{')) sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        string s = sb.ToString();
        return s.Length <= max ? s : s[..(max - 1)] + "…";
    }

    public override string ToString() => Name;
}
