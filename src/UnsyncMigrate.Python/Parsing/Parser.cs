using System.Text;
using UnsyncMigrate.Python.Ast;
using UnsyncMigrate.Python.Lexing;

namespace UnsyncMigrate.Python.Parsing;

/// <summary>
/// A recursive-descent parser for Python 3.13 that builds CPython's AST exactly
/// (classes, fields, positions). It follows CPython's grammar (Grammar/python.gram) rule
/// by rule; where the PEG grammar backtracks, this parser either looks ahead a few tokens
/// or re-parses from a saved token position. The first error ends the parse, as in CPython.
/// This file holds the token plumbing; the grammar is split by area across partial files.
/// </summary>
internal sealed partial class Parser : IDisposable
{
    // Nesting deeper than this is CPython's "Parser stack overflowed" (its MAXSTACK is
    // 6000 rule levels; a unary operator costs one level, the outer rules about 20).
    const int MaxNesting = 5980;

    readonly Tokenizer _lexer;
    readonly byte[] _src;
    // Rented: a large file's token array would otherwise be a fresh large-object-heap allocation
    // per file, which measured as the main cost of parsing many files on several threads.
    Token[] _tokens = System.Buffers.ArrayPool<Token>.Shared.Rent(1024);
    int _count;
    int _p;
    int _nesting;
    bool _lexing;
    readonly NameTable _names;

    public Parser(byte[] utf8, int length)
    {
        _src = utf8;
        _lexer = new Tokenizer(utf8, length);
        _names = NameTable.ForCurrentThread();
    }

    // ---- token access ----------------------------------------------------------

    Token Peek(int k = 0)
    {
        int i = _p + k;
        while (i >= _count) Fill();
        return _tokens[i];
    }

    TokenKind Kind(int k = 0)
    {
        int i = _p + k;
        if (i < _count) return _tokens[i].Kind;
        return Peek(k).Kind;
    }

    void Fill()
    {
        if (_count == _tokens.Length) Grow();
        if (_count > 0 && _tokens[_count - 1].Kind == TokenKind.EndMarker)
        {
            _tokens[_count] = _tokens[_count - 1];
            _count++;
            return;
        }
        // Lex first: in "_tokens[_count++] = Next()" the index is taken before the call, so a
        // tokenizer error would leave a counted slot holding an old token (from a previous file,
        // now that the array is pooled).
        // _lexing stays true when the tokenizer throws: that tells a tokenizer error from a
        // parser error without an exception handler on this per-token path.
        _lexing = true;
        var next = _lexer.Next();
        _lexing = false;
        _tokens[_count++] = next;
    }

    void Grow()
    {
        var bigger = System.Buffers.ArrayPool<Token>.Shared.Rent(_tokens.Length * 2);
        Array.Copy(_tokens, bigger, _count);
        System.Buffers.ArrayPool<Token>.Shared.Return(_tokens);
        _tokens = bigger;
    }

    /// <summary>Returns the token buffer to the pool; the parser is unusable afterwards.</summary>
    public void Dispose()
    {
        var tokens = _tokens;
        _tokens = [];
        _count = 0;
        if (tokens.Length > 0) System.Buffers.ArrayPool<Token>.Shared.Return(tokens);
    }

    Token Advance()
    {
        var t = Peek();
        _p++;
        return t;
    }

    /// <summary>The last consumed token: where a node being built ends.</summary>
    Token Last => _tokens[_p - 1];

    /// <summary>
    /// The last consumed token that is not NEWLINE, INDENT or DEDENT: where a compound
    /// statement ends (a trailing ';' included, as in CPython).
    /// </summary>
    Token LastSignificant
    {
        get
        {
            int i = _p - 1;
            while (i > 0 && _tokens[i].Kind is TokenKind.Newline or TokenKind.Indent or TokenKind.Dedent) i--;
            return _tokens[i];
        }
    }

    bool Accept(TokenKind kind)
    {
        if (Kind() != kind) return false;
        _p++;
        return true;
    }

    Token Expect(TokenKind kind, string? what = null)
    {
        if (Kind() == kind) return Advance();
        throw Unexpected(what != null ? $"expected {what}" : "invalid syntax");
    }

    bool IsName(int k, string text)
    {
        var t = Peek(k);
        return t.Kind == TokenKind.Name && t.End - t.Start == text.Length && Ascii(t, text);
    }

    bool Ascii(Token t, string text)
    {
        for (int i = 0; i < text.Length; i++)
            if (_src[t.Start + i] != text[i]) return false;
        return true;
    }

    string NameText(Token t) => _names.Get(_src, t.Start, t.End - t.Start);

    string SourceText(int start, int end) => Encoding.UTF8.GetString(_src, start, end - start);

    // ---- positions -------------------------------------------------------------

    // Helpers to build a node's range from its first token (or node) to the last consumed token.
    int L(Token t) => t.Line;
    int C(Token t) => t.Col;

    // ---- errors ----------------------------------------------------------------

    PythonSyntaxException InvalidSyntax() => Unexpected("invalid syntax");

    /// <summary>An error at the next token, remembering where it is (see MissingComma).</summary>
    PythonSyntaxException Unexpected(string message)
    {
        var e = ErrorAt(Peek(), message);
        e.TokenIndex = _p;
        return e;
    }

    PythonSyntaxException ErrorAt(Token t, string message)
    {
        if (t.Kind == TokenKind.Indent)
            return new PythonSyntaxException("IndentationError", "unexpected indent", t.Line, t.EndCol + 1, t.Line, t.EndCol + 1);
        if (message == "invalid syntax")
        {
            // CPython's generic error: a DEDENT is an unexpected unindent; at ENDMARKER the
            // column is its col_offset (-1) + 1.
            if (t.Kind == TokenKind.Dedent)
                return new PythonSyntaxException("IndentationError", "unexpected unindent", t.Line, t.Col < 0 ? EndOfInputColumn() : t.Col, t.Line, -1);
            if (t.Kind == TokenKind.EndMarker)
                return new PythonSyntaxException("SyntaxError", message, t.Line, 0, t.Line, 0);
        }
        if (t.Col < 0)
            return new PythonSyntaxException("SyntaxError", message, t.Line, EndOfInputColumn(), t.Line, -1);
        return new PythonSyntaxException("SyntaxError", message, t.Line, t.Col + 1, t.EndLine, t.EndCol + 1);
    }

    /// <summary>IndentationError "expected an indented block ..." at t, where the block should start.</summary>
    PythonSyntaxException ExpectedBlock(Token t, string message) => t.Col < 0
        ? new PythonSyntaxException("IndentationError", message, t.Line, EndOfInputColumn(), t.Line, -1)
        : new PythonSyntaxException("IndentationError", message, t.Line, t.Col + 1, t.Line, t.Col + 1);

    /// <summary>
    /// The column CPython gives an error at a token without one (DEDENT, ENDMARKER at end of
    /// input): where its tokenizer stands, the end of the last line, newline included.
    /// </summary>
    int EndOfInputColumn()
    {
        int end = _lexer.Length;
        if (end > 0 && _src[end - 1] == '\n') end--;
        int start = end > 0 ? Array.LastIndexOf(_src, (byte)'\n', end - 1) + 1 : 0;
        return end - start + 1;
    }

    static PythonSyntaxException ErrorAt(PositionedNode n, string message) =>
        new("SyntaxError", message, n.Lineno, n.ColOffset + 1, n.EndLineno, n.EndColOffset + 1);

    void Enter()
    {
        PythonParser.CheckStack();
        if (++_nesting > MaxNesting)
            throw new PythonSyntaxException("MemoryError", "Parser stack overflowed - Python source too complex to parse", null, null);
    }

    void Exit() => _nesting--;

    // ---- entry -----------------------------------------------------------------

    public ModModule ParseModule()
    {
        try
        {
            return ParseFileInput();
        }
        catch (PythonSyntaxException e) when (!_lexing && ChecksLaterTokens(e.Diagnostic))
        {
            var error = e.TokenIndex >= 0 ? MissingComma(e.TokenIndex) ?? e : e;
            if (_lexing) throw error;
            throw LaterTokenizerError() ?? error;
        }
    }

    /// <summary>
    /// CPython's invalid_expression: inside brackets, an expression right after a disjunction
    /// ('(a b)') is "invalid syntax. Perhaps you forgot a comma?", from the one to the other.
    /// Done only once a parse has failed at token i: tries the element before it from each
    /// start after the enclosing bracket or comma, the longest first. A tokenizer error met
    /// on the way is thrown, as CPython's second pass would raise it.
    /// </summary>
    PythonSyntaxException? MissingComma(int i)
    {
        if (i <= 0 || !StartsExpression(_tokens[i].Kind)) return null;
        int from = -1, depth = 0, s = i - 1;
        for (; s >= 0; s--)
        {
            var k = _tokens[s].Kind;
            if (k is TokenKind.Newline or TokenKind.Indent or TokenKind.Dedent) return null;
            if (k is TokenKind.RPar or TokenKind.RSqb or TokenKind.RBrace) depth++;
            else if (k is TokenKind.LPar or TokenKind.LSqb or TokenKind.LBrace)
            {
                if (depth == 0) break;
                depth--;
            }
            else if (k == TokenKind.Comma && depth == 0 && from < 0) from = s;
        }
        if (s < 0) return null; // not inside brackets
        if (from < 0) from = s;
        int save = _p, nesting = _nesting;
        try
        {
            for (int start = from + 1, tries = 0; start < i && tries < 64; start++)
            {
                _p = start;
                if (!StartsExpression(Kind())) continue;
                tries++;
                // !(NAME STRING | SOFT_KEYWORD)
                if (Kind() == TokenKind.Name && (Kind(1) is TokenKind.String or TokenKind.FStringStart
                        || IsName(0, "match") || IsName(0, "case") || IsName(0, "type") || IsName(0, "_")))
                    continue;
                try
                {
                    _nesting = nesting;
                    var a = ParseDisjunction();
                    if (_p != i) continue;
                    if (a is ExprName { Id: "print" or "exec" }) return null; // legacy statements have their own rule
                    var b = ParseExpression();
                    return new PythonSyntaxException("SyntaxError", "invalid syntax. Perhaps you forgot a comma?",
                        a.Lineno, a.ColOffset + 1, b.EndLineno, b.EndColOffset + 1);
                }
                catch (PythonSyntaxException) when (!_lexing)
                {
                    // No element from this start: try the next one.
                }
            }
            return null;
        }
        catch (InsufficientExecutionStackException)
        {
            return null;
        }
        finally
        {
            _p = save;
            _nesting = nesting;
        }
    }

    // CPython's generic "unexpected indent/unindent" and its non-syntax errors (MemoryError)
    // skip the check of the rest of the source.
    static bool ChecksLaterTokens(SyntaxDiagnostic d) =>
        d.Kind is "SyntaxError" or "IndentationError" && d.Message is not ("unexpected indent" or "unexpected unindent");

    /// <summary>
    /// After a parser error CPython tokenizes the rest of the source and reports a tokenizer
    /// error found there instead (_PyPegen_tokenize_full_source_to_check_for_errors): an
    /// unclosed bracket only if it opened on a line before the last token read, and no error
    /// raised inside an f-string. Null when the parser's error stands.
    /// </summary>
    PythonSyntaxException? LaterTokenizerError()
    {
        int errorLine = _tokens[_count - 1].Line;
        try
        {
            while (_lexer.Next().Kind != TokenKind.EndMarker) { }
            return null;
        }
        catch (PythonSyntaxException e)
        {
            if (_lexer.InFString) return null;
            if (!SignalledOnly(e.Diagnostic)) return e;
            var unclosed = _lexer.UnclosedBracketError();
            return unclosed != null && errorLine > unclosed.Diagnostic.Line ? unclosed : null;
        }
    }

    /// <summary>
    /// Tokenizer errors that CPython's tokenizer signals only by its state, not by raising:
    /// indentation, line continuation, and end of input with brackets open. The check of the
    /// rest of the source stops at them and reports at most an unclosed bracket.
    /// </summary>
    static bool SignalledOnly(SyntaxDiagnostic d) =>
        d.Kind is "IndentationError" or "TabError"
        || d.Message is "unexpected EOF while parsing" or "unexpected character after line continuation character"
        || d.Message.EndsWith(" was never closed", StringComparison.Ordinal);

    ModModule ParseFileInput()
    {
        var body = new List<Stmt>();
        while (Kind() != TokenKind.EndMarker)
        {
            if (Kind() == TokenKind.Newline) { _p++; continue; }
            ParseStatement(body);
        }
        return new ModModule(body.ToArray(), Array.Empty<TypeIgnore>());
    }
}
