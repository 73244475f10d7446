using System.Globalization;
using System.Numerics;
using UnsyncMigrate.Python.Ast;
using UnsyncMigrate.Python.Lexing;

namespace UnsyncMigrate.Python.Parsing;

// Expressions, from star_expressions down to atoms.
internal sealed partial class Parser
{
    // star_expressions: star_expression (',' star_expression)* [',']
    Expr ParseStarExpressions()
    {
        var s0 = Peek();
        var first = ParseStarExpression();
        if (Kind() != TokenKind.Comma) return first;
        var elts = new List<Expr> { first };
        while (Accept(TokenKind.Comma))
        {
            if (!StartsExpression(Kind()) || Kind() is TokenKind.In or TokenKind.Yield) break;
            elts.Add(ParseStarExpression());
        }
        return new ExprTuple(elts.ToArray(), ExprContext.Load, s0.Line, s0.Col, Last.EndLine, Last.EndCol);
    }

    // star_expression: '*' bitwise_or | expression
    Expr ParseStarExpression()
    {
        if (Kind() == TokenKind.Star)
        {
            var star = Advance();
            var value = ParseBitwiseOr();
            return new ExprStarred(value, ExprContext.Load, star.Line, star.Col, Last.EndLine, Last.EndCol);
        }
        return ParseExpression();
    }

    // star_named_expression: '*' bitwise_or | named_expression
    Expr ParseStarNamedExpression()
    {
        if (Kind() == TokenKind.Star)
        {
            var star = Advance();
            var value = ParseBitwiseOr();
            return new ExprStarred(value, ExprContext.Load, star.Line, star.Col, Last.EndLine, Last.EndCol);
        }
        return ParseNamedExpression();
    }

    // named_expression: NAME ':=' expression | expression !':='
    Expr ParseNamedExpression()
    {
        if (Kind() == TokenKind.Name && Kind(1) == TokenKind.ColonEqual)
        {
            var n = Advance();
            _p++;
            var value = ParseExpression();
            var target = new ExprName(NameText(n), ExprContext.Store, n.Line, n.Col, n.EndLine, n.EndCol);
            return new ExprNamedExpr(target, value, n.Line, n.Col, Last.EndLine, Last.EndCol);
        }
        var e = ParseExpression();
        if (Kind() == TokenKind.ColonEqual)
            throw ErrorAt(e, $"cannot use assignment expressions with {Describe(e)}");
        return e;
    }

    // expression: disjunction 'if' disjunction 'else' expression | disjunction | lambdef
    Expr ParseExpression()
    {
        var s0 = Peek();
        if (Kind() == TokenKind.Lambda) return ParseLambda();
        Enter();
        var body = ParseDisjunction();
        if (Kind() == TokenKind.If)
        {
            _p++;
            var test = ParseDisjunction();
            if (!Accept(TokenKind.Else))
            {
                // invalid_expression has the lookahead !('else' | ':'): 'a if b:' is a plain syntax error.
                if (Kind() == TokenKind.Colon) throw InvalidSyntax();
                throw new PythonSyntaxException("SyntaxError", "expected 'else' after 'if' expression",
                    body.Lineno, body.ColOffset + 1, test.EndLineno, test.EndColOffset + 1);
            }
            var orelse = ParseExpression();
            body = new ExprIfExp(test, body, orelse, s0.Line, s0.Col, Last.EndLine, Last.EndCol);
        }
        Exit();
        return body;
    }

    Expr ParseLambda()
    {
        var start = Advance();
        var args = ParseParameters(TokenKind.Colon, allowAnnotations: false);
        Expect(TokenKind.Colon, "':'");
        var body = ParseExpression();
        return new ExprLambda(args, body, start.Line, start.Col, Last.EndLine, Last.EndCol);
    }

    Expr ParseDisjunction()
    {
        var s0 = Peek();
        var first = ParseConjunction();
        if (Kind() != TokenKind.Or) return first;
        var values = new List<Expr> { first };
        while (Accept(TokenKind.Or)) values.Add(ParseConjunction());
        return new ExprBoolOp(BoolOperator.Or, values.ToArray(), s0.Line, s0.Col, Last.EndLine, Last.EndCol);
    }

    Expr ParseConjunction()
    {
        var s0 = Peek();
        var first = ParseInversion();
        if (Kind() != TokenKind.And) return first;
        var values = new List<Expr> { first };
        while (Accept(TokenKind.And)) values.Add(ParseInversion());
        return new ExprBoolOp(BoolOperator.And, values.ToArray(), s0.Line, s0.Col, Last.EndLine, Last.EndCol);
    }

    Expr ParseInversion()
    {
        if (Kind() == TokenKind.Not)
        {
            var not = Advance();
            Enter();
            var operand = ParseInversion();
            Exit();
            return new ExprUnaryOp(UnaryOperator.Not, operand, not.Line, not.Col, Last.EndLine, Last.EndCol);
        }
        return ParseComparison();
    }

    Expr ParseComparison()
    {
        var s0 = Peek();
        var left = ParseBitwiseOr();
        List<CmpOperator>? ops = null;
        List<Expr>? comparators = null;
        while (true)
        {
            CmpOperator op;
            switch (Kind())
            {
                case TokenKind.EqEqual: op = CmpOperator.Eq; break;
                case TokenKind.NotEqual:
                    if (_src[Peek().Start] == '<') throw InvalidSyntax(); // '<>' needs barry_as_FLUFL
                    op = CmpOperator.NotEq;
                    break;
                case TokenKind.Less: op = CmpOperator.Lt; break;
                case TokenKind.LessEqual: op = CmpOperator.LtE; break;
                case TokenKind.Greater: op = CmpOperator.Gt; break;
                case TokenKind.GreaterEqual: op = CmpOperator.GtE; break;
                case TokenKind.In: op = CmpOperator.In; break;
                case TokenKind.Not when Kind(1) == TokenKind.In: op = CmpOperator.NotIn; _p++; break;
                case TokenKind.Is:
                    if (Kind(1) == TokenKind.Not) { _p++; op = CmpOperator.IsNot; }
                    else op = CmpOperator.Is;
                    break;
                default: goto done;
            }
            _p++;
            (ops ??= []).Add(op);
            (comparators ??= []).Add(ParseBitwiseOr());
        }
    done:
        if (ops == null) return left;
        return new ExprCompare(left, ops.ToArray(), comparators!.ToArray(), s0.Line, s0.Col, Last.EndLine, Last.EndCol);
    }

    Expr ParseBitwiseOr()
    {
        var s0 = Peek();
        var left = ParseBitwiseXor();
        while (Kind() == TokenKind.VBar)
        {
            _p++;
            var right = ParseBitwiseXor();
            left = new ExprBinOp(left, Operator.BitOr, right, s0.Line, s0.Col, Last.EndLine, Last.EndCol);
        }
        return left;
    }

    Expr ParseBitwiseXor()
    {
        var s0 = Peek();
        var left = ParseBitwiseAnd();
        while (Kind() == TokenKind.CircumFlex)
        {
            _p++;
            var right = ParseBitwiseAnd();
            left = new ExprBinOp(left, Operator.BitXor, right, s0.Line, s0.Col, Last.EndLine, Last.EndCol);
        }
        return left;
    }

    Expr ParseBitwiseAnd()
    {
        var s0 = Peek();
        var left = ParseShift();
        while (Kind() == TokenKind.Amper)
        {
            _p++;
            var right = ParseShift();
            left = new ExprBinOp(left, Operator.BitAnd, right, s0.Line, s0.Col, Last.EndLine, Last.EndCol);
        }
        return left;
    }

    Expr ParseShift()
    {
        var s0 = Peek();
        var left = ParseSum();
        while (true)
        {
            Operator op;
            if (Kind() == TokenKind.LeftShift) op = Operator.LShift;
            else if (Kind() == TokenKind.RightShift) op = Operator.RShift;
            else return left;
            _p++;
            var right = ParseSum();
            left = new ExprBinOp(left, op, right, s0.Line, s0.Col, Last.EndLine, Last.EndCol);
        }
    }

    Expr ParseSum()
    {
        var s0 = Peek();
        var left = ParseTerm();
        while (true)
        {
            Operator op;
            if (Kind() == TokenKind.Plus) op = Operator.Add;
            else if (Kind() == TokenKind.Minus) op = Operator.Sub;
            else return left;
            _p++;
            var right = ParseTerm();
            left = new ExprBinOp(left, op, right, s0.Line, s0.Col, Last.EndLine, Last.EndCol);
        }
    }

    Expr ParseTerm()
    {
        var s0 = Peek();
        var left = ParseFactor();
        while (true)
        {
            Operator op;
            switch (Kind())
            {
                case TokenKind.Star: op = Operator.Mult; break;
                case TokenKind.Slash: op = Operator.Div; break;
                case TokenKind.DoubleSlash: op = Operator.FloorDiv; break;
                case TokenKind.Percent: op = Operator.Mod; break;
                case TokenKind.At: op = Operator.MatMult; break;
                default: return left;
            }
            _p++;
            var right = ParseFactor();
            left = new ExprBinOp(left, op, right, s0.Line, s0.Col, Last.EndLine, Last.EndCol);
        }
    }

    Expr ParseFactor()
    {
        UnaryOperator op;
        switch (Kind())
        {
            case TokenKind.Plus: op = UnaryOperator.UAdd; break;
            case TokenKind.Minus: op = UnaryOperator.USub; break;
            case TokenKind.Tilde: op = UnaryOperator.Invert; break;
            default: return ParsePower();
        }
        var t = Advance();
        Enter();
        var operand = ParseFactor();
        Exit();
        return new ExprUnaryOp(op, operand, t.Line, t.Col, Last.EndLine, Last.EndCol);
    }

    Expr ParsePower()
    {
        var s0 = Peek();
        var left = ParseAwaitPrimary();
        if (Kind() != TokenKind.DoubleStar) return left;
        _p++;
        Enter();
        var right = ParseFactor();
        Exit();
        return new ExprBinOp(left, Operator.Pow, right, s0.Line, s0.Col, Last.EndLine, Last.EndCol);
    }

    Expr ParseAwaitPrimary()
    {
        if (Kind() == TokenKind.Await)
        {
            var t = Advance();
            var value = ParsePrimary();
            return new ExprAwait(value, t.Line, t.Col, Last.EndLine, Last.EndCol);
        }
        return ParsePrimary();
    }

    // primary: atom followed by '.' NAME, '(' args ')', '[' slices ']'
    Expr ParsePrimary()
    {
        var s0 = Peek();
        var e = ParseAtom();
        while (true)
        {
            switch (Kind())
            {
                case TokenKind.Dot:
                    {
                        _p++;
                        var n = Expect(TokenKind.Name);
                        e = new ExprAttribute(e, NameText(n), ExprContext.Load, s0.Line, s0.Col, n.EndLine, n.EndCol);
                        break;
                    }
                case TokenKind.LPar:
                    {
                        var open = Advance();
                        var (args, keywords) = ParseCallArguments(open, allowGenerator: true);
                        var close = Expect(TokenKind.RPar, "')'");
                        e = new ExprCall(e, args, keywords, s0.Line, s0.Col, close.EndLine, close.EndCol);
                        break;
                    }
                case TokenKind.LSqb:
                    {
                        _p++;
                        var slice = ParseSlices();
                        var close = Expect(TokenKind.RSqb, "']'");
                        e = new ExprSubscript(e, slice, ExprContext.Load, s0.Line, s0.Col, close.EndLine, close.EndCol);
                        break;
                    }
                default:
                    return e;
            }
        }
    }

    // slices: slice !',' | ','.(slice | starred_expression)+ [',']
    Expr ParseSlices()
    {
        var s0 = Peek();
        var first = Kind() == TokenKind.Star ? ParseStarExpression() : ParseSlice();
        if (Kind() != TokenKind.Comma)
        {
            if (first is ExprStarred)
                return new ExprTuple([first], ExprContext.Load, s0.Line, s0.Col, first.EndLineno, first.EndColOffset);
            return first;
        }
        var elts = new List<Expr> { first };
        while (Accept(TokenKind.Comma))
        {
            if (Kind() == TokenKind.RSqb) break;
            elts.Add(Kind() == TokenKind.Star ? ParseStarExpression() : ParseSlice());
        }
        return new ExprTuple(elts.ToArray(), ExprContext.Load, s0.Line, s0.Col, Last.EndLine, Last.EndCol);
    }

    // slice: [expression] ':' [expression] [':' [expression]] | named_expression
    Expr ParseSlice()
    {
        var start = Peek();
        Expr? lower = null;
        if (Kind() != TokenKind.Colon)
        {
            lower = ParseNamedExpression();
            if (Kind() != TokenKind.Colon) return lower;
            if (lower is ExprNamedExpr && start.Kind == TokenKind.Name) throw InvalidSyntax();
        }
        _p++; // ':'
        Expr? upper = null, step = null;
        if (Kind() is not (TokenKind.Colon or TokenKind.Comma or TokenKind.RSqb)) upper = ParseExpression();
        if (Accept(TokenKind.Colon))
        {
            if (Kind() is not (TokenKind.Comma or TokenKind.RSqb)) step = ParseExpression();
        }
        return new ExprSlice(lower, upper, step, start.Line, start.Col, Last.EndLine, Last.EndCol);
    }

    /// <summary>
    /// Arguments of a call or class: positional and starred first, then keywords and
    /// double-starred, with CPython's ordering errors. A lone generator argument takes the
    /// call's parentheses as its range.
    /// </summary>
    (Expr[] Args, Keyword[] Keywords) ParseCallArguments(Token open, bool allowGenerator)
    {
        var args = new List<Expr>();
        var keywords = new List<Keyword>();
        bool seenKeyword = false, seenDoubleStar = false;
        while (Kind() != TokenKind.RPar)
        {
            var t = Peek();
            if (t.Kind == TokenKind.Star)
            {
                if (seenDoubleStar) throw ErrorAt(t, "iterable argument unpacking follows keyword argument unpacking");
                _p++;
                var value = ParseExpression();
                args.Add(new ExprStarred(value, ExprContext.Load, t.Line, t.Col, Last.EndLine, Last.EndCol));
            }
            else if (t.Kind == TokenKind.DoubleStar)
            {
                _p++;
                var value = ParseExpression();
                keywords.Add(new Keyword(null, value, t.Line, t.Col, Last.EndLine, Last.EndCol));
                seenDoubleStar = true;
            }
            else if (t.Kind == TokenKind.Name && Kind(1) == TokenKind.Equal)
            {
                _p += 2;
                var value = ParseExpression();
                keywords.Add(new Keyword(NameText(t), value, t.Line, t.Col, Last.EndLine, Last.EndCol));
                seenKeyword = true;
            }
            else
            {
                var e = ParseNamedExpression();
                if (Kind() == TokenKind.Equal)
                {
                    if (t.Kind is TokenKind.True or TokenKind.False or TokenKind.None)
                        throw ErrorAt(e, $"cannot assign to {SourceText(t.Start, t.End)}");
                    throw ErrorAt(e, "expression cannot contain assignment, perhaps you meant \"==\"?");
                }
                if (Kind() is TokenKind.For || (Kind() == TokenKind.Async && Kind(1) == TokenKind.For))
                {
                    var gens = ParseComprehensionClauses();
                    if (!allowGenerator) throw InvalidSyntax();
                    bool alone = args.Count == 0 && keywords.Count == 0 && Kind() == TokenKind.RPar;
                    if (!alone) throw ErrorAt(e, "Generator expression must be parenthesized");
                    var close = Peek();
                    e = new ExprGeneratorExp(e, gens, open.Line, open.Col, close.EndLine, close.EndCol);
                    args.Add(e);
                    continue;
                }
                if (seenDoubleStar) throw ErrorAt(e, "positional argument follows keyword argument unpacking");
                if (seenKeyword) throw ErrorAt(e, "positional argument follows keyword argument");
                args.Add(e);
            }
            if (!Accept(TokenKind.Comma)) break;
        }
        return (args.ToArray(), keywords.ToArray());
    }

    Comprehension[] ParseComprehensionClauses()
    {
        var list = new List<Comprehension>();
        while (true)
        {
            int isAsync = 0;
            if (Kind() == TokenKind.Async && Kind(1) == TokenKind.For) { _p++; isAsync = 1; }
            else if (Kind() != TokenKind.For) break;
            _p++; // 'for'
            var target = ParseStarTargets();
            Expect(TokenKind.In, "'in'");
            var iter = ParseDisjunction();
            var ifs = new List<Expr>();
            while (Accept(TokenKind.If)) ifs.Add(ParseDisjunction());
            list.Add(new Comprehension(target, iter, ifs.ToArray(), isAsync));
        }
        return list.ToArray();
    }

    // ---- atoms -----------------------------------------------------------------

    Expr ParseAtom()
    {
        var t = Peek();
        switch (t.Kind)
        {
            case TokenKind.Name:
                _p++;
                return new ExprName(NameText(t), ExprContext.Load, t.Line, t.Col, t.EndLine, t.EndCol);
            case TokenKind.Number:
                _p++;
                return new ExprConstant(ParseNumber(t), null, t.Line, t.Col, t.EndLine, t.EndCol);
            case TokenKind.String:
            case TokenKind.FStringStart:
                return ParseStrings();
            case TokenKind.True:
                _p++;
                return new ExprConstant(true, null, t.Line, t.Col, t.EndLine, t.EndCol);
            case TokenKind.False:
                _p++;
                return new ExprConstant(false, null, t.Line, t.Col, t.EndLine, t.EndCol);
            case TokenKind.None:
                _p++;
                return new ExprConstant(null, null, t.Line, t.Col, t.EndLine, t.EndCol);
            case TokenKind.Ellipsis:
                _p++;
                return new ExprConstant(PyEllipsis.Instance, null, t.Line, t.Col, t.EndLine, t.EndCol);
            case TokenKind.LPar:
                return ParseParenthesized();
            case TokenKind.LSqb:
                return ParseListDisplay();
            case TokenKind.LBrace:
                return ParseBraceDisplay();
            default:
                throw InvalidSyntax();
        }
    }

    Expr ParseParenthesized()
    {
        var open = Advance();
        Enter();
        try
        {
            if (Kind() == TokenKind.RPar)
            {
                var close = Advance();
                return new ExprTuple([], ExprContext.Load, open.Line, open.Col, close.EndLine, close.EndCol);
            }
            if (Kind() == TokenKind.Yield)
            {
                var y = ParseYieldExpression();
                Expect(TokenKind.RPar, "')'");
                return y;
            }
            var first = ParseStarNamedExpression();
            if (Kind() is TokenKind.For || (Kind() == TokenKind.Async && Kind(1) == TokenKind.For))
            {
                if (first is ExprStarred) throw ErrorAt(first, "iterable unpacking cannot be used in comprehension");
                var gens = ParseComprehensionClauses();
                var close = Expect(TokenKind.RPar, "')'");
                return new ExprGeneratorExp(first, gens, open.Line, open.Col, close.EndLine, close.EndCol);
            }
            if (Kind() == TokenKind.RPar)
            {
                _p++;
                if (first is ExprStarred) throw ErrorAt(first, "cannot use starred expression here");
                // A group keeps its inner expression's range; remember it was parenthesised.
                return first;
            }
            if (Kind() != TokenKind.Comma) throw ClosingExpected(open, ")");
            var elts = new List<Expr> { first };
            while (Accept(TokenKind.Comma))
            {
                if (Kind() == TokenKind.RPar) break;
                elts.Add(ParseStarNamedExpression());
            }
            var end = Peek();
            if (end.Kind != TokenKind.RPar) throw ClosingExpected(open, ")");
            _p++;
            return new ExprTuple(elts.ToArray(), ExprContext.Load, open.Line, open.Col, end.EndLine, end.EndCol);
        }
        finally
        {
            Exit();
        }
    }

    PythonSyntaxException ClosingExpected(Token open, string close) =>
        InvalidSyntax();

    Expr ParseListDisplay()
    {
        var open = Advance();
        Enter();
        try
        {
            if (Kind() == TokenKind.RSqb)
            {
                var c = Advance();
                return new ExprList([], ExprContext.Load, open.Line, open.Col, c.EndLine, c.EndCol);
            }
            var first = ParseStarNamedExpression();
            if (Kind() is TokenKind.For || (Kind() == TokenKind.Async && Kind(1) == TokenKind.For))
            {
                if (first is ExprStarred) throw ErrorAt(first, "iterable unpacking cannot be used in comprehension");
                var gens = ParseComprehensionClauses();
                var close = Expect(TokenKind.RSqb, "']'");
                return new ExprListComp(first, gens, open.Line, open.Col, close.EndLine, close.EndCol);
            }
            var elts = new List<Expr> { first };
            while (Accept(TokenKind.Comma))
            {
                if (Kind() == TokenKind.RSqb) break;
                elts.Add(ParseStarNamedExpression());
            }
            var end = Expect(TokenKind.RSqb, "']'");
            return new ExprList(elts.ToArray(), ExprContext.Load, open.Line, open.Col, end.EndLine, end.EndCol);
        }
        finally
        {
            Exit();
        }
    }

    Expr ParseBraceDisplay()
    {
        var open = Advance();
        Enter();
        try
        {
            if (Kind() == TokenKind.RBrace)
            {
                var c = Advance();
                return new ExprDict([], [], open.Line, open.Col, c.EndLine, c.EndCol);
            }
            if (Kind() == TokenKind.DoubleStar) return ParseDictRest(open, null, null);
            var firstTok = Peek();
            var first = ParseStarNamedExpression();
            if (Kind() == TokenKind.Colon && first is not ExprStarred && !(first is ExprNamedExpr && firstTok.Kind == TokenKind.Name))
            {
                _p++;
                var value = ParseExpression();
                if (Kind() is TokenKind.For || (Kind() == TokenKind.Async && Kind(1) == TokenKind.For))
                {
                    var gens = ParseComprehensionClauses();
                    var close = Expect(TokenKind.RBrace, "'}'");
                    return new ExprDictComp(first, value, gens, open.Line, open.Col, close.EndLine, close.EndCol);
                }
                return ParseDictRest(open, first, value);
            }
            if (Kind() is TokenKind.For || (Kind() == TokenKind.Async && Kind(1) == TokenKind.For))
            {
                if (first is ExprStarred) throw ErrorAt(first, "iterable unpacking cannot be used in comprehension");
                var gens = ParseComprehensionClauses();
                var close = Expect(TokenKind.RBrace, "'}'");
                return new ExprSetComp(first, gens, open.Line, open.Col, close.EndLine, close.EndCol);
            }
            var elts = new List<Expr> { first };
            while (Accept(TokenKind.Comma))
            {
                if (Kind() == TokenKind.RBrace) break;
                elts.Add(ParseStarNamedExpression());
            }
            var end = Expect(TokenKind.RBrace, "'}'");
            return new ExprSet(elts.ToArray(), open.Line, open.Col, end.EndLine, end.EndCol);
        }
        finally
        {
            Exit();
        }
    }

    Expr ParseDictRest(Token open, Expr? firstKey, Expr? firstValue)
    {
        var keys = new List<Expr?>();
        var values = new List<Expr>();
        if (firstValue != null)
        {
            keys.Add(firstKey);
            values.Add(firstValue);
            if (!Accept(TokenKind.Comma)) goto close;
        }
        while (Kind() != TokenKind.RBrace)
        {
            if (Accept(TokenKind.DoubleStar))
            {
                keys.Add(null);
                values.Add(ParseBitwiseOr());
            }
            else
            {
                keys.Add(ParseExpression());
                Expect(TokenKind.Colon, "':'");
                values.Add(ParseExpression());
            }
            if (!Accept(TokenKind.Comma)) break;
        }
    close:
        var end = Expect(TokenKind.RBrace, "'}'");
        return new ExprDict(keys.ToArray(), values.ToArray(), open.Line, open.Col, end.EndLine, end.EndCol);
    }

    Expr ParseYieldExpression()
    {
        var y = Advance();
        if (Accept(TokenKind.From))
        {
            var v = ParseExpression();
            return new ExprYieldFrom(v, y.Line, y.Col, Last.EndLine, Last.EndCol);
        }
        Expr? value = StartsExpression(Kind()) ? ParseStarExpressions() : null;
        return new ExprYield(value, y.Line, y.Col, Last.EndLine, Last.EndCol);
    }

    // ---- numbers ---------------------------------------------------------------

    object ParseNumber(Token t)
    {
        var span = _src.AsSpan(t.Start, t.End - t.Start);
        Span<char> buf = span.Length <= 256 ? stackalloc char[span.Length] : new char[span.Length];
        int n = 0;
        foreach (byte b in span)
            if (b != '_') buf[n++] = (char)b;
        var s = buf[..n];
        char last = (char)(s[^1] | 0x20);
        if (last == 'j')
            return new PyComplex(0.0, double.Parse(s[..^1], NumberStyles.Float, CultureInfo.InvariantCulture));
        if (s.Length > 1 && s[0] == '0' && (s[1] | 0x20) is 'x' or 'o' or 'b')
        {
            int radix = (s[1] | 0x20) switch { 'x' => 16, 'o' => 8, _ => 2 };
            return ParseRadix(s[2..], radix);
        }
        if (s.Contains('.') || s.Contains('e') || s.Contains('E'))
            return double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (s.Length <= 18) return long.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture);
        return PyInt.Normalize(BigInteger.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture));
    }

    static object ParseRadix(ReadOnlySpan<char> digits, int radix)
    {
        int bitsPer = radix == 16 ? 4 : radix == 8 ? 3 : 1;
        if (digits.Length * bitsPer <= 62)
        {
            long v = 0;
            foreach (char c in digits) v = v * radix + HexValue(c);
            return v;
        }
        BigInteger big = BigInteger.Zero;
        foreach (char c in digits) big = big * radix + HexValue(c);
        return PyInt.Normalize(big);
    }

    static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
