using UnsyncMigrate.Python.Ast;
using UnsyncMigrate.Python.Lexing;

namespace UnsyncMigrate.Python.Parsing;

// String literals: implicit concatenation, escapes, bytes, and PEP 701 f-strings.
internal sealed partial class Parser
{
    /// <summary>A piece of a (joined) string: literal text with its range, or a formatted value.</summary>
    readonly record struct StringPart(object? Literal, Expr? Value, int Line, int Col, int EndLine, int EndCol, string? Kind = null);

    Expr ParseStrings()
    {
        var first = Peek();
        var parts = new List<StringPart>();
        bool anyFString = false, anyBytes = false, anyText = false;
        bool firstIsUnicodeKind = false;
        int count = 0;
        while (Kind() is TokenKind.String or TokenKind.FStringStart)
        {
            var t = Advance();
            if (t.Kind == TokenKind.String)
            {
                var (value, isBytes, isU) = DecodeStringToken(t);
                if (count == 0) firstIsUnicodeKind = isU;
                if (isBytes) anyBytes = true; else anyText = true;
                parts.Add(new StringPart(value, null, t.Line, t.Col, t.EndLine, t.EndCol, isU ? "u" : null));
            }
            else
            {
                anyFString = true;
                anyText = true;
                ParseFStringBody(t, parts);
            }
            count++;
        }
        var last = Last;
        if (anyBytes && anyText)
        {
            // CPython raises it from the concatenation's action, at the last token read: the one after the strings.
            var next = Peek();
            throw new PythonSyntaxException("SyntaxError", "cannot mix bytes and nonbytes literals", next.Line, next.Col + 1, next.EndLine, next.EndCol + 1);
        }

        if (!anyFString)
        {
            object value;
            if (parts.Count == 1) value = parts[0].Literal!;
            else if (anyBytes)
            {
                var all = new List<byte>();
                foreach (var p in parts) all.AddRange((byte[])p.Literal!);
                value = all.ToArray();
            }
            else value = ConcatText(parts.Select(p => p.Literal!));
            return new ExprConstant(value, firstIsUnicodeKind ? "u" : null, first.Line, first.Col, last.EndLine, last.EndCol);
        }
        return new ExprJoinedStr(MergeParts(parts), first.Line, first.Col, last.EndLine, last.EndCol);
    }

    /// <summary>
    /// The values of a JoinedStr: each run of adjacent literals becomes one Constant spanning
    /// the run (its kind is the first literal's), and a run whose text is empty is dropped,
    /// as CPython does.
    /// </summary>
    static Expr[] MergeParts(List<StringPart> parts)
    {
        var values = new List<Expr>();
        int i = 0;
        while (i < parts.Count)
        {
            var p = parts[i];
            if (p.Value != null) { values.Add(p.Value); i++; continue; }
            int j = i;
            var texts = new List<object>();
            while (j < parts.Count && parts[j].Value == null) texts.Add(parts[j++].Literal!);
            var text = texts.Count == 1 ? texts[0] : ConcatText(texts);
            if (!IsEmptyText(text))
            {
                var last = parts[j - 1];
                values.Add(new ExprConstant(text, p.Kind, p.Line, p.Col, last.EndLine, last.EndCol));
            }
            i = j;
        }
        return values.ToArray();
    }

    static bool IsEmptyText(object o) => o is string { Length: 0 } || o is PyCodePointString { CodePoints.Count: 0 };

    static object ConcatText(IEnumerable<object> texts)
    {
        var list = texts as IList<object> ?? texts.ToList();
        if (list.All(t => t is string)) return string.Concat(list.Cast<string>());
        var cps = new List<int>();
        foreach (var t in list)
        {
            if (t is PyCodePointString c) cps.AddRange(c.CodePoints);
            else
            {
                var s = (string)t;
                for (int k = 0; k < s.Length;)
                {
                    int cp = char.IsSurrogatePair(s, k) ? char.ConvertToUtf32(s, k) : s[k];
                    cps.Add(cp);
                    k += cp > 0xFFFF ? 2 : 1;
                }
            }
        }
        return new PyCodePointString(cps.ToArray());
    }

    (object Value, bool IsBytes, bool IsU) DecodeStringToken(Token t)
    {
        int p = t.Start;
        bool raw = false, bytes = false, u = false;
        while (_src[p] != '"' && _src[p] != '\'')
        {
            switch (_src[p] | 0x20)
            {
                case 'r': raw = true; break;
                case 'b': bytes = true; break;
                case 'u': u = _src[p] == 'u'; break; // only a lowercase u gives kind 'u'
            }
            p++;
        }
        byte q = _src[p];
        int quoteLen = p + 2 < t.End && _src[p + 1] == q && _src[p + 2] == q && t.End - p >= 6 ? 3 : 1;
        int bodyStart = p + quoteLen, bodyEnd = t.End - quoteLen;
        var body = _src.AsSpan(bodyStart, bodyEnd - bodyStart);
        if (bytes)
        {
            foreach (byte b in body)
                if (b >= 0x80)
                    throw new PythonSyntaxException("SyntaxError", "bytes can only contain ASCII literal characters", t.Line, t.Col + 1, t.EndLine, t.EndCol + 1);
            return (StringDecoder.DecodeBytes(body, raw, t), true, u);
        }
        return (StringDecoder.DecodeText(body, raw, false, t), false, u);
    }

    /// <summary>Parses an f-string from just after its FStringStart to its FStringEnd.</summary>
    void ParseFStringBody(Token start, List<StringPart> parts)
    {
        bool raw = false;
        for (int p = start.Start; _src[p] != '"' && _src[p] != '\''; p++)
            if ((_src[p] | 0x20) == 'r') raw = true;
        while (true)
        {
            var t = Peek();
            switch (t.Kind)
            {
                case TokenKind.FStringMiddle:
                    _p++;
                    parts.Add(new StringPart(StringDecoder.DecodeText(_src.AsSpan(t.Start, t.End - t.Start), raw, true, t), null,
                        t.Line, t.Col, t.EndLine, t.EndCol));
                    break;
                case TokenKind.LBrace:
                    _p++;
                    ParseReplacementField(t, raw, parts);
                    break;
                case TokenKind.FStringEnd:
                    _p++;
                    return;
                default:
                    throw InvalidSyntax();
            }
        }
    }

    /// <summary>
    /// The source of a '=' debug field, without the comments and the backslash-newline
    /// continuations it may contain (CPython builds it from the joined lines).
    /// </summary>
    string DebugText(int start, int end)
    {
        var text = DebugTextWithContinuations(start, end);
        return text.Contains("\\\n") ? text.Replace("\\\n", "") : text;
    }

    string DebugTextWithContinuations(int start, int end)
    {
        var comments = _lexer.CommentSpans;
        if (comments == null) return SourceText(start, end);
        var sb = new System.Text.StringBuilder();
        int p = start;
        foreach (var (cs, ce) in comments)
        {
            if (ce <= p || cs >= end) continue;
            sb.Append(SourceText(p, cs));
            p = ce;
        }
        sb.Append(SourceText(p, end));
        return sb.ToString();
    }

    void ParseReplacementField(Token lbrace, bool raw, List<StringPart> parts)
    {
        if (Kind() == TokenKind.RBrace)
            throw ErrorAt(Peek(), "f-string: valid expression required before '}'");
        Enter();
        Expr value = Kind() == TokenKind.Yield ? ParseYieldExpression() : ParseStarExpressions();
        bool debug = false;
        Token afterEqual = default;
        if (Kind() == TokenKind.Equal)
        {
            _p++;
            debug = true;
            afterEqual = Peek();
        }
        int conversion = -1;
        if (Kind() == TokenKind.Exclamation)
        {
            var bang = Advance();
            var n = Peek();
            if (n.Kind != TokenKind.Name || n.Start != bang.End)
                throw ErrorAt(n, "f-string: conversion type must come right after the exclamanation mark");
            _p++;
            string conv = NameText(n);
            if (conv is not ("s" or "r" or "a"))
                throw ErrorAt(n, $"f-string: invalid conversion character '{conv}': expected 's', 'r', or 'a'");
            conversion = conv[0];
        }
        Expr? spec = null;
        if (Kind() == TokenKind.Colon)
        {
            var colon = Advance();
            var specParts = new List<StringPart>();
            while (Kind() != TokenKind.RBrace)
            {
                var t = Peek();
                if (t.Kind == TokenKind.FStringMiddle)
                {
                    _p++;
                    specParts.Add(new StringPart(StringDecoder.DecodeText(_src.AsSpan(t.Start, t.End - t.Start), raw, true, t), null,
                        t.Line, t.Col, t.EndLine, t.EndCol));
                }
                else if (t.Kind == TokenKind.LBrace)
                {
                    _p++;
                    ParseReplacementField(t, raw, specParts);
                }
                else throw ErrorAt(t, "f-string: expecting '}'");
            }
            // The spec ends with its last token: the '}' after it may be on a later line
            // (a newline ends a single-quoted f-string's spec).
            spec = new ExprJoinedStr(MergeParts(specParts), colon.Line, colon.Col, Last.EndLine, Last.EndCol);
        }
        if (Kind() != TokenKind.RBrace) throw Unexpected("f-string: expecting '}'");
        var rbrace = Advance();
        Exit();
        if (debug)
        {
            string text = DebugText(lbrace.End, afterEqual.Start);
            parts.Add(new StringPart(text, null, lbrace.EndLine, lbrace.EndCol, afterEqual.Line, afterEqual.Col));
            if (conversion == -1 && spec == null) conversion = 'r';
        }
        parts.Add(new StringPart(null,
            new ExprFormattedValue(value, conversion, spec, lbrace.Line, lbrace.Col, rbrace.EndLine, rbrace.EndCol),
            lbrace.Line, lbrace.Col, rbrace.EndLine, rbrace.EndCol));
    }
}
