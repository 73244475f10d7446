using UnsyncMigrate.Python.Ast;
using UnsyncMigrate.Python.Lexing;

namespace UnsyncMigrate.Python.Parsing;

// The match statement (PEP 634) and its patterns. 'match' and 'case' are soft keywords:
// a line starting with 'match' is a match statement only if its header parses.
internal sealed partial class Parser
{
    // The NEWLINE after "match SUBJECT" when the line was not a match statement (a call
    // 'match(x)', say): an indented block after it is CPython's invalid_match_stmt.
    int _matchWithoutColon = -1;

    Stmt? TryParseMatch()
    {
        int save = _p;
        var matchTok = Advance();
        Expr subject;
        try
        {
            // subject_expr: star_named_expression ',' star_named_expressions? | named_expression
            if (!StartsExpression(Kind()) || Kind() is TokenKind.Equal) { _p = save; return null; }
            var s0 = Peek();
            var first = ParseStarNamedExpression();
            if (Kind() == TokenKind.Comma)
            {
                var elts = new List<Expr> { first };
                while (Accept(TokenKind.Comma))
                {
                    if (Kind() == TokenKind.Colon) break;
                    elts.Add(ParseStarNamedExpression());
                }
                subject = new ExprTuple(elts.ToArray(), ExprContext.Load, s0.Line, s0.Col, Last.EndLine, Last.EndCol);
            }
            else
            {
                if (first is ExprStarred) { _p = save; return null; }
                subject = first;
            }
            if (Kind() != TokenKind.Colon || Kind(1) != TokenKind.Newline)
            {
                if (Kind() == TokenKind.Newline) _matchWithoutColon = _p;
                _p = save;
                return null;
            }
        }
        catch (PythonSyntaxException)
        {
            _p = save;
            return null;
        }
        _p += 2; // ':' NEWLINE
        if (Kind() != TokenKind.Indent)
        {
            throw ExpectedBlock(Peek(), $"expected an indented block after 'match' statement on line {matchTok.Line}");
        }
        _p++;
        var cases = new List<MatchCase>();
        while (Kind() != TokenKind.Dedent && Kind() != TokenKind.EndMarker)
        {
            if (!IsName(0, "case")) throw InvalidSyntax();
            cases.Add(ParseCaseBlock());
        }
        Accept(TokenKind.Dedent);
        var end = LastSignificant;
        return new StmtMatch(subject, cases.ToArray(), matchTok.Line, matchTok.Col, end.EndLine, end.EndCol);
    }

    MatchCase ParseCaseBlock()
    {
        var caseTok = Advance();
        var pattern = ParsePatterns();
        Expr? guard = Accept(TokenKind.If) ? ParseNamedExpression() : null;
        ExpectColon();
        var body = ParseBlock("'case' statement", caseTok);
        return new MatchCase(pattern, guard, body);
    }

    // patterns: open_sequence_pattern | pattern
    Pattern ParsePatterns()
    {
        var s0 = Peek();
        var first = ParseMaybeStarPattern();
        if (Kind() != TokenKind.Comma)
        {
            if (first is PatternMatchStar) throw InvalidSyntax();
            return first;
        }
        var list = new List<Pattern> { first };
        while (Accept(TokenKind.Comma))
        {
            if (Kind() is TokenKind.Colon or TokenKind.If) break;
            list.Add(ParseMaybeStarPattern());
        }
        return new PatternMatchSequence(list.ToArray(), s0.Line, s0.Col, Last.EndLine, Last.EndCol);
    }

    Pattern ParseMaybeStarPattern()
    {
        if (Kind() == TokenKind.Star)
        {
            var star = Advance();
            var n = Expect(TokenKind.Name);
            string name = NameText(n);
            return new PatternMatchStar(name == "_" ? null : name, star.Line, star.Col, n.EndLine, n.EndCol);
        }
        return ParsePattern();
    }

    // pattern: or_pattern ['as' capture_target]
    Pattern ParsePattern()
    {
        var s0 = Peek();
        Enter();
        var p = ParseOrPattern();
        if (Kind() == TokenKind.As)
        {
            _p++;
            var n = Peek();
            if (n.Kind != TokenKind.Name) throw InvalidSyntax();
            _p++;
            string name = NameText(n);
            if (name == "_") throw ErrorAt(n, "cannot use '_' as a target");
            if (Kind() is TokenKind.Dot or TokenKind.LPar or TokenKind.Equal) throw InvalidSyntax();
            p = new PatternMatchAs(p, name, s0.Line, s0.Col, n.EndLine, n.EndCol);
        }
        Exit();
        return p;
    }

    Pattern ParseOrPattern()
    {
        var s0 = Peek();
        var first = ParseClosedPattern();
        if (Kind() != TokenKind.VBar) return first;
        var list = new List<Pattern> { first };
        while (Accept(TokenKind.VBar)) list.Add(ParseClosedPattern());
        return new PatternMatchOr(list.ToArray(), s0.Line, s0.Col, Last.EndLine, Last.EndCol);
    }

    Pattern ParseClosedPattern()
    {
        var t = Peek();
        switch (t.Kind)
        {
            case TokenKind.None:
            case TokenKind.True:
            case TokenKind.False:
                _p++;
                object? v = t.Kind == TokenKind.None ? null : t.Kind == TokenKind.True;
                return new PatternMatchSingleton(v, t.Line, t.Col, t.EndLine, t.EndCol);
            case TokenKind.Minus:
            case TokenKind.Number:
                {
                    var value = ParseSignedNumberPattern();
                    return new PatternMatchValue(value, value.Lineno, value.ColOffset, value.EndLineno, value.EndColOffset);
                }
            // CPython's grammar takes f-strings here too (its 'strings' rule); only its compiler rejects them.
            case TokenKind.String or TokenKind.FStringStart:
                {
                    var s = ParseStrings();
                    return new PatternMatchValue(s, s.Lineno, s.ColOffset, s.EndLineno, s.EndColOffset);
                }
            case TokenKind.Name:
                return ParseNamePattern();
            case TokenKind.LPar:
                return ParseParenPattern();
            case TokenKind.LSqb:
                {
                    var open = Advance();
                    var items = new List<Pattern>();
                    while (Kind() != TokenKind.RSqb)
                    {
                        items.Add(ParseMaybeStarPattern());
                        if (!Accept(TokenKind.Comma)) break;
                    }
                    var close = Expect(TokenKind.RSqb, "']'");
                    return new PatternMatchSequence(items.ToArray(), open.Line, open.Col, close.EndLine, close.EndCol);
                }
            case TokenKind.LBrace:
                return ParseMappingPattern();
            default:
                throw InvalidSyntax();
        }
    }

    Expr ParseSignedNumberPattern()
    {
        var s0 = Peek();
        var start = Peek();
        Expr real;
        if (start.Kind == TokenKind.Minus)
        {
            _p++;
            var n = Expect(TokenKind.Number);
            var c = new ExprConstant(ParseNumber(n), null, n.Line, n.Col, n.EndLine, n.EndCol);
            real = new ExprUnaryOp(UnaryOperator.USub, c, start.Line, start.Col, n.EndLine, n.EndCol);
        }
        else
        {
            var n = Expect(TokenKind.Number);
            real = new ExprConstant(ParseNumber(n), null, n.Line, n.Col, n.EndLine, n.EndCol);
        }
        if (Kind() is TokenKind.Plus or TokenKind.Minus)
        {
            var opTok = Advance();
            var n = Expect(TokenKind.Number);
            var imagValue = ParseNumber(n);
            var imag = new ExprConstant(imagValue, null, n.Line, n.Col, n.EndLine, n.EndCol);
            if (imagValue is not PyComplex) throw ErrorAt(imag, "imaginary number required in complex literal");
            var realValue = real is ExprConstant rc ? rc.Value : ((ExprConstant)((ExprUnaryOp)real).Operand).Value;
            if (realValue is PyComplex) throw ErrorAt(real, "real number required in complex literal");
            return new ExprBinOp(real, opTok.Kind == TokenKind.Plus ? Operator.Add : Operator.Sub, imag,
                s0.Line, s0.Col, n.EndLine, n.EndCol);
        }
        return real;
    }

    Pattern ParseNamePattern()
    {
        var first = Advance();
        Expr? dotted = null;
        if (Kind() == TokenKind.Dot)
        {
            dotted = new ExprName(NameText(first), ExprContext.Load, first.Line, first.Col, first.EndLine, first.EndCol);
            while (Accept(TokenKind.Dot))
            {
                var n = Expect(TokenKind.Name);
                dotted = new ExprAttribute(dotted, NameText(n), ExprContext.Load, first.Line, first.Col, n.EndLine, n.EndCol);
            }
        }
        if (Kind() == TokenKind.LPar)
        {
            var cls = dotted ?? new ExprName(NameText(first), ExprContext.Load, first.Line, first.Col, first.EndLine, first.EndCol);
            return ParseClassPattern(cls);
        }
        if (dotted != null)
            return new PatternMatchValue(dotted, dotted.Lineno, dotted.ColOffset, dotted.EndLineno, dotted.EndColOffset);
        string name = NameText(first);
        return new PatternMatchAs(null, name == "_" ? null : name, first.Line, first.Col, first.EndLine, first.EndCol);
    }

    Pattern ParseClassPattern(Expr cls)
    {
        _p++; // '('
        var patterns = new List<Pattern>();
        var kwdAttrs = new List<string>();
        var kwdPatterns = new List<Pattern>();
        while (Kind() != TokenKind.RPar)
        {
            if (Kind() == TokenKind.Name && Kind(1) == TokenKind.Equal)
            {
                var n = Advance();
                _p++;
                kwdAttrs.Add(NameText(n));
                kwdPatterns.Add(ParsePattern());
            }
            else
            {
                var p = ParsePattern();
                if (kwdAttrs.Count > 0) throw ErrorAt(p, "positional patterns follow keyword patterns");
                patterns.Add(p);
            }
            if (!Accept(TokenKind.Comma)) break;
        }
        var close = Expect(TokenKind.RPar, "')'");
        return new PatternMatchClass(cls, patterns.ToArray(), kwdAttrs.ToArray(), kwdPatterns.ToArray(),
            cls.Lineno, cls.ColOffset, close.EndLine, close.EndCol);
    }

    Pattern ParseParenPattern()
    {
        var open = Advance();
        if (Kind() == TokenKind.RPar)
        {
            var c = Advance();
            return new PatternMatchSequence([], open.Line, open.Col, c.EndLine, c.EndCol);
        }
        var first = ParseMaybeStarPattern();
        if (Kind() == TokenKind.RPar && first is not PatternMatchStar)
        {
            _p++;
            return first; // a group keeps the inner pattern's range
        }
        var items = new List<Pattern> { first };
        Expect(TokenKind.Comma, "')'");
        while (Kind() != TokenKind.RPar)
        {
            items.Add(ParseMaybeStarPattern());
            if (!Accept(TokenKind.Comma)) break;
        }
        var close = Expect(TokenKind.RPar, "')'");
        return new PatternMatchSequence(items.ToArray(), open.Line, open.Col, close.EndLine, close.EndCol);
    }

    Pattern ParseMappingPattern()
    {
        var open = Advance();
        var keys = new List<Expr>();
        var patterns = new List<Pattern>();
        string? rest = null;
        while (Kind() != TokenKind.RBrace)
        {
            if (rest != null) throw InvalidSyntax();
            if (Accept(TokenKind.DoubleStar))
            {
                // pattern_capture_target: any name but '_'.
                if (IsName(0, "_")) throw InvalidSyntax();
                rest = NameText(Expect(TokenKind.Name));
            }
            else
            {
                keys.Add(ParseMappingKey());
                Expect(TokenKind.Colon, "':'");
                patterns.Add(ParsePattern());
            }
            if (!Accept(TokenKind.Comma)) break;
        }
        var close = Expect(TokenKind.RBrace, "'}'");
        return new PatternMatchMapping(keys.ToArray(), patterns.ToArray(), rest, open.Line, open.Col, close.EndLine, close.EndCol);
    }

    Expr ParseMappingKey()
    {
        var t = Peek();
        switch (t.Kind)
        {
            case TokenKind.None: _p++; return new ExprConstant(null, null, t.Line, t.Col, t.EndLine, t.EndCol);
            case TokenKind.True: _p++; return new ExprConstant(true, null, t.Line, t.Col, t.EndLine, t.EndCol);
            case TokenKind.False: _p++; return new ExprConstant(false, null, t.Line, t.Col, t.EndLine, t.EndCol);
            case TokenKind.Minus or TokenKind.Number: return ParseSignedNumberPattern();
            case TokenKind.String or TokenKind.FStringStart: return ParseStrings();
            case TokenKind.Name:
                {
                    _p++;
                    Expr e = new ExprName(NameText(t), ExprContext.Load, t.Line, t.Col, t.EndLine, t.EndCol);
                    if (Kind() != TokenKind.Dot) throw InvalidSyntax();
                    while (Accept(TokenKind.Dot))
                    {
                        var n = Expect(TokenKind.Name);
                        e = new ExprAttribute(e, NameText(n), ExprContext.Load, t.Line, t.Col, n.EndLine, n.EndCol);
                    }
                    return e;
                }
            default: throw InvalidSyntax();
        }
    }
}
