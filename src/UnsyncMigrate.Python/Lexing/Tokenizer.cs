using System.Globalization;
using System.Text;
using UnsyncMigrate.Python.Parsing;

namespace UnsyncMigrate.Python.Lexing;

/// <summary>
/// Python 3.13's tokenizer over UTF-8 source whose line endings are already "\n".
/// Produces tokens on demand (<see cref="Next"/>), so an error is raised when the parser
/// reaches it, as in CPython. Handles indentation (with CPython's tab consistency check),
/// implicit and explicit line joining, every string prefix, and PEP 701 f-strings, which
/// come out as FStringStart, FStringMiddle, the tokens of each replacement field, and
/// FStringEnd.
/// </summary>
internal sealed class Tokenizer
{
    const int MaxIndentLevels = 100;
    const int MaxParenLevels = 200;
    const int TabSize = 8;
    const int MaxFStringLevels = 150;
    const int MaxFieldNesting = 3;

    readonly byte[] _src;
    readonly int _len;
    int _pos;
    int _line = 1;
    int _lineStart;

    // Indentation: columns with tabs to multiples of 8, and with tabs as 1 (CPython's altcol).
    readonly int[] _indents = new int[MaxIndentLevels + 1];
    readonly int[] _altIndents = new int[MaxIndentLevels + 1];
    int _indentDepth;
    int _pendingDedents;
    bool _atLineStart = true;
    bool _emittedEnd;
    bool _lastWasNewline = true;

    // Open brackets: the character and where it opened.
    readonly Stack<(byte Char, int Line, int Col)> _brackets = new();

    // Active f-strings, innermost last.
    readonly List<FStringState> _fstrings = [];

    public Tokenizer(byte[] utf8Source, int length)
    {
        _src = utf8Source;
        _len = length;
    }

    public byte[] Source => _src;

    /// <summary>The 1-based line that the tokenizer has reached (for "detected at line N").</summary>
    public int CurrentLine => _line;

    sealed class FStringState
    {
        public byte Quote;
        public bool Triple;
        public bool Raw;
        public int StartLine, StartCol;
        // One entry per open replacement field: the bracket depth of its expression and
        // whether it is in its format spec.
        public readonly List<(int Depth, bool InSpec)> Fields = [];
    }

    public Token Next()
    {
        if (_pendingDedents > 0)
        {
            _pendingDedents--;
            return Make(TokenKind.Dedent, _pos, _pos);
        }
        if (_fstrings.Count > 0)
        {
            var fs = _fstrings[^1];
            if (fs.Fields.Count == 0 || fs.Fields[^1].InSpec)
                return LexFStringText(fs);
        }
        if (_atLineStart && _brackets.Count == 0 && _fstrings.Count == 0)
        {
            var t = LexIndentation();
            if (t.HasValue) return t.Value;
        }
        return LexToken();
    }

    Token Make(TokenKind kind, int start, int end)
    {
        // Only single-line tokens are made here; multi-line ones compute their own end.
        return new Token(kind, start, end, _line, start - _lineStart, _line, end - _lineStart);
    }

    // ---- indentation -----------------------------------------------------------

    Token? LexIndentation()
    {
        while (true)
        {
            int col = 0, alt = 0, p = _pos;
            // Indentation cannot be split over lines with backslashes: as in CPython, the
            // column of the first continuation found after some whitespace is the line's
            // indentation (one at column 0 leaves it to what follows).
            int contCol = 0;
            while (p < _len)
            {
                byte c = _src[p];
                if (c == ' ') { col++; alt++; }
                else if (c == '\t') { col = (col / TabSize + 1) * TabSize; alt++; }
                else if (c == '\f') { col = alt = 0; }
                else if (c == '\\' && p + 2 < _len && _src[p + 1] == '\n')
                {
                    if (contCol == 0) contCol = col;
                    p += 2;
                    NewLineAt(p);
                    continue;
                }
                else break;
                p++;
            }
            if (contCol != 0) col = alt = contCol; // CPython sets both columns to it
            if (p >= _len)
            {
                _pos = p;
                _atLineStart = false;
                return null; // EOF: LexToken emits the closing tokens.
            }
            byte ch = _src[p];
            if (ch == '#' || ch == '\n')
            {
                // Blank or comment-only line: no tokens. Skip to the next line.
                int commentStart = p;
                while (p < _len && _src[p] != '\n') p++;
                if (ch == '#' && Comments != null) RecordComment(commentStart, p, ownLine: true);
                if (p >= _len) { _pos = p; _atLineStart = false; return null; }
                _pos = p + 1;
                NewLineAt(_pos);
                continue;
            }
            _pos = p;
            _atLineStart = false;
            return CompareIndent(col, alt, p);
        }
    }

    Token? CompareIndent(int col, int alt, int p)
    {
        int top = _indents[_indentDepth], altTop = _altIndents[_indentDepth];
        if (col == top)
        {
            if (alt != altTop) throw TabError();
            return null;
        }
        if (col > top)
        {
            if (_indentDepth + 1 >= MaxIndentLevels)
                throw PythonSyntaxException.Indentation("too many levels of indentation", _line, 0);
            if (alt <= altTop) throw TabError();
            _indentDepth++;
            _indents[_indentDepth] = col;
            _altIndents[_indentDepth] = alt;
            return new Token(TokenKind.Indent, _lineStart, p, _line, 0, _line, p - _lineStart);
        }
        int dedents = 0;
        while (_indentDepth > 0 && col < _indents[_indentDepth])
        {
            _indentDepth--;
            dedents++;
        }
        if (col != _indents[_indentDepth])
            throw new PythonSyntaxException("IndentationError", "unindent does not match any outer indentation level",
                _line, p - _lineStart + 1, _line, p - _lineStart + 1);
        if (alt != _altIndents[_indentDepth]) throw TabError();
        _pendingDedents = dedents - 1;
        return new Token(TokenKind.Dedent, p, p, _line, p - _lineStart, _line, p - _lineStart);
    }

    PythonSyntaxException TabError() =>
        new("TabError", "inconsistent use of tabs and spaces in indentation", _line, null, null, null);

    void NewLineAt(int nextLineStart)
    {
        _line++;
        _lineStart = nextLineStart;
    }

    // ---- ordinary tokens -------------------------------------------------------

    Token LexToken()
    {
    again:
        // Whitespace and comments within a line.
        while (_pos < _len)
        {
            byte c = _src[_pos];
            if (c == ' ' || c == '\t' || c == '\f') { _pos++; continue; }
            if (c == '#')
            {
                int commentStart = _pos;
                while (_pos < _len && _src[_pos] != '\n') _pos++;
                // Inside an f-string's replacement field a comment is allowed, but the
                // text of a '=' debug field leaves it out.
                if (_fstrings.Count > 0) (CommentSpans ??= []).Add((commentStart, _pos));
                if (Comments != null) RecordComment(commentStart, _pos, OnlyBlanksBefore(commentStart));
                continue;
            }
            if (c == '\\')
            {
                if (_pos + 1 < _len && _src[_pos + 1] == '\n')
                {
                    if (_pos + 2 >= _len)
                        throw new PythonSyntaxException("SyntaxError", "unexpected EOF while parsing", _line, _pos - _lineStart + 1, _line, -1);
                    _pos += 2;
                    NewLineAt(_pos);
                    continue;
                }
                if (_pos + 1 >= _len)
                    throw PythonSyntaxException.Syntax("unexpected EOF while parsing", _line, _pos - _lineStart);
                throw PythonSyntaxException.Syntax("unexpected character after line continuation character", _line, _pos - _lineStart + 1);
            }
            break;
        }
        if (_pos >= _len) return LexEnd();

        int start = _pos;
        byte b = _src[_pos];
        if (b == '\n')
        {
            _pos++;
            if (_brackets.Count > 0 || _fstrings.Count > 0)
            {
                NewLineAt(_pos);
                goto again;
            }
            var nl = new Token(TokenKind.Newline, start, start + 1, _line, start - _lineStart, _line, start - _lineStart + 1);
            NewLineAt(_pos);
            _atLineStart = true;
            _lastWasNewline = true;
            return nl;
        }
        _lastWasNewline = false;

        if (IsIdentifierStart(b))
            return LexNameOrString(start);
        if (IsDigit(b) || (b == '.' && _pos + 1 < _len && IsDigit(_src[_pos + 1])))
            return LexNumber(start);
        if (b == '"' || b == '\'')
            return LexString(start, start, "");

        // f-string replacement-field delimiters at the field's own depth.
        if (_fstrings.Count > 0)
        {
            var fs = _fstrings[^1];
            if (fs.Fields.Count > 0 && !fs.Fields[^1].InSpec && _brackets.Count == fs.Fields[^1].Depth)
            {
                if (b == '}')
                {
                    _pos++;
                    _brackets.Pop();
                    fs.Fields.RemoveAt(fs.Fields.Count - 1);
                    return Make(TokenKind.RBrace, start, _pos);
                }
                if (b == ':' )
                {
                    _pos++;
                    fs.Fields[^1] = (fs.Fields[^1].Depth, true);
                    return Make(TokenKind.Colon, start, _pos);
                }
                if (b == '!' && !(_pos + 1 < _len && _src[_pos + 1] == '='))
                {
                    _pos++;
                    return Make(TokenKind.Exclamation, start, _pos);
                }
            }
        }
        return LexOperator(start);
    }

    /// <summary>
    /// Where to collect every comment, when a caller asks for them (null while parsing, so that
    /// the parser pays only a null check per comment, never per token).
    /// </summary>
    public List<PythonComment>? Comments { get; set; }

    void RecordComment(int start, int end, bool ownLine) =>
        Comments!.Add(new PythonComment(_line, start - _lineStart, Encoding.UTF8.GetString(_src, start, end - start), ownLine));

    bool OnlyBlanksBefore(int pos)
    {
        for (int i = _lineStart; i < pos; i++)
            if (_src[i] is not ((byte)' ' or (byte)'\t' or (byte)'\f')) return false;
        return true;
    }

    /// <summary>Comments seen inside f-string replacement fields (byte ranges), if any.</summary>
    public List<(int Start, int End)>? CommentSpans { get; private set; }

    Token LexEnd()
    {
        if (_fstrings.Count > 0)
        {
            var fs = _fstrings[^1];
            throw PythonSyntaxException.Syntax(
                fs.Triple ? $"unterminated triple-quoted f-string literal (detected at line {_line})"
                          : $"unterminated f-string literal (detected at line {_line})", fs.StartLine, fs.StartCol);
        }
        if (UnclosedBracketError() is { } unclosed) throw unclosed;
        if (!_lastWasNewline)
        {
            // CPython adds the missing final newline.
            _lastWasNewline = true;
            return new Token(TokenKind.Newline, _len, _len, _line, _len - _lineStart, _line, _len - _lineStart + 1);
        }
        if (_indentDepth > 0)
        {
            _indentDepth--;
            return EndOfInput(TokenKind.Dedent);
        }
        _emittedEnd = true;
        return EndOfInput(TokenKind.EndMarker);
    }

    /// <summary>
    /// A DEDENT or ENDMARKER at end of input. CPython's tokenizer leaves them on the last line
    /// with no column (-1), so an error there is reported on that line; see Parser.ErrorAt.
    /// </summary>
    Token EndOfInput(TokenKind kind)
    {
        int line = _len > 0 && _src[_len - 1] == '\n' ? _line - 1 : _line;
        return new Token(kind, _len, _len, line, -1, line, -1);
    }

    public int Length => _len;

    /// <summary>"'(' was never closed" for the innermost open bracket, if any.</summary>
    public PythonSyntaxException? UnclosedBracketError()
    {
        if (_brackets.Count == 0) return null;
        var (ch, line, col) = _brackets.Peek();
        return PythonSyntaxException.Syntax($"'{(char)ch}' was never closed", line, col);
    }

    public bool InFString => _fstrings.Count > 0;

    public bool AtEnd => _emittedEnd;

    Token LexOperator(int start)
    {
        byte c = _src[_pos];
        byte c1 = _pos + 1 < _len ? _src[_pos + 1] : (byte)0;
        byte c2 = _pos + 2 < _len ? _src[_pos + 2] : (byte)0;
        TokenKind kind;
        int n = 1;
        switch ((char)c)
        {
            case '(': case '[': case '{':
                if (_brackets.Count >= MaxParenLevels)
                    throw PythonSyntaxException.Syntax("too many nested parentheses", _line, start - _lineStart);
                _brackets.Push((c, _line, start - _lineStart));
                kind = c == '(' ? TokenKind.LPar : c == '[' ? TokenKind.LSqb : TokenKind.LBrace;
                break;
            case ')': case ']': case '}':
                {
                    byte open = c == ')' ? (byte)'(' : c == ']' ? (byte)'[' : (byte)'{';
                    if (_brackets.Count == 0 || (_fstrings.Count > 0 && _fstrings[^1].Fields.Count > 0 && _brackets.Count <= _fstrings[^1].Fields[^1].Depth - 1))
                        throw PythonSyntaxException.Syntax($"unmatched '{(char)c}'", _line, start - _lineStart);
                    var top = _brackets.Peek();
                    if (top.Char != open)
                    {
                        string msg = top.Line != _line
                            ? $"closing parenthesis '{(char)c}' does not match opening parenthesis '{(char)top.Char}' on line {top.Line}"
                            : $"closing parenthesis '{(char)c}' does not match opening parenthesis '{(char)top.Char}'";
                        throw PythonSyntaxException.Syntax(msg, _line, start - _lineStart);
                    }
                    _brackets.Pop();
                    kind = c == ')' ? TokenKind.RPar : c == ']' ? TokenKind.RSqb : TokenKind.RBrace;
                    break;
                }
            case ':': if (c1 == '=') { kind = TokenKind.ColonEqual; n = 2; } else kind = TokenKind.Colon; break;
            case ',': kind = TokenKind.Comma; break;
            case ';': kind = TokenKind.Semi; break;
            case '.':
                if (c1 == '.' && c2 == '.') { kind = TokenKind.Ellipsis; n = 3; }
                else kind = TokenKind.Dot;
                break;
            case '@': if (c1 == '=') { kind = TokenKind.AtEqual; n = 2; } else kind = TokenKind.At; break;
            case '+': if (c1 == '=') { kind = TokenKind.PlusEqual; n = 2; } else kind = TokenKind.Plus; break;
            case '-':
                if (c1 == '=') { kind = TokenKind.MinEqual; n = 2; }
                else if (c1 == '>') { kind = TokenKind.RArrow; n = 2; }
                else kind = TokenKind.Minus;
                break;
            case '*':
                if (c1 == '*') { if (c2 == '=') { kind = TokenKind.DoubleStarEqual; n = 3; } else { kind = TokenKind.DoubleStar; n = 2; } }
                else if (c1 == '=') { kind = TokenKind.StarEqual; n = 2; }
                else kind = TokenKind.Star;
                break;
            case '/':
                if (c1 == '/') { if (c2 == '=') { kind = TokenKind.DoubleSlashEqual; n = 3; } else { kind = TokenKind.DoubleSlash; n = 2; } }
                else if (c1 == '=') { kind = TokenKind.SlashEqual; n = 2; }
                else kind = TokenKind.Slash;
                break;
            case '%': if (c1 == '=') { kind = TokenKind.PercentEqual; n = 2; } else kind = TokenKind.Percent; break;
            case '|': if (c1 == '=') { kind = TokenKind.VBarEqual; n = 2; } else kind = TokenKind.VBar; break;
            case '&': if (c1 == '=') { kind = TokenKind.AmperEqual; n = 2; } else kind = TokenKind.Amper; break;
            case '^': if (c1 == '=') { kind = TokenKind.CircumflexEqual; n = 2; } else kind = TokenKind.CircumFlex; break;
            case '~': kind = TokenKind.Tilde; break;
            case '<':
                if (c1 == '<') { if (c2 == '=') { kind = TokenKind.LeftShiftEqual; n = 3; } else { kind = TokenKind.LeftShift; n = 2; } }
                else if (c1 == '=') { kind = TokenKind.LessEqual; n = 2; }
                else if (c1 == '>') { kind = TokenKind.NotEqual; n = 2; } // only valid with barry_as_FLUFL; the parser rejects it
                else kind = TokenKind.Less;
                break;
            case '>':
                if (c1 == '>') { if (c2 == '=') { kind = TokenKind.RightShiftEqual; n = 3; } else { kind = TokenKind.RightShift; n = 2; } }
                else if (c1 == '=') { kind = TokenKind.GreaterEqual; n = 2; }
                else kind = TokenKind.Greater;
                break;
            case '=': if (c1 == '=') { kind = TokenKind.EqEqual; n = 2; } else kind = TokenKind.Equal; break;
            case '!':
                if (c1 == '=') { kind = TokenKind.NotEqual; n = 2; }
                else kind = TokenKind.Exclamation;
                break;
            default:
                throw InvalidCharacter(start);
        }
        _pos += n;
        return Make(kind, start, _pos);
    }

    PythonSyntaxException InvalidCharacter(int start)
    {
        int cp = DecodeCodePoint(start, out _);
        if (cp == 0)
            return new PythonSyntaxException("SyntaxError", "source code cannot contain null bytes", _line, null);
        string msg;
        if (cp < 0x80 && cp >= 0x20 && cp != 0x7f)
            msg = $"invalid character '{(char)cp}' (U+{cp:X4})";
        else if (cp < 0x20 || cp == 0x7f || IsNonPrintable(cp))
            msg = $"invalid non-printable character U+{cp:X4}";
        else
            msg = $"invalid character '{char.ConvertFromUtf32(cp)}' (U+{cp:X4})";
        return PythonSyntaxException.Syntax(msg, _line, start - _lineStart);
    }

    static bool IsNonPrintable(int cp)
    {
        if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return true;
        var cat = CharUnicodeInfo.GetUnicodeCategory(cp);
        return cat is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
            or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator or UnicodeCategory.SpaceSeparator;
    }

    // ---- names -----------------------------------------------------------------

    static bool IsIdentifierStart(byte b) => (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || b == '_' || b >= 0x80;

    static bool IsAsciiIdentifierChar(byte b) =>
        (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b == '_';

    static bool IsDigit(byte b) => b >= '0' && b <= '9';

    Token LexNameOrString(int start)
    {
        int p = _pos;
        bool ascii = true;
        while (p < _len)
        {
            byte b = _src[p];
            if (IsAsciiIdentifierChar(b)) { p++; continue; }
            if (b >= 0x80)
            {
                int cp = DecodeCodePoint(p, out int size);
                if (!IsXidContinue(cp) && !IsXidStart(cp)) break;
                ascii = false;
                p += size;
                continue;
            }
            break;
        }
        if (p == start) throw InvalidCharacter(start);
        // A string prefix directly followed by a quote.
        int n = p - start;
        if (ascii && n <= 2 && p < _len && (_src[p] == '"' || _src[p] == '\''))
        {
            string prefix = Encoding.ASCII.GetString(_src, start, n).ToLowerInvariant();
            if (prefix is "r" or "u" or "b" or "br" or "rb" or "f" or "fr" or "rf")
                return LexString(start, p, prefix);
        }
        if (!ascii)
        {
            // Validate with CPython's rules (XID_Start then XID_Continue, after NFKC).
            int q = start;
            bool first = true;
            while (q < p)
            {
                int cp = DecodeCodePoint(q, out int size);
                bool ok = first ? (cp == '_' || IsXidStart(cp)) : IsXidContinue(cp);
                if (!ok)
                {
                    // CPython validates the NFKC form; accept what normalises to valid.
                    string norm = Encoding.UTF8.GetString(_src, start, p - start).Normalize(NormalizationForm.FormKC);
                    if (!IsValidIdentifier(norm))
                    {
                        _pos = q;
                        throw InvalidCharacter(q);
                    }
                    break;
                }
                first = false;
                q += size;
            }
        }
        _pos = p;
        var kind = ascii ? KeywordKind(start, n) : TokenKind.Name;
        return Make(kind, start, p);
    }

    static bool IsValidIdentifier(string s)
    {
        for (int i = 0; i < s.Length;)
        {
            int cp = char.ConvertToUtf32(s, i);
            bool ok = i == 0 ? cp == '_' || IsXidStart(cp) : IsXidContinue(cp);
            if (!ok) return false;
            i += char.IsSurrogatePair(s, i) ? 2 : 1;
        }
        return s.Length > 0;
    }

    internal static bool IsXidStart(int cp)
    {
        if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || cp == '_';
        if (cp is 0x1885 or 0x1886 or 0x2118 or 0x212E or 0x309B or 0x309C) return true; // Other_ID_Start
        var cat = CharUnicodeInfo.GetUnicodeCategory(cp);
        return cat is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.LetterNumber;
    }

    internal static bool IsXidContinue(int cp)
    {
        if (cp < 0x80) return IsAsciiIdentifierChar((byte)cp);
        if (IsXidStart(cp)) return true;
        if (cp is 0x00B7 or 0x0387 or 0x19DA || (cp >= 0x1369 && cp <= 0x1371)) return true; // Other_ID_Continue
        var cat = CharUnicodeInfo.GetUnicodeCategory(cp);
        return cat is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.ConnectorPunctuation;
    }

    int DecodeCodePoint(int p, out int size)
    {
        byte b = _src[p];
        if (b < 0x80) { size = 1; return b; }
        var status = System.Text.Rune.DecodeFromUtf8(_src.AsSpan(p, Math.Min(4, _len - p)), out var rune, out size);
        if (status != System.Buffers.OperationStatus.Done) { size = 1; return 0xFFFD; }
        return rune.Value;
    }

    static TokenKind KeywordKind(ReadOnlySpan<byte> s)
    {
        switch (s.Length)
        {
            case 2:
                if (s.SequenceEqual("if"u8)) return TokenKind.If;
                if (s.SequenceEqual("in"u8)) return TokenKind.In;
                if (s.SequenceEqual("is"u8)) return TokenKind.Is;
                if (s.SequenceEqual("or"u8)) return TokenKind.Or;
                if (s.SequenceEqual("as"u8)) return TokenKind.As;
                break;
            case 3:
                if (s.SequenceEqual("def"u8)) return TokenKind.Def;
                if (s.SequenceEqual("for"u8)) return TokenKind.For;
                if (s.SequenceEqual("and"u8)) return TokenKind.And;
                if (s.SequenceEqual("not"u8)) return TokenKind.Not;
                if (s.SequenceEqual("del"u8)) return TokenKind.Del;
                if (s.SequenceEqual("try"u8)) return TokenKind.Try;
                break;
            case 4:
                if (s.SequenceEqual("None"u8)) return TokenKind.None;
                if (s.SequenceEqual("True"u8)) return TokenKind.True;
                if (s.SequenceEqual("else"u8)) return TokenKind.Else;
                if (s.SequenceEqual("elif"u8)) return TokenKind.Elif;
                if (s.SequenceEqual("from"u8)) return TokenKind.From;
                if (s.SequenceEqual("pass"u8)) return TokenKind.Pass;
                if (s.SequenceEqual("with"u8)) return TokenKind.With;
                break;
            case 5:
                if (s.SequenceEqual("False"u8)) return TokenKind.False;
                if (s.SequenceEqual("class"u8)) return TokenKind.Class;
                if (s.SequenceEqual("while"u8)) return TokenKind.While;
                if (s.SequenceEqual("yield"u8)) return TokenKind.Yield;
                if (s.SequenceEqual("break"u8)) return TokenKind.Break;
                if (s.SequenceEqual("raise"u8)) return TokenKind.Raise;
                if (s.SequenceEqual("async"u8)) return TokenKind.Async;
                if (s.SequenceEqual("await"u8)) return TokenKind.Await;
                break;
            case 6:
                if (s.SequenceEqual("return"u8)) return TokenKind.Return;
                if (s.SequenceEqual("import"u8)) return TokenKind.Import;
                if (s.SequenceEqual("lambda"u8)) return TokenKind.Lambda;
                if (s.SequenceEqual("global"u8)) return TokenKind.Global;
                if (s.SequenceEqual("assert"u8)) return TokenKind.Assert;
                if (s.SequenceEqual("except"u8)) return TokenKind.Except;
                break;
            case 7:
                if (s.SequenceEqual("finally"u8)) return TokenKind.Finally;
                break;
            case 8:
                if (s.SequenceEqual("continue"u8)) return TokenKind.Continue;
                if (s.SequenceEqual("nonlocal"u8)) return TokenKind.Nonlocal;
                break;
        }
        return TokenKind.Name;
    }

    TokenKind KeywordKind(int start, int n) => KeywordKind(_src.AsSpan(start, n));

    // ---- numbers ---------------------------------------------------------------

    Token LexNumber(int start)
    {
        int p = _pos;
        byte c = _src[p];
        if (c == '0' && p + 1 < _len && (_src[p + 1] | 0x20) is (byte)'x' or (byte)'o' or (byte)'b')
        {
            byte radixCh = (byte)(_src[p + 1] | 0x20);
            p += 2;
            string kindName = radixCh == 'x' ? "hexadecimal" : radixCh == 'o' ? "octal" : "binary";
            bool any = false;
            while (true)
            {
                if (p < _len && _src[p] == '_') p++;
                if (p < _len && IsRadixDigit(_src[p], radixCh)) { any = true; p++; while (p < _len && IsRadixDigit(_src[p], radixCh)) p++; }
                else
                {
                    if (p < _len && IsDigit(_src[p]) && radixCh != 'x')
                        throw PythonSyntaxException.Syntax($"invalid digit '{(char)_src[p]}' in {kindName} literal", _line, p - _lineStart);
                    if (!any || _src[p - 1] == '_')
                        throw PythonSyntaxException.Syntax($"invalid {kindName} literal", _line, p - _lineStart);
                    break;
                }
                if (!(p < _len && _src[p] == '_')) break;
            }
            VerifyEndOfNumber(p, kindName);
            _pos = p;
            return Make(TokenKind.Number, start, p);
        }

        bool isFloat = false;
        // Integer part (may be empty for ".5").
        if (c != '.')
        {
            p = ScanDecimalDigits(p);
        }
        if (p < _len && _src[p] == '.')
        {
            isFloat = true;
            p++;
            if (p < _len && IsDigit(_src[p])) p = ScanDecimalDigits(p);
        }
        if (p < _len && (_src[p] | 0x20) == 'e')
        {
            int e = p;
            p++;
            if (p < _len && (_src[p] == '+' || _src[p] == '-')) p++;
            if (p < _len && IsDigit(_src[p]))
            {
                p = ScanDecimalDigits(p);
                isFloat = true;
            }
            else
            {
                // "1e" or "1else": the 'e' may start a keyword.
                p = e;
                VerifyEndOfNumber(p, "decimal");
                goto done;
            }
        }
        if (p < _len && (_src[p] | 0x20) == 'j')
        {
            p++;
            VerifyEndOfNumber(p, "imaginary");
            goto done;
        }
        if (!isFloat)
        {
            // Leading zeros are only allowed for zero itself.
            if (c == '0')
            {
                for (int q = start; q < p; q++)
                    if (_src[q] != '0' && _src[q] != '_')
                        throw PythonSyntaxException.Syntax(
                            "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                            _line, start - _lineStart, _line, p - _lineStart + 1);
            }
        }
        VerifyEndOfNumber(p, "decimal");
    done:
        _pos = p;
        return Make(TokenKind.Number, start, p);
    }

    int ScanDecimalDigits(int p)
    {
        while (true)
        {
            while (p < _len && IsDigit(_src[p])) p++;
            if (p < _len && _src[p] == '_')
            {
                if (p + 1 < _len && IsDigit(_src[p + 1])) { p++; continue; }
                throw PythonSyntaxException.Syntax("invalid decimal literal", _line, p - _lineStart + 1);
            }
            return p;
        }
    }

    static bool IsRadixDigit(byte b, byte radix) => radix switch
    {
        (byte)'x' => IsDigit(b) || ((b | 0x20) >= 'a' && (b | 0x20) <= 'f'),
        (byte)'o' => b >= '0' && b <= '7',
        _ => b == '0' || b == '1',
    };

    /// <summary>
    /// After a number, an identifier character is an error unless it starts one of the
    /// keywords CPython tolerates there (<c>1if x else y</c>, with a warning).
    /// </summary>
    void VerifyEndOfNumber(int p, string kindName)
    {
        if (p >= _len) return;
        byte b = _src[p];
        if (!IsIdentifierStart(b) && !IsDigit(b)) return;
        ReadOnlySpan<byte> rest = _src.AsSpan(p, _len - p);
        foreach (var kw in TolerableKeywords)
            if (rest.StartsWith(kw)) return;
        int col = p - _lineStart;
        throw PythonSyntaxException.Syntax($"invalid {kindName} literal", _line, kindName == "decimal" ? col - 1 < 0 ? col : col - 1 : col);
    }

    static readonly byte[][] TolerableKeywords =
        ["and"u8.ToArray(), "else"u8.ToArray(), "for"u8.ToArray(), "if"u8.ToArray(), "in"u8.ToArray(),
         "is"u8.ToArray(), "not"u8.ToArray(), "or"u8.ToArray()];

    // ---- strings ---------------------------------------------------------------

    Token LexString(int start, int quotePos, string prefix)
    {
        byte q = _src[quotePos];
        bool triple = quotePos + 2 < _len && _src[quotePos + 1] == q && _src[quotePos + 2] == q;
        int startLine = _line, startCol = start - _lineStart;
        if (prefix.Contains('f'))
        {
            // CPython's MAXFSTRINGLEVEL (150) counts the f-string being opened.
            if (_fstrings.Count + 1 >= MaxFStringLevels)
            {
                int col = quotePos - _lineStart + 1;
                throw new PythonSyntaxException("SyntaxError", "too many nested f-strings", _line, col, _line, col);
            }
            var fs = new FStringState
            {
                Quote = q, Triple = triple, Raw = prefix.Contains('r'), StartLine = startLine, StartCol = startCol,
            };
            _fstrings.Add(fs);
            _pos = quotePos + (triple ? 3 : 1);
            return Make(TokenKind.FStringStart, start, _pos);
        }
        int p = quotePos + (triple ? 3 : 1);
        int line = _line, lineStart = _lineStart;
        while (true)
        {
            if (p >= _len)
            {
                throw PythonSyntaxException.Syntax(
                    triple ? $"unterminated triple-quoted string literal (detected at line {line})"
                           : $"unterminated string literal (detected at line {line})", startLine, startCol);
            }
            byte c = _src[p];
            if (c == '\\')
            {
                if (p + 1 < _len)
                {
                    if (_src[p + 1] == '\n') { p += 2; line++; lineStart = p; continue; }
                    p += 2;
                    continue;
                }
                p++;
                continue;
            }
            if (c == '\n')
            {
                if (!triple)
                    throw PythonSyntaxException.Syntax($"unterminated string literal (detected at line {startLine})", startLine, startCol);
                p++;
                line++;
                lineStart = p;
                continue;
            }
            if (c == q)
            {
                if (!triple) { p++; break; }
                if (p + 2 < _len && _src[p + 1] == q && _src[p + 2] == q) { p += 3; break; }
            }
            p++;
        }
        var tok = new Token(TokenKind.String, start, p, startLine, startCol, line, p - lineStart);
        _pos = p;
        _line = line;
        _lineStart = lineStart;
        return tok;
    }

    /// <summary>Literal text of an f-string (or of a format spec): up to a field, the end, or the spec's end.</summary>
    Token LexFStringText(FStringState fs)
    {
        bool inSpec = fs.Fields.Count > 0;
        int start = _pos, startLine = _line, startCol = _pos - _lineStart;
        int p = _pos;
        while (true)
        {
            if (p >= _len)
            {
                _pos = p;
                throw PythonSyntaxException.Syntax(
                    fs.Triple ? $"unterminated triple-quoted f-string literal (detected at line {_line})"
                              : $"unterminated f-string literal (detected at line {_line})", fs.StartLine, fs.StartCol);
            }
            byte c = _src[p];
            if (c == fs.Quote && (!fs.Triple || (p + 2 < _len && _src[p + 1] == c && _src[p + 2] == c)))
            {
                if (inSpec)
                {
                    _pos = p;
                    if (p > start) return FinishMiddle(start, startLine, startCol);
                    throw PythonSyntaxException.Syntax("f-string: expecting '}'", _line, p - _lineStart);
                }
                if (p > start)
                {
                    _pos = p;
                    return FinishMiddle(start, startLine, startCol);
                }
                int n = fs.Triple ? 3 : 1;
                _pos = p + n;
                _fstrings.RemoveAt(_fstrings.Count - 1);
                _lastWasNewline = false;
                return Make(TokenKind.FStringEnd, p, p + n);
            }
            if (c == '\n')
            {
                if (!fs.Triple)
                {
                    if (inSpec)
                    {
                        _pos = p;
                        if (p > start) return FinishMiddle(start, startLine, startCol);
                        // A newline ends a single-quoted f-string's format spec, as in CPython: the
                        // rest of the field is lexed as code (the newline is space inside the braces).
                        fs.Fields[^1] = (fs.Fields[^1].Depth, false);
                        return LexToken();
                    }
                    throw PythonSyntaxException.Syntax($"unterminated f-string literal (detected at line {_line})", fs.StartLine, fs.StartCol);
                }
                p++;
                NewLineAt(p);
                continue;
            }
            if (c == '\\')
            {
                if (p + 1 < _len)
                {
                    byte d = _src[p + 1];
                    if (d == '{' || d == '}') { p++; continue; } // the brace keeps its meaning
                    if (!fs.Raw && d == 'N' && p + 2 < _len && _src[p + 2] == '{')
                    {
                        // \N{NAME}: its braces are not a field.
                        int q = p + 3;
                        while (q < _len && _src[q] != '}' && _src[q] != fs.Quote && _src[q] != '\n') q++;
                        p = q < _len && _src[q] == '}' ? q + 1 : q;
                        continue;
                    }
                    if (d == '\n') { p += 2; NewLineAt(p); continue; }
                    p += 2;
                    continue;
                }
                p++;
                continue;
            }
            if (c == '{')
            {
                if (!inSpec && p + 1 < _len && _src[p + 1] == '{') { p += 2; continue; }
                if (p > start)
                {
                    _pos = p;
                    return FinishMiddle(start, startLine, startCol);
                }
                if (_brackets.Count >= MaxParenLevels)
                    throw PythonSyntaxException.Syntax("too many nested parentheses", _line, p - _lineStart);
                // Fields nest through format specs, at most MAX_EXPR_NESTING (3) deep in one f-string.
                if (fs.Fields.Count >= MaxFieldNesting)
                    throw new PythonSyntaxException("SyntaxError", "f-string: expressions nested too deeply", _line, p - _lineStart, _line, p - _lineStart);
                _brackets.Push((c, _line, p - _lineStart));
                fs.Fields.Add((_brackets.Count, false));
                _pos = p + 1;
                return Make(TokenKind.LBrace, p, p + 1);
            }
            if (c == '}')
            {
                if (!inSpec)
                {
                    if (p + 1 < _len && _src[p + 1] == '}') { p += 2; continue; }
                    throw PythonSyntaxException.Syntax("f-string: single '}' is not allowed", _line, p - _lineStart);
                }
                if (p > start)
                {
                    _pos = p;
                    return FinishMiddle(start, startLine, startCol);
                }
                _brackets.Pop();
                fs.Fields.RemoveAt(fs.Fields.Count - 1);
                _pos = p + 1;
                return Make(TokenKind.RBrace, p, p + 1);
            }
            p++;
        }
    }

    Token FinishMiddle(int start, int startLine, int startCol) =>
        new(TokenKind.FStringMiddle, start, _pos, startLine, startCol, _line, _pos - _lineStart);
}
